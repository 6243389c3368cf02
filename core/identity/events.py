"""What identity tells residents (typed notification payloads)."""

from __future__ import annotations

from dataclasses import dataclass

from core.notifications import Notification


@dataclass(frozen=True)
class AccountLinked(Notification, kind="account.linked"):
    """Another messenger was linked to the resident's account (in case it was not them)."""

    channel: str


@dataclass(frozen=True)
class InviteGuessing(Notification, kind="invite.guessing"):
    """To coordinators: many wrong invite codes came through one channel (someone may be
    guessing); tries from it wait for `minutes`."""

    source: str  # the channel: kakao | telegram | web
    tries: int
    minutes: int
