"""Operations that fail safe, on both backends: private backups and exports, restore verified
by row counts and refused under a running bot, `migrate-db` with its URL out of argv, and one
line with exit 2 for a schema newer than the code or a path that cannot hold a database."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from bot.cli import main
from bot.settings import Settings, describe
from bot.storage import LATEST, StorageOptions, open_storage
from flows.turn.effects import Changes
from tests.db_faults import read_only
from tests.stored import NOW
from tests.test_cli import env_with_db, run_env
from tests.test_storage import fill

COMMANDS = [  # every command that opens the configured database
    ["health"],
    ["stats"],
    ["export", "1"],
    ["backup", "new-backup"],
    ["restore", "a-backup"],
    ["chat"],
    ["bot"],
]


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def prepared(database: str | Path) -> None:
    async def run() -> None:
        storage = await open_storage(database)
        await fill(storage)
        await storage.close()

    asyncio.run(run())


def env_for(database: str | Path, tmp_path: Path) -> dict[str, str]:
    return env_with_db(tmp_path / "unused.db") | {"AIPATH_DATABASE": str(database)}


@pytest.fixture
def in_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`aipath` in this process: no .env, a token (so `bot` gets as far as its database)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    (tmp_path / "a-backup").write_bytes(b"")
    yield


def test_backup_export_restore_round_trip(database: str | Path, tmp_path: Path) -> None:
    prepared(database)
    env = env_for(database, tmp_path)
    backup, export = tmp_path / "backup", tmp_path / "export.json"
    assert run_env(env, "backup", str(backup)).returncode == 0
    assert run_env(env, "export", "1", "--output", str(export)).returncode == 0
    assert mode(backup) == mode(export) == 0o600
    assert json.loads(export.read_text())["version"] == 1
    assert run_env(env, "backup", str(backup)).returncode == 2  # never overwrites

    refused = run_env(env, "restore", str(backup))  # the users are still there
    assert refused.returncode == 2 and "--replace" in one_line(refused)

    async def lose_a_user() -> None:
        storage = await open_storage(database)
        await storage.commit_turn(Changes(1, NOW, erase=True))
        await storage.close()

    asyncio.run(lose_a_user())
    restored = run_env(env, "restore", str(backup), "--replace")
    assert restored.returncode == 0, restored.stderr
    counts = {line.split()[0]: line.split() for line in restored.stdout.splitlines()[:4]}
    assert counts["users"][1:] == ["backup", "2", "restored", "2", "ok"]
    assert counts["checkins"][2] == counts["checkins"][4] == "2"
    again = run_env(env, "export", "1")
    assert json.loads(again.stdout) == json.loads(export.read_text())


def test_restore_refuses_a_database_a_bot_is_serving(database: str | Path, tmp_path: Path) -> None:
    prepared(database)
    env = env_for(database, tmp_path)
    backup = tmp_path / "backup"
    assert run_env(env, "backup", str(backup)).returncode == 0

    async def while_live() -> subprocess.CompletedProcess[str]:
        bot = await open_storage(database, StorageOptions(role="live"))
        try:
            return await asyncio.to_thread(run_env, env, "restore", str(backup), "--replace")
        finally:
            await bot.close()

    refused = asyncio.run(while_live())
    assert refused.returncode == 2 and "stop it first" in one_line(refused)
    assert run_env(env, "restore", str(backup), "--replace").returncode == 0  # bot stopped


def test_a_file_that_is_not_an_aipath_backup_is_refused_in_one_line(
    database: str | Path,
    in_cli: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    prepared(database)
    monkeypatch.setenv("AIPATH_DATABASE", str(database))
    with sqlite3.connect(other := tmp_path / "other.sqlite") as conn:
        conn.execute("CREATE TABLE notes (x)")  # SQLite, but not written by aipath
    files = {"empty": b"", "text": b"hello\n", "json": b'{"format": "x", "tables": {}}'}
    candidates = [other] + [tmp_path / name for name in files]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    kind = "SQLite" if isinstance(database, Path) else "PostgreSQL"
    for backup in candidates:
        assert main(["restore", str(backup), "--replace"]) == 2, backup
        lines = capsys.readouterr().err.strip().splitlines()
        assert lines == [f"aipath: {backup} is not a {kind} backup made by aipath"], lines
    assert main(["stats"]) == 0 and "Users started: 2" in capsys.readouterr().out  # untouched


def test_a_backup_named_with_uri_characters_restores(tmp_path: Path) -> None:
    db, backup = tmp_path / "bot.db", tmp_path / "back?up #1 100%.db"
    prepared(db)
    env = env_for(db, tmp_path)
    assert run_env(env, "backup", str(backup)).returncode == 0
    restored = run_env(env, "restore", str(backup), "--replace")
    assert restored.returncode == 0 and "restored        2  ok" in restored.stdout, restored.stdout


def test_a_backup_from_a_newer_version_is_not_restored(tmp_path: Path) -> None:
    db, backup = tmp_path / "bot.db", tmp_path / "newer.db"
    prepared(db)
    env = env_for(db, tmp_path)
    assert run_env(env, "backup", str(backup)).returncode == 0
    with sqlite3.connect(backup) as conn:
        conn.execute("PRAGMA user_version = 99")
    refused = run_env(env, "restore", str(backup), "--replace")
    assert refused.returncode == 2 and "newer than this aipath" in one_line(refused)


def test_every_command_refuses_a_schema_newer_than_it_knows(
    database: str | Path,
    in_cli: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    prepared(database)
    if isinstance(database, Path):
        with sqlite3.connect(database) as conn:
            conn.execute("PRAGMA user_version = 99")
    else:

        async def bump() -> None:
            conn = await asyncpg.connect(database)
            await conn.execute("INSERT INTO schema_migrations (version) VALUES (99)")
            await conn.close()

        asyncio.run(bump())
    monkeypatch.setenv("AIPATH_DATABASE", str(database))
    for command in COMMANDS:
        assert main(command) == 2, command
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and f"newer than this aipath knows ({LATEST})" in lines[0], command
    stats = run_env(env_for(database, Path.cwd()), "stats")  # and as a real process
    assert stats.returncode == 2 and "schema version 99" in one_line(stats)


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("/etc/passwd", "is not a SQLite database"),
        ("/proc/x.db", "cannot create /proc/x.db"),
        ("/proc/no-such-folder/x.db", "cannot create /proc/no-such-folder/x.db"),
        ("{tmp}/file/x.db", "cannot create {tmp}/file/x.db"),
        ("{tmp}", "Is a directory"),
    ],
)
def test_every_command_says_in_one_line_why_a_path_cannot_hold_the_database(
    where: str,
    says: str,
    in_cli: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "file").write_text("not a folder")
    where, says = where.format(tmp=tmp_path), says.format(tmp=tmp_path)
    before = Path("/etc/passwd").read_bytes()
    monkeypatch.setenv("AIPATH_DATABASE", where)
    for command in [*COMMANDS, ["chat", "--database", where]]:
        assert main(command) == 2, command
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and says in lines[0] and "--database" in lines[0], (command, lines)
    assert Path("/etc/passwd").read_bytes() == before
    chat = run_env(env_for(tmp_path / "x.db", tmp_path), "chat", "--database", where)
    assert chat.returncode == 2 and says in one_line(chat)


def test_a_read_only_database_file_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    prepared(db)
    with read_only(db):
        chat = run_env(env_for(db, tmp_path), "chat", "--database", str(db))
    assert chat.returncode == 2 and "read-only" in one_line(chat)


def test_migrate_db_takes_its_url_from_the_environment_and_the_tools_work_on_postgresql(
    tmp_path: Path, pg_url: str
) -> None:
    source = tmp_path / "old.db"
    prepared(source)
    sqlite_env = env_for(source, tmp_path)
    in_argv = run_env(sqlite_env, "migrate-db", str(source), pg_url)
    assert in_argv.returncode == 2 and "AIPATH_POSTGRES_URL" in one_line(in_argv)
    assert pg_url not in in_argv.stderr
    url_file = tmp_path / "url"
    url_file.write_text(pg_url + "\n")
    migrated = run_env(sqlite_env, "migrate-db", str(source), "--url-file", str(url_file))
    assert migrated.returncode == 0, migrated.stderr
    lines = [line for line in migrated.stdout.splitlines() if line.endswith("ok")]
    assert [line.split()[0] for line in lines] == ["checkins", "reminders", "plans", "users"]
    assert lines[-1].split()[2] == lines[-1].split()[4] == "2"

    pg_env = env_for(pg_url, tmp_path)
    health = run_env(pg_env, "health")
    assert health.returncode == 0 and f"schema version {LATEST}" in health.stdout
    for user in ("1", "2"):
        assert json.loads(run_env(pg_env, "export", user).stdout) == json.loads(
            run_env(sqlite_env, "export", user).stdout
        )
    assert run_env(pg_env, "export", "999").returncode == 1
    stats = json.loads(run_env(pg_env, "stats", "--json").stdout)
    assert stats == json.loads(run_env(sqlite_env, "stats", "--json").stdout)

    again = run_env(sqlite_env | {"AIPATH_POSTGRES_URL": pg_url}, "migrate-db", str(source))
    assert again.returncode == 1 and "already holds users" in again.stderr
    missing = run_env(sqlite_env | {"AIPATH_POSTGRES_URL": pg_url}, "migrate-db", "nope.db")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_a_password_never_reaches_operator_output() -> None:
    assert (
        describe("postgresql://aipath:s3cret@db:5432/aipath")
        == "postgresql://aipath@db:5432/aipath"
    )
    assert describe("postgresql://db/aipath") == "postgresql://db/aipath"


def test_the_database_setting_is_a_path_or_a_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIPATH_DATABASE", "postgresql://aipath:pw@db/aipath")
    assert Settings().database == "postgresql://aipath:pw@db/aipath"
    monkeypatch.setenv("AIPATH_DATABASE", "/data/aipath.db")
    assert Settings().database == Path("/data/aipath.db")


def test_an_unreachable_server_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    url = "postgresql://aipath:s3cret@127.0.0.1:1/aipath"
    result = run_env(env_for(url, tmp_path), "health")
    assert result.returncode == 2
    assert "cannot open postgresql://aipath@127.0.0.1:1/aipath" in one_line(result)
    assert "s3cret" not in result.stderr
