"""도움말 → 내 정보: what the service holds about me (core.privacy.rights), a copy at a signed
link valid 24 hours (served by `GET /my-data/{token}`, bot/server.py: a download on the web,
a link in KakaoTalk and Telegram), and 탈퇴 confirmed with a second tap."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.engine.nav import Nav
from bot.handlers.help.actions import (
    MOVED_OUT,
    AskLeave,
    ConfirmLeave,
    MyCopy,
    MyData,
    StartMovedOut,
)
from bot.screens import Screen
from core.identity.roles import require_coordinator
from core.privacy.rights import copy_token, leave, what_we_hold

router = Router()

CHANNEL_NAMES = {"kakao": "카카오톡", "telegram": "텔레그램", "web": "웹 채팅"}


def copy_url(ctx: Ctx) -> str:
    token, _ = copy_token(ctx.services.token_key, ctx.clock, ctx.resident.id or 0)
    return f"{ctx.services.media.base_url}/my-data/{token}"


@router.on(MyData)
async def my_data(ctx: Ctx, action: MyData) -> Screen:
    held = await what_we_hold(ctx.uow, ctx.membership)
    lines = [ctx._("[내 정보] 내친구가 가지고 있는 정보예요.")]
    if held.building:
        lines.append(
            ctx._("· 세대: {building}동 {unit}호", building=held.building, unit=held.unit)
        )
    else:
        lines.append(ctx._("· 세대: 아직 확인하지 않았어요"))
    names = ", ".join(CHANNEL_NAMES.get(c, c) for c in held.channels)
    lines += [
        ctx._("· 연결된 메신저: {names}", names=names),
        ctx._("· 공유마켓 글: {n}개", n=held.listings),
        ctx._("· 주문: {n}건", n=held.orders),
        ctx._("· 개인 포인트: {points}P", points=ctx.t.number(held.points)),
        ctx._("· 고장 신고: {n}건", n=held.reports),
        ctx._(
            "· 우리 집이 참여한 투표: {n}건 (무엇을 골랐는지는 보여 드리지 않아요)",
            n=len(held.votes),
        ),
    ]
    if held.alert_phone:
        lines.append(ctx._("· 알림톡 번호: 있어요 (도움말 → 알림 받는 방법에서 지울 수 있어요)"))
    buttons = [
        ctx.button(ctx._("내 정보 받기"), MyCopy()),
        ctx.button(ctx._("탈퇴하기"), AskLeave()),
    ]
    return ctx.screen("\n".join(lines), *buttons, back=Nav(to="help"))


@router.on(MyCopy)
async def my_copy(ctx: Ctx, action: MyCopy) -> Screen:
    url = copy_url(ctx)
    text = ctx._(
        "내 정보 사본을 내려받는 주소예요. 24시간 동안만 열려요. "
        "다른 사람에게 보내지 마세요.\n{url}",
        url=url,
    )
    link = ctx.link(ctx._("내 정보 내려받기"), url)
    return ctx.screen(text, link, back=MyData())


@router.on(AskLeave)
async def ask_leave(ctx: Ctx, action: AskLeave) -> Screen:
    lines = [
        ctx._("[탈퇴하기] 탈퇴하면 이렇게 돼요."),
        ctx._("· 연결된 메신저가 모두 끊기고, 내친구가 나를 알아보지 못해요."),
        ctx._("· 내가 올린 공유마켓 글과 대화, 알림톡 번호가 지워져요."),
        ctx._("· 주문과 포인트 기록은 정산 때문에 세대 기록으로만 남아요 (이름 없이)."),
        ctx._("· 포인트는 세대에 남아요."),
        ctx._("다시 쓰시려면 초대코드로 우리 집을 다시 확인하면 돼요. 정말 탈퇴할까요?"),
    ]
    if ctx.t.easy:  # one short bubble
        lines = [
            lines[0],
            ctx._("· 메신저 연결이 끊기고 내 글과 대화가 지워져요."),
            lines[4],
            ctx._("정말 탈퇴할까요?"),
        ]
    buttons = [
        ctx.button(ctx._("네, 탈퇴할게요"), ConfirmLeave()),
        ctx.button(ctx._("아니요"), MyData()),
    ]
    return ctx.screen("\n".join(lines), *buttons, back=MyData())


@router.on(ConfirmLeave)
async def confirm_leave(ctx: Ctx, action: ConfirmLeave) -> Screen:
    await leave(ctx.uow, ctx.clock, ctx.membership, confirmed=True)
    ctx.conversation.clear_dialog()
    ctx.conversation.data.clear()  # the typed texts a 도움 요청 would carry: gone too
    text = ctx._(
        "탈퇴했어요. 그동안 함께해 주셔서 고마워요. 내친구에 남은 내 정보는 지웠어요. "
        "다시 쓰시려면 언제든 말을 걸어 주세요."
    )
    return Screen(text=text)


@router.on(StartMovedOut)
async def start_moved_out(ctx: Ctx, action: StartMovedOut) -> Screen:
    require_coordinator(ctx.membership)
    return await ctx.start_dialog(MOVED_OUT)
