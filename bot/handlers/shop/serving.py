"""One vendor, many complexes in chat: a coordinator's 입점 신청 (shops of other complexes
asking to sell here, 승인 / 거절), and the vendor's 다른 단지 판매 (where the shop sells or
asked to) with the choice of complex when opening a group buy. Core checks every scope
(core/shop/serving.py): another complex's request looks missing."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.shop.actions import (
    SERVE_DIALOG,
    AskToServe,
    DecideServe,
    ServeRequests,
    StartGroupBuy,
    VendorComplexes,
    VendorMenu,
)
from bot.handlers.shop.words import kind_word
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.ids import saved
from core.shop import serving
from core.shop.model import ServeStatus

router = Router()


def serve_word(t: Translator, status: str) -> str:
    words = {
        ServeStatus.ASKED: t._("승인 기다리는 중"),
        ServeStatus.APPROVED: t._("판매 중"),
        ServeStatus.REFUSED: t._("거절됨"),
    }
    return words.get(ServeStatus(status), status)


@router.on(ServeRequests)
async def serve_requests(ctx: Ctx, action: ServeRequests) -> Screen:
    asked = await serving.asked_here(ctx.uow, ctx.membership)
    if not asked:
        return ctx.screen(ctx._("기다리는 입점 신청이 없어요."), back=OpenCoordinator())
    lines = [ctx._("[입점 신청] {n}건", n=len(asked))]
    buttons = []
    for r in asked:
        line = ctx._(
            "· {shop} ({kind}) — {home}에서 우리 단지에도 팔고 싶어 해요.",
            shop=r.shop.name,
            kind=kind_word(ctx.t, r.shop.kind),
            home=r.home_name,
        )
        if r.serving.pickup_place:
            line += "\n  " + ctx._("받는 곳: {place}", place=r.serving.pickup_place)
        lines.append(line)
        sid = saved(r.serving.id)
        buttons.append(ctx.button(ctx._("{shop} 승인", shop=r.shop.name), DecideServe(sid, True)))
        buttons.append(ctx.button(ctx._("{shop} 거절", shop=r.shop.name), DecideServe(sid, False)))
    lines.append(ctx._("승인하면 우리 단지 주민들이 이 가게 상품을 보고 주문할 수 있어요."))
    return ctx.screen("\n".join(lines), *buttons, back=OpenCoordinator())


@router.on(DecideServe)
async def decide_serve(ctx: Ctx, action: DecideServe) -> Screen:
    found = await serving.decide(
        ctx.uow, ctx.clock, ctx.membership, action.serving_id, approve=action.approve
    )
    name = "".join(r.shop.name for r in await serving.described(ctx.uow, [found]))
    if action.approve:
        text = ctx._("'{shop}'이(가) 이제 우리 단지에서도 팔아요.", shop=name)
    else:
        text = ctx._("'{shop}'의 입점 신청을 거절했어요.", shop=name)
    more = ctx.button(ctx._("입점 신청"), ServeRequests())
    return ctx.screen(text, more, back=OpenCoordinator())


@router.on(VendorComplexes)
async def vendor_complexes(ctx: Ctx, action: VendorComplexes) -> Screen:
    found = await serving.my_complexes(ctx.uow, ctx.membership)
    ask = ctx.button(ctx._("판매 신청"), AskToServe())
    if not found:
        text = ctx._(
            "지금은 우리 단지에서만 팔아요. 다른 단지에도 팔려면 '판매 신청'을 눌러 주세요."
        )
        return ctx.screen(text, ask, back=VendorMenu())
    lines = [ctx._("[다른 단지 판매]")]
    for r in found:
        line = ctx._(
            "· {complex}: {status}",
            complex=r.complex_name,
            status=serve_word(ctx.t, r.serving.status),
        )
        if r.serving.pickup_place:
            line += " " + ctx._("(받는 곳: {place})", place=r.serving.pickup_place)
        lines.append(line)
    return ctx.screen("\n".join(lines), ask, back=VendorMenu())


@router.on(AskToServe)
async def ask_to_serve(ctx: Ctx, action: AskToServe) -> Screen:
    await serving.my_complexes(ctx.uow, ctx.membership)  # the vendor's own shop, or Forbidden
    return await ctx.start_dialog(SERVE_DIALOG)


async def choose_complex(ctx: Ctx) -> Screen | None:
    """공동구매 열기 of a shop serving other complexes: for which complex? (None: only its own)"""
    found = [
        r
        for r in await serving.my_complexes(ctx.uow, ctx.membership)
        if r.serving.status == ServeStatus.APPROVED
    ]
    if not found:
        return None
    home = found[0].shop.complex_id
    buttons = [ctx.button(found[0].home_name, StartGroupBuy(home))]
    for r in found:
        buttons.append(ctx.button(r.complex_name, StartGroupBuy(r.serving.complex_id)))
    text = ctx._("어느 단지 공동구매를 열까요? 공동구매는 단지마다 따로 열려요.")
    return ctx.screen(text, *buttons, back=VendorMenu())


def serve_asked(t: Translator, p: serving.ServeAsked) -> Screen:
    text = t._(
        "[입점 신청]\n{home}의 '{shop}'이(가) 우리 단지에도 팔고 싶어 해요. "
        "승인하거나 거절해 주세요.",
        home=p.home,
        shop=p.shop,
    )
    return Screen(text, buttons=(Button(t._("입점 신청 보기"), ServeRequests().dump()),))


def serve_decided(t: Translator, p: serving.ServeDecided) -> Screen:
    where = p.complex_name
    if p.status == ServeStatus.APPROVED:
        text = t._("[입점 승인]\n이제 {complex}에서도 우리 가게 상품을 팔아요.", complex=where)
    else:
        text = t._("[입점 거절]\n{complex}에서 판매 신청을 받지 않았어요.", complex=where)
    return Screen(text, buttons=(Button(t._("내 가게"), VendorMenu().dump()),))


def register_notices(services) -> None:
    """The two notification kinds (building the engine twice registers once)."""
    for kind, renderer, label in (
        (serving.ServeAsked, serve_asked, N_("입점 신청")),
        (serving.ServeDecided, serve_decided, N_("입점 결과")),
    ):
        if kind not in services.notifications:
            services.notifications.register(kind, renderer, label)
