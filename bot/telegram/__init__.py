"""The Telegram adapter: PTB application, thin handlers, keyboards and rendering."""
