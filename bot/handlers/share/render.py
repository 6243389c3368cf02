"""How a listing shows: its card in a list (with the goods photo as thumbnail), its detail
lines, and what the member can do with it — the poster (신청 보기, 수정, 마감, 삭제), a
neighbour (탑승 신청, 연락하기, 신고하기), both after the ride or service (감사 보내기), and a
coordinator (코디네이터 확인, 숨기기, 글쓰기 정지)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.context import Ctx
from bot.handlers.share.actions import (
    ApplyRide,
    CloseListing,
    Contact,
    DeleteListing,
    EditListing,
    HideListing,
    OpenListing,
    ReportListing,
    RideRequests,
    SendThanks,
    SuspendPoster,
    VerifyPoster,
)
from bot.handlers.share.words import (
    card_lines,
    card_title,
    kind_word,
    phone_hint,
    poster_line,
    price_words,
    side_word,
    status_word,
    when_words,
)
from bot.screens import Button, Card
from core.privacy.phones import mask_phones
from core.share.model import CARE_KINDS, Kind, Listing, ListingStatus, id_of
from core.share.reading import ListingView


def photo_url(ctx: Ctx, listing: Listing) -> str | None:
    """The signed URL of a goods listing's photo (the card's thumbnail), or None."""
    if listing.photo and listing.kind == Kind.GOODS:
        return ctx.services.media.url(listing.photo)
    return None


def listing_card(ctx: Ctx, listing: Listing, thanks: int, verified: bool) -> Card:
    listing, _masked = shown_to(ctx, listing)
    return ctx.card(
        card_title(ctx.t, listing),
        *card_lines(ctx.t, listing, thanks, verified),
        buttons=(ctx.button(ctx._("자세히 보기"), OpenListing(id_of(listing))),),
        image_url=photo_url(ctx, listing),
    )


def shown_to(ctx: Ctx, listing: Listing) -> tuple[Listing, bool]:
    """The listing as this reader sees it: phone numbers typed into it masked for everyone
    but its poster (core.privacy.phones); True when one was."""
    if listing.poster_id == ctx.resident.id:
        return listing, False
    title, place, when_text, who, details, origin, destination = (
        mask_phones(text or "")
        for text in (
            listing.title,
            listing.place,
            listing.when_text,
            listing.who,
            listing.details,
            listing.origin,
            listing.destination,
        )
    )
    found = (title, place, when_text, who, details, origin, destination)
    if not any(m.masked for m in found):
        return listing, False
    shown = replace(
        listing,
        title=title.text,
        place=place.text,
        when_text=when_text.text,
        who=who.text,
        details=details.text,
        origin=origin.text,
        destination=destination.text,
    )
    return shown, True


def detail_lines(ctx: Ctx, view: ListingView) -> list[str]:
    listing, masked = shown_to(ctx, view.listing)
    lines = [
        f"[{kind_word(ctx.t, listing.kind)} · {side_word(ctx.t, listing.side)}] {listing.title}",
        ctx._("상태: {status}", status=status_word(ctx.t, listing.status)),
    ]
    if listing.kind == Kind.CARPOOL:
        lines.append(ctx._("출발: {when}", when=when_words(ctx.t, listing)))
        lines.append(
            ctx._(
                "{origin} → {destination}", origin=listing.origin, destination=listing.destination
            )
        )
        if listing.is_ride_offer:
            left, seats = listing.seats_left, listing.seats
            lines.append(ctx._("남은 자리: {left}/{seats}", left=left, seats=seats))
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
    who = poster_line(ctx.t, listing, view.thanks, view.verified)
    lines.append(ctx._("올린 이웃: {who}", who=who))
    if masked:
        lines.append(phone_hint(ctx.t))
    return lines


def listing_buttons(ctx: Ctx, view: ListingView) -> list[Button]:
    listing = view.listing
    listing_id = id_of(listing)
    own = listing.poster_id == ctx.resident.id
    buttons: list[Button] = []
    if own and listing.is_open:
        if listing.is_ride_offer:
            buttons.append(ctx.button(ctx._("신청 보기"), RideRequests(listing_id)))
        buttons.append(ctx.button(ctx._("글 고치기"), EditListing(listing_id)))
        close = ctx._("운행 취소") if listing.kind == Kind.CARPOOL else ctx._("마감하기")
        buttons.append(ctx.button(close, CloseListing(listing_id)))
    if own:
        buttons.append(ctx.button(ctx._("삭제하기"), DeleteListing(listing_id)))
    if not own and listing.is_open:
        if listing.is_ride_offer and listing.seats_left > 0:
            buttons.append(ctx.button(ctx._("같이 타기 신청"), ApplyRide(listing_id)))
        buttons.append(ctx.button(ctx._("연락하기"), Contact(listing_id)))
    if view.can_thank:
        buttons.append(ctx.button(ctx._("감사 보내기"), SendThanks(listing_id)))
    if not own:
        buttons.append(ctx.button(ctx._("신고하기"), ReportListing(listing_id)))
    if ctx.membership.is_coordinator and not own:
        badge = listing.kind in CARE_KINDS or listing.kind == Kind.CARPOOL
        if badge and not view.verified:
            buttons.append(ctx.button(ctx._("코디네이터 확인"), VerifyPoster(listing_id)))
        if listing.status != ListingStatus.HIDDEN:
            buttons.append(ctx.button(ctx._("글 숨기기"), HideListing(listing_id)))
        buttons.append(ctx.button(ctx._("글쓰기 정지"), SuspendPoster(listing_id)))
    return buttons
