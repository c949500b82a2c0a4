"""Every SQL text both backends run, written once: the schema history and the statements
(parameters named `:name`). The schema's types are tokens filled per dialect, so both backends
keep one shape and `migrate-db` copies between them.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

from bot.storage.records import COLUMNS
from flows.turn.records import PlanRecord, ReminderRecord, UserRecord

Dialect = Literal["sqlite", "postgresql"]
PACE = """;
    CREATE TABLE nudge_pace (id integer PRIMARY KEY CHECK (id = 1), next_at timestamptz NOT NULL);
    INSERT INTO nudge_pace (id, next_at) VALUES (1, '-infinity')"""
TOKENS: dict[Dialect, dict[str, str]] = {
    "sqlite": {"id": "INTEGER", "json": "TEXT", "time": "TEXT", "date": "TEXT", "bool": "INTEGER"}
    | {"norowid": " WITHOUT ROWID", "pace": ""},  # check-ins need no rowid
    "postgresql": {"id": "bigint", "json": "jsonb", "time": "timestamptz", "date": "date"}
    | {"bool": "boolean", "norowid": "", "pace": PACE},  # nudges paced across workers
}
_MIGRATIONS = (  # entry N brings a database from version N-1 to N; append only
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
MIGRATIONS = {d: tuple(m.format(**TOKENS[d]) for m in _MIGRATIONS) for d in TOKENS}
"""The history in each dialect: each entry a script of statements separated by `;`."""
LATEST = len(_MIGRATIONS)
TABLES = ("checkins", "reminders", "plans", "users")
"""Every table holding rows about a user (children first)."""


@functools.lru_cache(maxsize=256)
def translate(sql: str, dialect: Dialect) -> tuple[str, tuple[str, ...]]:
    """`:name` placeholders numbered (`?1`, `$1`: binding by position is cheaper), the names in
    that order (`::type` casts are kept), and PostgreSQL's names for two SQLite functions."""
    if dialect == "postgresql":
        sql = sql.replace("group_concat(", "string_agg(")
        sql = sql.replace("json_array(", "json_build_array(")
    names: dict[str, str] = {}
    mark = "?" if dialect == "sqlite" else "$"
    text = re.sub(
        r"(?<!:):([a-z_]+)", lambda m: names.setdefault(m[1], f"{mark}{len(names) + 1}"), sql
    )
    return text, tuple(names)


def _columns(kind: type[Any], alias: str = "") -> str:
    return ", ".join(alias + c for c in COLUMNS[kind])


LOAD_TURN = f"""
    SELECT {_columns(UserRecord, "u.")},
    (SELECT json_array({_columns(PlanRecord)}) FROM plans p WHERE p.user_id = u.user_id),
    (SELECT json_array({_columns(ReminderRecord)}) FROM reminders r WHERE r.user_id = u.user_id),
    (SELECT group_concat(week, ' ') FROM checkins c WHERE c.user_id = u.user_id)
    FROM users u WHERE u.user_id = :user_id"""
SAVE_USER = """
    INSERT INTO users (user_id, chat_id, conversation, state, source, recommendation, path,
                       last_update_id, recent_updates, created_at, updated_at, finished_at)
    VALUES (:user_id, :chat_id, :conversation, :state, :source, :recommendation, :path,
            :update_id, :window, :now, :now, :finished_at)
    ON CONFLICT (user_id) DO UPDATE SET
        chat_id        = COALESCE(excluded.chat_id, users.chat_id),
        conversation   = excluded.conversation,
        state          = excluded.state,
        source         = COALESCE(users.source, excluded.source),
        recommendation = COALESCE(excluded.recommendation, users.recommendation),
        path           = COALESCE(excluded.path, users.path),
        last_update_id = COALESCE(excluded.last_update_id, users.last_update_id),
        recent_updates = COALESCE(excluded.recent_updates, users.recent_updates),
        active         = TRUE,
        updated_at     = excluded.updated_at,
        finished_at    = COALESCE(users.finished_at, excluded.finished_at)"""
