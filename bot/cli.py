"""`aipath`: the command-line entry point (bot, console chat, advice, plan, operator tools)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.settings import SettingsError, load_settings
from bot.storage import MIGRATIONS, Storage, StorageError
from flows.content import ContentError, default_content
from flows.engine import Engine
from flows.graph import to_mermaid
from flows.profile import Profile
from flows.rules import recommend


def _fail(message: str, code: int = 2) -> int:
    print(f"aipath: {message}", file=sys.stderr)
    return code


def read_profile(path: str) -> Profile | str:
    """Read and validate a profile JSON file; a string explains what is wrong."""
    try:
        raw = Path(path).read_text(encoding="utf-8") if path != "-" else sys.stdin.read()
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror}"
    try:
        return Profile.model_validate_json(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "profile"
            problems.append(f"{field}: {err['msg']}")
        return "invalid profile: " + "; ".join(problems)


def cmd_advise(args: argparse.Namespace) -> int:
    profile = read_profile(args.profile)
    if isinstance(profile, str):
        return _fail(profile)
    recommendation = recommend(profile, default_content())
    print(recommendation.model_dump_json(indent=2))
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    text = to_mermaid()
    if args.output:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}")
    else:
        print(text, end="")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.console import run_console

    settings = load_settings()
    return run_console(Engine(default_content()), database=str(args.database or settings.database))


def use_uvloop() -> bool:
    """Run the bot's event loops on uvloop when it is installed (not on every platform).

    Measured with bench/telegram_process_bench.py: about a tenth less CPU per update at 200
    people. A policy rather than one loop: start-up runs `asyncio.run` and then a new loop for
    PTB, and both must be uvloop's.
    """
    try:
        import uvloop
    except ImportError:
        return False
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return True


def cmd_bot(args: argparse.Namespace) -> int:
    from bot.telegram.app import run_bot

    settings = load_settings()
    if not settings.token:
        return _fail("TELEGRAM_BOT_TOKEN is not set (see .env.example)")
    use_uvloop()
    return run_bot(settings)


def cmd_run(args: argparse.Namespace) -> int:
    settings = load_settings()
    args.database = None
    return cmd_bot(args) if settings.token else cmd_chat(args)


def cmd_plan(args: argparse.Namespace) -> int:
    from datetime import UTC, date, datetime

    from bot.plan_files import plan_ics, roadmap_png
    from flows.present import milestone_line
    from flows.schedule import date_plan

    profile = read_profile(args.profile)
    if isinstance(profile, str):
        return _fail(profile)
    try:
        start = date.fromisoformat(args.start) if args.start else date.today()
    except ValueError:
        return _fail(f"--start must be a date like 2026-12-01, not {args.start!r}")
    content = default_content()
    rec = recommend(profile, content)
    dated = date_plan(rec.plan, start)
    title = content.dialogue.sections["plan_title"].format(path=rec.path_name)
    print(title)
    for m, d in zip(rec.plan, dated, strict=True):
        print(f"  {d.start} → {d.end}  {milestone_line(m, content.dialogue.sections['weeks'])}")
    if args.png:
        Path(args.png).write_bytes(roadmap_png(dated, title))
        print(f"wrote {args.png}")
    if args.ics:
        stamp = datetime.now(UTC)
        Path(args.ics).write_bytes(plan_ics(dated, title, uid_prefix="aipath-cli", stamp=stamp))
        print(f"wrote {args.ics}")
    return 0


def _with_storage(settings_db: Path, action: Callable[[Storage], Awaitable[int]]) -> int:
    async def run() -> int:
        storage = await Storage.open(settings_db)
        try:
            return await action(storage)
        finally:
            await storage.close()

    return asyncio.run(run())


def cmd_health(args: argparse.Namespace) -> int:
    settings = load_settings()

    async def check(storage: Storage) -> int:
        version = await storage.schema_version()
        if version != len(MIGRATIONS):
            return _fail(f"schema version {version}, expected {len(MIGRATIONS)}", 1)
        print(f"ok: {storage.path} at schema version {version}")
        return 0

    return _with_storage(settings.database, check)


def cmd_backup(args: argparse.Namespace) -> int:
    settings = load_settings()
    target = Path(args.path)
    if target.exists():
        return _fail(f"{target} exists; choose a new file")

    async def copy(storage: Storage) -> int:
        await storage.backup(target)
        print(f"backed up {storage.path} to {target}")
        return 0

    return _with_storage(settings.database, copy)


def cmd_stats(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from bot.insight import stats_report, stats_text

    settings = load_settings()

    async def show(storage: Storage) -> int:
        stats = await storage.stats(now=datetime.now(UTC))
        print(json.dumps(stats_report(stats), indent=2) if args.json else stats_text(stats))
        return 0

    return _with_storage(settings.database, show)


def cmd_export(args: argparse.Namespace) -> int:
    settings = load_settings()

    async def dump(storage: Storage) -> int:
        data = await storage.export_user(args.user_id)
        if data is None:
            return _fail(f"no user {args.user_id}", 1)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0

    return _with_storage(settings.database, dump)


def cmd_ask(args: argparse.Namespace) -> int:
    from flows.ask import AskIndex, answer_text, as_json

    index = AskIndex(default_content())
    result = index.ask(args.question)
    if args.json:
        print(json.dumps(as_json(index, result), indent=2, ensure_ascii=False))
        return 0
    print(answer_text(index, result))
    if result.related:
        topics = " · ".join(p.title for p in result.related)
        print(default_content().ask.messages["related"].format(topics=topics))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aipath", description="AI Path Advisor")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="the Telegram bot if TELEGRAM_BOT_TOKEN is set, else the console")
    sub.add_parser("bot", help="run the Telegram bot")
    chat = sub.add_parser("chat", help="the interview in this terminal")
    chat.add_argument("--database", help="SQLite file (default: AIPATH_DATABASE)")
    advise = sub.add_parser("advise", help="print the recommendation for a profile JSON file")
    advise.add_argument("profile", help="path to a profile JSON file, or - for stdin")
    graph = sub.add_parser("graph", help="print the dialogue graph as Mermaid")
    graph.add_argument("--output", "-o", help="write to this file instead of stdout")
    plan = sub.add_parser("plan", help="the dated study plan for a profile JSON file")
    plan.add_argument("profile", help="path to a profile JSON file, or - for stdin")
    plan.add_argument("--start", help="start date, YYYY-MM-DD (default: today)")
    plan.add_argument("--png", help="write the roadmap picture to this PNG file")
    plan.add_argument("--ics", help="write the milestones to this calendar file")
    sub.add_parser("health", help="exit 0 when the database opens at the current schema")
    backup = sub.add_parser("backup", help="an online, consistent copy of the database")
    backup.add_argument("path", help="the new file to write")
    stats = sub.add_parser("stats", help="users, funnel, recommendation mix, reminders")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    export = sub.add_parser("export", help="every row about one user, as JSON")
    export.add_argument("user_id", type=int)
    ask = sub.add_parser("ask", help="answer a question from the advice")
    ask.add_argument("question", help="the question, in quotes")
    ask.add_argument(
        "--json", action="store_true", help="{matched, topic, answer, source, related}"
    )
    return parser


COMMANDS = {
    "advise": cmd_advise,
    "graph": cmd_graph,
    "chat": cmd_chat,
    "bot": cmd_bot,
    "run": cmd_run,
    "plan": cmd_plan,
    "health": cmd_health,
    "backup": cmd_backup,
    "stats": cmd_stats,
    "export": cmd_export,
    "ask": cmd_ask,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (SettingsError, ContentError, StorageError) as exc:
        return _fail(str(exc))


if __name__ == "__main__":
    sys.exit(main())
