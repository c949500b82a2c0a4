"""The schema history, written once for both backends; where each keeps its version; the lock
keys PostgreSQL uses.

Entry N brings a database from version N-1 to N on either backend. Types are tokens filled per
dialect (`{json}` is TEXT on SQLite, jsonb on PostgreSQL; times are ISO text on SQLite,
timestamptz on PostgreSQL), so both backends keep one shape and `migrate-db` can copy between
them. `nudge_pace` (`{pace}`) is PostgreSQL's only: it paces nudges across workers. Append only.
"""

from __future__ import annotations

from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {"id": "INTEGER", "json": "TEXT", "time": "TEXT", "date": "TEXT", "bool": "INTEGER"},
    "postgresql": {
        "id": "bigint",
        "json": "jsonb",
        "time": "timestamptz",
        "date": "date",
        "bool": "boolean",
    },
}
PACE = """;
    CREATE TABLE nudge_pace (id integer PRIMARY KEY CHECK (id = 1), next_at timestamptz NOT NULL);
    INSERT INTO nudge_pace (id, next_at) VALUES (1, '-infinity')"""
ONLY: dict[Dialect, dict[str, str]] = {
    "sqlite": {"norowid": " WITHOUT ROWID", "pace": ""},
    "postgresql": {"norowid": "", "pace": PACE},
}
"""What one dialect adds: SQLite keeps check-ins without a rowid; PostgreSQL paces nudges."""

_MIGRATIONS = (
    # 1: users and their conversation
    """
    CREATE TABLE users (
        user_id {id} PRIMARY KEY, chat_id {id}, conversation {json} NOT NULL,
        state TEXT NOT NULL, source TEXT, recommendation {json}, path TEXT,
        question_message_id {id}, question_digest TEXT, last_update_id {id},
        active {bool} NOT NULL DEFAULT TRUE,
        created_at {time} NOT NULL, updated_at {time} NOT NULL, finished_at {time}
    );
    CREATE INDEX users_state ON users(state);
    CREATE INDEX users_updated_at ON users(updated_at)
    """,
    # 2: study plans, milestone progress, weekly check-ins and reminder nudges
    """
    CREATE TABLE plans (
        user_id {id} PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        path TEXT NOT NULL, hours INTEGER NOT NULL, start_date {date} NOT NULL,
        done INTEGER NOT NULL DEFAULT 0, rebase_index INTEGER NOT NULL DEFAULT 0,
        rebase_date {date}, updated_at {time} NOT NULL
    );
    CREATE TABLE checkins (
        user_id {id} NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
        week TEXT NOT NULL, PRIMARY KEY (user_id, week)
    ){norowid};
    CREATE TABLE reminders (
        user_id {id} PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        chat_id {id} NOT NULL, schedule TEXT NOT NULL, status TEXT NOT NULL,
        next_due {id}, claimed_at {id}, last_sent {id}, setup TEXT, updated_at {time} NOT NULL
    );
    CREATE INDEX reminders_due ON reminders(next_due) WHERE status = 'active'{pace}
    """,
    # 3: a bounded window of recently applied update ids (ids restart after a quiet week)
    "ALTER TABLE users ADD COLUMN recent_updates TEXT",
    # 4: an opaque plan key (calendar UIDs), its revision (calendar SEQUENCE), the messages that
    # carry the plan's files (replaced on re-dating), milestones done at the last weekly summary
    """
    ALTER TABLE plans ADD COLUMN plan_key TEXT;
    ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE plans ADD COLUMN file_messages TEXT;
    ALTER TABLE plans ADD COLUMN summary_done INTEGER NOT NULL DEFAULT 0
    """,
    # 5: the screen the bot last meant to show when its delivery was not confirmed (NULL: the
    # screen recorded as shown, question_message_id and question_digest, is the one intended)
    "ALTER TABLE users ADD COLUMN unconfirmed_digest TEXT",
    # 6: which process holds a reminder's claim, so a claim dies with its process
    "ALTER TABLE reminders ADD COLUMN claim_holder {id}",
)

MIGRATIONS = {
    dialect: tuple(m.format(**TYPES[dialect], **ONLY[dialect]) for m in _MIGRATIONS)
    for dialect in TYPES
}
"""The history in each dialect: each entry a script of statements separated by `;`."""
LATEST = len(_MIGRATIONS)
TABLES: tuple[str, ...] = ("checkins", "reminders", "plans", "users")
"""Every table holding rows about a user (children first)."""

# PostgreSQL advisory lock keys. Per-user and per-holder locks use the two-key form in their own
# key spaces, so an id can never collide with the single-key locks below.
USER_LOCK_SPACE = 0x41495041  # "AIPA"
HOLDER_LOCK_SPACE = 0x41495048  # "AIPH": held by a live process for its claims
MIGRATION_LOCK = 0x41495041_0001
SWEEP_LOCK = 0x41495041_0002
LIVE_LOCK = 0x41495041_0003
"""Held shared by every running bot; `aipath restore` needs it exclusively."""

VERSION: dict[Dialect, str] = {
    "sqlite": "PRAGMA user_version",
    "postgresql": "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
}
SET_VERSION = {
    "sqlite": "PRAGMA user_version = {}",
    "postgresql": "INSERT INTO schema_migrations (version) VALUES ({})",
}
BEFORE_MIGRATING: dict[Dialect, tuple[str, ...]] = {
    "sqlite": (),  # its BEGIN IMMEDIATE keeps other processes out already
    "postgresql": (  # one worker migrates; the others wait, then find nothing left to do
        f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})",
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
        "applied_at timestamptz NOT NULL DEFAULT now())",
    ),
}
