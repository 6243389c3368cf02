"""제휴상가 혜택: residents browse the complex's partner-shop offers (알뜰쇼핑 → 동네 가게 혜택),
claim a coupon and show its code and QR at the counter; a partner shop's vendor publishes
offers and redeems coupons by their code (우리 가게 혜택).

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`errors.py`) can be imported alone."""
