"""The layers hold: `flows/` imports nothing from `bot/` or Telegram, no module in `bot/` builds
a screen, and the console runs with python-telegram-bot unavailable."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN_BUILDERS = {"ReplyBuilder", "Reply", "Button", "Block"}
"""What a screen is made of (flows/reply.py): building one is the dialogues' job."""


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_flows_imports_nothing_from_bot_or_telegram() -> None:
    files = sorted((ROOT / "flows").rglob("*.py"))
    assert len(files) > 30
    for path in files:
        bad = {m for m in imports(path) if m.split(".")[0] in ("bot", "telegram")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_importing_every_flows_module_loads_neither_bot_nor_telegram() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in sorted((ROOT / "flows").rglob("*.py"))
    ]
    script = f"""
import importlib, sys
for name in {modules!r}:
    importlib.import_module(name.removesuffix(".__init__"))
print(sorted(m for m in sys.modules if m.split(".")[0] in ("bot", "telegram")))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_no_module_in_bot_builds_a_screen() -> None:
    for path in sorted((ROOT / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        built = {
            node.func.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in SCREEN_BUILDERS
        }
        assert not built, f"{path.relative_to(ROOT)} builds screens with {sorted(built)}"
        assert "ReplyBuilder" not in path.read_text(encoding="utf-8"), path


BLOCKED_CONSOLE = textwrap.dedent(
    """
    import sys

    class NoTelegram:
        '''As if python-telegram-bot were not installed.'''

        def find_spec(self, name, path=None, target=None):
            if name == "telegram" or name.startswith("telegram."):
                raise ImportError(f"{name} is blocked")
            return None

    sys.meta_path.insert(0, NoTelegram())

    from bot.console import run_console
    from flows.content import default_content
    from flows.engine import Engine

    lines = iter(sys.argv[2].split("|"))
    out = []
    run_console(Engine(default_content()), database=sys.argv[1], read=lambda _: next(lines),
                write=out.append)
    print("\\n".join(out))
    print("TELEGRAM LOADED" if any(m.startswith("telegram") for m in sys.modules) else "")
    """
)


def test_the_console_runs_without_python_telegram_bot(tmp_path: Path) -> None:
    typed = ["1", "3", "3", "3", "1", "1", "2", "15k", "1", "15", "2", "1"]
    typed += ["/progress", "2", "/reminders", "UTC", "/privacy", "/delete", "yes", "/quit"]
    out = subprocess.run(
        [sys.executable, "-c", BLOCKED_CONSOLE, str(tmp_path / "c.db"), "|".join(typed)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "RECOMMENDED PATH" in out.stdout
    assert "Well done! Next up:" in out.stdout and "How often" in out.stdout
    assert "What I store, and why" in out.stdout and "everything about you is erased" in out.stdout
    assert "TELEGRAM LOADED" not in out.stdout
