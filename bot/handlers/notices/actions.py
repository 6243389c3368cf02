"""공지사항's typed actions and dialog id: a leaf module the notice dialog (and any feature)
may import without importing the handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

SEND_DIALOG = "notice.send"  # 공지 보내기 (bot/dialogs/notices/send.py)


@dataclass(frozen=True)
class NoticeList(Action, kind="notice.list"):
    offset: int = 0


@dataclass(frozen=True)
class LatestNotice(Action, kind="notice.latest"):
    """공지사항: the newest notice in full, with 다른 공지 (the list)."""


@dataclass(frozen=True)
class OpenNotice(Action, kind="notice.open"):
    notice_id: int


@dataclass(frozen=True)
class ConfirmNotice(Action, kind="notice.ok"):
    notice_id: int


@dataclass(frozen=True)
class StartNotice(Action, kind="coord.notice.new"):
    pass


@dataclass(frozen=True)
class SentNotices(Action, kind="coord.notices"):
    offset: int = 0


@dataclass(frozen=True)
class NoticeProgress(Action, kind="coord.notice.progress"):
    notice_id: int


@dataclass(frozen=True)
class CancelNotice(Action, kind="coord.notice.cancel"):
    notice_id: int


@dataclass(frozen=True)
class PinNotice(Action, kind="coord.notice.pin"):
    notice_id: int
    pinned: bool


@dataclass(frozen=True)
class NotReached(Action, kind="coord.notice.unreached"):
    """아직 못 받은 세대 of a notice, `hours` after it went out, one page of 동."""

    notice_id: int
    hours: int
    offset: int = 0
