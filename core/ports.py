"""The ports the domain talks through. storage/ implements them with SQLAlchemy; tests use fakes.

Repositories never commit: the use case's unit of work does, once, at the end.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any, Protocol

from core.boards.ports import BoardRepository
from core.defects.ports import DefectRepository
from core.desk.ports import DeskStore
from core.helpdesk.ports import HelpRepository
from core.identity.alert_phone import AlertPhone
from core.identity.desk_login import DeskLoginCode
from core.identity.households import Home
from core.identity.model import (
    ChannelAccount,
    Complex,
    Household,
    InviteCode,
    LinkCode,
    Resident,
    RoleGrant,
)
from core.identity.proxy import ProxyRepository
from core.notices.ports import NoticeRepository
from core.notifications import Notification
from core.partners.ports import PartnerRepository
from core.points.ports import PointsRepository
from core.privacy.ports import PrivacyRepository
from core.share.ports import ShareRepository
from core.shop.ports import PickRepository, ShopRepository
from core.surveys.ports import SurveyRepository
from core.votes.ports import VoteRepository


class ComplexRepository(Protocol):
    async def get(self, complex_id: int) -> Complex | None: ...
    async def by_code(self, code: str) -> Complex | None: ...
    async def all(self) -> list[Complex]: ...
    async def add(self, item: Complex) -> Complex: ...


class HouseholdRepository(Protocol):
    async def get(self, household_id: int) -> Household | None: ...
    async def find(self, complex_id: int, building: str, unit: str) -> Household | None: ...
    async def add(self, item: Household) -> Household: ...


class ResidentRepository(Protocol):
    async def get(self, resident_id: int) -> Resident | None: ...
    async def add(self, item: Resident) -> Resident: ...
    async def count_verified(self, complex_id: int) -> int: ...
    async def count_in_household(self, household_id: int) -> int: ...
    async def ids_in_household(self, household_id: int) -> list[int]: ...
    async def ids_in_households(self, household_ids: list[int]) -> list[int]: ...


class AccountRepository(Protocol):
    async def find(self, channel: str, external_id: str) -> ChannelAccount | None: ...
    async def get(self, account_id: int) -> ChannelAccount | None: ...
    async def add(self, item: ChannelAccount) -> ChannelAccount: ...
    async def for_resident(self, resident_id: int) -> list[ChannelAccount]: ...


class AlertPhoneRepository(Protocol):
    """Mobile numbers given for 알림톡, one per resident (core/identity/alert_phone.py)."""

    async def get(self, resident_id: int) -> AlertPhone | None: ...
    async def put(self, phone: AlertPhone) -> None:
        """Insert or replace the resident's number."""

    async def delete(self, resident_id: int) -> bool: ...
    async def having(self, resident_ids: list[int]) -> set[int]:
        """Those of the residents who gave a number."""


class RoleRepository(Protocol):
    async def for_resident(self, resident_id: int) -> list[RoleGrant]: ...
    async def holders(self, role: str, complex_id: int) -> list[int]:
        """Residents holding `role` in the complex now (e.g. its coordinators)."""

    async def add(self, item: RoleGrant) -> RoleGrant: ...


class InviteRepository(Protocol):
    async def by_hash(self, code_hash: str) -> InviteCode | None: ...
    async def add(self, item: InviteCode) -> InviteCode: ...
    async def try_use(self, invite_id: int) -> bool:
        """Count one use if any is left (one conditional update); False when used up."""


class LinkCodeRepository(Protocol):
    async def by_hash(self, code_hash: str) -> LinkCode | None: ...
    async def add(self, item: LinkCode) -> LinkCode: ...
    async def try_use(self, link_id: int, at: datetime) -> bool:
        """Mark the code used if it is not yet (one conditional update); False when it was."""


class RosterRepository(Protocol):
    """A complex's households and resident invite codes in bulk (import, invite letters)."""

    async def addresses(self, complex_id: int) -> set[tuple[str, str]]:
        """(동, 호) of every household of the complex."""

    async def add_households(self, complex_id: int, addresses: list[tuple[str, str]]) -> None:
        """Insert these households (a few multi-row statements)."""

    async def households(self, complex_id: int, building: str | None) -> list[Home]:
        """The complex's households (of one 동 when given)."""

    async def with_active_invite(self, household_ids: list[int], now: datetime) -> set[int]:
        """Those of the households holding a resident code not revoked, expired or used up."""

    async def revoke_invites(self, household_ids: list[int], now: datetime) -> int:
        """Revoke the households' active resident codes; how many."""

    async def add_invites(
        self,
        complex_id: int,
        hashes: list[tuple[int, str]],
        *,
        role: str,
        max_uses: int,
        expires_at: datetime,
        created_at: datetime,
    ) -> None:
        """Insert a code per (household id, code hash), all with these limits (a few
        multi-row statements)."""


