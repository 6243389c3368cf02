"""공동구매 for residents: the open group buys of the complex with their progress
("32/50개, 내일 18:00 마감") and a one-tap 1개 참여 on each card (quantity 1, 현장결제, no
points: straight to the confirmation, where 바꾸기 asks every question), one group buy with
참여하기, and before the deadline 수량 바꾸기 and 참여 취소."""

from __future__ import annotations

from typing import Any

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import (
    JOIN_DIALOG,
    GroupBuys,
    JoinGroupBuy,
    LeaveGroupBuy,
    OpenGroupBuy,
    back_to_shop,
)
from bot.handlers.shop.words import progress
from bot.screens import Screen
from core.ids import saved
from core.shop import groupbuys, payments, reading
from core.shop.model import MAX_QUANTITY, GroupBuy, GroupBuyStatus, Payment

router = Router()


def group_buy_lines(ctx: Ctx, item: GroupBuy) -> list[str]:
    return [
        ctx._("{price} / 1개", price=ctx.t.won(item.price)),
        ctx._("모인 수량: {progress}", progress=progress(ctx.t, item, ctx.clock.now())),
        ctx._(
            "받는 날: {when} · {place}",
            when=ctx.t.datetime(item.pickup_at),
            place=item.pickup_place,
        ),
    ]


@router.on(GroupBuys)
async def group_buys(ctx: Ctx, action: GroupBuys) -> Screen:
    items = await groupbuys.open_group_buys(ctx.uow, ctx.membership)
    if not items:
        return ctx.screen(ctx._("지금 모집 중인 공동구매가 없어요."), back=back_to_shop())
    shown = items[:5]
    cards = tuple(
        ctx.card(
            f"{n}. {item.title}",
            *group_buy_lines(ctx, item),
            buttons=(
                ctx.button(ctx._("{n}번 보기", n=n), OpenGroupBuy(saved(item.id))),
                ctx.button(ctx._("{n}번 1개 참여", n=n), JoinGroupBuy(saved(item.id), quick=True)),
            ),
            price=item.price,
        )
        for n, item in enumerate(shown, 1)
    )
    lines = [ctx._("[공동구매] 모집 중인 공동구매 {n}건이에요.", n=len(items))]
    lines += [
        f"{n}. {item.title}: {progress(ctx.t, item, ctx.clock.now())}"
        for n, item in enumerate(shown, 1)
    ]
    text = "\n".join(lines)
    return ctx.screen(text, back=back_to_shop(), cards=cards)


@router.on(OpenGroupBuy)
async def open_group_buy(ctx: Ctx, action: OpenGroupBuy) -> Screen:
    view = await reading.share_view(ctx.uow, ctx.membership, action.group_buy_id)
    item, share = view.item, view.share
    lines = [ctx._("[공동구매] {title}", title=item.title), *group_buy_lines(ctx, item)]
    buttons = []
    is_open = item.status == GroupBuyStatus.OPEN and ctx.clock.now() < item.deadline
    if share is not None:
        lines.append(ctx._("내 참여: {n}개", n=share.quantity))
    if is_open and share is None:
        buttons.append(ctx.button(ctx._("참여하기"), JoinGroupBuy(saved(item.id))))
    elif is_open:
        buttons.append(ctx.button(ctx._("수량 바꾸기"), JoinGroupBuy(saved(item.id), change=True)))
        buttons.append(ctx.button(ctx._("참여 취소"), LeaveGroupBuy(saved(item.id))))
    elif item.status == GroupBuyStatus.SUCCEEDED:
        lines.append(ctx._("성사되었어요."))
    elif item.status == GroupBuyStatus.FAILED:
        lines.append(ctx._("모인 수량이 모자라 무산되었어요."))
    else:
        lines.append(ctx._("마감되었어요."))
    return ctx.screen("\n".join(lines), *buttons, back=GroupBuys())


@router.on(JoinGroupBuy)
async def join(ctx: Ctx, action: JoinGroupBuy) -> Screen:
    view = await reading.share_view(ctx.uow, ctx.membership, action.group_buy_id)
    item, share = view.item, view.share
    room = MAX_QUANTITY
    if item.maximum is not None:
        room = item.maximum - item.joined + (share.quantity if share else 0)
    quick: dict[str, Any] = {}
    if action.quick:
        if share is not None:  # already in: what they joined with, and 수량 바꾸기
            return await open_group_buy(ctx, OpenGroupBuy(saved(item.id)))
        # 1개 참여: the usual answers, shown in full on the confirmation (바꾸기 asks them)
        quick = {"quantity": 1, "payment": Payment.ON_SITE.value, "points": 0}
        quick |= {"_filled": list(quick), "_quick": True}
    return await ctx.start_dialog(
        JOIN_DIALOG,
        **quick,
        _group_buy_id=item.id,
        _change=bool(action.change and share is not None),
        _name=item.title,
        _price=item.price,
        _unit=ctx._("개"),
        _stock=max(min(room, MAX_QUANTITY), 1),
        _place=item.pickup_place,
        _balance=await reading.points_balance(ctx.uow, ctx.membership),
        _transfer=await payments.takes_transfer(ctx.uow, item.shop_id),
    )


@router.on(LeaveGroupBuy)
async def leave(ctx: Ctx, action: LeaveGroupBuy) -> Screen:
    share = await groupbuys.leave_group_buy(
        ctx.uow, ctx.clock, ctx.membership, action.group_buy_id
    )
    text = ctx._("공동구매 참여를 취소했어요.")
    if share.points_used:
        text += "\n" + ctx._("쓰신 포인트 {n}점은 돌려 드렸어요.", n=share.points_used)
    return ctx.screen(text, ctx.button(ctx._("공동구매"), GroupBuys()), back=back_to_shop())
