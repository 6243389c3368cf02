"""주민투표: one ballot per household, results after the close; coordinators create, manage
and enter proxy ballots; opening, reminders and the close are scheduled jobs.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
