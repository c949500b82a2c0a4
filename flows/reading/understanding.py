"""What a typed message means at one question: the one entry point the engine, `aipath
understand` and the tests share. Pure: text in, an `Understanding` out; nothing is stored here.

WHY one place: a typed answer used to be parsed, stored and forgotten, so a wrong reading ("MS in
statistics" as a bachelor's) only showed up as wrong advice. Now every reading says what it did:
`stored` with the line that reads it back ("Got it: Master's or PhD in CS or related (statistics
counts as related to CS)"), `clarify` with the options to ask about, `other_field` when the text
answers another question ("I can't afford to stop working" at the visa question), or `hint`.
Other questions answered in the same message come back in `also` ("nurse, associate degree,
about 6 hours on weekends, $2k"), so the engine can store them all and echo them in one message.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from datetime import date

from flows.content import Content
from flows.numbers import plain_numbers, words_of
from flows.reading.answer_model import KINDS
from flows.reading.corrections import Corrections
from flows.reading.doubt import Doubt
from flows.reading.question_shape import QuestionShape
from flows.reading.spoken import Spoken
from flows.reading.typos import Typos
from flows.reading.understand_also import OtherAnswers, answer_like
from flows.reading.understand_buttons import ButtonAnswers, button_numbers
from flows.reading.understand_choice import ChoiceReader
from flows.reading.understand_need import MonthlyNeed
from flows.reading.understand_number import NumberFields
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import Words, known_words, read_words
from flows.reading.understand_whose import Whose
from flows.reading.understanding_echo import Answer, Echo, Option, Understanding

__all__ = ["Answer", "Option", "Understander", "Understanding"]

_PER = re.compile(r"(?<=[a-z])/(?=[a-z])", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


class Understander:
    """Built once per process from the content; `understand` is pure and cheap (no I/O)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.v = content.vocabulary
        self.words = content.understanding
        self.echo = Echo(content)
        self.choices = ChoiceReader(self.v)
        buttons = button_numbers(content)
        self.numbers = NumberFields(self.v, buttons)
        self.guards = self.numbers.guards
        self.need = MonthlyNeed(content, self.numbers.money)
        self.question_shape = QuestionShape(self.v)
        units = "|".join(w for w, n in self.v.numbers.ones.items() if 1 <= n <= 9)
        self.compound = re.compile(rf"(?i)\b({'|'.join(self.v.numbers.tens)})-({units})\b")
        self.corrections = Corrections(self.v.corrections)
        self.conclusions = Corrections(self.v.conclusions)
        self.others = OtherAnswers(self.v, self.checked_read)
        self.typos = Typos(known_words(content))
        self.buttons = ButtonAnswers(content, self.numbers.money.other_currency, self.read)
        self.whose = Whose(self.v, self.others.worded, self.others.noted_only_with)
        n = self.v.numbers
        ages = (n.age_before, n.age_after)
        self.spoken = Spoken(
            n.spoken,
            n.units_abroad,
            n.thousand_abroad,
            ages,
            n.month_words,
            (n.ones, n.tens),
            n.glued_after,
        )
        self.doubt = Doubt(self.v, buttons, self.guards.places)

    # ------------------------------------------------------------------------------ entry point

    def understand(
        self,
        name: str,
        text: str,
        answers: Mapping[str, Answer] | None = None,
        today: date | None = None,
    ) -> Understanding:
        """What `text` typed at question `name` means. `answers` so far decide which other
        questions still count; `today` turns "since 2015" into years. Text is read once more
        with its slips fixed ("pyhton corses"): a fix that finds an answer where there was
        none, or changes the one found, is asked about, never stored."""
        got = self._understand(name, text, answers, today)
        if got.question or got.status not in ("stored", "hint"):
            return got
        fixed = self.typos.fixed(text)
        again = self._understand(name, fixed, answers, today) if fixed != text else got
        if got.status == "hint" and again.status != "stored":
            return again if again.status != "hint" else got
        if got.status == "stored" and (again.status == "hint" or again.value == got.value):
            return got  # "backend dev 5 yeras": the fix reads the same
        # a fix is a guess, never stored on its own: "IT suport 4 yrs" (support is not coding)
        values = [again.value, *(o.value for o in again.options), got.value]
        options = [Option(v, self.label(name, v)) for v in dict.fromkeys(values) if v is not None]
        echo = self.words.echo["clarify_slip"].format(fixed=fixed)
        return dataclasses.replace(
            again, status="clarify", value=None, options=tuple(options), echo=echo
        )

    def _understand(
        self,
        name: str,
        text: str,
        answers: Mapping[str, Answer] | None,
        today: date | None,
    ) -> Understanding:
        text = self.spoken.plain(text)  # "three quarters of a year", "7 anos", "👍"
        if not words_of(text):
            return Understanding("hint", name, hint="invalid_empty")
        corrected = self.corrections.latest(text)  # "3 months, no wait, more like 5": 5
        if corrected != text and (
            KINDS[name] != "choice" or self.read(name, corrected, today).values
        ):
            text = corrected  # a choice only when the correction names one ("some, no, none")
        concluded = self.conclusions.latest(text) if KINDS[name] != "choice" else text
        if concluded != text:  # "9 saved, keep 3 for emergencies, so realistically 6": 6 first
            worked = self.read(name, concluded, today)
            whole = self.read(name, text, today)
            figured = worked.stored or (worked.values and _DIGIT.search(concluded))
            if figured and whole.values and whole.values != worked.values:
                offered = tuple(dict.fromkeys((*worked.values, *whole.values)))[:4]
                return self._clarify(name, Reading(offered), {})
            text = concluded if worked.stored else text
        text = self.numbers.parts.full_years(plain_numbers(text))  # "2.000 €", "jan '21"
        exact = self.buttons.exact(name, text)
        if exact is not None:
            return self._stored(name, exact, Reading((exact,)), {})
        picked = self.buttons.by_number(name, text)
        if picked is not None:  # "4": the 4th option, or 4 of something? Offered first, asked
            return self._asked_back(name, self._stored(name, picked, Reading((picked,)), {}))
        if self.looks_like_question(text):
            said = self.question_shape.statements(text)
            if not said:
                return Understanding("hint", name, hint="not_an_answer", question=True)
            # "does excel count? pivot tables all day at my job": the answer part is read, and
            # asked back, never stored: the question casts doubt on it
            got = self._understand(name, said, answers, today)
            if got.status == "hint":  # "how much is it a month? i can't tell": the question
                return Understanding("hint", name, hint="not_an_answer", question=True)
            return self._asked_back(name, got)
        reading = self.read(name, text, today)
        reading = self.doubt.check(name, text, reading, lambda n, t: self.read(n, t, today))
        strict = not reading.values  # text answering only other questions must read as one
        known = {**(answers or {}), **({name: reading.values[0]} if reading.stored else {})}
        also = self.others.find(name, text, set(reading.spans), known, today, strict=strict)
        if reading.error and not reading.values:
            if also:
                return self._other(name, also)
            return Understanding("hint", name, hint=reading.error)
        if reading.values and self.others.belongs_elsewhere(name, text, reading, also):
            return self._elsewhere(name, also)
        owner = self.whose.belongs_to(name, text, reading)  # "work at a research lab": where
        if owner is not None:  # "$0 to spend" at the coding question: money
            theirs = self.read(owner, text, today)
            also = {**also, owner: theirs} if owner not in also and theirs.stored else also
            if also:
                return self._other(name, also)
        if self.whose.not_an_answer_here(name, text, reading, also):
            # "i'd rather not talk money", "budget is zero, nothing" at the visa question,
            # "20 hours a week is fine" at the pay question: no answer to this question
            return self._elsewhere(name, also)
        if reading.stored and reading.values[0] == 0 and KINDS[name] != "choice":
            kept = self.whose.without_others_no(name, text)
            if kept != words_of(text) and not self.read(name, kept, today).values:
                # "dual citizen so no visa needed" at the pause question: the no is the visa's
                return self._elsewhere(name, also)
        here = functools.partial(self.read, name, today=today)
        if self.whose.opening_no_is_anothers(name, text, reading, also, here):
            return self._elsewhere(name, also)  # "no, i'm a us citizen" at the budget question
        if reading.stored and self.others.undated_work(name, text, reading):
            # "I got my BSc in CS in 2018": the degree's date, not years of work
            return (
                self._other(name, also)
                if also
                else self._asked_back(name, self._stored(name, reading.values[0], reading, {}))
            )
        if reading.stored:
            return self._stored(name, reading.values[0], reading, also)
        if reading.values:
            return self._clarify(name, reading, also)
        return self._elsewhere(name, also)

    def _asked_back(self, name: str, got: Understanding) -> Understanding:
        """A stored reading offered as the first option instead, with the question's others;
        what the message says of other questions waits for their turn."""
        if got.status != "stored" or got.value is None:
            return got
        others = [v for v in _answers(self.content, name) if v != got.value]
        values = (got.value, *others)[:6]
        return self._clarify(name, Reading(tuple(values)), {})  # nothing noted elsewhere

    def checked_read(self, name: str, text: str, today: date | None = None) -> Reading:
        """`read`, then doubt: what another question's answer in passing must pass too, so
        "pharmacist for 15 years" is not noted as 15 years of software."""
        reading = self.read(name, text, today)
        return self.doubt.check(name, text, reading, lambda n, t: self.read(n, t, today))

    def read(self, name: str, text: str, today: date | None = None) -> Reading:
        """One question's reading of `text`, before other questions are considered."""
        words = read_words(text, self.v.contrasts)
        kind = KINDS[name]
        if kind == "choice":
            reading = self.guards.settle(name, words, today, self.choices.read(name, words))
            return self.need.read(text, reading) if name == "apprenticeship_pay" else reading
        own = self.choices.own_text(text, words)
        if own == text:
            return self._number(name, text, words, today)
        # "my brother took 6 months off, I need my paycheck": their number is not the answer
        mine = self._number(name, own, read_words(own, self.v.contrasts), today) if own else None
        whole = self._number(name, text, words, today)
        if mine is not None and mine.values:
            if mine.stored and set(whole.values) - set(mine.values):
                # "mum is giving me 20k, i have nothing myself": whose money counts? asked
                values = dict.fromkeys((*mine.values, *whole.values))
                return Reading(tuple(values), spans=mine.spans)
            return mine
        if not whole.stored:
            return whole
        value = whole.values[0]  # said only about someone else: asked, never stored
        return Reading((value, *(b for b in self.numbers.buttons[name] if b != value)))

    def _number(self, name: str, text: str, words: Words, today: date | None) -> Reading:
        """A number question's reading of `text`."""
        text = self.numbers.parts.without_codes(text)  # "H-1B" holds no number of hours
        text = self.compound.sub(r"\1 \2", text)  # "twenty-five" is one number, not a range
        text = _PER.sub(" / ", text)  # "3 h/week", "3 hrs/wk": a unit per period, as spaced
        if name == "years_experience":
            reading = self.numbers.years(text, words, today)
        elif name == "budget_usd":
            reading = self.numbers.budget(text, words)
        elif name == "can_pause_income":
            reading = self.numbers.pause(text, words)
        else:
            reading = self.numbers.hours(text, words)
        reading = self.numbers.conditional(
            name, text, self.guards.settle(name, words, today, reading)
        )
        if reading.stored and reading.values[0] != 0 and self.choices.zero_first(name, words):
            # "none. stay at home dad the last 5 years": the bare answer first; asked
            return Reading((0, reading.values[0]), spans=reading.spans)
        if reading is NOTHING:
            for reply, _, _ in self.choices.clause_replies(words):
                values = self.choices.reply_values(name, reply)
                if values:
                    return Reading(tuple(int(v) for v in values))
                if reply == "unsure":
                    return Reading(error="unsure_no_option")
        return reading

    def answers_another(self, name: str, text: str, today: date | None = None) -> bool:
        """Whether a statement reads as an answer to another question, even an unclear one
        ("a bachelor's in statistics and a master's in public policy" at the coding question):
        then it gets this question's hint, not a passage from the advice."""
        low = text.lower()
        for other, pattern in self.others.signals.items():
            if other == name or not pattern.search(low):
                continue
            reading = self.read(other, text, today)  # a topic names a thing or two at most
            if reading.values and (len(reading.spans) >= 3 or answer_like(low)):
                return True
        return False

    def looks_like_question(self, text: str) -> bool:
        return self.question_shape.is_question(text)

    # ------------------------------------------------------------------------------ parts

    def label(self, name: str, value: Answer) -> str:
        return self.echo.label(name, value)

    def _stored(
        self, name: str, value: Answer, reading: Reading, also: Mapping[str, Reading]
    ) -> Understanding:
        return self.echo.stored(name, value, reading, also)

    def _clarify(self, name: str, reading: Reading, also: Mapping[str, Reading]) -> Understanding:
        return self.echo.clarify(name, reading, also)

    def _other(self, name: str, also: Mapping[str, Reading]) -> Understanding:
        return self.echo.other(name, also)

    def _elsewhere(self, name: str, also: Mapping[str, Reading]) -> Understanding:
        """No answer here: what the message says of other questions is noted, and this one is
        asked again."""
        return self._other(name, also) if also else Understanding("hint", name, hint=_invalid(name))


def _invalid(name: str) -> str:
    kinds = {"choice": "invalid_choice", "money": "invalid_money"}
    return kinds.get(KINDS[name], "invalid_integer")


def _answers(content: Content, name: str) -> list[Answer]:
    """The question's answers as its buttons offer them (numbers as numbers)."""
    options = content.dialogue.questions[name].options
    if KINDS[name] == "choice":
        return [o.value for o in options]
    return [int(o.value) for o in options if o.value.isdigit()]
