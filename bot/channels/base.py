"""What a channel adapter may rely on: the engine's one entry point, and the errors a push
(a message the bot sends on its own, through the outbox) can end in."""

from __future__ import annotations

from typing import Protocol

from bot.screens import Inbound, Reply


class Engine(Protocol):
    async def handle(self, inbound: Inbound) -> Reply:
        """Handle one inbound event inside one unit of work and return the reply to show."""


class DeliveryError(Exception):
    """A push failed; subclasses say whether and when to try again."""


class RetryAfter(DeliveryError):
    """The channel asked us to slow down (Telegram 429): wait `seconds`, then try again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class Unreachable(DeliveryError):
    """The person blocked the bot or the account no longer exists (Telegram 403): stop."""


class TransientError(DeliveryError):
    """A network error or 5xx: try again later with backoff."""
