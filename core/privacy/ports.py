"""What the data-rights use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from core.privacy.model import Held, Retention


class PrivacyRepository(Protocol):
    async def held(self, resident_id: int) -> Held:
        """What the service holds about the resident (counts and short lists, one read)."""

    async def copy(self, resident_id: int) -> dict[str, Any]:
        """Everything held about the resident as plain data (the downloadable copy); secret
        votes name the question only, never the option."""

    async def erase(self, resident_id: int, now: datetime) -> None:
        """탈퇴: unlink every channel account, delete listings, relay chats, phone numbers,
        link codes, button tokens, help-request texts and the conversation's memory; orders,
        ballots and ledger entries stay with the household (the resident row stays as an
        anonymous record of it, so the ledger stays exact)."""

    async def purge(self, now: datetime, retention: Retention) -> tuple[dict[str, int], list[str]]:
        """Delete what outlived its retention period: relay chats (and their messages in the
        outbox), closed reports' photos (returned as media ids, for the files) and audit
        details; returns rows per kind and the media ids."""

    async def audit(
        self, at: datetime, complex_id: int | None, actor_id: int, detail: str
    ) -> None:
        """A line in the audit log (privacy.leave)."""
