"""포인트: 내 포인트, 임대료로 내기, 공용 포인트 (seen by every verified resident, spent by
coordinators), 포인트 모으는 법, and the daily expiry sweep.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
