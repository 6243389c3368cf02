"""Reliability tests: the outbox sender, channel limits, crashes and concurrent claims."""
