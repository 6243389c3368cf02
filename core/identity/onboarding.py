"""Use cases of a person arriving: being known to the bot, and verifying with an invite code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.clock import Clock
from core.errors import DomainError, TooManyAttempts
from core.identity.events import InviteGuessing
from core.identity.invites import hash_code, normalize_code
from core.identity.model import (
    ChannelAccount,
    Complex,
    Household,
    Membership,
    Resident,
    Role,
    RoleGrant,
)
from core.ids import saved
from core.ports import UnitOfWork

WRONG_CODE_LIMIT = 5
WRONG_CODE_WINDOW = timedelta(minutes=10)
KIND_WRONG_CODE = "invite.wrong"
KIND_WRONG_LINK = "link.wrong"  # wrong link codes (see core.identity.linking) count too
THROTTLED_KINDS = (KIND_WRONG_CODE, KIND_WRONG_LINK)
# Per source (the channel a guess came through): a fresh identity per try is still counted.
# A wrong code names no complex, so every complex's coordinators hear of a burst, once.
SOURCE_LIMIT = 30
SOURCE_WINDOW = timedelta(minutes=10)
KIND_SOURCE_ALERT = "invite.burst_alert"


async def wrong_attempts(uow: UnitOfWork, resident_id: int, since: datetime) -> int:
    """Wrong invite codes and wrong link codes since `since`: they share one throttle."""
    subject = f"resident:{resident_id}"
    return sum([await uow.rate_events.count(subject, kind, since) for kind in THROTTLED_KINDS])


async def get_or_register_account(
    uow: UnitOfWork,
    clock: Clock,
    channel: str,
    external_id: str,
    address: str = "",
    locale: str | None = None,
) -> ChannelAccount:
    """The account for (channel, external id); a first message creates an unverified resident.

    Rules:
    - Anyone may talk to the bot; a new person gets a resident with no household (unverified).
    - A new person's language is `locale` (the one their messenger reports, when the bot
      speaks it), else Korean; later only the person changes it (도움말 → 언어).
    - The push address (e.g. a Telegram chat id) is refreshed when it changes.
    - An account marked unreachable (it had blocked the bot) is reachable again.
    """
    account = await uow.accounts.find(channel, external_id)
    if account is None:
        resident = await uow.residents.add(Resident(created_at=clock.now(), locale=locale or "ko"))
        account = await uow.accounts.add(
            ChannelAccount(
                channel=channel,
                external_id=external_id,
                resident_id=saved(resident.id),
                created_at=clock.now(),
                address=address,
            )
        )
    else:
        heard_from(account, address)
    return account


def heard_from(account: ChannelAccount, address: str = "") -> None:
    """A known account wrote: its push address is refreshed when it changed, and it is
    reachable again (writing to the bot means it may write back)."""
    if address and account.address != address:
        account.address = address
    if account.unreachable:
        account.unreachable = False


def membership_from(resident: Resident, grants: frozenset[tuple[str, int | None]]) -> Membership:
    """A resident's membership from their live (role, complex) grants."""
    return Membership(
        resident_id=saved(resident.id),
        complex_id=resident.complex_id,
        household_id=resident.household_id,
        grants=grants,
    )


async def membership_of(uow: UnitOfWork, resident: Resident) -> Membership:
    resident_id = saved(resident.id)
    grants = await uow.roles.for_resident(resident_id)
    return Membership(
        resident_id=resident_id,
        complex_id=resident.complex_id,
        household_id=resident.household_id,
        grants=frozenset((g.role, g.complex_id) for g in grants if g.revoked_at is None),
    )


@dataclass(frozen=True)
class Verified:
    complex: Complex
    household: Household
    role: str


@dataclass(frozen=True)
class WrongCode:
    """The code matched no invite; the attempt was recorded. `left` tries remain."""

    left: int


