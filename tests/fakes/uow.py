"""In-memory fakes of the ports in core/ports.py: enough to run the core's use cases without a
database. Each repository keeps its rows in a dict keyed by id; nothing is copied, so a test can
look at exactly what a use case stored."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import datetime

from core.defects.model import DefectEvent, DefectReport, Where
from core.identity.model import (
    ChannelAccount,
    Complex,
    Household,
    InviteCode,
    LinkCode,
    RoleGrant,
)


class _FakeRepository:
    def __init__(self) -> None:
        self.rows: dict[int, object] = {}
        self._ids = itertools.count(1)

    async def get(self, item_id: int):
        return self.rows.get(item_id)

    async def add(self, item):
        item.id = next(self._ids)
        self.rows[item.id] = item
        return item


class FakeComplexRepository(_FakeRepository):
    async def by_code(self, code: str) -> Complex | None:
        return next((c for c in self.rows.values() if c.code == code), None)


class FakeHouseholdRepository(_FakeRepository):
    async def find(self, complex_id: int, building: str, unit: str) -> Household | None:
        for h in self.rows.values():
            if (h.complex_id, h.building, h.unit) == (complex_id, building, unit):
                return h
        return None


class FakeResidentRepository(_FakeRepository):
    async def count_verified(self, complex_id: int) -> int:
        return sum(1 for r in self.rows.values() if r.complex_id == complex_id and r.household_id)

    async def count_in_household(self, household_id: int) -> int:
        return sum(1 for r in self.rows.values() if r.household_id == household_id)

    async def ids_in_household(self, household_id: int) -> list[int]:
        return [r.id for r in self.rows.values() if r.household_id == household_id]

    async def ids_in_households(self, household_ids: list[int]) -> list[int]:
        wanted = set(household_ids)
        return sorted(r.id for r in self.rows.values() if r.household_id in wanted)


class FakeAccountRepository(_FakeRepository):
    async def find(self, channel: str, external_id: str) -> ChannelAccount | None:
        for a in self.rows.values():
            if (a.channel, a.external_id) == (channel, external_id):
                return a
        return None

    async def add(self, item: ChannelAccount) -> ChannelAccount:
        if await self.find(item.channel, item.external_id) is not None:
            raise AssertionError("unique (channel, external_id) violated")
        return await super().add(item)

    async def for_resident(self, resident_id: int) -> list[ChannelAccount]:
        return [a for a in self.rows.values() if a.resident_id == resident_id]


class FakeRoleRepository(_FakeRepository):
    async def for_resident(self, resident_id: int) -> list[RoleGrant]:
        return [g for g in self.rows.values() if g.resident_id == resident_id]

    async def holders(self, role: str, complex_id: int) -> list[int]:
        return sorted(
            {
                g.resident_id
                for g in self.rows.values()
                if g.role == role and g.complex_id == complex_id and g.revoked_at is None
            }
        )


class FakeInviteRepository(_FakeRepository):
    async def by_hash(self, code_hash: str) -> InviteCode | None:
        return next((i for i in self.rows.values() if i.code_hash == code_hash), None)

    async def try_use(self, invite_id: int) -> bool:
        invite = self.rows[invite_id]
        if invite.uses >= invite.max_uses:
            return False
        invite.uses += 1
        return True


class FakeLinkCodeRepository(_FakeRepository):
    async def by_hash(self, code_hash: str) -> LinkCode | None:
        return next((c for c in self.rows.values() if c.code_hash == code_hash), None)

    async def try_use(self, link_id: int, at: datetime) -> bool:
        link = self.rows[link_id]
        if link.used_at is not None:
            return False
        link.used_at = at
        return True


class FakeRateEventRepository:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, datetime]] = []

    async def add(self, subject: str, kind: str, at: datetime) -> None:
        self.events.append((subject, kind, at))

    async def count(self, subject: str, kind: str, since: datetime) -> int:
        return sum(1 for s, k, at in self.events if (s, k) == (subject, kind) and at >= since)


class FakeNotifier:
    """Records notifications instead of queueing them: (resident_id, kind, params, key); a
    typed payload is recorded as its kind and its fields."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str, dict, str]] = []
        self.alerts: set[str] = set()  # keys of the notifications asked to go by 알림톡 too

    async def notify(
        self,
        resident_id,
        note,
        *,
        key,
        urgent=False,
        batch=None,
        complex_id=None,
        skip_account_id=None,
        alert=False,
    ) -> int:
        kind, params = note.kind, dataclasses.asdict(note)
        if any(k == key for *_, k in self.sent):
            return 0
        self.sent.append((resident_id, kind, params, key))
        if alert:
            self.alerts.add(key)
        return 1

    async def notify_many(
        self, resident_ids, note, *, key, urgent=False, batch=None, complex_id=None, alert=False
    ) -> int:
        sent = 0
        for resident_id in resident_ids:
            sent += await self.notify(
                resident_id, note, key=f"{key}:r{resident_id}", urgent=urgent, alert=alert
            )
        return sent


class FakeAlertPhoneRepository:
    """Numbers given for 알림톡, by resident."""

    def __init__(self) -> None:
        self.rows: dict = {}

    async def get(self, resident_id):
        return self.rows.get(resident_id)

    async def put(self, phone) -> None:
        self.rows[phone.resident_id] = phone

    async def delete(self, resident_id) -> bool:
        return self.rows.pop(resident_id, None) is not None

    async def having(self, resident_ids) -> set[int]:
        return {r for r in resident_ids if r in self.rows}


