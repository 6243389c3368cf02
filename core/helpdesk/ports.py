"""What the help-request use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.helpdesk.model import HelpMessage, HelpRequest


class HelpRepository(Protocol):
    async def next_number(self, complex_id: int) -> int:
        """The next request number of the complex (a unique key settles a race)."""

    async def add(self, request: HelpRequest) -> HelpRequest: ...
    async def get(self, request_id: int) -> HelpRequest | None: ...
    async def take(self, request_id: int, owner_id: int, at: datetime) -> bool:
        """Make `owner_id` the owner if nobody is (one conditional update); False if taken."""

    async def close(self, request_id: int, at: datetime) -> bool:
        """Close it if open (one conditional update); False when it already was."""

    async def touch(self, request_id: int, at: datetime) -> None: ...
    async def add_message(self, message: HelpMessage) -> HelpMessage: ...
    async def messages(self, request_id: int) -> list[HelpMessage]: ...
    async def open_of(self, requester_id: int) -> HelpRequest | None:
        """The requester's newest request that is not closed."""

    async def opened_since(self, requester_id: int, since: datetime) -> int: ...
    async def page(
        self, complex_id: int, statuses: list[str], owner_id: int | None, offset: int, limit: int
    ) -> tuple[list[HelpRequest], int]:
        """Waiting and taken: oldest first; closed: newest first."""

    async def count(self, complex_id: int, statuses: list[str], owner_id: int | None) -> int: ...
    async def agent_name(self, resident_id: int) -> str | None: ...
    async def agent_names(self, resident_ids: list[int]) -> dict[int, str]: ...
    async def set_agent_name(self, resident_id: int, complex_id: int, name: str) -> None: ...