async def _source_budget(uow: UnitOfWork, source: str, now: datetime) -> None:
    """Refuse every try from a source that spent its budget of wrong codes (TooManyAttempts)."""
    if not source:
        return
    since = now - SOURCE_WINDOW
    if await uow.rate_events.count(f"source:{source}", KIND_WRONG_CODE, since) >= SOURCE_LIMIT:
        raise TooManyAttempts(retry_minutes=int(SOURCE_WINDOW.total_seconds() // 60))


async def _wrong_from_source(uow: UnitOfWork, source: str, now: datetime) -> None:
    """Count a wrong code against its source; the try that spends the budget alerts every
    complex's coordinators (once per window: the alert is a rate event too)."""
    if not source:
        return
    subject = f"source:{source}"
    await uow.rate_events.add(subject, KIND_WRONG_CODE, now)
    since = now - SOURCE_WINDOW
    spent = await uow.rate_events.count(subject, KIND_WRONG_CODE, since) >= SOURCE_LIMIT
    if not spent or await uow.rate_events.count(subject, KIND_SOURCE_ALERT, since):
        return
    await uow.rate_events.add(subject, KIND_SOURCE_ALERT, now)
    alert = InviteGuessing(
        source=source, tries=SOURCE_LIMIT, minutes=int(SOURCE_WINDOW.total_seconds() // 60)
    )
    key = f"invite-burst:{source}:{now:%Y%m%d%H%M}"
    for complex_ in await uow.complexes.all():
        for coordinator in await uow.roles.holders(Role.COORDINATOR, saved(complex_.id)):
            await uow.notifier.notify(
                coordinator, alert, key=key, urgent=True, complex_id=complex_.id
            )


async def redeem_invite(
    uow: UnitOfWork,
    clock: Clock,
    key: bytes,
    resident: Resident,
    raw_code: str,
    *,
    source: str = "",
) -> Verified | WrongCode:
    """Verify a resident as a member of the household an invite code belongs to.

    Rules:
    - At most 5 wrong codes per resident in 10 minutes (wrong link codes count too); then a
      polite wait (TooManyAttempts).
    - At most SOURCE_LIMIT wrong codes per source (the channel) in 10 minutes, however many
      identities send them; then every try from that source waits, and the coordinators of
      every complex are alerted once (InviteGuessing, urgent).
    - Text that cannot be a code at all: "invite.malformed" (not counted as an attempt).
    - Unknown code: a WrongCode result, and the attempt is recorded.
    - Revoked or expired: "invite.expired". No uses left: "invite.used_up".
      Nothing is created in any of these cases.
    - A resident already in another household cannot join a second one ("invite.other_household").
    - A use is counted with one conditional update, so two people racing for the last use
      cannot both get in. The invite's role (resident, coordinator) is granted for its complex.
    """
    now = clock.now()
    resident_id = saved(resident.id)
    subject = f"resident:{resident_id}"
    wrong = await wrong_attempts(uow, resident_id, now - WRONG_CODE_WINDOW)
    if wrong >= WRONG_CODE_LIMIT:
        raise TooManyAttempts(retry_minutes=int(WRONG_CODE_WINDOW.total_seconds() // 60))
    await _source_budget(uow, source, now)
    code = normalize_code(raw_code)
    if code is None:
        raise DomainError("invite.malformed")
    invite = await uow.invites.by_hash(hash_code(key, code))
    if invite is None:
        # A result, not an exception: the recorded attempt must survive the caller's commit.
        await uow.rate_events.add(subject, KIND_WRONG_CODE, now)
        await _wrong_from_source(uow, source, now)
        return WrongCode(left=WRONG_CODE_LIMIT - wrong - 1)
    if invite.revoked_at is not None or invite.expires_at <= now:
        raise DomainError("invite.expired")
    if resident.household_id not in (None, invite.household_id):
        raise DomainError("invite.other_household")
    household = await uow.households.get(invite.household_id)
    complex_ = await uow.complexes.get(invite.complex_id)
    if household is None or complex_ is None:
        raise DomainError("invite.expired")  # its household or complex is gone
    grants = await uow.roles.for_resident(resident_id)
    already = any(
        g.role == invite.role and g.complex_id == invite.complex_id and g.revoked_at is None
        for g in grants
    )
    if not already:
        if not await uow.invites.try_use(saved(invite.id)):
            raise DomainError("invite.used_up")
        await uow.roles.add(
            RoleGrant(
                resident_id=resident_id,
                role=invite.role,
                complex_id=invite.complex_id,
                granted_at=now,
            )
        )
    resident.household_id = household.id
    resident.complex_id = complex_.id
    return Verified(complex=complex_, household=household, role=invite.role)
