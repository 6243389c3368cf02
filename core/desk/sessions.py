"""Signing in to the desk with a one-time code, and staying signed in.

Rules:
- a desk session starts only from a redeemed desk login code (core.identity.desk_login): the
  code's person, and for a coordinator the complex the code was issued for;
- the session token is 32 random bytes (URL-safe text) shown to the browser once, in its
  cookie; storage keeps only its keyed hash;
- a session lasts `SESSION_HOURS` (a working day) and ends at logout; an ended or expired
  session is no session;
- the person's roles are read again on every request: a coordinator whose role was revoked
  loses the desk at once (`desk_member` refuses);
- wrong codes are counted per source (the browser's address, kept only as a keyed hash): after
  `WRONG_LIMIT` in `WRONG_WINDOW` every try from it is refused until the window passes, right
  codes included, so guessing a live 10-character code stays out of reach.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.desk.model import DeskSession
from core.errors import TooManyAttempts
from core.identity.desk_login import membership_of, redeem_desk_code
from core.identity.invites import hash_code
from core.identity.model import Membership
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

SESSION_HOURS = 12
TOKEN_BYTES = 32
WRONG_LIMIT = 10
WRONG_WINDOW = timedelta(minutes=10)
KIND_WRONG = "desk.wrong"
WRONG_CODES = frozenset({"desk.code_wrong", "desk.code_used", "desk.code_expired"})


@dataclass(frozen=True)
class SignedIn:
    token: str  # plain, for the cookie only
    session: DeskSession
    member: Membership


def _source(key: bytes, source: str) -> str:
    return f"desk:{hash_code(key, source)[:24]}"


async def sign_in(
    uow: UnitOfWork, clock: Clock, key: bytes, code: str, source: str = ""
) -> SignedIn:
    """Redeem a desk login code and open a session (errors: desk.code_*, or throttled when
    `source` spent its budget of wrong codes)."""
    now = clock.now()
    if source:
        tries = await uow.rate_events.count(_source(key, source), KIND_WRONG, now - WRONG_WINDOW)
        if tries >= WRONG_LIMIT:
            raise TooManyAttempts(retry_minutes=int(WRONG_WINDOW.total_seconds() // 60))
    login, member = await redeem_desk_code(uow, clock, key, code)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session = await uow.desk.add_session(
        DeskSession(
            resident_id=login.resident_id,
            token_hash=hash_code(key, token),
            created_at=now,
            expires_at=now + timedelta(hours=SESSION_HOURS),
            complex_id=login.complex_id,
        )
    )
    await uow.desk.add_audit(now, login.resident_id, login.complex_id, "desk.login", "")
    return SignedIn(token, session, member)


async def count_wrong_code(uow: UnitOfWork, clock: Clock, key: bytes, source: str) -> None:
    """A refused code counts against its source (in its own unit of work: the refusal rolled
    the sign-in back)."""
    if source:
        await uow.rate_events.add(_source(key, source), KIND_WRONG, clock.now())


async def current(
    uow: UnitOfWork, clock: Clock, key: bytes, token: str
) -> tuple[DeskSession, Membership] | None:
    """The live session of a cookie's token and the person's membership now, or None."""
    if not token or len(token) > 100:
        return None
    session = await uow.desk.session_by_hash(hash_code(key, token))
    if session is None or session.ended_at is not None or session.expires_at <= clock.now():
        return None
    resident = await uow.residents.get(session.resident_id)
    if resident is None:
        return None
    return session, await membership_of(uow, resident)


async def sign_out(uow: UnitOfWork, clock: Clock, session: DeskSession) -> None:
    now = clock.now()
    await uow.desk.end_session(saved(session.id), now)
    await uow.desk.add_audit(now, session.resident_id, session.complex_id, "desk.logout", "")
