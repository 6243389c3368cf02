"""Linking messenger accounts: one person on KakaoTalk, Telegram and the web chat.

A resident asks for a one-time link code on one channel and types it on another; that other
channel account then belongs to the same resident (same household, roles, language and
dialogs). Every first message creates a resident, so linking moves the new account to the
code's resident and leaves the account's former resident (no household) unused.

Rules:
- Any resident, verified or not, may ask for a link code. It is 8 characters from the invite
  alphabet (shown as "XXXX-XXXX"; case, spaces and hyphens are ignored when typed), valid for
  10 minutes, and stored only as a keyed hash (HMAC-SHA256).
- A code works once: its use is marked with one conditional update, so two accounts racing
  with the same code cannot both be linked ("link.used" for the loser, and for any later try).
- Text that cannot be a link code at all: "link.malformed" (not counted as an attempt).
- An unknown code is a wrong attempt ("link.wrong", a WrongLinkCode result so the recorded
  attempt survives the commit). Wrong link codes and wrong invite codes share one throttle:
  at most 5 per resident in 10 minutes, then a polite wait (TooManyAttempts).
- An expired code: "link.expired".
- An account already belonging to the code's resident: "link.same".
- An account whose resident is verified in another household cannot be moved
  ("link.other_household"); one verified in the same household may be.
- A resident sees their linked channels by channel name only (never ids), and may unlink any
  of them except the one they are using now ("link.current"). An unlinked account gets a fresh,
  empty resident and starts over. An account that is not theirs is NotFound.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.clock import Clock
from core.errors import DomainError, NotFound, TooManyAttempts
from core.identity.events import AccountLinked
from core.identity.invites import ALPHABET, hash_code
from core.identity.model import ChannelAccount, LinkCode, Resident
from core.identity.onboarding import (
    KIND_WRONG_LINK,
    WRONG_CODE_LIMIT,
    WRONG_CODE_WINDOW,
    wrong_attempts,
)
from core.ids import saved
from core.ports import UnitOfWork

LINK_CODE_LENGTH = 8
LINK_CODE_TTL = timedelta(minutes=10)


def new_link_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LINK_CODE_LENGTH))


def display_link_code(code: str) -> str:
    half = LINK_CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalize_link_code(raw: str) -> str | None:
    """The code as stored, or None when the text cannot be a link code at all."""
    cleaned = "".join(ch for ch in raw.upper() if ch not in " -_.\t\n")
    if len(cleaned) != LINK_CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


@dataclass(frozen=True)
class IssuedLinkCode:
    code: str  # plain, shown once to the person who asked; never stored
    expires_at: datetime

    @property
    def display(self) -> str:
        return display_link_code(self.code)


async def issue_link_code(
    uow: UnitOfWork, clock: Clock, key: bytes, resident: Resident
) -> IssuedLinkCode:
    """A fresh one-time code for `resident`, valid for 10 minutes, stored only hashed."""
    now = clock.now()
    code = new_link_code()
    expires_at = now + LINK_CODE_TTL
    await uow.links.add(
        LinkCode(
            resident_id=saved(resident.id), code_hash=hash_code(key, code), expires_at=expires_at
        )
    )
    return IssuedLinkCode(code=code, expires_at=expires_at)


@dataclass(frozen=True)
class Linked:
    """`account` now belongs to `resident`; `previous_resident_id` is left unused."""

    account: ChannelAccount
    resident: Resident
    previous_resident_id: int


@dataclass(frozen=True)
class WrongLinkCode:
    """The code matched nothing; the attempt was recorded. `left` tries remain."""

    left: int


async def redeem_link_code(
    uow: UnitOfWork, clock: Clock, key: bytes, account: ChannelAccount, raw_code: str
) -> Linked | WrongLinkCode:
    """Move `account` to the resident who asked for the code (see the module's rules)."""
    now = clock.now()
    current = await uow.residents.get(account.resident_id)
    if current is None:
        raise NotFound()
    current_id = saved(current.id)
    wrong = await wrong_attempts(uow, current_id, now - WRONG_CODE_WINDOW)
    if wrong >= WRONG_CODE_LIMIT:
        raise TooManyAttempts(retry_minutes=int(WRONG_CODE_WINDOW.total_seconds() // 60))
    code = normalize_link_code(raw_code)
    if code is None:
        raise DomainError("link.malformed")
    link = await uow.links.by_hash(hash_code(key, code))
    if link is None:
        # A result, not an exception: the recorded attempt must survive the caller's commit.
        await uow.rate_events.add(f"resident:{current_id}", KIND_WRONG_LINK, now)
        return WrongLinkCode(left=WRONG_CODE_LIMIT - wrong - 1)
    if link.used_at is not None:
        raise DomainError("link.used")
    if link.expires_at <= now:
        raise DomainError("link.expired")
    if link.resident_id == current_id:
        raise DomainError("link.same")
    target = await uow.residents.get(link.resident_id)
    if target is None:
        raise DomainError("link.expired")  # the resident who asked for it is gone
    target_id = saved(target.id)
    if current.household_id is not None and current.household_id != target.household_id:
        raise DomainError("link.other_household")
    if not await uow.links.try_use(saved(link.id), now):
        raise DomainError("link.used")
    account.resident_id = target_id
    await uow.flush()
    # Tell the resident on their other messengers, in case it was not them.
    await uow.notifier.notify(
        target_id,
        AccountLinked(channel=account.channel),
        key=f"link:{link.id}",
        skip_account_id=account.id,
    )
    return Linked(account=account, resident=target, previous_resident_id=current_id)


async def linked_accounts(uow: UnitOfWork, resident: Resident) -> list[ChannelAccount]:
    """The resident's channel accounts, oldest first. Show only their `channel`, never ids."""
    return await uow.accounts.for_resident(saved(resident.id))


async def unlink_account(
    uow: UnitOfWork, clock: Clock, resident: Resident, using: ChannelAccount, account_id: int
) -> ChannelAccount:
    """Detach one of the resident's other accounts; it gets a fresh, empty resident."""
    account = await uow.accounts.get(account_id)
    if account is None or account.resident_id != resident.id:
        raise NotFound()
    if account.id == using.id:
        raise DomainError("link.current")
    fresh = await uow.residents.add(Resident(created_at=clock.now()))
    account.resident_id = saved(fresh.id)
    await uow.flush()
    return account
