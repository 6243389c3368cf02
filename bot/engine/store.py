"""The engine's own persistence (its port) and what lets a step write only what changed.

The engine's statements per message are few and fixed, so the unit of work offers them as
one port implemented in plain SQL on its own transaction (storage.repositories.lean):
handlers keep the ORM repositories, and everything still commits together or not at all.

Writing only what changed:
- the conversation row is rewritten only when the dialog, step, data or screen differ, or
  the row is older than `TOUCH_AFTER` (so an active dialog never looks abandoned);
- a tap on a reusable button of the screen last shown takes its action from that stored
  screen (its token is the resident's MAC of the action, so only a screen the bot showed
  this person can hold it); single-use, paging and pushed buttons are looked up as rows;
- a reusable token already on the last screen is not stored again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, Protocol

from core.identity.model import ChannelAccount, Resident

TOUCH_AFTER = timedelta(hours=1)


class EngineStore(Protocol):
    async def identity(
        self, channel: str, external_id: str
    ) -> tuple[ChannelAccount, Resident, frozenset[tuple[str, int | None]]] | None: ...

    async def lock_conversation(
        self, resident_id: int, now: datetime, account_id: int = 0
    ) -> dict[str, Any]:
        """The conversation row, locked; `account_id`: the inbox probe rides along."""

    async def save_conversation(
        self, state: dict[str, Any], now: datetime, touch_after: timedelta
    ) -> bool:
        """Write the state if it differs from the locked row (or that row is older than
        `touch_after`); whether it wrote."""

    async def token(self, token: str) -> dict[str, Any] | None: ...

    async def use_token(self, token: str, now: datetime) -> bool:
        """Mark a single-use token used: True for the one tap that did."""

    async def add_tokens(self, rows: list[dict[str, Any]]) -> None: ...

    async def claim_delivery(self, key: str, now: datetime) -> list[Any] | None: ...

    async def store_reply(self, key: str, resident_id: int, reply: list[Any]) -> None: ...

    async def inbox_waiting(self, account_id: int) -> bool: ...


def store_of(uow: Any) -> EngineStore:
    """The engine's own port on a unit of work (storage's units of work offer it)."""
    store: EngineStore = uow.engine_store
    return store


def _buttons(screen: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
    if not screen:
        return
    yield from screen.get("buttons", ())
    for card in screen.get("cards", ()):
        yield from card.get("buttons", ())


def stored_tap(screen: dict[str, Any] | None, token: str, resident_id: int, now: datetime):
    """The token row a reusable button of the stored screen stands for, or None."""
    for button in _buttons(screen):
        action = button.get("action")
        if button.get("token") == token and action and not action.get("_once"):
            return {
                "token": token,
                "resident_id": resident_id,
                "action": action,
                "single_use": False,
                "expires_at": now + TOUCH_AFTER,
            }
    return None


def new_tokens(rows: list[dict[str, Any]], before: dict[str, Any] | None) -> list[dict]:
    """The token rows to store: all but the reusable ones already on the last screen."""
    known = {b.get("token") for b in _buttons(before)}
    return [r for r in rows if r["single_use"] or r["token"] not in known]
