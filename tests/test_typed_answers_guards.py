"""Competing signals in one typed answer are asked about, never stored (issue 18, round 4).

Each test covers a CLASS of message with wordings that are in none of the tuning sets: two
numbers about different subjects, a citizenship against another target country, a vague part
of the week or a commute, a dropped programme that ended with a held degree, a modifier naming
several answers, a value ruled out and named again. The third tuning set (written by someone
else, tests/tuning/typed_answers_3.yaml) must store nothing wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.understanding_eval import run_typed
from flows.reading.understanding import Understander, Understanding
from tests.reading import options

TODAY = date(2026, 12, 6)
TUNING = Path(__file__).parent / "tuning"


def read(u: Understander, field: str, text: str) -> Understanding:
    return u.understand(field, text, {}, TODAY)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("12 years in nursing, 1 of programming", 1),
        ("6 years as an accountant and maybe 2 coding", 2),
        ("20 years of teaching but only 0 as a developer", 0),
    ],
)
def test_a_number_about_another_subject_does_not_win(
    understander: Understander, text: str, wanted: int
) -> None:
    got = read(understander, "years_experience", text)
    assert got.status == "clarify" and wanted in options(got)


def test_one_number_with_its_unit_is_still_stored(understander: Understander) -> None:
    assert read(understander, "years_experience", "about 6 years of coding").value == 6


@pytest.mark.parametrize(
    "text",
    [
        "nigerian passport, hoping to work in canada",
        "I'm a brazilian citizen and want to move to the UK",
        "mexican national, looking for a job in the US",
    ],
)
def test_a_citizenship_and_another_target_country_is_asked(
    understander: Understander, text: str
) -> None:
    got = read(understander, "needs_visa", text)
    assert got.status == "clarify" and "yes" in options(got)


@pytest.mark.parametrize(
    "text",
    [
        "german citizen, want to stay in germany",
        "I'm spanish and want to work in the netherlands",
        "australian, planning to stay in australia",
    ],
)
def test_the_same_country_or_free_movement_needs_no_visa(
    understander: Understander, text: str
) -> None:
    assert read(understander, "needs_visa", text).value == "no"


def test_not_a_citizen_is_no_home_country(understander: Understander) -> None:
    got = read(understander, "needs_visa", "not a US citizen, want to work in the US")
    assert got.value == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "two hours a day, extra on saturdays and sundays",
        "3 hours on weekdays and more at weekends",
        "an hour each evening, longer on the weekend",
    ],
)
def test_a_vague_part_of_the_week_is_asked(understander: Understander, text: str) -> None:
    assert read(understander, "hours_per_week", text).status == "clarify"


@pytest.mark.parametrize(
    "text", ["30 minutes each way on the bus", "my train commute is an hour each way"]
)
def test_a_commute_without_days_is_asked(understander: Understander, text: str) -> None:
    got = read(understander, "hours_per_week", text)
    assert got.status == "clarify" and len(options(got)) >= 2


def test_a_year_at_the_hours_question_is_years_of_experience(
    understander: Understander,
) -> None:
    got = read(understander, "hours_per_week", "since 2020")
    assert got.status == "other_field" and got.also == {"years_experience": 6}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("began a doctorate in maths, quit it, came out with an MSc", "graduate"),
        ("dropped out of my PhD after getting my master's in statistics", "graduate"),
        ("I got my MSc in physics, then dropped out of a PhD", None),
    ],
)
def test_a_dropped_programme_leaves_the_degree_held(
    understander: Understander, text: str, wanted: str | None
) -> None:
    got = read(understander, "degree", text)
    if wanted is None:  # physics: related or not is asked, but always at master's level
        assert got.status == "clarify" and set(options(got)) == {"graduate", "graduate_other"}
    else:
        assert (got.status, got.value) == ("stored", wanted)


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("target_employer", "a healthcare startup"),
        ("target_employer", "a fintech company"),
        ("goal_role", "natural language processing"),
        ("learning_style", "coursera classes at my own pace"),
    ],
)
def test_a_phrase_naming_several_answers_is_asked(
    understander: Understander, field: str, text: str
) -> None:
    assert read(understander, field, text).status == "clarify"


def test_a_value_ruled_out_and_named_again_is_asked(understander: Understander) -> None:
    got = read(understander, "target_employer", "no big tech please, maybe a small company")
    assert got.status == "clarify" and options(got)[0] == "industry"


def test_no_coding_next_to_a_data_role_is_asked(understander: Understander) -> None:
    got = read(understander, "coding_experience", "financial analyst, no coding at all")
    assert got.status == "clarify" and {"none", "data"} <= set(options(got))


def test_months_until_a_named_month_count_from_the_clock(understander: Understander) -> None:
    got = read(understander, "can_pause_income", "my savings last until june")
    assert got.value == 6 and got.echo and "june" in got.echo


def test_a_budget_without_a_number_is_asked(understander: Understander) -> None:
    assert read(understander, "budget_usd", "money is no object").status == "clarify"


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("typed_answers.yaml", 0.95),
        ("typed_answers_2.yaml", 0.95),
        ("typed_answers_3.yaml", 0.95),
        ("typed_answers_4.yaml", 0.90),  # the former held-out set 2, scored at 86% before
        ("typed_answers_5.yaml", 0.88),  # written blind for tuning: 86% and 10 wrong before
        ("typed_answers_6.yaml", 0.85),  # written blind for tuning: 80% and 9 wrong before
        ("typed_answers_7.yaml", 0.90),  # the former held-out set 3: 88% and 2 wrong, clean
        ("typed_answers_8.yaml", 0.90),  # the former held-out set 5: 89% and 12 wrong, clean
        ("typed_answers_9.yaml", 0.90),  # the former held-out set 6: 89% and 7 wrong, clean
        ("typed_answers_10.yaml", 0.90),  # the former held-out set 7: 89% and 7 wrong, clean
        ("typed_answers_11.yaml", 0.90),  # the former held-out set 8: 91% and 7 wrong, clean
        ("typed_answers_12.yaml", 0.90),  # the former held-out set 9: 88% and 5 wrong, clean
        ("typed_answers_13.yaml", 0.90),  # the former held-out set 10: 91% and 2 wrong, clean
        ("typed_answers_14.yaml", 0.93),  # the former held-out set 11: 90% and 3 wrong, clean
        ("typed_answers_15.yaml", 0.95),  # the former held-out set 12: 92% and 5 wrong, clean
        ("typed_answers_16.yaml", 0.95),  # the former held-out set 13: 91% and 4 wrong, clean
        ("typed_answers_17.yaml", 0.97),  # the former held-out set 14: 97% and 1 wrong, clean
        ("typed_answers_18.yaml", 0.96),  # the former held-out set 15: 95% and 1 wrong, clean
        ("typed_answers_19.yaml", 0.95),  # the former held-out set 16: 94% and 2 wrong, clean
        ("typed_answers_20.yaml", 0.97),  # the former held-out set 17: 96% and 2 wrong, clean
        ("typed_answers_21.yaml", 0.96),  # the former held-out set 18: 93% and 4 wrong, clean
        ("typed_answers_22.yaml", 0.96),  # the former held-out set 19: 95% and 3 wrong, clean
        ("typed_answers_23.yaml", 0.96),  # the former held-out set 20: 96% and 1 wrong, clean
        ("typed_answers_24.yaml", 0.96),  # the former held-out set 21: 92% and 6 wrong, clean
        ("typed_answers_25.yaml", 0.96),  # the former held-out set 22: 96% and 2 wrong, clean
        ("typed_answers_26.yaml", 0.96),  # the former held-out set 23: 96% and 0 wrong, clean
        ("typed_answers_27.yaml", 0.96),  # the former held-out set 24: 96% and 2 wrong, clean
        ("typed_answers_28.yaml", 0.96),  # the former held-out set 25: 96% and 1 wrong, clean
        ("typed_answers_29.yaml", 0.97),  # the former held-out set 26: 97% and 0 wrong, clean
        ("typed_answers_30.yaml", 0.94),  # the former held-out set 27: 92% and 4 wrong, clean
        ("typed_answers_31.yaml", 0.96),  # the former held-out set 28: 94% and 3 wrong, clean
        ("typed_answers_32.yaml", 0.95),  # the former held-out set 29: 94% and 2 wrong, clean
        ("typed_answers_33.yaml", 0.96),  # the former held-out set 30: 95% and 4 wrong, clean
        ("typed_answers_34.yaml", 0.98),  # the former held-out set 31: 99% and 0 wrong, clean
        ("typed_answers_35.yaml", 0.98),  # the former held-out set 32: 98% and 1 wrong, clean
        ("typed_answers_36.yaml", 0.96),  # the former held-out set 37: 95% and 2 wrong, clean
        ("typed_answers_37.yaml", 0.98),  # the former held-out set 38: 97% and 0 wrong, clean
        ("typed_answers_38.yaml", 0.97),  # the former held-out set 39: 97% and 2 wrong, clean
        ("typed_answers_39.yaml", 0.98),  # the former held-out set 40: 98% and 0 wrong, clean
        ("typed_answers_40.yaml", 0.96),  # the former held-out set 43: 97% and 0 wrong, clean
        ("typed_answers_41.yaml", 0.93),  # the former held-out set 44: 92% and 2 wrong, clean
        ("typed_answers_42.yaml", 0.97),  # the former held-out set 41: 97% and 0 wrong, clean
        ("typed_answers_43.yaml", 0.97),  # the former held-out set 42: 96% and 3 wrong, clean
        ("typed_answers_44.yaml", 0.98),  # the former held-out set 45: 97% and 2 wrong, clean
        ("typed_answers_45.yaml", 0.98),  # the former held-out set 46: 97% and 1 wrong, clean
        ("typed_answers_46.yaml", 0.96),  # the former held-out set 33: 96% and 1 wrong, clean
        ("typed_answers_47.yaml", 0.96),  # the former held-out set 34: 96% and 2 wrong, clean
        ("typed_answers_48.yaml", 0.97),  # the former held-out set 35: 97% and 1 wrong, clean
        ("typed_answers_49.yaml", 0.96),  # the former held-out set 36: 96% and 2 wrong, clean
        ("typed_answers_50.yaml", 0.96),  # the former held-out set 47: 97% and 0 wrong, clean
        ("typed_answers_51.yaml", 0.97),  # the former held-out set 48: 98% and 1 wrong, clean
        ("typed_answers_52.yaml", 0.95),  # the former held-out set 49: 95% and 2 wrong, clean
        ("typed_answers_53.yaml", 0.97),  # the former held-out set 50: 96% and 3 wrong, clean
        ("typed_answers_54.yaml", 0.95),  # the former held-out set 51: 95% and 1 wrong, clean
        ("typed_answers_55.yaml", 0.97),  # the former held-out set 52: 96% and 4 wrong, clean
        ("typed_answers_56.yaml", 0.96),  # the former held-out set 59: 95% and 4 wrong, clean
        ("typed_answers_57.yaml", 0.94),  # the former held-out set 60: 89% and 6 wrong, clean
        ("typed_answers_58.yaml", 0.95),  # the former held-out set 61: 93% and 3 wrong, clean
        ("typed_answers_59.yaml", 0.93),  # the former held-out set 62: 93% and 1 wrong, clean
        ("typed_answers_60.yaml", 0.93),  # the former held-out set 63: 92% and 4 wrong, clean
        # English mixed with other languages: mostly hints (safe), none stored wrong
        ("typed_answers_61.yaml", 0.78),  # the former held-out set 64: 70% and 7 wrong, clean
        ("typed_answers_62.yaml", 0.89),  # the former held-out set 65: 89% and 3 wrong, clean
        ("typed_answers_63.yaml", 0.92),  # the former held-out set 66: 92% and 1 wrong, clean
        # the final held-out sets 53-58, scored on c82a56c, then fixed
        ("typed_answers_64.yaml", 0.89),  # set 53: 89% and 3 wrong, clean
        ("typed_answers_65.yaml", 0.87),  # set 54: 86% and 4 wrong, clean
        ("typed_answers_66.yaml", 0.90),  # set 55: 91% and 2 wrong, clean
        ("typed_answers_67.yaml", 0.93),  # set 56: 94% and 2 wrong, clean
        ("typed_answers_68.yaml", 0.91),  # set 57: 92% and 1 wrong, clean
        ("typed_answers_69.yaml", 0.89),  # set 58: 89% and 2 wrong, clean
        # round 8: held-out sets 67-69, scored once on a843f37, then fixed
        ("typed_answers_70.yaml", 0.87),  # set 67: 86% and 5 wrong, clean
        ("typed_answers_71.yaml", 0.93),  # set 68: 92% and 5 wrong, clean
        ("typed_answers_72.yaml", 0.85),  # set 69: 84% and 3 wrong, clean
        # held-out sets 73-76, scored once on 6d53d09, then fixed
        ("typed_answers_73.yaml", 0.92),  # set 73: 88% and 11 wrong, clean
        ("typed_answers_74.yaml", 0.87),  # set 74: 86% and 8 wrong, clean
        ("typed_answers_75.yaml", 0.91),  # set 75: 92% and 0 wrong
        ("typed_answers_76.yaml", 0.91),  # set 76: 91% and 4 wrong, clean
        # held-out sets 77-80, each scored once before its cases were read, then fixed
        ("typed_answers_77.yaml", 0.89),  # set 77: 90% and 2 wrong, clean
        ("typed_answers_78.yaml", 0.92),  # set 78: 92% and 2 wrong, clean
        ("typed_answers_79.yaml", 0.91),  # set 79: 91% and 2 wrong, clean
        ("typed_answers_80.yaml", 0.89),  # set 80: 90% and 1 wrong, clean
        # held-out sets 81-84, scored once on 8409212, then fixed
        ("typed_answers_81.yaml", 0.92),  # set 81: 92% and 2 wrong, clean
        ("typed_answers_82.yaml", 0.86),  # set 82: 84% and 10 wrong, clean
        ("typed_answers_83.yaml", 0.92),  # set 83: 92% and 3 wrong, clean
        ("typed_answers_84.yaml", 0.91),  # set 84: 93% and 1 wrong, clean
        # the final held-out sets 70-72, scored once on 2b19edf, then fixed
        ("typed_answers_85.yaml", 0.92),  # set 70: 92% and 2 wrong, clean
        ("typed_answers_86.yaml", 0.92),  # set 71: 91% and 4 wrong, clean
        ("typed_answers_87.yaml", 0.73),  # set 72: 74% and 1 wrong (other languages), clean
        # round 9: held-out sets 87-91, each scored once on 0b643c6, then tuned on
        ("typed_answers_88.yaml", 0.65),  # set 87: 53%, 9 wrong (mixed languages)
        ("typed_answers_89.yaml", 0.88),  # set 88: 85%, 9 wrong (fortnights, shifts)
        ("typed_answers_90.yaml", 0.89),  # set 89: 87%, none wrong (answers with questions)
        ("typed_answers_91.yaml", 0.92),  # set 90: 92%, 2 wrong (academics)
        ("typed_answers_92.yaml", 0.91),  # set 91: 90%, 4 wrong (non-native English)
        # round 9: held-out sets 92-96, each scored once on b4baba2, then tuned on
        ("typed_answers_93.yaml", 0.92),  # set 92: 89%, 12 wrong (currencies of the region)
        ("typed_answers_94.yaml", 0.90),  # set 93: 77%, 3 wrong (very short replies)
        ("typed_answers_95.yaml", 0.92),  # set 94: 93%, 2 wrong (managers, founders)
        ("typed_answers_96.yaml", 0.91),  # set 95: 91%, 4 wrong (careers told with dates)
        ("typed_answers_97.yaml", 0.89),  # set 96: 89%, 2 wrong (gen-z slang)
        # round 9: held-out sets 97-101, each scored once on e5dbbe3, then tuned on
        ("typed_answers_98.yaml", 0.88),  # set 97: 88%, 6 wrong (long, formal sentences)
        ("typed_answers_99.yaml", 0.83),  # set 98: 83%, 3 wrong (South, Southeast Asia)
        ("typed_answers_100.yaml", 0.94),  # set 99: 95%, 1 wrong (health, caring duties)
        ("typed_answers_101.yaml", 0.92),  # set 100: 91%, 5 wrong (testing the bot)
        ("typed_answers_102.yaml", 0.93),  # set 101: 94%, none wrong (a cross-section)
        # the final held-out sets 85-86, scored once on e1f92a1
        ("typed_answers_103.yaml", 0.94),  # set 85: 94% and 1 wrong (a planned course)
        ("typed_answers_104.yaml", 0.94),  # set 86: 94%, none wrong, 1 guess
        # round 10, first scored on 59ff22a, then tuned on
        ("typed_answers_105.yaml", 0.91),  # set 104: 90%, 5 wrong (plans and offers)
        ("typed_answers_106.yaml", 0.93),  # set 105: 94%, 1 wrong (numbers that aren't it)
        ("typed_answers_107.yaml", 0.89),  # set 106: 90%, 2 wrong (East Asia, NT$)
        ("typed_answers_108.yaml", 0.91),  # set 107: 92%, none wrong (two options weighed)
        ("typed_answers_109.yaml", 0.94),  # set 108: 93%, 6 wrong (others' money, "if")
        ("typed_answers_110.yaml", 0.92),  # set 109: 91%, 5 wrong (borderline technical)
        # round 10 batch 2, first scored on the working tree after batch 1's fixes
        ("typed_answers_111.yaml", 0.95),  # set 110: 95%, 1 wrong (terse phone replies)
        ("typed_answers_112.yaml", 0.89),  # set 111: 89%, 2 wrong (chatty, English-speaking)
        ("typed_answers_113.yaml", 0.93),  # set 112: 93%, 3 wrong (Africa, Middle East)
        ("typed_answers_114.yaml", 0.78),  # set 113: 78%, 2 wrong (Latin America, Iberia)
        ("typed_answers_115.yaml", 0.95),  # set 114: 96%, none wrong (working lives changed)
        # round 10 batch 3, first scored on a138c1f (and small changes after it)
        ("typed_answers_116.yaml", 0.93),  # set 115: 94%, none wrong (a cross-section)
        ("typed_answers_117.yaml", 0.88),  # set 116: 88%, 2 wrong (Europe)
        ("typed_answers_118.yaml", 0.88),  # set 117: 86%, 5 wrong (South, Southeast Asia)
        ("typed_answers_119.yaml", 0.93),  # set 118: 93%, 2 wrong (software jargon)
        ("typed_answers_120.yaml", 0.94),  # set 119: 94%, 3 wrong (unsure switchers)
        # round 10 batch 4, first scored on 84a22ce's working tree
        ("typed_answers_121.yaml", 0.92),  # set 120: 92%, 4 wrong (two or three sentences)
        ("typed_answers_122.yaml", 0.96),  # set 121: 96%, 1 wrong (over 35, families)
        ("typed_answers_123.yaml", 0.94),  # set 122: 95%, 1 wrong (students, graduates)
        ("typed_answers_124.yaml", 0.94),  # set 123: 95%, none wrong (working engineers)
        ("typed_answers_125.yaml", 0.92),  # set 124: 93%, none wrong (US and Canada)
        # round 10 batch 5, first scored on bfde4eb's working tree
        ("typed_answers_126.yaml", 0.94),  # set 125: 94%, 2 wrong (deciding what next)
        ("typed_answers_127.yaml", 0.93),  # set 126: 93%, 2 wrong (laid off, on leave)
        ("typed_answers_128.yaml", 0.90),  # set 127: 91%, 1 wrong (slightly off the question)
        ("typed_answers_129.yaml", 0.94),  # set 128: 95%, none wrong (careers with dates)
        ("typed_answers_130.yaml", 0.93),  # set 129: 94%, none wrong (money and family)
        # round 10 batch 6, first scored on 4a1b895's working tree
        ("typed_answers_131.yaml", 0.94),  # set 130: 95%, none wrong (every age)
        ("typed_answers_132.yaml", 0.96),  # set 131: 96%, 2 wrong (in the middle of a change)
        ("typed_answers_133.yaml", 0.96),  # set 132: 97%, none wrong (trades and care work)
        ("typed_answers_134.yaml", 0.96),  # set 133: 96%, none wrong, 1 guess (several facts)
        ("typed_answers_135.yaml", 0.92),  # set 134: 93%, none wrong (phone fragments)
        # round 10's final held-out sets 102-103, scored once on 7a678af
        ("typed_answers_136.yaml", 0.95),  # set 102: 96% and 1 wrong (a "no" of the visa's)
        ("typed_answers_137.yaml", 0.95),  # set 103: 96%, none wrong
        # round 10 batch 7 (after the final measurement), first scored on d8bd97c
        ("typed_answers_138.yaml", 0.95),  # set 135: 95%, 1 wrong (a degree's date as work)
        ("typed_answers_139.yaml", 0.93),  # set 136: 94%, none wrong (answers in passing)
        ("typed_answers_140.yaml", 0.92),  # set 137: 92%, 1 wrong ("budget is zero")
        ("typed_answers_141.yaml", 0.94),  # set 138: 95%, none wrong (mid-career)
        ("typed_answers_142.yaml", 0.95),  # set 139: 95%, 1 wrong (a defence in january)
        ("typed_answers_143.yaml", 0.92),  # set 142: 92%, 1 wrong ("tw0 years")
        ("typed_answers_144.yaml", 0.9),  # set 143: 90%, 1 wrong (half a working week)
        ("typed_answers_145.yaml", 0.95),  # set 144: 94%, 3 wrong, 1 guess (manual QA)
        ("typed_answers_146.yaml", 0.93),  # set 145: 92%, 2 wrong (a span, a BA left)
        ("typed_answers_147.yaml", 0.92),  # set 146: 92%, 1 wrong, 1 guess ("tl;dr")
        ("typed_answers_148.yaml", 0.91),  # set 147: 90%, 2 wrong, 1 guess
        ("typed_answers_149.yaml", 0.93),  # set 148: 93%, none wrong
        ("typed_answers_150.yaml", 0.94),  # set 149: 94%, 1 wrong (a nursing student)
        ("typed_answers_151.yaml", 0.9),  # set 150: 90%, 1 wrong (a maestría left)
        ("typed_answers_152.yaml", 0.9),  # set 151: 90%, 1 wrong, 2 guesses
        ("typed_answers_153.yaml", 0.96),  # set 152: 95%, 2 wrong (taught coding)
        ("typed_answers_154.yaml", 0.94),  # set 153: 94%, 1 wrong ("half my life")
        ("typed_answers_155.yaml", 0.92),  # set 140 (r11 final): 92%, 1 wrong (rather not)
        ("typed_answers_156.yaml", 0.95),  # set 141 (r11 final): 95%, 1 wrong (a lab)
        ("typed_answers_157.yaml", 0.82),  # set 156: 81%, 3 wrong (places for answers)
        ("typed_answers_158.yaml", 0.94),  # set 157: 94%, 1 wrong ("dual citizen lol")
        ("typed_answers_159.yaml", 0.93),  # set 158: 92%, 2 wrong (degrees given up)
        ("typed_answers_160.yaml", 0.92),  # set 159: 91%, 2 wrong (a loan, a year off)
        ("typed_answers_161.yaml", 0.93),  # set 160: 94%, none wrong
        ("typed_answers_162.yaml", 0.9),  # set 161: 89%, 1 wrong, 1 guess
        ("typed_answers_163.yaml", 0.96),  # set 162: 97%, none wrong
        ("typed_answers_164.yaml", 0.95),  # set 163: 95%, 1 wrong (contracts, a year each)
        ("typed_answers_165.yaml", 0.87),  # set 164: 88%, 1 wrong (a wife's masters)
        ("typed_answers_166.yaml", 0.86),  # set 165: 87%, none wrong
        ("typed_answers_167.yaml", 0.97),  # set 166: 98%, none wrong
        ("typed_answers_168.yaml", 0.93),  # set 167: 92%, 2 wrong, 1 guess (tutoring)
        ("typed_answers_169.yaml", 0.94),  # set 168: 94%, 1 wrong (a new MS starting)
        ("typed_answers_170.yaml", 0.95),  # set 169: 96%, none wrong
        ("typed_answers_171.yaml", 0.92),  # set 170: 93%, none wrong
        ("typed_answers_172.yaml", 0.89),  # set 171: 89%, 2 wrong ("intermediate")
        ("typed_answers_173.yaml", 0.89),  # set 172: 89%, 1 wrong (an EU agency)
        ("typed_answers_174.yaml", 0.91),  # set 173: 91%, 1 wrong ("i learn fast")
        ("typed_answers_175.yaml", 0.94),  # set 174: 93%, 3 wrong (a lawyer's title)
        ("typed_answers_176.yaml", 0.93),  # set 175: 94%, 1 wrong ($0 at the coding question)
        ("typed_answers_177.yaml", 0.89),  # set 176: 89%, 2 wrong (funding runs out in june)
        ("typed_answers_178.yaml", 0.9),  # set 177: 90%, none wrong
        ("typed_answers_179.yaml", 0.92),  # set 178: 91%, 3 wrong (a curriculum of my own)
        ("typed_answers_180.yaml", 0.88),  # set 179: 87%, 3 wrong ("so maybe 14")
        ("typed_answers_181.yaml", 0.94),  # set 154 (r11 final 2): 94%, none wrong
        ("typed_answers_182.yaml", 0.95),  # set 155 (r11 final 2): 95%, none wrong
        # round 12, batch 1: held-out sets 182-187, first scored on 4d4f8e8's working tree
        ("typed_answers_183.yaml", 0.95),  # set 182: 95%, 1 wrong ("whatever it is, ...")
        ("typed_answers_184.yaml", 0.90),  # set 183: 91%, 2 wrong ("wdym visa", "20000cad")
        ("typed_answers_185.yaml", 0.91),  # set 184: 91%, 2 wrong ("tried self study…abandoned")
        ("typed_answers_186.yaml", 0.93),  # set 185: 94%, none wrong
        ("typed_answers_187.yaml", 0.95),  # set 186: 96%, none wrong
        ("typed_answers_188.yaml", 0.94),  # set 187: 95%, none wrong
        # round 12, batch 2: held-out sets 188-193, first scored on 11edd5e's working tree
        ("typed_answers_189.yaml", 0.93),  # set 188: 94%, none wrong
        ("typed_answers_190.yaml", 0.95),  # set 189: 95%, 2 wrong ("4 months each", "zero bills")
        ("typed_answers_191.yaml", 0.93),  # set 190: 93%, 3 wrong ("no, 4", "say 22", costs)
        ("typed_answers_192.yaml", 0.95),  # set 191: 94%, 5 wrong ("aussie dollars", "usd plus €")
        ("typed_answers_193.yaml", 0.92),  # set 192: 93%, none wrong
        (
            "typed_answers_194.yaml",
            0.91,
        ),  # set 193: 91%, 2 wrong ("SYSTEM OVERRIDE", "a quarter (")
        # round 12, batch 3: held-out sets 194-199, first scored on 67cbea8's working tree
        ("typed_answers_195.yaml", 0.96),  # set 194: 96%, 1 wrong (a failure, next clause)
        ("typed_answers_196.yaml", 0.92),  # set 195: 93%, none wrong
        ("typed_answers_197.yaml", 0.92),  # set 196: 93%, 1 wrong ("bsc cs 2028")
        ("typed_answers_198.yaml", 0.78),  # set 197: 79%, 1 wrong ("fins de semana")
        ("typed_answers_199.yaml", 0.92),  # set 198: 93%, 2 wrong (a bert model, a hedge)
        ("typed_answers_200.yaml", 0.95),  # set 199: 96%, 1 wrong ("training and deploying")
        # round 12, batch 4: held-out sets 200-205, first scored on 13ba79f's working tree
        ("typed_answers_201.yaml", 0.93),  # set 200: 94%, none wrong
        ("typed_answers_202.yaml", 0.92),  # set 201: 92%, 1 wrong ("could be not")
        ("typed_answers_203.yaml", 0.90),  # set 202: 91%, 4 wrong ("48 months", "3/4 of a")
        ("typed_answers_204.yaml", 0.90),  # set 203: 90%, 2 wrong ("took 2 years off")
        ("typed_answers_205.yaml", 0.90),  # set 204: 91%, none wrong
        ("typed_answers_206.yaml", 0.90),  # set 205: 91%, none wrong
        # round 12, batch 5: held-out sets 206-211, first scored on d498cf4's working tree
        ("typed_answers_207.yaml", 0.92),  # set 206: 93%, none wrong
        ("typed_answers_208.yaml", 0.93),  # set 207: 94%, 1 wrong ("depending on whether")
        ("typed_answers_209.yaml", 0.94),  # set 208: 95%, 1 wrong ("at the first and")
        ("typed_answers_210.yaml", 0.92),  # set 209: 93%, none wrong
        ("typed_answers_211.yaml", 0.93),  # set 210: 94%, none wrong
        ("typed_answers_212.yaml", 0.94),  # set 211: 95%, none wrong
        # round 12's final measurement, sets 180 and 181, scored once on 63c6ec9
        ("typed_answers_213.yaml", 0.94),  # set 180: 95%, none wrong
        ("typed_answers_214.yaml", 0.95),  # set 181: 95%, 2 wrong ("could quit for 6 months")
        # round 13, batch 1: held-out sets 212-217, first scored on 59db73a
        ("typed_answers_215.yaml", 0.96),  # set 212: 96%, none wrong
        ("typed_answers_216.yaml", 0.93),  # set 213: 93%, 3 wrong ("wats an h1b")
        ("typed_answers_217.yaml", 0.89),  # set 214: 88%, 2 wrong ("like 30. ... (20h)")
        ("typed_answers_218.yaml", 0.94),  # set 215: 93%, 3 wrong ("no, i'm a us citizen")
        ("typed_answers_219.yaml", 0.94),  # set 216: 94%, none wrong
        ("typed_answers_220.yaml", 0.95),  # set 217: 95%, 1 wrong ("probably applied, but")
        # round 13, batch 2: held-out sets 220-225, first scored over 59db73a
        ("typed_answers_221.yaml", 0.92),  # set 220: 92%, 2 wrong ("from 0 to 60k")
        ("typed_answers_222.yaml", 0.93),  # set 221: 92%, 3 wrong ("well, realistically 4")
        ("typed_answers_223.yaml", 0.90),  # set 222: 89%, 1 wrong ("any MNC")
        ("typed_answers_224.yaml", 0.91),  # set 223: 82%, none wrong (answers as questions)
        ("typed_answers_225.yaml", 0.94),  # set 224: 94%, 1 wrong ("bert into production")
        ("typed_answers_226.yaml", 0.96),  # set 225: 96%, none wrong
        # round 13, batch 3: held-out sets 226-231, first scored over 59db73a
        ("typed_answers_227.yaml", 0.97),  # set 226: 97%, none wrong
        ("typed_answers_228.yaml", 0.94),  # set 227: 95%, none wrong
        ("typed_answers_229.yaml", 0.95),  # set 228: 95%, none wrong
        ("typed_answers_230.yaml", 0.91),  # set 229: 91%, 1 wrong ("30 thousand australian")
        ("typed_answers_231.yaml", 0.95),  # set 230: 95%, none wrong, 1 guess
        ("typed_answers_232.yaml", 0.93),  # set 231: 93%, 2 wrong ("I make 60k a year")
        # round 13's final measurement, sets 218 and 219, scored once on 34986a2
        ("typed_answers_233.yaml", 0.96),  # set 218: 96%, 1 wrong ("a company")
        ("typed_answers_234.yaml", 0.96),  # set 219: 97%, 1 wrong ("3 months, maybe")
    ],
)
def test_no_tuning_set_stores_a_wrong_value(name: str, floor: float) -> None:
    """Every tuning set (tests/tuning/typed_answers*.yaml) is looped over: nothing WRONG."""
    table = run_typed(TUNING / name, TODAY, verbose=False)
    total = sum(sum(row.values()) for row in table.values())
    right = sum(row["stored"] + row["asked"] for row in table.values())
    wrong = {f: row["WRONG"] for f, row in table.items() if row["WRONG"]}
    assert wrong == {} and right / total >= floor
