"""The runtime: Telegram adapter, console chat, storage, reminders, settings and the CLI."""
