"""The yardstick: a bare python-telegram-bot echo bot making the same Bot API calls per update.

No engine, no database, PTB's defaults (one update at a time). It answers /start with a message
carrying one button, and a button press with answerCallbackQuery plus an edit of the pressed
message, exactly the calls our bot makes for the same updates. Run as its own process by
bench/telegram_process_bench.py, configured like `aipath bot` through the environment.
"""

from __future__ import annotations

import os
import sys

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("again", callback_data="echo|x")]])


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(update.message.text or "…", reply_markup=KEYBOARD)


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(f"echo {query.data} {update.update_id}", reply_markup=KEYBOARD)


def main() -> int:
    app = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    app.add_handler(CallbackQueryHandler(on_press))
    app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
