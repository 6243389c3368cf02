"""Typed Korean understood offline: a sentence a resident typed instead of tapping a button
becomes an intent name (where to go), an optional slot (e.g. the defect category) and a
confidence, from the current screen's labels first, then a synonym table kept as data
(`intents.toml`), Kiwi's morphemes (stems, particles and endings dropped), rapidfuzz for typos
and spacing, and 초성 (ㅍㅇㅌ → 포인트). No network, no AI service, nothing logged.

`text.py` cleans and decomposes Hangul; `morph.py` loads Kiwi once per process; `table.py`
reads the synonym table; `matcher.py` scores. The engine (bot/engine/understanding.py) decides
what to do with the answer."""
