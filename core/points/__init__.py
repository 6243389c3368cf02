"""포인트: the points ledger (double-entry, integer points, 1 point = ₩1) and its use cases."""
