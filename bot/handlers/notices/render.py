"""How a notice looks, defined once: the pushed notification ("notice", with its "확인"
button), the residents' 공지사항 view and the coordinator's preview all read the same, so
the preview is exactly what residents see."""

from __future__ import annotations

from datetime import datetime

from bot.engine.context import Ctx
from bot.handlers.notices.actions import ConfirmNotice
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.notices.events import NoticePublished
from core.notices.model import Notice


def notice_text(t: Translator, text: str, urgent: bool, at: datetime) -> str:
    """[공지] or [긴급 공지], the date, and the text, as residents read it."""
    head = t._("[긴급 공지]") if urgent else t._("[공지]")
    return f"{head} {t.day(at)}\n{text}"


def notice_screen(t: Translator, p: NoticePublished) -> Screen:
    """The notification as pushed to each resident: text, photo, and a "확인" button."""
    buttons: tuple[Button, ...] = ()
    if p.notice_id:
        buttons = (Button(t._("확인"), ConfirmNotice(p.notice_id).dump()),)
    return Screen(
        notice_text(t, p.text, p.urgent, p.at),
        buttons=buttons,
        image_url=p.photo_url or None,
        image_alt=t._("공지 사진") if p.photo_url else "",
    )


def published(ctx: Ctx, notice: Notice) -> NoticePublished:
    """The notice as it was (or will be) pushed, with its photo's URL."""
    photo = ctx.services.media.url(notice.photo) if notice.photo else None
    return NoticePublished.of(notice, photo)


def clip(text: str, limit: int) -> str:
    """The text on one line, cut to `limit` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def building_words(t: Translator, building: str) -> str:
    """ "101동" (a 동 already named so, like 관리동, stays as it is)."""
    return building if building.endswith("동") else t._("{building}동", building=building)
