"""The retention job: what is kept only for a while is deleted when its period ends.

Rules (`purge_expired`):
- Relay chats (공유마켓 대화) ended — or started and never ended — more than
  `relay_chat_days` ago are deleted, with their messages still in the outbox.
- Photos of reports closed (done or rejected) more than `report_photo_days` ago are removed
  from the report; the caller deletes their files after the commit (the ids are returned).
- Audit lines older than `audit_detail_days` keep who, when and what kind, not the details.
- Time comes from the clock port; running it twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.privacy.model import Retention

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class Purged:
    counts: dict[str, int]
    media: list[str]  # photo files to delete once the transaction committed


async def purge_expired(uow: UnitOfWork, clock: Clock, retention: Retention) -> Purged:
    """Delete what outlived its retention period (see the module's rules)."""
    counts, media = await uow.privacy.purge(clock.now(), retention)
    return Purged(counts, media)
