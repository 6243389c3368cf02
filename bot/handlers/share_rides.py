"""카풀 seats: 탑승 신청 (how many seats), the driver's list of requests with 수락 / 거절
(single-use buttons, also in the notification), and 내 탑승 신청 with 취소."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.share import MyListings, OpenListing, back_to_share
from bot.handlers.share_words import neighbour
from bot.screens import Screen
from core.share import ride_requests as rides
from core.share.listings import get_listing, own_listing, require_member
from core.share.model import MAX_SEATS, RideStatus

router = Router()


@dataclass(frozen=True)
class ApplyRide(Action, kind="share.ride.apply"):
    listing_id: int


@dataclass(frozen=True)
class RequestSeats(Action, kind="share.ride.seats", single_use=True):
    listing_id: int
    seats: int


@dataclass(frozen=True)
class RideRequests(Action, kind="share.ride.requests"):
    listing_id: int


@dataclass(frozen=True)
class AcceptRide(Action, kind="share.ride.accept", single_use=True):
    request_id: int


@dataclass(frozen=True)
class DeclineRide(Action, kind="share.ride.decline", single_use=True):
    request_id: int


@dataclass(frozen=True)
class MyRides(Action, kind="share.ride.mine"):
    pass


@dataclass(frozen=True)
class CancelRequest(Action, kind="share.ride.cancel", single_use=True):
    request_id: int


def status_word(ctx: Ctx, status: str) -> str:
    words = {
        RideStatus.PENDING: ctx._("기다리는 중"),
        RideStatus.ACCEPTED: ctx._("수락됨"),
        RideStatus.DECLINED: ctx._("거절됨"),
        RideStatus.CANCELLED: ctx._("취소됨"),
    }
    return words.get(status, status)


@router.on(ApplyRide)
async def apply_ride(ctx: Ctx, action: ApplyRide) -> Screen:
    listing = await get_listing(ctx.uow, ctx.membership, action.listing_id)
    most = min(listing.seats_left, MAX_SEATS)
    if most < 1 or not listing.is_open:
        text = ctx._("남은 자리가 없어요. 다른 카풀을 찾아보세요.")
        return ctx.screen(text, back=OpenListing(listing.id))
    buttons = [
        ctx.button(ctx._("{n}명", n=n), RequestSeats(listing.id, n)) for n in range(1, most + 1)
    ]
    text = ctx._("'{title}' 카풀에 몇 명이 탈까요?", title=listing.title)
    return ctx.screen(text, *buttons, back=OpenListing(listing.id))


@router.on(RequestSeats)
async def request_seats(ctx: Ctx, action: RequestSeats) -> Screen:
    await rides.request_ride(ctx.uow, ctx.clock, ctx.membership, action.listing_id, action.seats)
    text = ctx._(
        "탑승 신청을 보냈어요 ({n}명). 운전하는 이웃이 수락하면 알려 드릴게요.", n=action.seats
    )
    return ctx.screen(text, ctx.button(ctx._("내 탑승 신청"), MyRides()), back=back_to_share())


@router.on(RideRequests)
async def ride_requests(ctx: Ctx, action: RideRequests) -> Screen:
    listing = await own_listing(ctx.uow, ctx.membership, action.listing_id)
    requests = await ctx.uow.share.requests_for(listing.id)
    text = ctx._(
        "[탑승 신청] {title}\n남은 자리: {left}/{seats}",
        title=listing.title, left=listing.seats_left, seats=listing.seats,
    )  # fmt: skip
    if not requests:
        text += "\n" + ctx._("아직 신청이 없어요.")
    cards = []
    for request in requests[-10:]:
        buttons = ()
        if request.status == RideStatus.PENDING:
            buttons = (
                ctx.button(ctx._("수락"), AcceptRide(request.id)),
                ctx.button(ctx._("거절"), DeclineRide(request.id)),
            )
        cards.append(
            ctx.card(
                ctx._("신청 {n}명", n=request.seats),
                status_word(ctx, request.status),
                buttons=buttons,
            )
        )
    return ctx.screen(text, back=OpenListing(listing.id), cards=tuple(cards))


@router.on(AcceptRide)
async def accept_ride(ctx: Ctx, action: AcceptRide) -> Screen:
    request = await rides.accept_request(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    text = ctx._("탑승을 수락했어요 ({n}명). 신청한 이웃에게 알려 드렸어요.", n=request.seats)
    more = ctx.button(ctx._("신청 보기"), RideRequests(request.listing_id))
    return ctx.screen(text, more, back=MyListings())


@router.on(DeclineRide)
async def decline_ride(ctx: Ctx, action: DeclineRide) -> Screen:
    request = await rides.decline_request(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    text = ctx._("탑승 신청을 거절했어요. 신청한 이웃에게 알려 드렸어요.")
    more = ctx.button(ctx._("신청 보기"), RideRequests(request.listing_id))
    return ctx.screen(text, more, back=MyListings())


@router.on(MyRides)
async def my_rides(ctx: Ctx, action: MyRides) -> Screen:
    require_member(ctx.membership)
    requests = await ctx.uow.share.requests_of(ctx.resident.id)
    if not requests:
        return ctx.screen(ctx._("지금 신청한 카풀이 없어요."), back=back_to_share())
    cards = []
    for request in requests[:5]:
        listing = await ctx.uow.share.get(request.listing_id)
        cards.append(
            ctx.card(
                listing.title,
                ctx._("출발: {when}", when=ctx.t.datetime(listing.departs_at)),
                ctx._(
                    "{n}명 · {status}", n=request.seats, status=status_word(ctx, request.status)
                ),
                ctx._("운전: {who}", who=neighbour(ctx.t, listing.building)),
                buttons=(
                    ctx.button(ctx._("자세히 보기"), OpenListing(listing.id)),
                    ctx.button(ctx._("신청 취소"), CancelRequest(request.id)),
                ),
            )
        )
    text = ctx._("[내 탑승 신청] {n}건이에요.", n=len(requests))
    return ctx.screen(text, back=back_to_share(), cards=tuple(cards))


@router.on(CancelRequest)
async def cancel_request(ctx: Ctx, action: CancelRequest) -> Screen:
    await rides.cancel_request(ctx.uow, ctx.clock, ctx.membership, action.request_id)
    text = ctx._("탑승 신청을 취소했어요. 운전하는 이웃에게 알려 드렸어요.")
    return ctx.screen(text, ctx.button(ctx._("내 탑승 신청"), MyRides()), back=back_to_share())
