"""Tests of the SQLAlchemy adapters, on SQLite and PostgreSQL."""
