"""우리단지 → 공지사항 for residents: the notices that reached them (pinned first, newest
first, 5 a page), one notice opened (which records the read), and the "notice" notification
with its "확인" button. `notice_screen` is the one place a notice's look is defined: the
coordinator's preview uses it too, so the preview is exactly what residents see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.notices.model import Notice
from core.notices.reading import PAGE, list_notices, read_notice

router = Router()


@dataclass(frozen=True)
class NoticeList(Action, kind="notice.list"):
    offset: int = 0


@dataclass(frozen=True)
class OpenNotice(Action, kind="notice.open"):
    notice_id: int


@dataclass(frozen=True)
class ConfirmNotice(Action, kind="notice.ok"):
    notice_id: int


def notice_text(t: Translator, p: dict[str, Any]) -> str:
    """[공지] or [긴급 공지], the date, and the text, as residents read it."""
    head = t._("[긴급 공지]") if p.get("urgent") else t._("[공지]")
    when = t.datetime(datetime.fromisoformat(p["at"]), "M월 d일")
    return f"{head} {when}\n{p['text']}"


def notice_screen(t: Translator, p: dict[str, Any]) -> Screen:
    """The notification as pushed to each resident: text, photo, and a "확인" button."""
    buttons = ()
    if p.get("notice_id"):
        buttons = (Button(t._("확인"), ConfirmNotice(int(p["notice_id"])).dump()),)
    return Screen(
        notice_text(t, p),
        buttons=buttons,
        image_url=p.get("photo_url") or None,
        image_alt=t._("공지 사진") if p.get("photo_url") else "",
    )


def params_of(ctx: Ctx, notice: Notice) -> dict[str, Any]:
    from core.notices.broadcast import notice_params

    photo = ctx.services.media.url(notice.photo) if notice.photo else None
    return notice_params(notice) | {"photo_url": photo}


def back_to_complex() -> Action:
    from bot.handlers.home import OpenSection

    return OpenSection("complex")


def _title(ctx: Ctx, notice: Notice) -> str:
    first = " ".join(notice.text.split())
    first = first if len(first) <= 30 else first[:29] + "…"
    flags = "".join(
        [ctx._("[고정] ") if notice.pinned else "", ctx._("[긴급] ") if notice.urgent else ""]
    )
    return f"{flags}{first}"


@router.on(NoticeList)
async def notice_list(ctx: Ctx, action: NoticeList) -> Screen:
    page = await list_notices(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("아직 공지사항이 없어요."), back=back_to_complex())
    text = ctx._(
        "[공지사항] 모두 {n}건이에요. 고정된 공지와 최근 공지부터 보여 드려요.", n=page.total
    )
    cards = tuple(
        ctx.card(
            _title(ctx, n),
            ctx.t.datetime(n.send_at, "M월 d일"),
            buttons=(ctx.button(ctx._("읽기"), OpenNotice(n.id)),),
        )
        for n in page.notices
    )
    buttons = []
    if page.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("공지 더보기"), NoticeList(page.offset + PAGE)))
    return ctx.screen(text, *buttons, cards=cards, back=back_to_complex())


@router.on(OpenNotice)
async def open_notice(ctx: Ctx, action: OpenNotice) -> Screen:
    notice = await read_notice(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    shown = notice_screen(ctx.t, params_of(ctx, notice))
    return ctx.screen(
        shown.text,
        image_url=shown.image_url,
        image_alt=shown.image_alt,
        back=NoticeList(),
    )


@router.on(ConfirmNotice)
async def confirm_notice(ctx: Ctx, action: ConfirmNotice) -> Screen:
    await read_notice(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    text = ctx._("확인했어요. 공지는 우리단지 → 공지사항에서 다시 볼 수 있어요.")
    return ctx.screen(text, ctx.button(ctx._("공지사항"), NoticeList()), back=back_to_complex())


def register_notifications(kinds) -> None:
    if "notice" not in kinds:
        kinds.register("notice", notice_screen)
