"""공유마켓 for residents: the kinds, a kind's open listings (newest first, 5 cards a page,
"더보기"), one listing with what can be done with it, and 내 글 (close, delete, edit).
Scope is checked in core: another complex's or a deleted listing reads "찾을 수 없어요"."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.home import SECTION_ENTRIES, OpenSection
from bot.handlers.share_words import (
    KIND_WORDS,
    card_lines,
    card_title,
    kind_word,
    poster_line,
    price_words,
    side_word,
    when_words,
)
from bot.i18n import N_
from bot.screens import Screen
from core.share import listings as core
from core.share.model import CARE_KINDS, THANKS_WINDOW, Kind, Listing, ListingStatus

router = Router()


@dataclass(frozen=True)
class OpenKind(Action, kind="share.kind"):
    topic: str  # a Kind ("kind" itself names the action type)
    offset: int = 0


@dataclass(frozen=True)
class OpenCarpool(OpenKind, kind="share.carpool"):
    topic: str = Kind.CARPOOL.value


@dataclass(frozen=True)
class PickKind(Action, kind="share.kinds"):
    pass


@dataclass(frozen=True)
class StartPost(Action, kind="share.post"):
    topic: str


@dataclass(frozen=True)
class MyListings(Action, kind="share.mine"):
    offset: int = 0


@dataclass(frozen=True)
class OpenListing(Action, kind="share.open"):
    listing_id: int


@dataclass(frozen=True)
class CloseListing(Action, kind="share.close"):
    listing_id: int


@dataclass(frozen=True)
class DeleteListing(Action, kind="share.delete"):
    listing_id: int
    sure: bool = False


@dataclass(frozen=True)
class EditListing(Action, kind="share.edit"):
    listing_id: int


SECTION_ENTRIES["share"] += [
    (N_("카풀"), OpenCarpool),
    (N_("돌봄·나눔 보기"), PickKind),
    (N_("내 글"), MyListings),
]


def back_to_share() -> Action:
    return OpenSection("share")


@router.on(PickKind)
async def pick_kind(ctx: Ctx, action: PickKind) -> Screen:
    core.require_member(ctx.membership)
    buttons = [
        ctx.button(ctx._(word), OpenKind(kind.value))
        for kind, word in KIND_WORDS.items()
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
    cards = tuple(_card(ctx, item, page) for item in page.listings)
    return ctx.screen(text, *buttons, back=back, cards=cards)


def photo_url(ctx: Ctx, listing: Listing) -> str | None:
    """The signed URL of a goods listing's photo (the card's thumbnail), or None."""
    if listing.photo and listing.kind == Kind.GOODS:
        return ctx.services.media.url(listing.photo)
    return None


def _card(ctx: Ctx, listing: Listing, page):
    thanks, verified = page.thanks.get(listing.poster_id, 0), listing.poster_id in page.verified
    return ctx.card(
        card_title(ctx.t, listing),
        *card_lines(ctx.t, listing, thanks, verified),
        buttons=(ctx.button(ctx._("자세히 보기"), OpenListing(listing.id)),),
        image_url=photo_url(ctx, listing),
    )


@router.on(StartPost)
async def start_post(ctx: Ctx, action: StartPost) -> Screen:
    await core.require_can_post(ctx.uow, ctx.membership)
    if action.topic == Kind.CARPOOL:
        return await ctx.start_dialog("share.carpool")
    if action.topic not in set(Kind):
        return await pick_kind(ctx, PickKind())
    return await ctx.start_dialog("share.listing", kind=action.topic)


STATUS_WORDS = {
    ListingStatus.OPEN: N_("모집 중"),
    ListingStatus.CLOSED: N_("마감"),
    ListingStatus.CANCELLED: N_("취소됨"),
    ListingStatus.HIDDEN: N_("코디네이터가 숨김"),
}


async def detail_lines(ctx: Ctx, listing: Listing) -> list[str]:
    since = ctx.clock.now() - THANKS_WINDOW
    thanks = (await ctx.uow.share.thanks_count([listing.poster_id], since)).get(
        listing.poster_id, 0
    )
    verified = bool(await ctx.uow.share.verified_among([listing.poster_id]))
    lines = [
        f"[{kind_word(ctx.t, listing.kind)} · {side_word(ctx.t, listing.side)}] {listing.title}",
        ctx._("상태: {status}", status=ctx._(STATUS_WORDS.get(listing.status, listing.status))),
    ]
    if listing.kind == Kind.CARPOOL:
        lines.append(ctx._("출발: {when}", when=when_words(ctx.t, listing)))
        lines.append(ctx._("{origin} → {destination}", origin=listing.origin,
                           destination=listing.destination))  # fmt: skip
        if listing.is_ride_offer:
            lines.append(ctx._("남은 자리: {left}/{seats}", left=listing.seats_left,
                               seats=listing.seats))  # fmt: skip
    else:
        if listing.when_text:
            lines.append(ctx._("언제: {when}", when=listing.when_text))
        if listing.place:
            lines.append(ctx._("어디: {place}", place=listing.place))
        if listing.who and listing.kind in CARE_KINDS:
            lines.append(ctx._("누구: {who}", who=listing.who))
    lines.append(ctx._("비용: {price}", price=price_words(ctx.t, listing)))
    if listing.details:
        lines.append(ctx._("내용: {text}", text=listing.details))
    lines.append(ctx._("올린 이웃: {who}", who=poster_line(ctx.t, listing, thanks, verified)))
    return lines


@router.on(OpenListing)
async def open_listing(ctx: Ctx, action: OpenListing) -> Screen:
    from bot.handlers.share_actions import listing_buttons

    listing = await core.get_listing(ctx.uow, ctx.membership, action.listing_id)
    lines = await detail_lines(ctx, listing)
    buttons = await listing_buttons(ctx, listing)
    back = MyListings() if listing.poster_id == ctx.resident.id else OpenKind(listing.kind)
    photo = photo_url(ctx, listing)
    return ctx.screen("\n".join(lines), *buttons, back=back, image_url=photo,
                      image_alt=ctx._("물건 사진") if photo else "")  # fmt: skip


@router.on(MyListings)
async def my_listings(ctx: Ctx, action: MyListings) -> Screen:
    from bot.handlers.share_rides import MyRides

    page = await core.my_listings(ctx.uow, ctx.clock, ctx.membership, action.offset)
    rides = ctx.button(ctx._("내 탑승 신청"), MyRides())
    if not page.total:
        return ctx.screen(ctx._("아직 올린 글이 없어요."), rides, back=back_to_share())
    text = ctx._("[내 글] 모두 {n}건이에요.", n=page.total)
    buttons = [rides]
    if page.more:
        buttons.insert(0, ctx.button(ctx._("글 더보기"), MyListings(page.offset + 5)))
    cards = tuple(
        ctx.card(
            card_title(ctx.t, item),
            ctx._(STATUS_WORDS.get(item.status, item.status)),
            when_words(ctx.t, item) or kind_word(ctx.t, item.kind),
            buttons=(ctx.button(ctx._("자세히 보기"), OpenListing(item.id)),),
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
        sure = ctx.button(ctx._("네, 지울게요"), DeleteListing(listing.id, True))
        return ctx.screen(text, sure, back=OpenListing(listing.id))
    await core.delete_listing(ctx.uow, ctx.clock, ctx.membership, listing.id)
    return ctx.screen(
        ctx._("글을 지웠어요."), ctx.button(ctx._("내 글"), MyListings()), back=back_to_share()
    )


@router.on(EditListing)
async def edit_listing(ctx: Ctx, action: EditListing) -> Screen:
    listing = await core.own_listing(ctx.uow, ctx.membership, action.listing_id)
    if not listing.is_open:
        return await open_listing(ctx, OpenListing(listing.id))
    return await ctx.start_dialog("share.edit", listing_id=listing.id, kind=listing.kind)
