"""The dialogues around the interview, one module each: what they show and how they answer.

Each module declares its handlers, `(Turn, action or command) → Outcome`, pure functions of
the loaded state; `flows/turn/routes.py` is the one table saying which handler owns which
command and button. The interview itself is `flows/engine.py` (on the graph of
`flows/graph.py`); the reminder setup's steps are the table in `flows/reminder_setup.py`.
"""
