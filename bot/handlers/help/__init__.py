"""도움말: what the bot does, 쉬운 모드, the language, and the way to link other messengers.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
