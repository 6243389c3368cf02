"""우리단지 게시판: 생활편의 / 일자리 / 교육문화 entries, event sign-ups and the reminder the
day before an event; coordinators post and list entries.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
