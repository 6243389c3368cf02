"""Expiry: points last `[points] valid_years` (default 5) and expire oldest first.

Rules:
- FIFO over credits: every debit (spending, rent, reversals, earlier expiries) uses up the
  oldest credits first, so what is left of the credits made up to a moment is
  max(0, credits up to then − all debits). Points returned for a cancelled order count as a
  new credit from the day they come back.
- One sweep per complex a day (the scheduled job "points.expiry", key "{complex}:{date}",
  shortly after midnight Korea time). It expires what has outlived its validity (transfer
  "expire:{account}:{date}" to the complex's expired account) and warns residents 60, 30 and
  3 days before points expire ("points.expiry_soon", keyed by resident, date and horizon, so
  each warning is sent once). A late sweep covers the days it missed (`since`), and each
  sweep arms the next one while the complex has a resident with points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from core.clock import Clock
from core.points.events import ExpirySoon
from core.points.ledger import transfer
from core.points.model import AccountRef, Kind, System

if TYPE_CHECKING:
    from core.ports import UnitOfWork

SWEEP_JOB = "points.expiry"
KST = ZoneInfo("Asia/Seoul")


@dataclass(frozen=True)
class ExpiryPolicy:
    valid_years: int = 5
    notice_days: tuple[int, ...] = (60, 30, 3)


def add_years(when: datetime, years: int) -> datetime:
    """The same moment `years` later (29 February becomes 28 February)."""
    try:
        return when.replace(year=when.year + years)
    except ValueError:
        return when.replace(year=when.year + years, day=28)


def local_month(when: datetime) -> str:
    return when.astimezone(KST).strftime("%Y-%m")


def next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def _next_sweep(now: datetime) -> datetime:
    day = now.astimezone(KST).date() + timedelta(days=1)
    return datetime.combine(day, time(0, 5), KST).astimezone(UTC)


async def arm_sweep(
    uow: UnitOfWork, clock: Clock, complex_id: int, since: datetime | None = None
) -> None:
    """Make sure tomorrow's sweep of the complex is armed (idempotent)."""
    due = _next_sweep(clock.now())
    payload = {"complex_id": complex_id, "since": (since or due - timedelta(days=1)).isoformat()}
    key = f"{complex_id}:{due.astimezone(KST).date().isoformat()}"
    await uow.jobs.at(SWEEP_JOB, key, due, payload, complex_id=complex_id)


async def _left(uow: UnitOfWork, key: str, until: datetime) -> tuple[int, int]:
    credits, debits = await uow.points.credits_and_debits(key, until)
    return credits, debits


async def sweep(
    uow: UnitOfWork,
    clock: Clock,
    complex_id: int,
    *,
    since: datetime,
    policy: ExpiryPolicy = ExpiryPolicy(),
) -> tuple[int, int]:
    """Expire and warn for every resident of the complex with points; returns (points
    expired, warnings queued). Runs in the job's unit of work."""
    now = clock.now()
    day = now.astimezone(KST).date().isoformat()
    expired = warned = 0
    for resident_id in await uow.points.holders(complex_id):
        ref = AccountRef.personal(resident_id, complex_id)
        credits, debits = await _left(uow, ref.key, add_years(now, -policy.valid_years))
        if credits > debits:
            gone = credits - debits
            legs = [(ref, -gone), (AccountRef.system(System.EXPIRED, complex_id), gone)]
            await transfer(uow, clock, f"expire:{ref.key}:{day}", legs, kind=Kind.EXPIRE)
            expired += gone
        for days in policy.notice_days:
            hi = add_years(now + timedelta(days=days), -policy.valid_years)
            lo = add_years(since + timedelta(days=days), -policy.valid_years)
            credits_hi, debits = await _left(uow, ref.key, hi)
            credits_lo, _ = await _left(uow, ref.key, lo)
            soon = min(credits_hi - credits_lo, credits_hi - debits)
            if soon <= 0:
                continue
            on = (now + timedelta(days=days)).astimezone(KST).date()
            key = f"points:expiry:{resident_id}:{on.isoformat()}:{days}"
            notice = ExpirySoon(amount=soon, on=on, days=days)
            await uow.notifier.notify(resident_id, notice, key=key, complex_id=complex_id)
            warned += 1
    if await uow.points.holders(complex_id):
        await arm_sweep(uow, clock, complex_id, since=now)
    return expired, warned
