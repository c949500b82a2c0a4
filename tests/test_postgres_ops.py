"""Operators on PostgreSQL: `aipath migrate-db` from SQLite, then health, stats, export and
backup against the URL, as real processes; and the two backends agreeing row for row."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.storage import MIGRATIONS, PlanRecord, ReminderRecord, Storage, open_storage
from bot.storage.postgres import PgStorage, redact
from bot.storage_pg_schema import MIGRATIONS as PG_MIGRATIONS
from flows.engine import Conversation
from tests.conftest import BASE_PROFILE
from tests.test_cli import env_with_db, run_env

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


async def fill(storage: Storage) -> None:
    """A finished user with a plan, a check-in and a reminder, plus one mid-interview."""
    done = Conversation(state="recommendation", answers=BASE_PROFILE)
    await storage.save_conversation(
        1, done, now=NOW, chat_id=1, update_id=10, recommendation={"path": "self_study"}
    )
    await storage.set_source(1, "reddit")
    await storage.save_plan(1, PlanRecord("self_study", 10, date(2026, 12, 1), done=2), now=NOW)
    await storage.check_in(1, "2026-W48")
    await storage.save_reminder(ReminderRecord(1, 1, '{"timezone": "UTC"}', "active", 99), now=NOW)
    half = Conversation(state="degree", answers={"coding_experience": "none"})
    await storage.save_conversation(2, half, now=NOW, chat_id=2, update_id=3)
    await storage.set_active(2, False)


async def test_both_backends_store_and_report_the_same_rows(tmp_path: Path, pg_url: str) -> None:
    lite, pg = await open_storage(tmp_path / "a.db"), await open_storage(pg_url)
    assert isinstance(pg, PgStorage) and not isinstance(lite, PgStorage)
    try:
        for storage in (lite, pg):
            await fill(storage)
        for user in (1, 2):
            assert await lite.export_user(user) == await pg.export_user(user)
            assert await lite.load(user) == await pg.load(user)
        assert await lite.load_plan(1) == await pg.load_plan(1)
        assert await lite.stats(now=NOW) == await pg.stats(now=NOW)
    finally:
        await lite.close()
        await pg.close()


def test_migrate_db_copies_every_row_and_the_tools_work_on_postgresql(
    tmp_path: Path, pg_url: str
) -> None:
    source = tmp_path / "old.db"

    async def prepare() -> None:
        storage = await open_storage(source)
        await fill(storage)
        await storage.close()

    asyncio.run(prepare())
    sqlite_env = env_with_db(source)
    migrated = run_env(sqlite_env, "migrate-db", str(source), pg_url)
    assert migrated.returncode == 0, migrated.stderr
    lines = [line for line in migrated.stdout.splitlines() if line.endswith("ok")]
    assert [line.split()[0] for line in lines] == ["checkins", "reminders", "plans", "users"]
    assert "users" in lines[-1] and lines[-1].split()[2] == lines[-1].split()[4] == "2"

    pg_env = env_with_db(tmp_path / "unused.db") | {"AIPATH_DATABASE": pg_url}
    health = run_env(pg_env, "health")
    assert health.returncode == 0 and f"schema version {len(MIGRATIONS)}" in health.stdout
    for user in ("1", "2"):
        assert json.loads(run_env(pg_env, "export", user).stdout) == json.loads(
            run_env(sqlite_env, "export", user).stdout
        )
    assert run_env(pg_env, "export", "999").returncode == 1
    stats = json.loads(run_env(pg_env, "stats", "--json").stdout)
    assert stats == json.loads(run_env(sqlite_env, "stats", "--json").stdout)
    assert stats["users_started"] == 2

    backup = tmp_path / "pg-backup.json"
    assert run_env(pg_env, "backup", str(backup)).returncode == 0
    dump = json.loads(backup.read_text())
    assert dump["schema_version"] == len(MIGRATIONS)
    assert {table: len(rows) for table, rows in dump["tables"].items()} == {
        "users": 2,
        "plans": 1,
        "checkins": 1,
        "reminders": 1,
    }
    assert run_env(pg_env, "backup", str(backup)).returncode == 2  # never overwrites

    again = run_env(sqlite_env, "migrate-db", str(source), pg_url)
    assert again.returncode == 1 and "already holds users" in again.stderr
    missing = run_env(sqlite_env, "migrate-db", str(tmp_path / "nope.db"), pg_url)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_postgresql_migrations_are_numbered_like_sqlites() -> None:
    assert len(PG_MIGRATIONS) == len(MIGRATIONS)


def test_a_password_never_reaches_operator_output() -> None:
    assert (
        redact("postgresql://aipath:s3cret@db:5432/aipath") == "postgresql://aipath@db:5432/aipath"
    )
    assert redact("postgresql://db/aipath") == "postgresql://db/aipath"


def test_the_database_setting_is_a_path_or_a_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AIPATH_DATABASE", "postgresql://aipath:pw@db/aipath")
    assert Settings().database == "postgresql://aipath:pw@db/aipath"
    monkeypatch.setenv("AIPATH_DATABASE", "/data/aipath.db")
    assert Settings().database == Path("/data/aipath.db")


def test_an_unreachable_server_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    url = "postgresql://aipath:s3cret@127.0.0.1:1/aipath"
    result = run_env(env_with_db(tmp_path / "x.db") | {"AIPATH_DATABASE": url}, "health")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot open postgresql://aipath@127.0.0.1:1/aipath" in result.stderr
    assert "s3cret" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
