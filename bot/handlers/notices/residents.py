"""우리단지 → 공지사항 for residents: the newest notice in full at once (2 taps from home),
다른 공지 for the notices that reached them (pinned first, newest first, 5 a page), one
notice opened (which records the read), and the "확인" button of the "notice" notification.
How a notice looks is bot/handlers/notices/render.py."""

from __future__ import annotations

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.identity.actions import OpenSection
from bot.handlers.notices.actions import ConfirmNotice, LatestNotice, NoticeList, OpenNotice
from bot.handlers.notices.render import notice_screen, published
from bot.screens import Button, Screen
from core.ids import saved
from core.notices.model import Notice
from core.notices.reading import PAGE, latest_notice, list_notices, read_notice

router = Router()


def back_to_complex() -> Action:
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
            ctx.t.day(n.send_at),
            buttons=(ctx.button(ctx._("읽기"), OpenNotice(saved(n.id))),),
        )
        for n in page.notices
    )
    buttons = []
    if page.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("공지 더보기"), NoticeList(page.offset + PAGE)))
    return ctx.screen(text, *buttons, cards=cards, back=back_to_complex())


@router.on(LatestNotice)
async def newest_notice(ctx: Ctx, action: LatestNotice) -> Screen:
    notice = await latest_notice(ctx.uow, ctx.clock, ctx.membership)
    if notice is None:
        return ctx.screen(ctx._("아직 공지사항이 없어요."), back=back_to_complex())
    others = ctx.button(ctx._("다른 공지"), NoticeList())
    return _shown(ctx, notice, others, back=back_to_complex())


@router.on(OpenNotice)
async def open_notice(ctx: Ctx, action: OpenNotice) -> Screen:
    notice = await read_notice(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    return _shown(ctx, notice, back=NoticeList())


def _shown(ctx: Ctx, notice: Notice, *buttons: Button, back: Action) -> Screen:
    shown = notice_screen(ctx.t, published(ctx, notice))
    return ctx.screen(
        shown.text,
        *buttons,
        image_url=shown.image_url,
        image_alt=shown.image_alt,
        back=back,
    )


@router.on(ConfirmNotice)
async def confirm_notice(ctx: Ctx, action: ConfirmNotice) -> Screen:
    await read_notice(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    text = ctx._("확인했어요. 공지는 우리단지 → 공지사항에서 다시 볼 수 있어요.")
    return ctx.screen(text, ctx.button(ctx._("공지사항"), NoticeList()), back=back_to_complex())
