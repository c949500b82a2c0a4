"""Every statement both backends run, written once with named parameters (`:name`).

Each backend's `_execute` rewrites the placeholders and converts values. The one dialect
fragment is `/*pg: … */`: a comment SQLite skips and PostgreSQL runs, for row locks SQLite does
not need (one process, one transaction at a time). Statements that differ in substance live
with their backend: advisory locks, claim liveness, the nudge pace, schema versions.
"""

from __future__ import annotations

LOAD_USER = "SELECT * FROM users WHERE user_id = :user_id"
USER_WINDOW = "SELECT recent_updates FROM users WHERE user_id = :user_id /*pg: FOR UPDATE*/"
SAVE_CONVERSATION = """
    INSERT INTO users (user_id, chat_id, conversation, state, recommendation, path,
                       last_update_id, recent_updates, created_at, updated_at, finished_at)
    VALUES (:user_id, :chat_id, :conversation, :state, :recommendation, :path,
            :update_id, :window, :now, :now, :finished_at)
    ON CONFLICT (user_id) DO UPDATE SET
        chat_id        = COALESCE(excluded.chat_id, users.chat_id),
        conversation   = excluded.conversation,
        state          = excluded.state,
        recommendation = COALESCE(excluded.recommendation, users.recommendation),
        path           = COALESCE(excluded.path, users.path),
        last_update_id = COALESCE(excluded.last_update_id, users.last_update_id),
        recent_updates = COALESCE(excluded.recent_updates, users.recent_updates),
        active         = TRUE,
        updated_at     = excluded.updated_at,
        finished_at    = CASE WHEN excluded.finished_at IS NULL THEN users.finished_at
                              ELSE COALESCE(users.finished_at, excluded.finished_at) END
    """
SET_SOURCE = "UPDATE users SET source = :source WHERE user_id = :user_id AND source IS NULL"
SET_QUESTION_MESSAGE = """
    UPDATE users SET question_message_id = :message_id, question_digest = :digest
    WHERE user_id = :user_id"""
SET_ACTIVE = "UPDATE users SET active = :active WHERE user_id = :user_id"
DELETE_ROWS = "DELETE FROM {table} WHERE user_id = :user_id"
SELECT_ROWS = "SELECT * FROM {table} WHERE user_id = :user_id"
SELECT_TABLE = "SELECT * FROM {table}"
COUNT_ROWS = "(SELECT COUNT(*) FROM {table}{where}) AS {table}"

LOAD_PLAN = "SELECT * FROM plans WHERE user_id = :user_id"
SAVE_PLAN = """
    INSERT INTO plans (user_id, path, hours, start_date, done, rebase_index, rebase_date,
                       plan_key, revision, file_messages, summary_done, updated_at)
    VALUES (:user_id, :path, :hours, :start_date, :done, :rebase_index, :rebase_date,
            :plan_key, :revision, :file_messages, :summary_done, :now)
    ON CONFLICT (user_id) DO UPDATE SET
        path = excluded.path, hours = excluded.hours, start_date = excluded.start_date,
        done = excluded.done, rebase_index = excluded.rebase_index,
        rebase_date = excluded.rebase_date, plan_key = excluded.plan_key,
        revision = excluded.revision, file_messages = excluded.file_messages,
        summary_done = excluded.summary_done, updated_at = excluded.updated_at
    """
CHECK_IN = "INSERT INTO checkins (user_id, week) VALUES (:user_id, :week) ON CONFLICT DO NOTHING"
CHECKIN_WEEKS = "SELECT week FROM checkins WHERE user_id = :user_id ORDER BY week DESC"

LOAD_REMINDER = "SELECT * FROM reminders WHERE user_id = :user_id"
SAVE_REMINDER = """
    INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, last_sent, setup,
                           updated_at)
    VALUES (:user_id, :chat_id, :schedule, :status, :next_due, :last_sent, :setup, :now)
    ON CONFLICT (user_id) DO UPDATE SET
        chat_id = excluded.chat_id, schedule = excluded.schedule, status = excluded.status,
        next_due = excluded.next_due, claimed_at = NULL, claim_holder = NULL,
        setup = excluded.setup, updated_at = excluded.updated_at
    """
SET_REMINDER_STATUS = """
    UPDATE reminders SET status = :status, next_due = :next_due, claimed_at = NULL,
                         claim_holder = NULL, updated_at = :now
    WHERE user_id = :user_id"""
DUE = "status = 'active' AND next_due <= :now AND claimed_at IS NULL"
DUE_REMINDERS = f"SELECT * FROM reminders WHERE {DUE} ORDER BY next_due LIMIT :limit"
CLAIM = f"""
    UPDATE reminders SET claimed_at = :now, claim_holder = :holder
    WHERE user_id = :user_id AND {DUE} RETURNING *"""
FINISH_CLAIM = """
    UPDATE reminders SET claimed_at = NULL, claim_holder = NULL, next_due = :next_due,
                         status = :status, last_sent = COALESCE(:sent_at, last_sent)
    WHERE user_id = :user_id AND claimed_at = :claimed_at"""
RELEASE_CLAIMS = """
    UPDATE reminders SET claimed_at = NULL, claim_holder = NULL
    WHERE claimed_at IS NOT NULL AND (claimed_at < :expired OR {holder_gone})
    RETURNING user_id"""

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
