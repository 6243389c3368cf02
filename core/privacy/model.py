"""What a resident's data-rights screens and jobs handle: the summary of what is held, the
retention periods, and the signed link to a copy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

COPY_VALID = timedelta(hours=24)  # a copy's download link works this long


@dataclass(frozen=True)
class Held:
    """What the service holds about one resident (내 정보). Votes name only their question:
    the household's option of a secret vote is never shown, even to itself, here."""

    building: str = ""
    unit: str = ""
    channels: tuple[str, ...] = ()
    listings: int = 0
    orders: int = 0
    points: int = 0
    reports: int = 0
    votes: tuple[str, ...] = field(default_factory=tuple)
    alert_phone: bool = False


@dataclass(frozen=True)
class Retention:
    """How long things are kept ([privacy] in bot.toml), in days."""

    relay_chat_days: int = 90  # relay chats (share_chats) ended or idle that long
    report_photo_days: int = 180  # photos of reports closed that long ago
    audit_detail_days: int = 365  # audit lines' details (who did what to whom)
