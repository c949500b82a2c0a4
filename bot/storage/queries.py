"""Every statement both backends run, written once with named parameters (`:name`).

Each backend's `_execute` rewrites the placeholders and converts values (PostgreSQL's also
spells `group_concat` as `string_agg`). Where the dialects differ, the statement is a dict by
dialect, its common text written once: how `RELEASE_CLAIMS` knows a process is gone. What exists
on one backend only (advisory locks, the shared nudge pace) lives with it.
"""

from __future__ import annotations

from bot.storage.records import COLUMNS
from bot.storage.schema import TABLES
from flows.turn.records import PlanRecord, ReminderRecord


def _joined(kind: type[object], alias: str) -> str:
    return ", ".join(f"{alias}.{c} AS {alias}_{c}" for c in COLUMNS[kind].values())


LOAD_TURN = f"""
    SELECT u.*, {_joined(PlanRecord, "p")}, {_joined(ReminderRecord, "r")},
           (SELECT group_concat(week, ' ') FROM checkins c WHERE c.user_id = u.user_id) AS weeks
    FROM users u LEFT JOIN plans p ON p.user_id = u.user_id
                 LEFT JOIN reminders r ON r.user_id = u.user_id
    WHERE u.user_id = :user_id"""
"""A turn's one read: the person's row joined with their plan and reminder (one each at most)
and their check-in weeks, so a turn costs one round trip whatever it may need."""

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
        finished_at    = CASE WHEN excluded.finished_at IS NULL THEN users.finished_at
                              ELSE COALESCE(users.finished_at, excluded.finished_at) END"""
SET_SHOWN = """
    UPDATE users SET question_message_id = :message_id, question_digest = :digest,
                     unconfirmed_digest = NULL
    WHERE user_id = :user_id"""
"""The screen confirmed on the phone: nothing is left unconfirmed."""
SET_UNCONFIRMED = "UPDATE users SET unconfirmed_digest = :digest WHERE user_id = :user_id"
SET_PLAN_FILES = "UPDATE plans SET file_messages = :files WHERE user_id = :user_id"
SET_ACTIVE = "UPDATE users SET active = :active WHERE user_id = :user_id"
ERASE = "DELETE FROM users WHERE user_id = :user_id"
"""Every row about the person: the others reference theirs ON DELETE CASCADE."""


def _upsert(table: str, columns: str, *, kept: str = "", also: str = "") -> str:
    """Insert the person's row of `table` from the parameters named like its `columns`, or
    replace them, except those `kept`; and `also`."""
    names = columns.split()
    sets = ", ".join(f"{c} = excluded.{c}" for c in names[1:] if c not in kept.split())
    values = ", ".join(f":{c}" for c in names)
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({values}) ON CONFLICT (user_id) "
        f"DO UPDATE SET {sets}{also}"
    )


SAVE_PLAN = _upsert("plans", " ".join(["user_id", *COLUMNS[PlanRecord].values(), "updated_at"]))
CHECK_IN = "INSERT INTO checkins (user_id, week) VALUES (:user_id, :week) ON CONFLICT DO NOTHING"
CHECK_OUT = "DELETE FROM checkins WHERE user_id = :user_id AND week = :week"
SAVE_REMINDER = _upsert(
    "reminders",
    "user_id chat_id schedule status next_due last_sent setup updated_at",
    kept="last_sent",
    also=", claimed_at = NULL, claim_holder = NULL",
)
"""`last_sent` is the sweep's to keep. A saved change drops any claim, so the sweep's
`FINISH_CLAIM` for the old settings changes nothing."""

DUE = "status = 'active' AND next_due <= :now AND claimed_at IS NULL"
DUE_REMINDERS = f"SELECT * FROM reminders WHERE {DUE} ORDER BY next_due LIMIT :limit"
CLAIM = f"""
    UPDATE reminders SET claimed_at = :now, claim_holder = :holder
    WHERE user_id = :user_id AND {DUE} RETURNING *"""
FINISH_CLAIM = """
    UPDATE reminders SET claimed_at = NULL, claim_holder = NULL, next_due = :next_due,
                         status = :status, last_sent = COALESCE(:sent_at, last_sent)
    WHERE user_id = :user_id AND claimed_at = :claimed_at"""
HOLDER_GONE = {
    "sqlite": ":sole AND claim_holder IS NOT :holder",
    "postgresql": """claimed_at < :orphaned AND COALESCE(claim_holder, 0) NOT IN (
        SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted
          AND classid = :space AND objsubid = 2
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))""",
}
"""A claim's process is gone. SQLite: the process holding the live lock (`sole`) is the only
one, so every other holder is gone. PostgreSQL: the holder's session lock has vanished, and
the claim is older than a grace (a worker cut off by a server restart may still be recording
the nudge it sent)."""
RELEASE_CLAIMS = {
    dialect: f"""
    UPDATE reminders SET claimed_at = NULL, claim_holder = NULL
    WHERE claimed_at IS NOT NULL AND (claimed_at < :expired OR {gone}) RETURNING user_id"""
    for dialect, gone in HOLDER_GONE.items()
}

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
