"""One turn: load → decide → commit → send.

The runtime loads everything a turn may need about a person in one storage trip (`TurnState`),
`decide` (pure, in `flows/turn/decide.py`) turns it and the update into a `Decision`: the
changes to commit and the effects to carry out; the runtime commits the changes in one
transaction, then carries out the effects and records the message now on screen.
"""