class FakeJobRepository:
    """The Scheduler port in memory: {(kind, key): job dict}, with the same arming rules."""

    def __init__(self) -> None:
        self.jobs: dict[tuple[str, str], dict] = {}

    async def at(self, kind, key, due_at, payload=None, complex_id=None) -> bool:
        job = self.jobs.get((kind, key))
        if job is not None and job["status"] not in ("pending", "cancelled"):
            return False
        self.jobs[(kind, key)] = {
            "kind": kind,
            "key": key,
            "due_at": due_at,
            "payload": payload or {},
            "complex_id": complex_id,
            "status": "pending",
        }
        return True

    async def cancel(self, kind, key) -> bool:
        job = self.jobs.get((kind, key))
        if job is None or job["status"] not in ("pending", "running"):
            return False
        job["status"] = "cancelled"
        return True


class FakeDefectRepository(_FakeRepository):
    """Reports in memory, with the same ordering and scoping rules as the SQL repository."""

    def __init__(self, households: FakeHouseholdRepository) -> None:
        super().__init__()
        self.households = households
        self.history: list[DefectEvent] = []
        self.supporters: set[tuple[int, int]] = set()

    async def add_event(self, event: DefectEvent) -> None:
        event.id = len(self.history) + 1
        self.history.append(event)

    async def events(self, report_id: int) -> list[DefectEvent]:
        return sorted((e for e in self.history if e.report_id == report_id), key=_event_order)

    @staticmethod
    def _page(rows: list, offset: int, limit: int) -> tuple[list, int]:
        return rows[offset : offset + limit], len(rows)

    async def for_household(self, household_id: int, *, offset: int, limit: int):
        rows = [r for r in self.rows.values() if r.household_id == household_id]
        return self._page(sorted(rows, key=_newest_first), offset, limit)

    async def open_common(self, complex_id: int, *, offset: int, limit: int):
        rows = [
            r
            for r in self.rows.values()
            if r.complex_id == complex_id and r.where == Where.COMMON and r.is_open
        ]
        return self._page(sorted(rows, key=_newest_first), offset, limit)

    async def queue(self, complex_id, *, statuses, category, building, offset, limit):
        rows = [
            r
            for r in self.rows.values()
            if r.complex_id == complex_id
            and r.status in statuses
            and (not category or r.category == category)
            and (not building or self.households.rows[r.household_id].building == building)
        ]
        rows.sort(key=lambda r: (not r.urgent, r.created_at, r.id))
        return self._page(rows, offset, limit)

    async def filed_since(self, household_id: int, since: datetime) -> int:
        return sum(
            1
            for r in self.rows.values()
            if r.household_id == household_id and r.created_at >= since
        )

    async def add_supporter(self, report_id: int, household_id: int, at: datetime) -> bool:
        if (report_id, household_id) in self.supporters:
            return False
        self.supporters.add((report_id, household_id))
        return True

    async def open_buildings(self, complex_id: int) -> list[str]:
        return sorted(
            {
                self.households.rows[r.household_id].building
                for r in self.rows.values()
                if r.complex_id == complex_id and r.is_open
            }
        )

    async def buildings(self, household_ids: list[int]) -> dict[int, str]:
        return {
            i: self.households.rows[i].building for i in household_ids if i in self.households.rows
        }

    async def created_between(self, complex_id: int, start: datetime, end: datetime):
        return [
            r
            for r in self.rows.values()
            if r.complex_id == complex_id and start <= r.created_at < end
        ]


def _event_order(event: DefectEvent):
    return (event.at, event.id)


def _newest_first(report: DefectReport):
    return (-report.created_at.timestamp(), -report.id)


class FakeProxyRepository:
    """대신 하기 audit lines, in memory."""

    def __init__(self) -> None:
        self.items: list = []

    async def add(self, item):
        item.id = len(self.items) + 1
        self.items.append(item)
        return item

    async def for_household(self, household_id: int, limit: int = 50) -> list:
        found = [i for i in self.items if i.household_id == household_id]
        return found[::-1][:limit]


class FakeUnitOfWork:
    """One shared in-memory "database"; `commits` counts how often the owner committed."""

    def __init__(self) -> None:
        self.complexes = FakeComplexRepository()
        self.households = FakeHouseholdRepository()
        self.residents = FakeResidentRepository()
        self.accounts = FakeAccountRepository()
        self.roles = FakeRoleRepository()
        self.alert_phones = FakeAlertPhoneRepository()
        self.invites = FakeInviteRepository()
        self.links = FakeLinkCodeRepository()
        self.rate_events = FakeRateEventRepository()
        self.notifier = FakeNotifier()
        self.jobs = FakeJobRepository()
        self.defects = FakeDefectRepository(self.households)
        from tests.fakes.share import FakeShareRepository

        self.share = FakeShareRepository(self)
        from tests.fakes.complex_life import (
            FakeNoticeRepository,
            FakeOutboxProgress,
            FakeVoteRepository,
        )

        self.notices = FakeNoticeRepository(self)
        self.votes = FakeVoteRepository(self)
        from tests.fakes.surveys import FakeSurveyRepository

        self.surveys = FakeSurveyRepository(self)
        from tests.fakes.boards import FakeBoardRepository

        self.boards = FakeBoardRepository()
        self.outbox = FakeOutboxProgress()
        from tests.fakes.points import FakePointsRepository

        self.points = FakePointsRepository()
        from tests.fakes.shop import FakeShopRepository

        self.shop = FakeShopRepository(self)
        self.proxies = FakeProxyRepository()
        self.commits = 0

    async def flush(self) -> None:
        pass

    async def commit(self) -> None:
        self.commits += 1
