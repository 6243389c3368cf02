"""The relay conversation (연락하기, 답장하기, 대화 끝내기, 차단하기), 신고하기 and 감사 보내기
on a listing. What the buttons of a listing are is in render.py."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.share.actions import (
    CHAT,
    REPORT,
    BlockPeer,
    Contact,
    EndChat,
    OpenChat,
    OpenListing,
    ReportListing,
    SendThanks,
)
from bot.screens import Screen
from core.share import contact, reading, trust
from core.share.listings import get_listing
from core.share.model import id_of
from core.share.reading import ChatView

router = Router()


async def chat_dialog(ctx: Ctx, chat: ChatView) -> Screen:
    """The relay conversation as a dialog: every typed line goes to the other side."""
    return await ctx.start_dialog(
        CHAT,
        chat_id=chat.chat_id,
        listing_id=chat.listing_id,
        title=chat.title,
        building=chat.building,
        other=chat.other,
    )


@router.on(Contact)
async def start_contact(ctx: Ctx, action: Contact) -> Screen:
    chat = await contact.start_chat(ctx.uow, ctx.clock, ctx.membership, action.listing_id)
    return await chat_dialog(ctx, await reading.chat_view(ctx.uow, ctx.membership, id_of(chat)))


@router.on(OpenChat)
async def open_chat(ctx: Ctx, action: OpenChat) -> Screen:
    chat = await reading.chat_view(ctx.uow, ctx.membership, action.chat_id)
    if chat.ended:
        text = ctx._("끝난 대화예요. 다시 이야기하려면 글에서 '연락하기'를 눌러 주세요.")
        listing = ctx.button(ctx._("글 보기"), OpenListing(chat.listing_id))
        return ctx.screen(text, listing)
    return await chat_dialog(ctx, chat)


@router.on(EndChat)
async def end_chat(ctx: Ctx, action: EndChat) -> Screen:
    chat = await contact.end_chat(ctx.uow, ctx.clock, ctx.membership, action.chat_id)
    text = ctx._("대화를 끝냈어요. 상대 이웃에게도 알려 드렸어요.")
    buttons = [ctx.button(ctx._("글 보기"), OpenListing(chat.listing_id))]
    return ctx.screen(text, *buttons)


@router.on(BlockPeer)
async def block_peer(ctx: Ctx, action: BlockPeer) -> Screen:
    chat = await contact.my_chat(ctx.uow, ctx.membership, action.chat_id)
    if not action.sure:
        text = ctx._("이 이웃을 차단할까요? 차단하면 서로 연락하거나 카풀을 신청할 수 없어요.")
        sure = ctx.button(ctx._("네, 차단할게요"), BlockPeer(action.chat_id, True))
        return ctx.screen(text, sure, back=OpenChat(action.chat_id))
    await contact.block_peer(ctx.uow, ctx.clock, ctx.membership, action.chat_id)
    text = ctx._("차단했어요. 이제 이 이웃과는 연락이 오가지 않아요.")
    report = ctx.button(ctx._("신고하기"), ReportListing(chat.listing_id))
    return ctx.screen(text, report)


@router.on(ReportListing)
async def report_listing(ctx: Ctx, action: ReportListing) -> Screen:
    await get_listing(ctx.uow, ctx.membership, action.listing_id)
    return await ctx.start_dialog(REPORT, listing_id=action.listing_id)


@router.on(SendThanks)
async def send_thanks(ctx: Ctx, action: SendThanks) -> Screen:
    to = action.to_id or None
    sent = await trust.send_thanks(ctx.uow, ctx.clock, ctx.membership, action.listing_id, to)
    text = ctx._("고마운 마음을 전했어요 ({n}명). 이웃의 감사 수에 더해져요.", n=sent)
    return ctx.screen(text, ctx.button(ctx._("글 보기"), OpenListing(action.listing_id)))
