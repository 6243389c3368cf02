"""Domain errors carry a code and parameters, never user-facing text: the bot translates."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule said no. `code` names the rule (e.g. "invite.expired"); `params` fill the text."""

    code = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.code)


class NotFound(DomainError):
    """Missing, or outside the caller's scope: the two must look the same (no probing)."""

    code = "not_found"


class Forbidden(DomainError):
    """The caller's role or scope does not allow this."""

    code = "forbidden"


class InvalidInput(DomainError):
    """The input breaks a rule (too long, out of range, ...)."""

    code = "invalid"


class TooManyAttempts(DomainError):
    """A throttle: try again after `retry_minutes`."""

    code = "throttled"


class ConcurrencyConflict(Exception):
    """Two transactions collided (a unique key raced, a lock timed out): retry the whole
    unit of work. Not a rule: the storage layer raises it, the unit-of-work owner retries."""


class StaleCopy(ConcurrencyConflict):
    """A copy kept between units of work (the identity rows) turned out stale when checked:
    it was dropped, and the unit of work runs again at once from fresh reads."""
