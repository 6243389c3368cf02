"""카풀 seats: 탑승 신청 (how many seats), the driver's list of requests with 수락 / 거절
(single-use buttons, also in the notification), and 내 탑승 신청 with 취소."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.share.actions import (
    AcceptRide,
    ApplyRide,
    CancelRequest,
    DeclineRide,
    MyListings,
    MyRides,
    OpenListing,
    RequestSeats,
    RideRequests,
    back_to_share,
)
from bot.handlers.share.words import neighbour, ride_status_word
from bot.screens import Button, Screen
from core.share import reading
from core.share import ride_requests as rides
from core.share.listings import get_listing
from core.share.model import MAX_SEATS, RideStatus, id_of

router = Router()


@router.on(ApplyRide)
async def apply_ride(ctx: Ctx, action: ApplyRide) -> Screen:
    listing = await get_listing(ctx.uow, ctx.membership, action.listing_id)
    most = min(listing.seats_left, MAX_SEATS)
    if most < 1 or not listing.is_open:
        text = ctx._("남은 자리가 없어요. 다른 카풀을 찾아보세요.")
        return ctx.screen(text, back=OpenListing(action.listing_id))
    buttons = [
        ctx.button(ctx._("{n}명", n=n), RequestSeats(action.listing_id, n))
        for n in range(1, most + 1)
    ]
    text = ctx._("'{title}' 카풀에 몇 명이 탈까요?", title=listing.title)
    return ctx.screen(text, *buttons, back=OpenListing(action.listing_id))


@router.on(RequestSeats)
async def request_seats(ctx: Ctx, action: RequestSeats) -> Screen:
    await rides.request_ride(ctx.uow, ctx.clock, ctx.membership, action.listing_id, action.seats)
    text = ctx._(
        "같이 타기 신청을 보냈어요 ({n}명). 운전하는 이웃이 수락하면 알려 드릴게요.",
        n=action.seats,
    )
    return ctx.screen(text, ctx.button(ctx._("내가 탈 카풀"), MyRides()), back=back_to_share())


@router.on(RideRequests)
async def ride_requests(ctx: Ctx, action: RideRequests) -> Screen:
    found = await reading.ride_requests(ctx.uow, ctx.membership, action.listing_id)
    listing = found.listing
    text = ctx._(
        "[같이 타기 신청] {title}\n남은 자리: {left}/{seats}",
        title=listing.title,
        left=listing.seats_left,
        seats=listing.seats,
    )
    if not found.requests:
        text += "\n" + ctx._("아직 신청이 없어요.")
    cards = []
    for request in found.requests[-10:]:
        buttons: tuple[Button, ...] = ()
        if request.status == RideStatus.PENDING:
            buttons = (
                ctx.button(ctx._("수락"), AcceptRide(id_of(request))),
                ctx.button(ctx._("거절"), DeclineRide(id_of(request))),
            )
        cards.append(
            ctx.card(
                ctx._("신청 {n}명", n=request.seats),
                ride_status_word(ctx.t, request.status),
                buttons=buttons,
            )
        )
    return ctx.screen(text, back=OpenListing(action.listing_id), cards=tuple(cards))


@router.on(AcceptRide)
async def accept_ride(ctx: Ctx, action: AcceptRide) -> Screen:
    request = await rides.accept_request(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    text = ctx._("같이 타기를 수락했어요 ({n}명). 신청한 이웃에게 알려 드렸어요.", n=request.seats)
    more = ctx.button(ctx._("신청 보기"), RideRequests(request.listing_id))
    return ctx.screen(text, more, back=MyListings())


@router.on(DeclineRide)
async def decline_ride(ctx: Ctx, action: DeclineRide) -> Screen:
    request = await rides.decline_request(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    text = ctx._("같이 타기 신청을 거절했어요. 신청한 이웃에게 알려 드렸어요.")
    more = ctx.button(ctx._("신청 보기"), RideRequests(request.listing_id))
    return ctx.screen(text, more, back=MyListings())


@router.on(MyRides)
async def my_rides(ctx: Ctx, action: MyRides) -> Screen:
    mine = await reading.my_rides(ctx.uow, ctx.membership)
    if not mine:
        return ctx.screen(ctx._("지금 신청한 카풀이 없어요."), back=back_to_share())
    cards = []
    for ride in mine[:5]:
        request, listing = ride.request, ride.listing
        status = ride_status_word(ctx.t, request.status)
        cards.append(
            ctx.card(
                listing.title,
                ctx._("출발: {when}", when=ctx.t.datetime(listing.departure)),
                ctx._("{n}명 · {status}", n=request.seats, status=status),
                ctx._("운전: {who}", who=neighbour(ctx.t, listing.building)),
                buttons=(
                    ctx.button(ctx._("자세히 보기"), OpenListing(id_of(listing))),
                    ctx.button(ctx._("신청 취소"), CancelRequest(id_of(request))),
                ),
            )
        )
    text = ctx._("[내가 탈 카풀] {n}건이에요.", n=len(mine))
    return ctx.screen(text, back=back_to_share(), cards=tuple(cards))


@router.on(CancelRequest)
async def cancel_request(ctx: Ctx, action: CancelRequest) -> Screen:
    await rides.cancel_request(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    text = ctx._("같이 타기 신청을 취소했어요. 운전하는 이웃에게 알려 드렸어요.")
    return ctx.screen(text, ctx.button(ctx._("내가 탈 카풀"), MyRides()), back=back_to_share())
