"""The files a turn's effects ask for, made by the runtime: the plan's roadmap and calendar
(`SendPlanFiles`: matplotlib and icalendar), and a person's data (`SendExport`). Both front ends
send what these return; neither decides anything."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from flows.turn.effects import SendPlanFiles

__all__ = ["File", "export_file", "plan_files"]


@dataclass(frozen=True, slots=True)
class File:
    name: str
    data: bytes
    caption: str
    picture: bool = False


async def plan_files(effect: SendPlanFiles) -> list[File]:
    """The roadmap pages and the calendar. Rendering takes a few hundred milliseconds of CPU,
    so it runs in a worker thread and the event loop keeps serving everyone else."""
    from bot.plan_files import plan_ics, roadmap_pages  # matplotlib: loaded on first use

    m = effect.words
    today, done = effect.today, effect.done
    pages = await asyncio.to_thread(
        roadmap_pages, effect.milestones, effect.title, done=done, today=today, words=m
    )
    ics = plan_ics(
        effect.milestones,
        effect.title,
        plan_key=effect.plan_key,
        revision=effect.revision,
        stamp=effect.stamp,
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


def export_file(data: dict[str, Any] | None, caption: str) -> File:
    """Everything stored about the person (`Storage.export_user`), as a JSON file."""
    payload = json.dumps(data or {}, indent=2, ensure_ascii=False).encode()
    return File("my-aipath-data.json", payload, caption)
