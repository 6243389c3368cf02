"""What identity tells residents (typed notification payloads)."""

from __future__ import annotations

from dataclasses import dataclass

from core.notifications import Notification


@dataclass(frozen=True)
class AccountLinked(Notification, kind="account.linked"):
    """Another messenger was linked to the resident's account (in case it was not them)."""

    channel: str
