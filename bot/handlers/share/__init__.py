"""공유마켓: carpools (태워 드려요 / 구해요, seats), care and goods listings, the relay chat
between neighbours, thanks, reports; for coordinators moderation, provider checks and
lifting a suspension.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
