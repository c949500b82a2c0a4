"""The one conditional question after months without pay: could you live on apprenticeship pay?

Both work-integrated programs pay their apprentices, far below most salaries: the engineers'
program about $1,857 a month for 14 months, the career switchers' about $1,393 for its 14 paid
months (our arithmetic from the provider's published totals). Whether a person can live on that
decides whether the program fits, and no other answer tells us, so it is asked, but only when it
matters: for the program the person could enter (the engineers' one if they meet its entry
requirement, else the switchers'), and only when their months without pay cover the unpaid
stretch (else the program fails on that already) but not the whole program (else it fits anyway).
"""

from __future__ import annotations

from collections.abc import Mapping

from flows.content import Advice, Content
from flows.profile import PathId

PAY_PROGRAMS: tuple[PathId, ...] = ("accelerated_immersive", "immersive")
"""The programs that pay apprentices, most demanding entry requirement first."""


def pay_program(answers: Mapping[str, object], advice: Advice) -> PathId | None:
    """The paid program the pay question names for these answers (None: no program pays)."""
    coding = answers.get("coding_experience")
    years = answers.get("years_experience", 0)
    for path in PAY_PROGRAMS:
        need = advice.path(path).demands
        if need.coding is not None and coding not in need.coding:
            continue
        if isinstance(years, int) and years < need.min_years:
            continue
        return path
    return None


def monthly_pay(path: PathId, advice: Advice) -> int:
    """The apprenticeship pay per month, worked out from the provider's published totals."""
    need = advice.path(path).demands
    return round(need.earnings_usd / need.earning_months) if need.earning_months else 0


def asks_pay(answers: Mapping[str, object], advice: Advice) -> bool:
    """Whether the interview asks about apprenticeship pay. Until months without pay are
    answered it counts as asked, so the question count shrinks rather than grows."""
    program = pay_program(answers, advice)
    if program is None:
        return False
    pause = answers.get("can_pause_income")
    if not isinstance(pause, int) or isinstance(pause, bool):
        return True
    need = advice.path(program).demands
    unpaid = need.unpaid_months or 0
    return unpaid <= pause < unpaid + need.earning_months


def prompt_values(content: Content, answers: Mapping[str, object]) -> dict[str, str]:
    """{program}, {pay} and {months} for the pay question's prompt."""
    program = pay_program(answers, content.advice) or PAY_PROGRAMS[-1]
    need = content.advice.path(program).demands
    return {
        "program": content.advice.path(program).name,
        "pay": f"${monthly_pay(program, content.advice):,}",
        "months": str(need.earning_months),
    }


def question_prompt(content: Content, field: str, answers: Mapping[str, object]) -> str:
    """A question's prompt as shown: the pay question names the program and its pay."""
    prompt = content.dialogue.questions[field].prompt
    return prompt.format_map(prompt_values(content, answers)) if field == PAY_FIELD else prompt


PAY_FIELD = "apprenticeship_pay"
