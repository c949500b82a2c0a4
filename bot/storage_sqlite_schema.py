"""SQLite schema history, and how times are written into its TEXT columns.

Numbered like the PostgreSQL backend's migrations (bot/storage_pg_schema.py): entry N of both
brings a database to the same shape. Append only.
"""

from __future__ import annotations

from datetime import UTC, datetime

MIGRATIONS: tuple[str, ...] = (
    # 1: users and their conversation
    """
    CREATE TABLE users (
        user_id              INTEGER PRIMARY KEY,
        chat_id              INTEGER,
        conversation         TEXT    NOT NULL,
        state                TEXT    NOT NULL,
        source               TEXT,
        recommendation       TEXT,
        path                 TEXT,
        question_message_id  INTEGER,
        question_digest      TEXT,
        last_update_id       INTEGER,
        active               INTEGER NOT NULL DEFAULT 1,
        created_at           TEXT    NOT NULL,
        updated_at           TEXT    NOT NULL,
        finished_at          TEXT
    );
    CREATE INDEX users_state ON users(state);
    CREATE INDEX users_updated_at ON users(updated_at);
    """,
    # 2: study plans, milestone progress, weekly check-ins and reminder nudges
    """
    CREATE TABLE plans (
        user_id       INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        path          TEXT    NOT NULL,
        hours         INTEGER NOT NULL,
        start_date    TEXT    NOT NULL,
        done          INTEGER NOT NULL DEFAULT 0,
        rebase_index  INTEGER NOT NULL DEFAULT 0,
        rebase_date   TEXT,
        updated_at    TEXT    NOT NULL
    );
    CREATE TABLE checkins (
        user_id  INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
        week     TEXT    NOT NULL,
        PRIMARY KEY (user_id, week)
    ) WITHOUT ROWID;
    CREATE TABLE reminders (
        user_id     INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        chat_id     INTEGER NOT NULL,
        schedule    TEXT    NOT NULL,
        status      TEXT    NOT NULL,
        next_due    INTEGER,
        claimed_at  INTEGER,
        last_sent   INTEGER,
        setup       TEXT,
        updated_at  TEXT    NOT NULL
    );
    CREATE INDEX reminders_due ON reminders(next_due) WHERE status = 'active';
    """,
    # 3: a bounded window of recently applied update ids (ids restart after a quiet week)
    """
    ALTER TABLE users ADD COLUMN recent_updates TEXT;
    """,
    # 4: an opaque plan key (calendar UIDs), its revision (calendar SEQUENCE), the messages that
    # carry the plan's files (replaced on re-dating), milestones done at the last weekly summary
    """
    ALTER TABLE plans ADD COLUMN plan_key TEXT;
    ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE plans ADD COLUMN file_messages TEXT;
    ALTER TABLE plans ADD COLUMN summary_done INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: the screen the bot last meant to show when its delivery was not confirmed (NULL: the
    # screen recorded as shown, question_message_id and question_digest, is the one intended)
    """
    ALTER TABLE users ADD COLUMN unconfirmed_digest TEXT;
    """,
)
"""Schema history. Append only: entry N brings a database from user_version N-1 to N."""


def iso(moment: datetime) -> str:
    """A time as the schema stores it: UTC ISO text, second precision."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
