"""우리 집 인증 and the home menu: welcome, invite codes (the verify dialog), the four sections,
우리 집 정보, and linking messengers (연결 코드).

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
