"""The coordinators' 도움 요청: the queue (대기 중 / 내가 맡은 것 / 끝난 것, each with its
waiting time), one request with its context and conversation, 제가 맡을게요 (the first one
owns it; the others are told who did), 답하기, 끝내기, and the name residents read."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.engine.nav import Nav
from bot.handlers.helpdesk.actions import (
    ANSWER,
    NAME,
    AnswerHelp,
    CloseHelp,
    OpenHelpQueue,
    OpenHelpRequest,
    SetHelpName,
    TakeHelp,
)
from bot.handlers.helpdesk.render import TABS, detail_screen, queue_card
from bot.handlers.helpdesk.words import owner, title
from bot.screens import Screen
from core.helpdesk import handling
from core.helpdesk.reading import PAGE, Tab, agent_name, counts, detail, queue

router = Router()


async def overview(ctx: Ctx, note: str = "") -> Screen:
    found = await counts(ctx.uow, ctx.membership)
    name = await agent_name(ctx.uow, ctx.membership)
    lines = [
        ctx._("[도움 요청]"),
        ctx._("대기 중: {n}건 · 내가 맡은 것: {m}건", n=found.waiting, m=found.mine),
        ctx._("주민에게 보이는 이름: {name}", name=name)
        if name
        else ctx._("주민에게 보이는 이름이 아직 없어요. '내 이름 정하기'를 눌러 주세요."),
    ]
    buttons = [
        ctx.button(ctx._("대기 중 ({n})", n=found.waiting), OpenHelpQueue(Tab.WAITING)),
        ctx.button(ctx._("내가 맡은 것 ({n})", n=found.mine), OpenHelpQueue(Tab.MINE)),
        ctx.button(ctx._("끝난 것"), OpenHelpQueue(Tab.CLOSED)),
        ctx.button(ctx._("내 이름 정하기"), SetHelpName()),
    ]
    screen = ctx.screen("\n".join(lines), *buttons, back=Nav(to="home"))
    return screen.with_notices(note) if note else screen


@router.on(OpenHelpQueue)
async def open_queue(ctx: Ctx, action: OpenHelpQueue) -> Screen:
    if action.tab not in set(Tab):
        return await overview(ctx)
    page = await queue(ctx.uow, ctx.membership, Tab(action.tab), action.offset)
    heading = ctx._(TABS[page.tab])
    if not page.requests:
        text = ctx._("[{tab}] 지금은 없어요.", tab=heading)
        return ctx.screen(text, back=OpenHelpQueue())
    text = ctx._("[{tab}] {n}건", tab=heading, n=page.total)
    cards = tuple(queue_card(ctx, page, r) for r in page.requests)
    buttons = []
    if page.offset + PAGE < page.total:
        later = OpenHelpQueue(page.tab, page.offset + PAGE)
        buttons.append(ctx.button(ctx._("다음 {n}건", n=PAGE), later))
    return ctx.screen(text, *buttons, cards=cards, back=OpenHelpQueue())


@router.on(OpenHelpRequest)
async def open_request(ctx: Ctx, action: OpenHelpRequest) -> Screen:
    return detail_screen(ctx, await detail(ctx.uow, ctx.membership, action.request_id))


@router.on(TakeHelp)
async def take(ctx: Ctx, action: TakeHelp) -> Screen:
    taken = await handling.take(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    number = title(ctx.t, taken.request.number)
    if taken.mine:
        note = ctx._("{title}: 맡았어요. '답하기'로 주민에게 답해 주세요.", title=number)
    else:
        note = ctx._(
            "{title}: {who}이(가) 맡았어요.", title=number, who=owner(ctx.t, taken.owner_name)
        )
    found = await detail(ctx.uow, ctx.membership, action.request_id)
    return detail_screen(ctx, found, note)


@router.on(AnswerHelp)
async def answer(ctx: Ctx, action: AnswerHelp) -> Screen:
    found = await detail(ctx.uow, ctx.membership, action.request_id)
    request = found.request
    if not request.is_open:
        return detail_screen(ctx, found, ctx._("이미 끝난 도움 요청이에요."))
    if request.owner_id is not None and not found.mine:
        note = ctx._(
            "{title}: {who}이(가) 맡았어요.",
            title=title(ctx.t, request.number),
            who=owner(ctx.t, found.owner_name),
        )
        return detail_screen(ctx, found, note)
    return await ctx.start_dialog(ANSWER, request_id=request.id, number=request.number)


@router.on(CloseHelp)
async def close(ctx: Ctx, action: CloseHelp) -> Screen:
    closed = await handling.close(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    found = await detail(ctx.uow, ctx.membership, action.request_id)
    number = title(ctx.t, found.request.number)
    if closed:
        note = ctx._("{title}: 끝냈어요. 주민에게 알렸어요.", title=number)
    else:
        note = ctx._("{title}: 이미 끝난 요청이에요.", title=number)
    return detail_screen(ctx, found, note)


@router.on(SetHelpName)
async def set_name(ctx: Ctx, action: SetHelpName) -> Screen:
    await agent_name(ctx.uow, ctx.membership)  # coordinators only (checked in core)
    return await ctx.start_dialog(NAME)
