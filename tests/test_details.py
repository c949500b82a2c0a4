"""The recommendation's detail screens (pure): one per topic listed in content, each showing the
guidance the articles give, labelled honestly."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from flows.actions import Resume
from flows.advice.details import SCREENS, present_detail
from flows.advice.rules import recommend
from flows.content import Content, DetailTopicId
from flows.reply import Reply
from tests.conftest import make_profile

SWITCHER = {"coding_experience": "none", "years_experience": 0, "degree": "bachelor_other"}


def text_of(reply: Reply) -> str:
    return "\n".join(line for b in reply.blocks for line in (b.text, *b.items))


def screen(content: Content, topic: DetailTopicId, **answers: Any) -> str:
    profile = make_profile(**answers)
    rec = recommend(profile, content)
    return text_of(present_detail(content, profile, rec, topic, "recommendation"))


def test_the_topics_are_data_and_each_has_a_screen(content: Content) -> None:
    ids = [t.id for t in content.dialogue.detail_topics]
    assert ids == list(get_args(DetailTopicId)) == list(SCREENS)
    assert len({t.button for t in content.dialogue.detail_topics}) == len(ids)


@pytest.mark.parametrize("topic", list(get_args(DetailTopicId)))
def test_every_screen_has_a_title_and_a_way_back(content: Content, topic: DetailTopicId) -> None:
    profile = make_profile()
    reply = present_detail(content, profile, recommend(profile, content), topic, "recommendation")
    assert reply.blocks[0].kind == "title" and len(reply.blocks) > 1
    assert [b.action for b in reply.flat_buttons] == [Resume()]


def test_costs_name_the_provider_once_and_label_figures(content: Content) -> None:
    text = screen(content, "costs")
    provider = content.advice.provider
    assert "the provider's own published figures" in text
    for source in content.advice.sources:
        assert source.title in text
    assert "$11,900" in text and "$1,857 a month" in text
    assert "take the place of your job" in text  # the apprenticeship replaces the salary
    assert "neither article says" in text  # when tuition is due
    assert text.count(f"{provider} publishes") == 1


def test_degree_costs_are_market_ranges_not_provider_numbers(content: Content) -> None:
    text = screen(
        content,
        "costs",
        goal_role="research",
        budget_usd=60000,
        can_pause_income=24,
        hours_per_week=40,
    )
    first_line = text.splitlines()[1]
    assert "market range from the comparison article" in first_line
    assert "published figures" not in first_line
    assert "no salary" in text


def test_a_free_path_with_no_pay_has_no_empty_money_heading(content: Content) -> None:
    """Self-study costs nothing and pays nothing: no "Against your answers" heading stands
    alone with no line under it (issue 17's 8 h/week costs screen)."""
    profile = make_profile(**SWITCHER, budget_usd=0, can_pause_income=0, hours_per_week=8)
    rec = recommend(profile, content)
    assert rec.path == "self_study"
    reply = present_detail(content, profile, rec, "costs", "recommendation")
    heading = content.dialogue.sections["your_money"]
    for block, after in zip(reply.blocks, reply.blocks[1:], strict=False):
        if block.kind == "heading" and block.text == heading:
            assert after.kind == "bullets" and after.items


def test_why_not_lists_alternatives_and_ruled_out_apart(content: Content) -> None:
    text = screen(content, "why_not", **SWITCHER, budget_usd=3000, hours_per_week=10)
    alternatives, _, ruled = text.partition(content.dialogue.sections["ruled_out"])
    assert "AI Engineering Immersive (doesn't fit): It asks 40 hours" in alternatives
    assert "Accelerated" not in alternatives
    assert "Accelerated AI Engineering Immersive:" in ruled and "haven't coded" in ruled


def test_certifications_show_cost_prep_time_and_signal(content: Content) -> None:
    text = screen(content, "certifications")
    for cert in content.advice.certifications:
        assert cert.name in text and cert.cost in text and cert.prep_time in text
    assert "Hiring signal: strong" in text and content.advice.certification_strategy in text


def test_roles_put_the_persons_goal_first(content: Content) -> None:
    text = screen(content, "roles", goal_role="mlops")
    assert text.index("MLOps / ML Platform Engineer (your goal)") < text.index("Applied ML")
    assert "Kubernetes" in text


def test_plan_screen_names_free_resources_and_pacing(content: Content) -> None:
    text = screen(content, "plan", **SWITCHER, budget_usd=0, hours_per_week=5)
    assert "Harvard's CS50" in text and "Karpathy" in text
    assert "longer than the 12-24 months" in text
    assert content.dialogue.sections["next_steps"] in text


def test_portfolio_job_search_and_self_check(content: Content) -> None:
    portfolio = screen(content, "portfolio")
    assert all(i.title in portfolio for i in content.advice.portfolio_must_haves)
    assert all(i.title in portfolio for i in content.advice.portfolio_mistakes)
    jobs = screen(content, "job_search")
    assert all(i.title in jobs for i in content.advice.job_search)
    assert all(i.title in jobs for i in content.advice.interview_topics)
    check = screen(content, "self_check")
    assert check.count("☐") == len(content.advice.hiring_signals) - 2
    assert "What does not move the needle" in check


@pytest.mark.parametrize("topic", get_args(DetailTopicId))
def test_no_screen_has_an_empty_block(content: Content, topic: DetailTopicId) -> None:
    # Self-study has no tuition, so the costs screen once sent an empty list: blank lines.
    switcher = {"coding_experience": "none", "years_experience": 0, "degree": "bachelor_other"}
    profile = make_profile(**switcher, budget_usd=3000, hours_per_week=10)
    rec = recommend(profile, content)
    assert rec.path == "self_study"
    reply = present_detail(content, profile, rec, topic, "recommendation")
    assert all(b.text or b.items for b in reply.blocks), reply.blocks


def test_self_check_heading_is_not_repeated_by_its_first_line(content: Content) -> None:
    profile = make_profile()
    reply = present_detail(content, profile, recommend(profile, content), "self_check", "x")
    headings = {b.text for b in reply.blocks if b.kind == "heading"}
    titles = {item.split(":")[0] for b in reply.blocks if b.kind == "bullets" for item in b.items}
    assert not headings & titles, headings & titles
