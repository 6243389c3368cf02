"""도움 요청 (ask a person): residents (and people not yet verified) write to their complex's
coordinators through the bot; coordinators take, answer, close, and see a queue.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
