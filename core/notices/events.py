"""What a notice tells residents (a typed notification payload): the notice itself, pushed
to every resident of its target with a "확인" button."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.ids import saved
from core.notices.model import Notice
from core.notifications import Notification


@dataclass(frozen=True)
class NoticePublished(Notification, kind="notice"):
    """A notice as residents read it: its text, [긴급] or not, when it went out, its photo
    (the media id, and the URL the channels fetch it from)."""

    notice_id: int
    text: str
    urgent: bool
    photo: str | None
    at: datetime
    photo_url: str | None = None

    @classmethod
    def of(cls, notice: Notice, photo_url: str | None = None) -> NoticePublished:
        return cls(
            notice_id=saved(notice.id),
            text=notice.text,
            urgent=notice.urgent,
            photo=notice.photo,
            at=notice.send_at,
            photo_url=photo_url,
        )
