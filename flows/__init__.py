"""The conversation domain: profile, questions, dialogue graph, engine, rules and study plan.

Nothing here imports Telegram or does I/O beyond loading content once at start-up.
"""
