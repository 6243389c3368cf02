"""도움 요청 from anywhere (처음 메뉴, 도움말, a refusal, the locked invite-code step, a typed
"도와주세요"): open the help conversation, with what the person was doing and their last
typed words as context for the coordinator; 답장하기 on an answer reopens it."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.helpdesk.actions import ASK, CHAT, ReplyHelp, StartHelp
from bot.handlers.helpdesk.render import with_operator
from bot.handlers.helpdesk.words import title
from bot.screens import Screen
from core.helpdesk.reading import my_request, open_request

router = Router()


@router.on(StartHelp)
async def start_help(ctx: Ctx, action: StartHelp) -> Screen:
    conv = ctx.conversation
    current = await open_request(ctx.uow, ctx.membership)
    if current is not None:
        screen = await ctx.start_dialog(CHAT, request_id=current.id, number=current.number)
        note = ctx._(
            "{title}: 아직 열려 있어요. 이어서 적어 주시면 함께 전해 드려요.",
            title=title(ctx.t, current.number),
        )
        return screen.with_notices(note)
    origin = action.origin or str(conv.data.get("was") or "")
    recent = list(conv.data.get("typed") or [])
    return with_operator(ctx, await ctx.start_dialog(ASK, origin=origin, recent=recent))


@router.on(ReplyHelp)
async def reply_help(ctx: Ctx, action: ReplyHelp) -> Screen:
    request = await my_request(ctx.uow, ctx.membership, action.request_id)
    if not request.is_open:
        text = ctx._(
            "{title}: 끝난 요청이에요. 더 필요하시면 '도움 요청'을 다시 눌러 주세요.",
            title=title(ctx.t, request.number),
        )
        return ctx.screen(text, ctx.button(ctx._("도움 요청"), StartHelp()))
    return await ctx.start_dialog(CHAT, request_id=request.id, number=request.number)
