"""고장 신고 (하자): filing with photos, the household's reports, common-area reports and
"같은 문제예요", rating or reopening a fix; for coordinators the queue, a report's handling,
the monthly summary and the acknowledgement reminders.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
