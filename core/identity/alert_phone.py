"""A mobile number for 알림톡 (AlimTalk), given with consent: urgent notices (긴급) and vote
reminders can then reach a resident whom no messenger push reaches.

Rules:
- only a verified resident gives a number, for themselves, after reading what is sent;
- a Korean mobile number: 010-1234-5678, 01012345678 or with spaces (also the older
  011/016/017/018/019 numbers); anything else is refused (`alert.bad_phone`) and changes
  nothing;
- stored minimally: the digits and the time of consent, keyed by the resident, nothing else;
- shown masked everywhere (010-****-5678), never logged;
- removable by the resident at any time (the row is deleted); a removed number is never used,
  because the deliverer looks the number up when it sends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import InvalidInput
from core.identity.model import Membership
from core.identity.roles import require_verified

if TYPE_CHECKING:
    from core.ports import UnitOfWork

_SEPARATORS = re.compile(r"[\s\-.]+")
_MOBILE = re.compile(r"01[016789]\d{7,8}")


@dataclass(frozen=True)
class AlertPhone:
    resident_id: int
    number: str  # digits only, e.g. 01012345678
    consented_at: datetime

    @property
    def masked(self) -> str:
        return mask_phone(self.number)


def normalize_phone(text: str) -> str:
    """The digits of a Korean mobile number as typed (dashes, dots, spaces allowed)."""
    digits = _SEPARATORS.sub("", text.strip())
    if not _MOBILE.fullmatch(digits):
        raise InvalidInput("alert.bad_phone")
    if digits.startswith("010") and len(digits) != 11:
        raise InvalidInput("alert.bad_phone")
    return digits


def mask_phone(number: str) -> str:
    """010-****-5678: the prefix and the last four digits only."""
    return f"{number[:3]}-****-{number[-4:]}"


async def alert_phone_of(uow: UnitOfWork, member: Membership) -> AlertPhone | None:
    """The resident's own number for 알림톡, if they gave one."""
    require_verified(member)
    return await uow.alert_phones.get(member.resident_id)


async def save_alert_phone(
    uow: UnitOfWork, clock: Clock, member: Membership, typed: str
) -> AlertPhone:
    """Store the number the resident typed, with the time of their consent (replacing one
    given before)."""
    require_verified(member)
    phone = AlertPhone(member.resident_id, normalize_phone(typed), clock.now())
    await uow.alert_phones.put(phone)
    return phone


async def remove_alert_phone(uow: UnitOfWork, member: Membership) -> bool:
    """Delete the resident's number (번호 지우기); False when there was none."""
    require_verified(member)
    return await uow.alert_phones.delete(member.resident_id)
