"""In-memory fakes of the 우리단지 ports (notices, votes) with the same rules as the SQL
repositories: conditional status changes, one read per resident, one ballot per household."""

from __future__ import annotations

from datetime import datetime

from core.notices.model import Notice, NoticeStatus, UnreachedBuilding
from core.votes.model import Ballot, Vote, VoteStatus
from tests.fakes.uow import _FakeRepository

SHOWN = (NoticeStatus.SENDING, NoticeStatus.SENT)


def _residents(uow, complex_id: int, buildings: list[str]) -> list:
    homes = uow.households.rows
    return sorted(
        (
            r
            for r in uow.residents.rows.values()
            if r.complex_id == complex_id
            and r.household_id
            and (not buildings or homes[r.household_id].building in buildings)
        ),
        key=lambda r: r.id,
    )


class FakeNoticeRepository(_FakeRepository):
    def __init__(self, uow) -> None:
        super().__init__()
        self.uow = uow
        self.reads: dict[tuple[int, int], datetime] = {}
        # outbox rows of broadcasts as the delivery report reads them: dicts with batch,
        # complex_id, resident_id, channel, mode, status, created_at
        self.outbox: list[dict] = []

    async def transition(self, notice_id: int, before: str, after: str, at: datetime) -> bool:
        notice = self.rows.get(notice_id)
        if notice is None or notice.status != before:
            return False
        notice.status = after
        if after == NoticeStatus.SENDING:
            notice.started_at = at
        if after == NoticeStatus.SENT:
            notice.sent_at = at
        return True

    async def recipients(self, complex_id, buildings, *, after: int, limit: int) -> list[int]:
        ids = [r.id for r in _residents(self.uow, complex_id, buildings) if r.id > after]
        return ids[:limit]

    async def expected_messages(self, complex_id: int, buildings: list[str]) -> int:
        ids = {r.id for r in _residents(self.uow, complex_id, buildings)}
        accounts = self.uow.accounts.rows.values()
        return sum(1 for a in accounts if a.resident_id in ids and not a.unreachable)

    async def buildings(self, complex_id: int) -> list[str]:
        homes = self.uow.households.rows.values()
        return sorted({h.building for h in homes if h.complex_id == complex_id})

    async def visible(self, complex_id: int, building: str, *, offset: int, limit: int):
        rows = [
            n
            for n in self.rows.values()
            if n.complex_id == complex_id and n.status in SHOWN and n.reaches(building)
        ]
        rows.sort(key=lambda n: (not n.pinned, -n.send_at.timestamp(), -n.id))
        return rows[offset : offset + limit], len(rows)

    async def newest_visible(self, complex_id: int, building: str):
        rows, _ = await self.visible(complex_id, building, offset=0, limit=len(self.rows))
        return max(rows, key=lambda n: (n.send_at, n.id), default=None)

    async def for_complex(self, complex_id: int, *, offset: int, limit: int):
        rows = [n for n in self.rows.values() if n.complex_id == complex_id]
        rows.sort(key=lambda n: (-n.send_at.timestamp(), -n.id))
        return rows[offset : offset + limit], len(rows)

    async def mark_read(self, notice_id: int, resident_id: int, complex_id: int, at) -> bool:
        if (notice_id, resident_id) in self.reads:
            return False
        self.reads[(notice_id, resident_id)] = at
        return True

    async def read_count(self, notice_id: int) -> int:
        return sum(1 for n, _ in self.reads if n == notice_id)

    async def read_counts(self, notice_ids: list[int]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for n, _ in self.reads:
            if n in notice_ids:
                counts[n] = counts.get(n, 0) + 1
        return counts

    async def batch_counts(self, batch: str) -> dict[str, int]:
        return await self.uow.outbox.progress(batch)

    async def inbox_waiting(self, batch: str) -> int:
        return 0

    async def delivery_rows(self, batch: str, notice_id: int):
        counts: dict[tuple, int] = {}
        for row in self.outbox:
            if row["batch"] == batch:
                read = (notice_id, row["resident_id"]) in self.reads
                key = (row["channel"], row["mode"], row["status"], read)
                counts[key] = counts.get(key, 0) + 1
        return [(*key, count) for key, count in counts.items()]

    async def unreached(self, complex_id: int, batch: str, notice_id: int, before: datetime):
        residents, homes = self.uow.residents.rows, self.uow.households.rows

        def home(resident_id: int):
            return homes[residents[resident_id].household_id]

        rows = [row for row in self.outbox if row["batch"] == batch]
        reached = {home(row["resident_id"]).id for row in rows if row["status"] == "sent"}
        reached |= {home(r).id for n, r in self.reads if n == notice_id}
        waiting = {
            home(row["resident_id"])
            for row in rows
            if row["complex_id"] == complex_id and row["created_at"] <= before
        }
        per: dict[str, int] = {}
        for h in waiting:
            if h.id not in reached and h.complex_id == complex_id:
                per[h.building] = per.get(h.building, 0) + 1
        return [UnreachedBuilding(b, per[b]) for b in sorted(per)]


class FakeVoteRepository(_FakeRepository):
    def __init__(self, uow) -> None:
        super().__init__()
        self.uow = uow
        self.ballots: dict[tuple[int, int], Ballot] = {}
        self.audit_log: list[tuple] = []

    async def transition(self, vote_id: int, before, after: str) -> bool:
        vote: Vote | None = self.rows.get(vote_id)
        if vote is None or vote.status not in before:
            return False
        vote.status = after
        return True

    async def ballot(self, vote_id: int, household_id: int) -> Ballot | None:
        return self.ballots.get((vote_id, household_id))

    async def hold_open(self, vote_id: int) -> bool:
        vote = self.rows.get(vote_id)
        return vote is not None and vote.status == VoteStatus.OPEN

    async def add_ballot(self, ballot: Ballot) -> bool:
        if (ballot.vote_id, ballot.household_id) in self.ballots:
            return False
        self.ballots[(ballot.vote_id, ballot.household_id)] = ballot
        return True

    async def replace_ballot(self, ballot: Ballot, *, seen: int) -> bool:
        before = self.ballots.get((ballot.vote_id, ballot.household_id))
        if before is None or before.changes != seen:
            return False
        self.ballots[(ballot.vote_id, ballot.household_id)] = ballot
        return True

    async def tally(self, vote_id: int, options: int) -> list[int]:
        counts = [0] * options
        for (v, _), ballot in self.ballots.items():
            if v == vote_id:
                counts[ballot.option] += 1
        return counts

    def _homes(self, complex_id: int, buildings: list[str]) -> list[int]:
        return sorted(
            h.id
            for h in self.uow.households.rows.values()
            if h.complex_id == complex_id
            and h.kind == "home"
            and (not buildings or h.building in buildings)
        )

    async def households(self, complex_id, buildings, *, voted, vote_id) -> list[int]:
        ids = self._homes(complex_id, buildings)
        if voted is None:
            return ids
        return [h for h in ids if ((vote_id, h) in self.ballots) == voted]

    async def count_households(self, complex_id: int, buildings: list[str]) -> int:
        return len(self._homes(complex_id, buildings))

    async def voting_buildings(self, complex_id: int) -> list[str]:
        homes = self.uow.households.rows.values()
        here = [h for h in homes if h.complex_id == complex_id and h.kind == "home"]
        return sorted({h.building for h in here})

    async def for_complex(self, complex_id: int, statuses, *, offset: int, limit: int):
        rows = [
            v for v in self.rows.values() if v.complex_id == complex_id and v.status in statuses
        ]
        rows.sort(key=lambda v: (-v.closes_at.timestamp(), -v.id))
        return rows[offset : offset + limit], len(rows)

    async def audit(self, at, complex_id, actor_id, action, detail) -> None:
        self.audit_log.append((at, complex_id, actor_id, action, detail))


class FakeOutboxProgress:
    """The one outbox query the core reads (a broadcast's progress): {status: count}."""

    def __init__(self) -> None:
        self.batches: dict[str, dict[str, int]] = {}

    async def progress(self, batch: str) -> dict[str, int]:
        return dict(self.batches.get(batch, {}))


__all__ = ["FakeNoticeRepository", "FakeOutboxProgress", "FakeVoteRepository", "Notice"]
