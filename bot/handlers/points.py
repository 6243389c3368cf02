"""포인트 for residents (two taps from home): 내 포인트 (the balance and the last 10 entries in
plain words), 임대료로 내기 (a dialog), 공용 포인트 보기 (the complex's balance and history, for
every verified resident) and 포인트 모으는 법; for coordinators, 공용 포인트 쓰기."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES
from bot.handlers.points_words import history_text
from bot.i18n import N_
from bot.screens import Screen
from core.errors import Forbidden
from core.points.use_cases import balance, common_balance, common_history, history

router = Router()


@dataclass(frozen=True)
class MyPoints(Action, kind="points.mine"):
    pass


@dataclass(frozen=True)
class PayRent(Action, kind="points.rent"):
    pass


@dataclass(frozen=True)
class CommonPoints(Action, kind="points.common"):
    pass


@dataclass(frozen=True)
class HowToEarn(Action, kind="points.how"):
    pass


@dataclass(frozen=True)
class SpendCommon(Action, kind="points.spend"):
    pass


COORDINATOR_ENTRIES += [(N_("공용 포인트 쓰기"), SpendCommon)]


def back_to_points() -> Action:
    from bot.handlers.home import OpenSection

    return OpenSection("points")


def require_verified(ctx: Ctx) -> None:
    if not ctx.membership.verified:
        raise Forbidden("not_verified")


@router.on(MyPoints)
async def my_points(ctx: Ctx, action: MyPoints) -> Screen:
    require_verified(ctx)
    have = await balance(ctx.uow, ctx.membership)
    lines = await history(ctx.uow, ctx.membership)
    text = "\n".join(
        [
            ctx._("[내 포인트]"),
            ctx._("지금 {points}점이 있어요. (1점은 1원이에요)", points=ctx.t.number(have)),
            "",
            ctx._("최근 내역"),
            history_text(ctx.t, lines),
        ]
    )
    buttons = [ctx.button(ctx._("공용 포인트 보기"), CommonPoints())]
    if have > 0:
        buttons.insert(0, ctx.button(ctx._("임대료로 내기"), PayRent()))
    return ctx.screen(text, *buttons, back=back_to_points())


@router.on(PayRent)
async def pay_rent(ctx: Ctx, action: PayRent) -> Screen:
    require_verified(ctx)
    have = await balance(ctx.uow, ctx.membership)
    if have <= 0:
        text = ctx._("임대료로 낼 포인트가 아직 없어요. 알뜰쇼핑에서 물건을 사면 포인트가 쌓여요.")
        return ctx.screen(
            text, ctx.button(ctx._("포인트 모으는 법"), HowToEarn()), back=back_to_points()
        )
    return await ctx.start_dialog("points.rent", _balance=have)


@router.on(CommonPoints)
async def common_points(ctx: Ctx, action: CommonPoints) -> Screen:
    require_verified(ctx)
    have = await common_balance(ctx.uow, ctx.membership)
    lines = await common_history(ctx.uow, ctx.membership)
    text = "\n".join(
        [
            ctx._("[우리 단지 공용 포인트]"),
            ctx._("지금 {points}점이 있어요.", points=ctx.t.number(have)),
            ctx._(
                "이웃이 물건을 살 때마다 2%가 쌓이고, 놀이방·작은도서관·단지 행사·청소처럼 "
                "단지에서 함께 정한 곳에 써요."
            ),
            "",
            ctx._("최근 내역"),
            history_text(ctx.t, lines, common=True),
        ]
    )
    buttons = []
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
    if not ctx.membership.is_coordinator:
        raise Forbidden()
    have = await common_balance(ctx.uow, ctx.membership)
    if have <= 0:
        text = ctx._("공용 포인트가 아직 없어요.")
        return ctx.screen(text, back=CommonPoints())
    return await ctx.start_dialog("points.spend_common", _balance=have)