SET_SHOWN = """
    UPDATE users SET question_message_id = :message_id, question_digest = :digest,
                     unconfirmed_digest = NULL
    WHERE user_id = :user_id"""
SET_UNCONFIRMED = "UPDATE users SET unconfirmed_digest = :digest WHERE user_id = :user_id"
SET_PLAN_FILES = "UPDATE plans SET file_messages = :files WHERE user_id = :user_id"
SET_ACTIVE = "UPDATE users SET active = :active WHERE user_id = :user_id"
ERASE = "DELETE FROM users WHERE user_id = :user_id"
"""Every row about the person: the others reference theirs ON DELETE CASCADE."""


def _upsert(table: str, columns: list[str], kept: str = "", cleared: tuple[str, ...] = ()) -> str:
    """Insert the person's row from the parameters named like its `columns` (and `updated_at`
    from `now`), or replace them, except one `kept`; the `cleared` ones become NULL."""
    columns = [c for c in columns if c not in cleared]
    names = [*columns, "updated_at"]
    sets = [f"{c} = excluded.{c}" for c in names[1:] if c != kept]
    values = ", ".join(f":{c}" for c in [*columns, "now"])
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({values}) ON CONFLICT (user_id) "
        f"DO UPDATE SET {', '.join(sets + [f'{c} = NULL' for c in cleared])}"
    )


SAVE_PLAN = _upsert("plans", ["user_id", *COLUMNS[PlanRecord]])
SAVE_REMINDER = _upsert(
    "reminders", COLUMNS[ReminderRecord], "last_sent", ("claimed_at", "claim_holder")
)
"""`last_sent` is the sweep's; a change drops any claim, so the old settings' `FINISH_CLAIM`
changes nothing."""
CHECK_IN = "INSERT INTO checkins (user_id, week) VALUES (:user_id, :week) ON CONFLICT DO NOTHING"
CHECK_OUT = "DELETE FROM checkins WHERE user_id = :user_id AND week = :week"

DUE = "status = 'active' AND next_due <= :now AND claimed_at IS NULL"
DUE_REMINDERS = f"""
    SELECT {_columns(ReminderRecord)} FROM reminders WHERE {DUE} ORDER BY next_due LIMIT :limit"""
CLAIM = f"""
    UPDATE reminders SET claimed_at = :now, claim_holder = :holder
    WHERE user_id = :user_id AND {DUE} RETURNING {_columns(ReminderRecord)}"""
FINISH_CLAIM = """
    UPDATE reminders SET claimed_at = NULL, claim_holder = NULL, next_due = :next_due,
                         status = :status, last_sent = COALESCE(:sent_at, last_sent)
    WHERE user_id = :user_id AND claimed_at = :claimed_at"""
RELEASE_CLAIMS = """
    UPDATE reminders SET claimed_at = NULL, claim_holder = NULL
    WHERE claimed_at IS NOT NULL AND (claimed_at < :expired OR {holder_gone}) RETURNING user_id"""

SELECT_ROWS = "SELECT * FROM {table} WHERE user_id = :user_id"
SELECT_TABLE = "SELECT * FROM {table}"
COUNT_ROWS = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t}) AS {t}" for t in TABLES)
STATS = """
    SELECT (SELECT COUNT(*) FROM users) AS users_started,
           (SELECT COUNT(*) FROM users WHERE finished_at IS NOT NULL) AS users_finished,
           (SELECT COUNT(*) FROM users WHERE updated_at >= :week_ago) AS active_7_days,
           (SELECT COUNT(*) FROM users WHERE updated_at >= :month_ago) AS active_30_days,
           (SELECT COUNT(*) FROM users WHERE NOT active) AS inactive"""
STATS_GROUPED = {
    "by_state": "SELECT state, COUNT(*) FROM users GROUP BY state",
    "recommendation_mix": "SELECT path, COUNT(*) FROM users WHERE path IS NOT NULL GROUP BY path",
    "reminders": "SELECT status, COUNT(*) FROM reminders GROUP BY status",
}
