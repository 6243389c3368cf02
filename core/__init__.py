"""The domain of naechingu: every business rule, written once, with no I/O imports.

core talks to the world only through the Protocols in `core.ports` (repositories, the unit of
work, the clock). A test enforces that nothing here imports bot, storage, telegram, aiohttp,
SQLAlchemy, APScheduler or Babel.
"""
