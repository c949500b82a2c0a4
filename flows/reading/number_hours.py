"""Hours said as a schedule: a clock range is a length ("from 7 to 9 pm" is 2 hours), a commute
happens twice a day ("1 hour each way"), a job's own hours are left out ("I work 50h, so 5 on
top"), and hours given per part of the week add up when each part names a different period
("1.5h on weeknights, plus 4h on sunday"), or are asked when they could be each day or in all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product

from flows.numbers import has_phrase, words_of
from flows.reading.number_parts import NumberParts, alternation
from flows.reading.understand_reading import Reading

_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(
    r"(?i)\b(?:from\s+)?(\d{1,2})(?::(\d\d))?\s*(am|pm)?\s*(?:-|–|to|till|until)\s*"
    r"(\d{1,2})(?::(\d\d))?\s*(am|pm)\b"
)
_DAY_PART_CLOCK = re.compile(
    r"(?i)\b(evenings?|nights?|mornings?|afternoons?)([^.;!?\d]{0,40}?)\s+(?:from\s+)?(\d{1,2})"
    r"(?::(\d\d))?\s*(?:-|–|to|till|until)\s*(\d{1,2})(?::(\d\d))?\b(?!\s*(?:hours?|hrs?|h\b|:))"
)
"""A time range after a part of the day, with no am or pm: "evenings 7 to 9" is 2 hours, and
so is "evenings after the kids go down, 9 to 11"."""
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")
_EACH_OR_ALL = {"weekdays": 1 / 5, "weekend_total": 2.0}
"""An amount on weekdays read as each weekday's, on weekends as both days': the other way."""
_EACH = re.compile(
    r"(?i)\b(?:per|each|every|a day|daily|a night|nightly|total|in all|together|"
    r"weeknights?|evenings?|nights?)\b"
)


class HourParts:
    """The hours question's view of a message's parts; built once per vocabulary."""

    def __init__(self, numbers: NumberParts) -> None:
        self.numbers = numbers
        self.w = numbers.w

    def clock_hours(self, text: str) -> str:
        """ "from 7 to 9 pm" → "2 hours": a time of day range is how long, not two numbers."""

        def length(m: re.Match[str]) -> str:
            start = int(m.group(1)) * 60 + int(m.group(2) or 0)
            end = int(m.group(4)) * 60 + int(m.group(5) or 0)
            minutes = (end - start) % (12 * 60) or 12 * 60
            return f"{minutes / 60:g} hours"

        def evening(m: re.Match[str]) -> str:  # "evenings 7 to 9": the part of day says pm
            start = int(m.group(3)) * 60 + int(m.group(4) or 0)
            end = int(m.group(5)) * 60 + int(m.group(6) or 0)
            minutes = (end - start) % (12 * 60) or 12 * 60
            return f"{m.group(1)}{m.group(2)} {minutes / 60:g} hours"

        return _DAY_PART_CLOCK.sub(evening, _CLOCK.sub(length, text))

    def each_way(self, text: str) -> str:
        """ "1 hour each way" → "2 hours commuting": a commute happens twice a day, and the
        commute guard then asks which days when none are named."""
        pattern = re.compile(
            rf"(?i)\b(\d+(?:\.\d+)?|an|a|one)\s*(hours?|hrs?|h|minutes?|mins?)((?:\s+[a-z]+){{0,4}}?)\s+"
            rf"(?:{alternation(self.w.each_way)})\b"
        )

        def double(m: re.Match[str]) -> str:
            amount = 1.0 if m.group(1).lower() in ("a", "an", "one") else float(m.group(1))
            unit = m.group(2).lower()
            unit = unit if unit.endswith("s") or unit in ("h",) else f"{unit}s"
            return f"{amount * 2:g} {unit}{m.group(3)} commuting"

        return pattern.sub(double, text)

    def is_work_week(self, part: str) -> bool:
        """ "I work 50 hours a week": hours of a job, said before the hours for study (in the
        same sentence: "not 40, I still work. 15 tops" gives 15 to study)."""
        digit = _DIGIT.search(part)
        if digit is None:
            return False
        before = words_of(_SENTENCE_END.split(part[: digit.start()])[-1])
        if any(has_phrase(before, words_of(p)) for p in self.w.around_work):
            return False  # "after work 2h on weekdays": study hours
        return any(has_phrase(before, words_of(p)) for p in self.w.work_week)

    def schedule(
        self,
        text: str,
        read: Callable[[str], Reading],
        periods: Callable[[str], set[str]],
        amount: Callable[[str], bool],
    ) -> Reading | None:
        """Hours given per part of the week ("1.5h on weeknights, plus 4h on sunday") add up
        when each part names a different period; otherwise each part is an option. A part
        whose number only counts days ("three evenings a week") belongs to the next."""
        parts: list[tuple[str, str]] = []
        pending = ""
        for join, part in self.numbers.parts(text):
            if self.is_work_week(part):
                continue
            if not amount(part):
                pending = f"{pending} {part}"
                continue
            parts.append((join, f"{pending} {part}".strip()))
            pending = ""
        if pending and parts:
            parts[-1] = (parts[-1][0], f"{parts[-1][1]} {pending}")
        if len(parts) < 2:
            if len(parts) == 1 and len(self.numbers.parts(text)) > 1:
                return read(parts[0][1])  # the job's hours left out
            return None
        readings = [read(p) for _, p in parts]
        if any(r.error == "several_numbers" for r in readings):
            return Reading(error="several_numbers")  # a part read two ways: the whole is unsure
        if any(r.error for r in readings):
            return None
        values = [r.values[0] for r in readings if r.values]
        kinds = [frozenset(periods(p)) for _, p in parts]
        distinct = all(k for k in kinds) and len(set(kinds)) == len(kinds)
        if (
            all(r.stored for r in readings)
            and distinct
            and not self.numbers.mentions(text, self.w.alternatives)
        ):
            exact = [float(r.note_values.get("exact", r.values[0])) for r in readings]
            total = sum(exact)
            parts_text = " + ".join(f"{e:g}" for e in exact)
            value = int(total + 0.5 - 1e-6)
            # "5 on weekdays, 10 on weekends": each day, or in all? Not said: every way asked
            ways = [
                (e, e * _EACH_OR_ALL[r.note])
                if r.note in _EACH_OR_ALL and not _EACH.search(part)
                else (e,)
                for r, e, (_, part) in zip(readings, exact, parts, strict=True)
            ]
            sums = [int(sum(c) + 0.5 - 1e-6) for c in product(*ways)]
            if len(set(sums)) > 1:
                return Reading(tuple(dict.fromkeys(sums))[:4])
            return Reading(
                (value,), note="sum_hours", note_values={"parts": parts_text, "exact": f"{total:g}"}
            )
        if all(r.stored for r in readings) and len(set(values)) == 1:
            return readings[-1]  # "maybe 25, 5 a day on weekdays": both say 25
        options = [v for v in dict.fromkeys(values) if isinstance(v, int)]
        return Reading(tuple(options[:4])) if len(options) >= 2 else None
