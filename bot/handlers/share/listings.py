"""공유마켓 for residents: the kinds, a kind's open listings (newest first, 5 cards a page,
"더보기"), one listing with what can be done with it, and 내 글 (close, delete, edit).
Scope is checked in core: another complex's or a deleted listing reads "찾을 수 없어요"."""

from __future__ import annotations

from typing import Any

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.share.actions import (
    EDIT,
    POST_CARPOOL,
    POST_LISTING,
    CloseListing,
    DeleteListing,
    EditListing,
    MyListings,
    MyRides,
    OpenCarpool,
    OpenKind,
    OpenListing,
    PickKind,
    StartPost,
    back_to_share,
)
from bot.handlers.share.render import (
    detail_lines,
    listing_buttons,
    listing_card,
    photo_url,
)
from bot.handlers.share.words import (
    KIND_WORDS,
    card_title,
    kind_word,
    status_word,
    when_words,
)
from bot.screens import Screen
from core.share import listings as core
from core.share import reading
from core.share.model import Kind, ListingStatus, Side, id_of
from core.share.quick import QuickRide, quick_rides

router = Router()


@router.on(PickKind)
async def pick_kind(ctx: Ctx, action: PickKind) -> Screen:
    core.require_member(ctx.membership)
    buttons = [
        ctx.button(ctx._(KIND_WORDS[kind]), OpenKind(kind.value))
        for kind in Kind
        if kind != Kind.CARPOOL
    ]
    return ctx.screen(ctx._("어떤 글을 볼까요?"), *buttons, back=back_to_share())


@router.on(OpenCarpool)
@router.on(OpenKind)
async def open_kind(ctx: Ctx, action: OpenKind) -> Screen:
    page = await core.browse(ctx.uow, ctx.clock, ctx.membership, action.topic, action.offset)
    word = kind_word(ctx.t, action.topic)
    post = ctx.button(ctx._("글 올리기"), StartPost(action.topic))
    back = back_to_share() if action.topic == Kind.CARPOOL else PickKind()
    if not page.total:
        text = ctx._("[{kind}] 아직 올라온 글이 없어요. 첫 글을 올려 보세요.", kind=word)
        return ctx.screen(text, post, back=back)
    text = ctx._("[{kind}] 모두 {n}건이에요. 최근 글부터 보여 드려요.", kind=word, n=page.total)
    buttons = [post]
    if page.more:
        more = OpenKind(action.topic, page.offset + 5)
        buttons.insert(0, ctx.button(ctx._("글 더보기"), more))
    cards = tuple(
        listing_card(
            ctx, item, page.thanks.get(item.poster_id, 0), item.poster_id in page.verified
        )
        for item in page.listings
    )
    return ctx.screen(text, *buttons, back=back, cards=cards)


def ride_data(ride: QuickRide) -> dict[str, Any]:
    """A quick pick as the carpool dialog keeps it (JSON, in the conversation row)."""
    return {
        "side": ride.side,
        "origin": ride.origin,
        "destination": ride.destination,
        "at": ride.departs_at.isoformat(),
        "seats": ride.seats,
        "price": ride.price,
        "repeat": ride.repeat,
        "last": ride.last,
    }


@router.on(StartPost)
async def start_post(ctx: Ctx, action: StartPost) -> Screen:
    await core.require_can_post(ctx.uow, ctx.membership)
    if action.topic == Kind.CARPOOL:
        rides = await quick_rides(ctx.uow, ctx.clock, ctx.membership, ctx.services.holidays)
        picks = [ride_data(ride) for ride in rides]  # 지난번처럼 and the common routes
        if action.side in set(Side):
            return await ctx.start_dialog(
                POST_CARPOOL, side=action.side, _side_given=True, _picks=picks
            )
        return await ctx.start_dialog(POST_CARPOOL, _picks=picks)
    if action.topic not in set(Kind):
        return await pick_kind(ctx, PickKind())
    return await ctx.start_dialog(POST_LISTING, kind=action.topic)


@router.on(OpenListing)
async def open_listing(ctx: Ctx, action: OpenListing) -> Screen:
    view = await reading.open_listing(ctx.uow, ctx.clock, ctx.membership, action.listing_id)
    listing = view.listing
    lines = detail_lines(ctx, view)
    buttons = listing_buttons(ctx, view)
    back = MyListings() if listing.poster_id == ctx.resident.id else OpenKind(listing.kind)
    photo = photo_url(ctx, listing)
    alt = ctx._("물건 사진") if photo else ""
    return ctx.screen("\n".join(lines), *buttons, back=back, image_url=photo, image_alt=alt)


@router.on(MyListings)
async def my_listings(ctx: Ctx, action: MyListings) -> Screen:
    page = await core.my_listings(ctx.uow, ctx.clock, ctx.membership, action.offset)
    rides = ctx.button(ctx._("내가 탈 카풀"), MyRides())
    if not page.total:
        return ctx.screen(ctx._("아직 올린 글이 없어요."), rides, back=back_to_share())
    text = ctx._("[내 글] 모두 {n}건이에요.", n=page.total)
    buttons = [rides]
    if page.more:
        buttons.insert(0, ctx.button(ctx._("글 더보기"), MyListings(page.offset + 5)))
    cards = tuple(
        ctx.card(
            card_title(ctx.t, item),
            status_word(ctx.t, item.status),
            when_words(ctx.t, item) or kind_word(ctx.t, item.kind),
            buttons=(ctx.button(ctx._("자세히 보기"), OpenListing(id_of(item))),),
            image_url=photo_url(ctx, item),
        )
        for item in page.listings
    )
    return ctx.screen(text, *buttons, back=back_to_share(), cards=cards)


@router.on(CloseListing)
async def close_listing(ctx: Ctx, action: CloseListing) -> Screen:
    listing = await core.close_listing(ctx.uow, ctx.clock, ctx.membership, action.listing_id)
    text = ctx._("'{title}' 글을 마감했어요.", title=listing.title)
    if listing.status == ListingStatus.CANCELLED:
        text = ctx._("운행을 취소했어요. 신청한 이웃에게 알려 드렸어요.")
    return ctx.screen(text, ctx.button(ctx._("내 글"), MyListings()), back=back_to_share())


@router.on(DeleteListing)
async def delete_listing(ctx: Ctx, action: DeleteListing) -> Screen:
    listing = await core.own_listing(ctx.uow, ctx.membership, action.listing_id)
    if not action.sure:
        text = ctx._("'{title}' 글을 지울까요? 지우면 되돌릴 수 없어요.", title=listing.title)
        sure = ctx.button(ctx._("네, 지울게요"), DeleteListing(action.listing_id, True))
        return ctx.screen(text, sure, back=OpenListing(action.listing_id))
    await core.delete_listing(ctx.uow, ctx.clock, ctx.membership, action.listing_id)
    return ctx.screen(
        ctx._("글을 지웠어요."), ctx.button(ctx._("내 글"), MyListings()), back=back_to_share()
    )


@router.on(EditListing)
async def edit_listing(ctx: Ctx, action: EditListing) -> Screen:
    listing = await core.own_listing(ctx.uow, ctx.membership, action.listing_id)
    if not listing.is_open:
        return await open_listing(ctx, OpenListing(action.listing_id))
    return await ctx.start_dialog(EDIT, listing_id=action.listing_id, kind=listing.kind)
