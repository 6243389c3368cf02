"""What 도움 요청 tells people on its own, as typed payloads (the bot words each kind):

- to every coordinator of the complex: a new request ("help.requested", with 제가 맡을게요),
  a reminder that one waits untaken ("help.reminder");
- to the owner: the resident's reply ("help.reply");
- to the resident: taken ("help.taken"), an answer ("help.answered", with 답장하기), closed
  ("help.closed")."""

from __future__ import annotations

from dataclasses import dataclass

from core.notifications import Notification


@dataclass(frozen=True)
class HelpRequested(Notification, kind="help.requested"):
    request_id: int
    number: int
    building: str  # the 동 only: notifications travel through messengers
    verified: bool
    text: str
    photos: int


@dataclass(frozen=True)
class HelpReminder(Notification, kind="help.reminder"):
    request_id: int
    number: int
    building: str
    minutes: int  # how long it has waited


@dataclass(frozen=True)
class HelpReply(Notification, kind="help.reply"):
    request_id: int
    number: int
    building: str
    text: str
    photos: int


@dataclass(frozen=True)
class HelpTaken(Notification, kind="help.taken"):
    request_id: int
    number: int
    agent: str  # the coordinator's name ("" when they set none)


@dataclass(frozen=True)
class HelpAnswered(Notification, kind="help.answered"):
    request_id: int
    number: int
    agent: str
    text: str


@dataclass(frozen=True)
class HelpClosed(Notification, kind="help.closed"):
    request_id: int
    number: int
    agent: str
