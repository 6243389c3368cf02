"""포인트 for residents (two taps from home): 내 포인트 (the balance and the last 10 entries in
plain words), 임대료로 내기 (a dialog), 공용 포인트 보기 (the complex's balance and history, for
every verified resident) and 포인트 모으는 법; for coordinators, 공용 포인트 쓰기."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.points.actions import (
    RENT_DIALOG,
    SPEND_COMMON_DIALOG,
    CommonPoints,
    CommonProposals,
    HowToEarn,
    MyPoints,
    PayRent,
    SpendCommon,
    back_to_points,
)
from bot.handlers.points.words import history_text
from bot.screens import Screen
from core.points import reading

router = Router()


@router.on(MyPoints)
async def my_points(ctx: Ctx, action: MyPoints) -> Screen:
    mine = await reading.my_points(ctx.uow, ctx.membership)
    have = mine.balance
    text = "\n".join(
        [
            ctx._("[내 포인트]"),
            ctx._("지금 {points}점이 있어요. (1점은 1원이에요)", points=ctx.t.number(have)),
            "",
            ctx._("최근 내역"),
            history_text(ctx.t, mine.lines),
        ]
    )
    buttons = [ctx.button(ctx._("공용 포인트 보기"), CommonPoints())]
    if have > 0:
        buttons.insert(0, ctx.button(ctx._("임대료로 내기"), PayRent()))
    return ctx.screen(text, *buttons, back=back_to_points())


@router.on(PayRent)
async def pay_rent(ctx: Ctx, action: PayRent) -> Screen:
    have = await reading.rent_balance(ctx.uow, ctx.membership)
    if have <= 0:
        text = ctx._("임대료로 낼 포인트가 아직 없어요. 알뜰쇼핑에서 물건을 사면 포인트가 쌓여요.")
        return ctx.screen(
            text, ctx.button(ctx._("포인트 모으는 법"), HowToEarn()), back=back_to_points()
        )
    return await ctx.start_dialog(RENT_DIALOG, _balance=have)


@router.on(CommonPoints)
async def common_points(ctx: Ctx, action: CommonPoints) -> Screen:
    common = await reading.common_points(ctx.uow, ctx.membership)
    recent = common.lines[:2] if ctx.resident.easy_mode else common.lines  # 쉬운 모드: short
    text = "\n".join(
        [
            ctx._("[우리 단지 공용 포인트]"),
            ctx._("지금 {points}점이 있어요.", points=ctx.t.number(common.balance)),
            ctx._(
                "이웃이 물건을 살 때마다 2%가 쌓이고, 놀이방·작은도서관·단지 행사·청소처럼 "
                "단지에서 함께 정한 곳에 써요."
            ),
            "",
            ctx._("최근 내역"),
            history_text(ctx.t, recent, common=True),
        ]
    )
    buttons = [ctx.button(ctx._("제안과 투표"), CommonProposals())]
    if ctx.membership.is_coordinator:
        buttons.append(ctx.button(ctx._("공용 포인트 쓰기"), SpendCommon()))
    return ctx.screen(text, *buttons, back=back_to_points())


@router.on(HowToEarn)
async def how_to_earn(ctx: Ctx, action: HowToEarn) -> Screen:
    text = ctx._(
        "[포인트 모으는 법]\n"
        "· 알뜰쇼핑에서 물건을 받으면 낸 돈의 1%가 내 포인트로 쌓여요.\n"
        "· 같은 때 2%는 우리 단지 공용 포인트로 쌓여요.\n"
        "· 포인트로 낸 금액에는 포인트가 쌓이지 않아요.\n"
        "· 1점은 1원이에요. 임대료로 내거나 알뜰쇼핑에서 쓸 수 있어요.\n"
        "· 포인트는 쌓이고 {years}년이 지나면 오래된 것부터 사라져요. 미리 알려 드려요.",
        years=ctx.services.config.points.valid_years,
    )
    return ctx.screen(text, ctx.button(ctx._("내 포인트"), MyPoints()), back=back_to_points())


@router.on(SpendCommon)
async def spend_common(ctx: Ctx, action: SpendCommon) -> Screen:
    have = await reading.common_to_spend(ctx.uow, ctx.membership)
    if have <= 0:
        text = ctx._("공용 포인트가 아직 없어요.")
        return ctx.screen(text, back=CommonPoints())
    limit = ctx.services.config.points.common_direct_limit
    return await ctx.start_dialog(SPEND_COMMON_DIALOG, _balance=have, _limit=limit)
