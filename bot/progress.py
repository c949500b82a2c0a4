"""Progress you can tick off: the /progress screen, its buttons, and what a nudge asks.

Only real progress (a milestone or this week's step done) goes into the weekly streak. "Not
yet", skipping a milestone and undoing one move the plan along without pretending to be work.
A nudge about a long milestone asks about this week's step; once the step is done, the
reminders stay quiet until next week.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.plans import Plans, PlanView, iso_week
from bot.storage import Storage
from flows.actions import (
    NudgeDone,
    NudgePause,
    ProgressSkip,
    ProgressUndo,
    ShowPlan,
    Snooze,
    StepDone,
)
from flows.content import ReminderText
from flows.nudges import compose_nudge, progress_text
from flows.progress import week_step, weekly_streak, weekly_summary
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule

PROGRESS_AT = "progress"
NUDGE_AT = "nudge"
SNOOZE_DAYS = {"day": 1, "week": 7}


def local_time(schedule: ReminderSchedule, moment: datetime) -> str:
    return f"{moment.astimezone(schedule.zone):%a %d %b, %H:%M}"


class Progress:
    def __init__(self, plans: Plans, storage: Storage, words: ReminderText, clock: Clock) -> None:
        self.plans = plans
        self.storage = storage
        self.words = words
        self.clock = clock

    # ------------------------------------------------------------------------------ screen

    async def screen(self, user_id: int, notice: str | None = None) -> Reply:
        """The bar, the current milestone and this week's step, the streak, and the buttons:
        this week's step done, milestone done, skip to next, undo, see the plan."""
        view = await self.plans.view(user_id)
        if view is None:
            return self._text(self.words.messages["progress_none"])
        m, b = self.words.messages, self.words.buttons
        now = self.clock()
        done = view.record.done
        streak = weekly_streak(await self.storage.checkin_weeks(user_id), now.date())
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("text", progress_text(view.milestones, done, now.date(), streak, m))
        if view.current is not None:
            # As on a nudge: mid-milestone, "done" would be ambiguous, so this week's step and
            # the whole milestone get a button each; in its last week, one "done" is enough.
            step = week_step(view.current, now.date())
            if step.is_outcome:
                out.row(Button(b["done"], NudgeDone(done)), Button(b["skip"], ProgressSkip(done)))
            else:
                out.row(Button(b["step_done"], StepDone(done, step.week)))
                out.row(
                    Button(b["milestone_done"], NudgeDone(done)),
                    Button(b["skip"], ProgressSkip(done)),
                )
        if done > 0:
            out.row(Button(b["undo"], ProgressUndo(done - 1)), Button(b["see_plan"], ShowPlan()))
        else:
            out.row(Button(b["see_plan"], ShowPlan()))
        return out.build("info", PROGRESS_AT)

    async def press(
        self, user_id: int, action: NudgeDone | StepDone | ProgressUndo | ProgressSkip
    ) -> Reply:
        """A tick on the progress screen or a nudge. A press about a milestone that is no longer
        the current one (an old message, a double tap) just shows where things stand."""
        m = self.words.messages
        view = await self.plans.view(user_id)
        if view is None:
            return self._text(m["progress_none"])
        done = view.record.done
        if isinstance(action, NudgeDone) and action.index == done:
            after = await self.plans.mark_done(user_id)
            if after is not None and after.current is None:
                await self.storage.set_reminder_status(
                    user_id, "stopped", next_due=None, now=self.clock()
                )
                return await self.screen(user_id, m["plan_complete"])
            title = after.current.title if after and after.current else ""
            return await self.screen(user_id, m["nudge_done"].format(title=title))
        if isinstance(action, StepDone) and action.index == done and view.current:
            week_ends = view.current.start + timedelta(weeks=action.week)
            return await self.screen(user_id, await self._step_done(user_id, week_ends))
        if isinstance(action, ProgressUndo) and action.index == done - 1:
            await self.plans.set_done(user_id, done - 1)
            return await self.screen(user_id, m["progress_undone"].format(number=done))
        if isinstance(action, ProgressSkip) and action.index == done and view.current:
            after = await self.plans.set_done(user_id, done + 1)
            if after is None or after.current is None:
                return await self.screen(user_id)
            notice = m["progress_skipped"].format(number=done + 2, title=after.current.title)
            return await self.screen(user_id, notice)
        return await self.screen(user_id)

    async def _step_done(self, user_id: int, next_week: date) -> str:
        """This week counts; the next nudge comes when the milestone's next week begins."""
        now = self.clock()
        await self.storage.check_in(user_id, iso_week(now))
        record = await self.storage.load_reminder(user_id)
        if record is None or record.status != "active":
            return self.words.messages["step_done_no_reminders"]
        schedule = ReminderSchedule.model_validate_json(record.schedule)
        nxt = schedule.first_slot_from(next_week)
        await self.storage.set_reminder_status(
            user_id, "active", next_due=int(nxt.timestamp()), now=now
        )
        return self.words.messages["step_done"].format(next=local_time(schedule, nxt))

    async def snooze(self, user_id: int, span: str) -> Reply | None:
        """'Not yet': ask again on the schedule's own next slot a day (or a week) from now. Not
        progress, so nothing for the streak. None when there are no reminders to move."""
        record = await self.storage.load_reminder(user_id)
        if record is None or span not in SNOOZE_DAYS:
            return None
        now = self.clock()
        schedule = ReminderSchedule.model_validate_json(record.schedule)
        due = schedule.snooze_until(now, SNOOZE_DAYS[span])
        await self.storage.set_reminder_status(
            user_id, "active", next_due=int(due.timestamp()), now=now
        )
        return self._text(self.words.messages["snoozed"].format(when=local_time(schedule, due)))

    # ------------------------------------------------------------------------------ nudges

    async def nudge(
        self, user_id: int, view: PlanView, schedule: ReminderSchedule, *, catch_up: bool
    ) -> Reply | None:
        """The nudge for today; on the schedule's summary day, the week in review first."""
        now = self.clock()
        today = now.astimezone(schedule.zone).date()
        record = view.record
        summary = None
        if today.weekday() == schedule.summary_day():
            local = now.astimezone(schedule.zone)
            recent = {iso_week(local), iso_week(local - timedelta(weeks=1))}
            weeks = set(await self.storage.checkin_weeks(user_id))
            summary = weekly_summary(
                view.milestones,
                done=record.done,
                done_at_last_summary=record.summary_done,
                steps_done=int(bool(weeks & recent)),
                start=record.start_date,
                today=today,
            )
            await self.plans.remember_summary(user_id, record.done)
        nudge = compose_nudge(
            view.milestones,
            record.done,
            today,
            self.words.messages,
            summary=summary,
            catch_up=catch_up,
        )
        if nudge is None:
            return None
        b = self.words.buttons
        index = nudge.milestone.index
        out = ReplyBuilder()
        out.add("text", nudge.text)
        if nudge.kind == "step":
            out.row(Button(b["step_done"], StepDone(index, nudge.step.week)))
            out.row(Button(b["milestone_done"], NudgeDone(index)))
        else:
            out.row(Button(b["done"], NudgeDone(index)))
        day_label = b["snooze_day" if schedule.cadence == "daily" else "snooze_next"]
        out.row(Button(day_label, Snooze("day")), Button(b["snooze_week"], Snooze("week")))
        out.row(Button(b["pause"], NudgePause()))
        return out.build("info", NUDGE_AT)

    def _text(self, text: str) -> Reply:
        out = ReplyBuilder()
        out.add("text", text)
        return out.build("info", NUDGE_AT)
