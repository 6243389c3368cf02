"""제휴상가 혜택: partner shops' offers, residents' coupons, redemption at the counter (with the
1% / 2% points), the weekly digest and the 알뜰쇼핑 promotion slot."""
