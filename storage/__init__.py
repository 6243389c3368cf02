"""SQLAlchemy 2 (async) implementation of the core's ports: SQLite by default, PostgreSQL at
scale, the same code and the same tests on both. The only package that imports SQLAlchemy."""
