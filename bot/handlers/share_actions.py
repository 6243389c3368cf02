"""What can be done with one listing, by whom: the poster (신청 보기, 수정, 마감, 삭제), a
neighbour (탑승 신청, 연락하기, 신고하기), both after the ride or service (감사 보내기), and a
coordinator (코디네이터 확인, 숨기기, 글쓰기 정지). Plus the relay conversation's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.share import CloseListing, DeleteListing, EditListing, OpenListing
from bot.screens import Button, Screen
from core.share import contact, trust
from core.share.model import CARE_KINDS, Kind, Listing, ListingStatus

router = Router()


@dataclass(frozen=True)
class Contact(Action, kind="share.contact"):
    listing_id: int


@dataclass(frozen=True)
class OpenChat(Action, kind="share.chat.open"):
    chat_id: int


@dataclass(frozen=True)
class EndChat(Action, kind="share.chat.end"):
    chat_id: int


@dataclass(frozen=True)
class BlockPeer(Action, kind="share.chat.block"):
    chat_id: int
    sure: bool = False


@dataclass(frozen=True)
class ReportListing(Action, kind="share.report"):
    listing_id: int


@dataclass(frozen=True)
class SendThanks(Action, kind="share.thanks", single_use=True):
    listing_id: int
    to_id: int = 0  # 0: every partner of the listing (a driver thanking the passengers)


async def listing_buttons(ctx: Ctx, listing: Listing) -> list[Button]:
    from bot.handlers.coordinator_share import HideListing, SuspendPoster, VerifyPoster
    from bot.handlers.share_rides import ApplyRide, RideRequests

    own = listing.poster_id == ctx.resident.id
    buttons: list[Button] = []
    if own and listing.is_open:
        if listing.is_ride_offer:
            buttons.append(ctx.button(ctx._("신청 보기"), RideRequests(listing.id)))
        buttons.append(ctx.button(ctx._("글 고치기"), EditListing(listing.id)))
        close = ctx._("운행 취소") if listing.kind == Kind.CARPOOL else ctx._("마감하기")
        buttons.append(ctx.button(close, CloseListing(listing.id)))
    if own:
        buttons.append(ctx.button(ctx._("삭제하기"), DeleteListing(listing.id)))
    if not own and listing.is_open:
        if listing.is_ride_offer and listing.seats_left > 0:
            buttons.append(ctx.button(ctx._("탑승 신청"), ApplyRide(listing.id)))
        buttons.append(ctx.button(ctx._("연락하기"), Contact(listing.id)))
    if await trust.thank_partners(ctx.uow, ctx.membership, listing.id):
        buttons.append(ctx.button(ctx._("감사 보내기"), SendThanks(listing.id)))
    if not own:
        buttons.append(ctx.button(ctx._("신고하기"), ReportListing(listing.id)))
    if ctx.membership.is_coordinator and not own:
        badge = listing.kind in CARE_KINDS or listing.kind == Kind.CARPOOL
        if badge and not await ctx.uow.share.verified_among([listing.poster_id]):
            buttons.append(ctx.button(ctx._("코디네이터 확인"), VerifyPoster(listing.id)))
        if listing.status != ListingStatus.HIDDEN:
            buttons.append(ctx.button(ctx._("글 숨기기"), HideListing(listing.id)))
        buttons.append(ctx.button(ctx._("글쓰기 정지"), SuspendPoster(listing.id)))
    return buttons


async def chat_dialog(ctx: Ctx, chat) -> Screen:
    """The relay conversation as a dialog: every typed line goes to the other side."""
    listing = await ctx.uow.share.get(chat.listing_id)
    other = chat.other(ctx.resident.id)
    if other == listing.poster_id:
        who = listing.building
    else:
        household = await ctx.uow.households.get((await ctx.uow.residents.get(other)).household_id)
        who = household.building
    return await ctx.start_dialog(
        "share.chat", chat_id=chat.id, listing_id=listing.id, title=listing.title,
        building=who, other=other,
    )  # fmt: skip


@router.on(Contact)
async def start_contact(ctx: Ctx, action: Contact) -> Screen:
    chat = await contact.start_chat(ctx.uow, ctx.clock, ctx.membership, action.listing_id)
    return await chat_dialog(ctx, chat)


@router.on(OpenChat)
async def open_chat(ctx: Ctx, action: OpenChat) -> Screen:
    chat = await contact.my_chat(ctx.uow, ctx.membership, action.chat_id)
    if chat.ended_at is not None:
        text = ctx._("끝난 대화예요. 다시 이야기하려면 글에서 '연락하기'를 눌러 주세요.")
        listing = ctx.button(ctx._("글 보기"), OpenListing(chat.listing_id))
        return ctx.screen(text, listing)
    return await chat_dialog(ctx, chat)


@router.on(EndChat)
async def end_chat(ctx: Ctx, action: EndChat) -> Screen:
    chat = await contact.end_chat(ctx.uow, ctx.clock, ctx.membership, action.chat_id)
    text = ctx._("대화를 끝냈어요. 상대 이웃에게도 알려 드렸어요.")
    buttons = [ctx.button(ctx._("글 보기"), OpenListing(chat.listing_id))]
    return ctx.screen(text, *buttons)


@router.on(BlockPeer)
async def block_peer(ctx: Ctx, action: BlockPeer) -> Screen:
    chat = await contact.my_chat(ctx.uow, ctx.membership, action.chat_id)
    if not action.sure:
        text = ctx._("이 이웃을 차단할까요? 차단하면 서로 연락하거나 카풀을 신청할 수 없어요.")
        sure = ctx.button(ctx._("네, 차단할게요"), BlockPeer(chat.id, True))
        return ctx.screen(text, sure, back=OpenChat(chat.id))
    await contact.block_peer(ctx.uow, ctx.clock, ctx.membership, chat.id)
    text = ctx._("차단했어요. 이제 이 이웃과는 연락이 오가지 않아요.")
    report = ctx.button(ctx._("신고하기"), ReportListing(chat.listing_id))
    return ctx.screen(text, report)


@router.on(ReportListing)
async def report_listing(ctx: Ctx, action: ReportListing) -> Screen:
    from core.share.listings import get_listing

    await get_listing(ctx.uow, ctx.membership, action.listing_id)
    return await ctx.start_dialog("share.report", listing_id=action.listing_id)


@router.on(SendThanks)
async def send_thanks(ctx: Ctx, action: SendThanks) -> Screen:
    to = action.to_id or None
    sent = await trust.send_thanks(ctx.uow, ctx.clock, ctx.membership, action.listing_id, to)
    text = ctx._("고마운 마음을 전했어요 ({n}명). 이웃의 감사 수에 더해져요.", n=sent)
    return ctx.screen(text, ctx.button(ctx._("글 보기"), OpenListing(action.listing_id)))
