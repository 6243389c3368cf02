"""Who is writing: the engine's identity rows kept between messages, checked by version.

Every inbound message first needs the person: their channel account, resident row, live
roles, household and complex (one join, storage.repositories.lean). Between two taps of the
same person none of that changes, so the rows of that join are kept per process (bounded,
least recently used dropped first; rows only, never the objects a step hands out).

Correct across processes: the residents' `identity_version` is bumped by triggers on any
change to those rows (migration 0030), whoever makes it (another worker, the desk, the
command line). A message that takes its identity from here reads that version in the same
statement that locks its conversation row; a different number means the copy is stale, the
entry is dropped and the message runs again from a fresh read (core.errors.StaleCopy).

Kept only after a step that committed without an ORM session (a menu tap); a step that opened
one (it may have changed the person) or failed drops the entry instead.
"""

from __future__ import annotations

from collections import OrderedDict

Key = tuple[str, str]  # (channel, external id)


class IdentityCache:
    def __init__(self, size: int = 4096) -> None:
        self._rows: OrderedDict[Key, list[tuple]] = OrderedDict()
        self._size = size
        self.hits = 0
        self.misses = 0

    def get(self, key: Key) -> list[tuple] | None:
        rows = self._rows.get(key)
        if rows is None:
            self.misses += 1
            return None
        self._rows.move_to_end(key)
        self.hits += 1
        return rows

    def put(self, key: Key, rows: list[tuple]) -> None:
        if self._size <= 0:
            return
        self._rows[key] = rows
        self._rows.move_to_end(key)
        if len(self._rows) > self._size:
            self._rows.popitem(last=False)

    def drop(self, key: Key) -> None:
        self._rows.pop(key, None)

    def __len__(self) -> int:
        return len(self._rows)
