"""In-memory fake of the 게시판 port with the same rules as the SQL repository: seats never
over capacity, one sign-up per entry and resident."""

from __future__ import annotations

from datetime import datetime

from core.boards.model import BoardEntry
from tests.fakes.uow import _FakeRepository


def _newest(entry: BoardEntry):
    return (-entry.created_at.timestamp(), -entry.id)


class FakeBoardRepository(_FakeRepository):
    def __init__(self) -> None:
        super().__init__()
        self.signups: dict[tuple[int, int], datetime] = {}

    def _page(self, rows, offset: int, limit: int):
        rows = sorted(rows, key=_newest)
        return rows[offset : offset + limit], len(rows)

    async def visible(self, complex_id: int, board: str, now: datetime, *, offset, limit):
        rows = [
            x
            for x in self.rows.values()
            if x.complex_id == complex_id and x.board == board and x.expires_at > now
        ]
        return self._page(rows, offset, limit)

    async def for_complex(self, complex_id: int, *, offset: int, limit: int):
        rows = [x for x in self.rows.values() if x.complex_id == complex_id]
        return self._page(rows, offset, limit)

    async def take_seat(self, entry_id: int) -> bool:
        entry = self.rows.get(entry_id)
        if entry is None or entry.capacity is None or entry.taken >= entry.capacity:
            return False
        entry.taken += 1
        return True

    async def free_seat(self, entry_id: int) -> None:
        entry = self.rows.get(entry_id)
        if entry is not None and entry.taken > 0:
            entry.taken -= 1

    async def is_signed_up(self, entry_id: int, resident_id: int) -> bool:
        return (entry_id, resident_id) in self.signups

    async def add_signup(self, entry_id: int, resident_id: int, complex_id: int, at) -> None:
        assert (entry_id, resident_id) not in self.signups
        self.signups[(entry_id, resident_id)] = at

    async def remove_signup(self, entry_id: int, resident_id: int) -> bool:
        return self.signups.pop((entry_id, resident_id), None) is not None

    async def signed_up(self, entry_id: int) -> list[int]:
        return sorted(r for (e, r) in self.signups if e == entry_id)
