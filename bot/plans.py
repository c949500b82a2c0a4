"""A user's dated study plan: created on first view, re-dated when weekly hours change."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.outputs import File
from bot.storage import PlanRecord, Storage
from flows.actions import PlanStart, RemindMe, ShowProgress
from flows.engine import Engine
from flows.reply import Button, Reply, ReplyBuilder
from flows.rules import Recommendation
from flows.schedule import DatedMilestone, date_plan

PLAN_AT = "plan"
START_CHOICES = ("today", "monday", "2w")


@dataclass(frozen=True, slots=True)
class PlanView:
    recommendation: Recommendation
    record: PlanRecord
    milestones: list[DatedMilestone]
    redated: bool

    @property
    def current(self) -> DatedMilestone | None:
        done = self.record.done
        return self.milestones[done] if done < len(self.milestones) else None


def start_for(choice: str, today: date) -> date:
    if choice == "monday":
        return today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    if choice == "2w":
        return today + timedelta(weeks=2)
    return today


class Plans:
    def __init__(self, engine: Engine, storage: Storage, clock: Clock) -> None:
        self.engine = engine
        self.storage = storage
        self.clock = clock
        self.words = engine.content.reminders

    async def view(self, user_id: int) -> PlanView | None:
        """The user's plan with dates, creating or re-dating the stored plan as needed."""
        user = await self.storage.load(user_id)
        rec = self.engine.recommendation(user.conversation) if user else None
        if rec is None or user is None or not user.conversation.is_finished:
            return None
        now = self.clock()
        today = now.date()
        hours = user.conversation.answers["hours_per_week"]
        assert isinstance(hours, int)
        record = await self.storage.load_plan(user_id)
        redated = False
        if record is None or record.path != rec.path:
            record = PlanRecord(
                path=rec.path, hours=hours, start_date=today, key=secrets.token_urlsafe(12)
            )
            await self.storage.save_plan(user_id, record, now=now)
        elif record.hours != hours:
            record = replace(
                record,
                hours=hours,
                rebase_index=record.done,
                rebase_date=today,
                revision=record.revision + 1,
            )
            await self.storage.save_plan(user_id, record, now=now)
            redated = True
        elif record.key is None:  # a plan saved before plans had keys
            record = replace(record, key=secrets.token_urlsafe(12))
            await self.storage.save_plan(user_id, record, now=now)
        milestones = date_plan(
            rec.plan,
            record.start_date,
            rebase_index=record.rebase_index,
            rebase_date=record.rebase_date,
        )
        return PlanView(rec, record, milestones, redated)

    async def move_start(self, user_id: int, choice: str) -> PlanView | None:
        view = await self.view(user_id)
        if view is None or choice not in START_CHOICES:
            return view
        start = start_for(choice, self.clock().date())
        r = view.record
        if start == r.start_date and r.rebase_date is None:
            return view
        record = replace(
            r, start_date=start, rebase_index=0, rebase_date=None, revision=r.revision + 1
        )
        await self.storage.save_plan(user_id, record, now=self.clock())
        return await self.view(user_id)

    async def mark_done(self, user_id: int) -> PlanView | None:
        """The current milestone is done: real progress, so this week counts for the streak."""
        view = await self.view(user_id)
        if view is None or view.current is None:
            return view
        await self.set_done(user_id, view.record.done + 1)
        await self.storage.check_in(user_id, iso_week(self.clock()))
        return await self.view(user_id)

    async def set_done(self, user_id: int, done: int) -> PlanView | None:
        """Undo or skip: moves the current milestone without counting as progress."""
        view = await self.view(user_id)
        if view is None:
            return None
        done = max(0, min(done, len(view.milestones)))
        await self.storage.save_plan(user_id, replace(view.record, done=done), now=self.clock())
        return await self.view(user_id)

    async def remember_files(self, user_id: int, message_ids: tuple[int, ...]) -> None:
        """The messages now carrying the plan's files: a re-dated plan replaces them."""
        record = await self.storage.load_plan(user_id)
        if record is not None:
            record = replace(record, file_messages=message_ids)
            await self.storage.save_plan(user_id, record, now=self.clock())

    async def remember_summary(self, user_id: int, done: int) -> None:
        record = await self.storage.load_plan(user_id)
        if record is not None:
            await self.storage.save_plan(
                user_id, replace(record, summary_done=done), now=self.clock()
            )

    async def files(self, view: PlanView) -> list[File]:
        """The roadmap pages and the calendar. Rendering takes a few hundred milliseconds of
        CPU, so it runs in a worker thread and the event loop keeps serving everyone else."""
        from bot.plan_files import plan_ics, roadmap_pages  # matplotlib: loaded on first use

        m = self.words.messages
        title = self.engine.text.sections["plan_title"].format(path=view.recommendation.path_name)
        now = self.clock()
        pages = await asyncio.to_thread(
            roadmap_pages, view.milestones, title, done=view.record.done, today=now.date(), words=m
        )
        assert view.record.key is not None
        ics = plan_ics(
            view.milestones,
            title,
            plan_key=view.record.key,
            revision=view.record.revision,
            stamp=now,
            words=m,
        )
        files = [
            File(
                "roadmap.png" if len(pages) == 1 else f"roadmap-{n}.png",
                png,
                m["roadmap_caption"]
                if len(pages) == 1
                else m["roadmap_caption_pages"].format(page=n, pages=len(pages)),
                picture=True,
            )
            for n, png in enumerate(pages, start=1)
        ]
        return [*files, File("ai-path-plan.ics", ics, m["calendar_caption"])]

    def reply(self, view: PlanView, notice: str | None = None) -> Reply:
        m, b = self.words.messages, self.words.buttons
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        if view.redated and view.current:
            out.add("note", m["plan_redated"].format(start=fmt(view.current.start)))
        out.add(
            "title",
            self.engine.text.sections["plan_title"].format(path=view.recommendation.path_name),
        )
        out.add("text", m["plan_intro"].format(start=fmt(view.record.start_date)))
        out.add(
            "bullets",
            items=tuple(
                f"{'✅ ' if d.index < view.record.done else ''}{fmt(d.start)} – {fmt(d.end)}: "
                f"{d.title}. {d.milestone}"
                for d in view.milestones
            ),
        )
        out.row(
            Button(b["start_today"], PlanStart("today")),
            Button(b["start_next_monday"], PlanStart("monday")),
        )
        out.row(Button(b["start_in_two_weeks"], PlanStart("2w")))
        out.row(Button(b["turn_on"], RemindMe()), Button(b["progress"], ShowProgress()))
        return out.build("info", PLAN_AT)


def fmt(day: date) -> str:
    return f"{day:%a %d %b %Y}"


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"
