"""설문조사: answered one question at a time (shown under 우리단지 only while one is open);
coordinators create them and read the results; reminders and the close are jobs.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
