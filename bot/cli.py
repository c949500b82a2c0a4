"""`aipath`: the command-line entry point, its parser and command table, and the user commands
(bot, console chat, advice, plan, ask). Operator commands: `bot/cli_operator.py`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.cli_operator import (
    cmd_backup,
    cmd_export,
    cmd_health,
    cmd_migrate_db,
    cmd_restore,
    cmd_stats,
    fail,
)
from bot.settings import SettingsError, load_settings
from bot.storage import StorageError, StorageOptions, open_storage
from flows.advice.rules import recommend
from flows.content import ContentError, default_content
from flows.engine import Engine
from flows.graph import to_mermaid
from flows.profile import Profile


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
        return fail(profile)
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


def check_database(database: str | Path) -> None:
    """Open the database as the bot will and close it: a path that cannot hold it, a schema
    newer than this code or another bot on the file is one line before Telegram is contacted."""

    async def check() -> None:
        await (await open_storage(database, StorageOptions(role="live"))).close()

    asyncio.run(check())


def cmd_bot(args: argparse.Namespace) -> int:
    from bot.telegram.app import run_bot

    settings = load_settings()
    if not settings.token:
        return fail("TELEGRAM_BOT_TOKEN is not set (see .env.example)")
    check_database(settings.database)
    use_uvloop()
    return run_bot(settings)


def cmd_run(args: argparse.Namespace) -> int:
    settings = load_settings()
    args.database = None
    return cmd_bot(args) if settings.token else cmd_chat(args)


def cmd_plan(args: argparse.Namespace) -> int:
    from datetime import UTC, date, datetime

    from bot.plan_files import plan_ics, roadmap_pages
    from flows.advice.present import milestone_line
    from flows.schedule import date_plan

    profile = read_profile(args.profile)
    if isinstance(profile, str):
        return fail(profile)
    try:
        start = date.fromisoformat(args.start) if args.start else date.today()
    except ValueError:
        return fail(f"--start must be a date like 2026-12-01, not {args.start!r}")
    content = default_content()
    rec = recommend(profile, content)
    dated = date_plan(rec.plan, start)
    title = content.dialogue.sections["plan_title"].format(path=rec.path_name)
    print(title)
    for m, d in zip(rec.plan, dated, strict=True):
        print(f"  {d.start} → {d.end}  {milestone_line(m, content.dialogue.sections['weeks'])}")
    words = content.reminders.messages
    if args.png:
        pages = roadmap_pages(dated, title, done=0, today=date.today(), words=words)
        first = Path(args.png)
        for number, png in enumerate(pages, start=1):
            # roadmap.png, roadmap-2.png, …: one phone-sized page each
            path = first if number == 1 else first.with_stem(f"{first.stem}-{number}")
            path.write_bytes(png)
            print(f"wrote {path}")
    if args.ics:
        # The profile file stands for the plan: re-running with another --start updates the
        # same events in a calendar app (same UIDs, newer DTSTAMP).
        key = str(Path(args.profile).resolve())
        ics = plan_ics(dated, title, plan_key=key, revision=0, stamp=datetime.now(UTC), words=words)
        Path(args.ics).write_bytes(ics)
        print(f"wrote {args.ics}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from flows.asking.ask import AskIndex
    from flows.asking.ask_reply import answer_text, as_json

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


def cmd_understand(args: argparse.Namespace) -> int:
    """What the engine would do with TEXT typed at question FIELD; nothing is stored."""
    from datetime import date

    from flows.reading.answer_model import FIELDS
    from flows.reading.understanding import Understander

    if args.field not in FIELDS:
        print(f"unknown question {args.field!r}; one of: {', '.join(FIELDS)}", file=sys.stderr)
        return 2
    answers = json.loads(args.answers) if args.answers else {}
    today = date.fromisoformat(args.today) if args.today else date.today()
    got = Understander(default_content()).understand(args.field, args.text, answers, today)
    if args.json:
        print(json.dumps(got.as_json(), indent=2, ensure_ascii=False))
    else:
        print(got.echo or got.status)
        for option in got.options:
            print(f"  - {option.label}")
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
    backup = sub.add_parser(
        "backup", help="an online, consistent copy (SQLite file; JSON dump on PostgreSQL)"
    )
    backup.add_argument("path", help="the new file to write")
    stats = sub.add_parser("stats", help="users, funnel, recommendation mix, reminders")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    export = sub.add_parser("export", help="every row about one user, as typed JSON")
    export.add_argument("user_id", type=int)
    export.add_argument("--output", "-o", help="write to this new file (mode 0600), not stdout")
    restore = sub.add_parser(
        "restore", help="replace the database's rows with a backup's (stop the bot first)"
    )
    restore.add_argument("backup", help="a file `aipath backup` wrote for this backend")
    restore.add_argument("--replace", action="store_true", help="overwrite existing users")
    migrate = sub.add_parser(
        "migrate-db",
        help="copy a SQLite database into an empty PostgreSQL one (URL in AIPATH_POSTGRES_URL)",
    )
    migrate.add_argument("sqlite_path", help="the SQLite file (stop the bot first)")
    migrate.add_argument("postgres_url", nargs="?", help=argparse.SUPPRESS)
    migrate.add_argument("--url-file", help="read the postgresql:// URL from this file instead")
    ask = sub.add_parser("ask", help="answer a question from the advice")
    ask.add_argument("question", help="the question, in quotes")
    ask.add_argument(
        "--json", action="store_true", help="{matched, topic, answer, source, related}"
    )
    understand = sub.add_parser(
        "understand", help="what a typed answer means at one question (stores nothing)"
    )
    understand.add_argument("field", help="the question, e.g. degree or hours_per_week")
    understand.add_argument("text", help="what the person typed, in quotes")
    understand.add_argument("--json", action="store_true", help="{status, field, value, …}")
    understand.add_argument("--answers", help="answers so far, as a JSON object")
    understand.add_argument("--today", help="the date for 'since 2015' (default: today)")
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
    "migrate-db": cmd_migrate_db,
    "restore": cmd_restore,
    "ask": cmd_ask,
    "understand": cmd_understand,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (SettingsError, ContentError, StorageError) as exc:
        return fail(str(exc))


if __name__ == "__main__":
    sys.exit(main())
