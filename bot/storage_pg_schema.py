"""PostgreSQL schema history and lock keys, numbered like the SQLite backend's migrations.

Entry N is SQLite migration N translated (bigint ids, timestamptz, jsonb for the conversation),
plus what several workers need on PostgreSQL only (the shared nudge pace row lives in 2, the
reminders migration). Append only.
"""

from __future__ import annotations

from datetime import UTC, datetime

MIGRATIONS: tuple[str, ...] = (
    # 1: users and their conversation
    """
    CREATE TABLE users (
        user_id              bigint      PRIMARY KEY,
        chat_id              bigint,
        conversation         jsonb       NOT NULL,
        state                text        NOT NULL,
        source               text,
        recommendation       jsonb,
        path                 text,
        question_message_id  bigint,
        question_digest      text,
        last_update_id       bigint,
        active               boolean     NOT NULL DEFAULT TRUE,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        finished_at          timestamptz
    );
    CREATE INDEX users_state ON users(state);
    CREATE INDEX users_updated_at ON users(updated_at);
    """,
    # 2: study plans, milestone progress, weekly check-ins, reminder nudges and their pace
    """
    CREATE TABLE plans (
        user_id       bigint  PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        path          text    NOT NULL,
        hours         integer NOT NULL,
        start_date    date    NOT NULL,
        done          integer NOT NULL DEFAULT 0,
        rebase_index  integer NOT NULL DEFAULT 0,
        rebase_date   date,
        updated_at    timestamptz NOT NULL
    );
    CREATE TABLE checkins (
        user_id  bigint NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
        week     text   NOT NULL,
        PRIMARY KEY (user_id, week)
    );
    CREATE TABLE reminders (
        user_id     bigint PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        chat_id     bigint NOT NULL,
        schedule    text   NOT NULL,
        status      text   NOT NULL,
        next_due    bigint,
        claimed_at  bigint,
        last_sent   bigint,
        setup       text,
        updated_at  timestamptz NOT NULL
    );
    CREATE INDEX reminders_due ON reminders(next_due) WHERE status = 'active';
    CREATE TABLE nudge_pace (
        id       integer PRIMARY KEY CHECK (id = 1),
        next_at  timestamptz NOT NULL
    );
    INSERT INTO nudge_pace (id, next_at) VALUES (1, '-infinity');
    """,
    # 3: a bounded window of recently applied update ids (ids restart after a quiet week)
    """
    ALTER TABLE users ADD COLUMN recent_updates text;
    """,
    # 4: an opaque plan key (calendar UIDs), its revision (calendar SEQUENCE), the messages that
    # carry the plan's files (replaced on re-dating), milestones done at the last weekly summary
    """
    ALTER TABLE plans ADD COLUMN plan_key text;
    ALTER TABLE plans ADD COLUMN revision integer NOT NULL DEFAULT 0;
    ALTER TABLE plans ADD COLUMN file_messages text;
    ALTER TABLE plans ADD COLUMN summary_done integer NOT NULL DEFAULT 0;
    """,
    # 5: the screen the bot last meant to show when its delivery was not confirmed (NULL: the
    # screen recorded as shown, question_message_id and question_digest, is the one intended)
    """
    ALTER TABLE users ADD COLUMN unconfirmed_digest text;
    """,
)

TABLES: tuple[str, ...] = ("checkins", "reminders", "plans", "users")
"""Every table holding rows about a user (children first), as in the SQLite backend."""

# Advisory lock keys. Per-user locks use the two-key form in their own key space, so a user id
# can never collide with the single-key locks below.
USER_LOCK_SPACE = 0x41495041  # "AIPA"
MIGRATION_LOCK = 0x41495041_0001
SWEEP_LOCK = 0x41495041_0002


def stamp(moment: datetime) -> datetime:
    """A time as the schema stores it: second precision, as the SQLite backend stores it."""
    return moment.astimezone(UTC).replace(microsecond=0)
