"""공지사항: residents read the notices that reached them; coordinators write, target,
schedule and send them in chunks, and see who read them.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
