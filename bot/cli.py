"""`aipath`: the command-line entry point (bot, console chat, advice, graph)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.settings import SettingsError, load_settings
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


def cmd_bot(args: argparse.Namespace) -> int:
    from bot.telegram.app import run_bot

    settings = load_settings()
    if not settings.token:
        return _fail("TELEGRAM_BOT_TOKEN is not set (see .env.example)")
    return run_bot(settings)


def cmd_run(args: argparse.Namespace) -> int:
    settings = load_settings()
    args.database = None
    return cmd_bot(args) if settings.token else cmd_chat(args)


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
    return parser


COMMANDS = {
    "advise": cmd_advise,
    "graph": cmd_graph,
    "chat": cmd_chat,
    "bot": cmd_bot,
    "run": cmd_run,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (SettingsError, ContentError) as exc:
        return _fail(str(exc))


if __name__ == "__main__":
    sys.exit(main())