class DeskRepository(DeskStore, Protocol):
    """The desk's one-time login codes and operators' names (core.identity.desk_login);
    sessions, audit and figures (core.desk)."""

    async def add_code(self, login: DeskLoginCode) -> DeskLoginCode: ...
    async def code_by_hash(self, code_hash: str) -> DeskLoginCode | None: ...
    async def use_code(self, code_id: int, at: datetime) -> bool:
        """Mark the code used if it is not yet (one conditional update)."""

    async def add_operator(self, resident_id: int, name: str, at: datetime) -> None: ...
    async def operator_name(self, resident_id: int) -> str | None: ...


class RateEventRepository(Protocol):
    async def add(self, subject: str, kind: str, at: datetime) -> None: ...
    async def count(self, subject: str, kind: str, since: datetime) -> int: ...


class Notifier(Protocol):
    async def notify(
        self,
        resident_id: int,
        note: Notification,
        *,
        key: str,
        urgent: bool = False,
        batch: str | None = None,
        complex_id: int | None = None,
        skip_account_id: int | None = None,
        alert: bool = False,
    ) -> int:
        """Queue a notification to every channel of the resident, in this transaction.
        `key` names its cause, so the same cause never notifies twice. `alert`: important
        enough to go by 알림톡 too, to a resident who gave a number for it."""

    async def notify_many(
        self,
        resident_ids: list[int],
        note: Notification,
        *,
        key: str,
        urgent: bool = False,
        batch: str | None = None,
        complex_id: int | None = None,
        alert: bool = False,
    ) -> int:
        """`notify` for many residents at once (a broadcast); each one's cause key is
        `{key}:r{resident_id}`."""


class Scheduler(Protocol):
    """Scheduled work as rows (`uow.jobs`), written in the caller's transaction: a deadline
    is armed if and only if the change that set it commits. A job is named by (kind, key),
    e.g. ("vote.close", "vote:42"); its handler is registered per kind in the application."""

    async def at(
        self,
        kind: str,
        key: str,
        due_at: datetime,
        payload: dict[str, Any] | None = None,
        complex_id: int | None = None,
    ) -> bool:
        """Arm the job for `due_at`: create it, or move a pending job (and replace its payload);
        a cancelled job is armed again. A running, done or dead job is left alone (a done job
        is never re-armed). True when the job is now pending at `due_at`."""

    async def cancel(self, kind: str, key: str) -> bool:
        """Cancel a pending (or running) job; True when one was cancelled. A running handler
        then fails its fenced finish, so its effect rolls back."""


class UnitOfWork(Protocol):
    """One transaction. Its owner (the engine for a message, a CLI command, a scheduled job)
    commits once at the end; use cases never commit, so a refused rule leaves nothing behind.
    The repositories are read-only properties, so an implementation may hold subtypes."""

    @property
    def complexes(self) -> ComplexRepository: ...
    @property
    def households(self) -> HouseholdRepository: ...
    @property
    def residents(self) -> ResidentRepository: ...
    @property
    def accounts(self) -> AccountRepository: ...
    @property
    def roles(self) -> RoleRepository: ...
    @property
    def alert_phones(self) -> AlertPhoneRepository: ...
    @property
    def invites(self) -> InviteRepository: ...
    @property
    def links(self) -> LinkCodeRepository: ...
    @property
    def roster(self) -> RosterRepository: ...
    @property
    def desk(self) -> DeskRepository: ...
    @property
    def notifier(self) -> Notifier: ...
    @property
    def defects(self) -> DefectRepository: ...
    @property
    def notices(self) -> NoticeRepository: ...
    @property
    def votes(self) -> VoteRepository: ...
    @property
    def surveys(self) -> SurveyRepository: ...
    @property
    def boards(self) -> BoardRepository: ...
    @property
    def share(self) -> ShareRepository: ...
    @property
    def shop(self) -> ShopRepository: ...
    @property
    def picks(self) -> PickRepository: ...
    @property
    def partners(self) -> PartnerRepository: ...
    @property
    def rate_events(self) -> RateEventRepository: ...
    @property
    def jobs(self) -> Scheduler: ...
    @property
    def points(self) -> PointsRepository: ...
    @property
    def proxies(self) -> ProxyRepository: ...
    @property
    def help(self) -> HelpRepository: ...
    @property
    def privacy(self) -> PrivacyRepository: ...

    def savepoint(self) -> AbstractAsyncContextManager[None]:
        """Everything inside is undone if it raises; the transaction goes on."""
        ...

    async def flush(self) -> None:
        """Send pending changes (e.g. to get generated ids) without committing."""

    async def commit(self) -> None: ...
