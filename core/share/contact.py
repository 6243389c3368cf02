"""연락하기: a relay conversation between a listing's poster and a neighbour, through the bot.

Messages go from one resident to the other as notifications (the outbox), on whatever
messengers each uses; neither ever sees the other's phone number, messenger name or unit —
only "102동 이웃". Either side can end the conversation, block the other, or report the
listing to the complex's coordinators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, NotFound
from core.identity.model import Membership, Role
from core.identity.roles import require_self
from core.share.events import ChatEnded, ChatMessage, ListingReported
from core.share.listings import building_of, check_text, get_listing, require_can_post
from core.share.model import MAX_TEXT, Listing, ShareChat, ShareReport, id_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def start_chat(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int
) -> ShareChat:
    """Open (or reopen) the conversation about an open listing with its poster.

    Rules: verified, not suspended; not one's own listing; not between blocked residents."""
    require_self(member)  # 대신 하기 does not offer this
    await require_can_post(uow, member)
    listing = await get_listing(uow, member, listing_id)
    if listing.poster_id == member.resident_id:
        raise DomainError("share.own_listing")
    if not listing.is_open:
        raise DomainError("share.not_open")
    if await uow.share.blocked(member.resident_id, listing.poster_id):
        raise DomainError("share.blocked")
    chat = await uow.share.open_chat(id_of(listing), member.resident_id)
    if chat is None:
        new = ShareChat(
            id_of(listing), listing.complex_id, member.resident_id, listing.poster_id, clock.now()
        )
        chat = await uow.share.add_chat(new)
    return chat


async def my_chat(uow: UnitOfWork, member: Membership, chat_id: int) -> ShareChat:
    """A conversation the member takes part in; any other id looks missing."""
    chat = await uow.share.get_chat(chat_id)
    if chat is None or chat.complex_id != member.complex_id or not chat.has(member.resident_id):
        raise NotFound()
    return chat


async def chat_listing(uow: UnitOfWork, chat: ShareChat) -> Listing:
    """The listing a conversation is about (kept even when deleted: never missing)."""
    listing = await uow.share.get(chat.listing_id)
    if listing is None:
        raise NotFound()
    return listing


async def relay_message(
    uow: UnitOfWork, clock: Clock, member: Membership, chat_id: int, text: str
) -> int:
    """Forward one message (≤ 500 characters) to the other side; returns its number.

    Rules: the conversation is still open; neither side blocked the other; posting not
    suspended. The other side gets it with "답장하기" and reads only "102동 이웃"."""
    require_self(member)  # 대신 하기 does not offer this
    await require_can_post(uow, member)
    chat = await my_chat(uow, member, chat_id)
    text = check_text(text, MAX_TEXT, required=True)
    if chat.ended_at is not None:
        raise DomainError("share.chat_ended")
    other = chat.other(member.resident_id)
    if await uow.share.blocked(member.resident_id, other):
        raise DomainError("share.blocked")
    number = await uow.share.count_message(id_of(chat))
    listing = await chat_listing(uow, chat)
    message = ChatMessage(id_of(chat), listing.title, text, await building_of(uow, member))
    await uow.notifier.notify(
        other, message, key=f"share:chat:{chat.id}:{number}", complex_id=chat.complex_id
    )
    return number


async def end_chat(uow: UnitOfWork, clock: Clock, member: Membership, chat_id: int) -> ShareChat:
    """대화 끝내기: either side ends it; the other is told once."""
    require_self(member)  # 대신 하기 does not offer this
    chat = await my_chat(uow, member, chat_id)
    if chat.ended_at is None:
        chat.ended_at = clock.now()
        listing = await chat_listing(uow, chat)
        await uow.notifier.notify(
            chat.other(member.resident_id),
            ChatEnded(id_of(chat), listing.title),
            key=f"share:chat:{chat.id}:end",
            complex_id=chat.complex_id,
        )
    return chat


async def block_peer(uow: UnitOfWork, clock: Clock, member: Membership, chat_id: int) -> ShareChat:
    """차단하기: the other side can no longer write to, ask rides of, or contact the member;
    the conversation ends (the blocked person is not told who blocked them beyond that)."""
    require_self(member)  # 대신 하기 does not offer this
    chat = await my_chat(uow, member, chat_id)
    other = chat.other(member.resident_id)
    await uow.share.block(member.resident_id, other, chat.complex_id, clock.now())
    chat.ended_at = chat.ended_at or clock.now()
    return chat


async def report_listing(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int, reason: str
) -> ShareReport:
    """신고하기: a resident reports a listing (≤ 500 characters of reason); every coordinator
    of the complex is notified and can hide it or suspend its poster."""
    require_self(member)  # 대신 하기 does not offer this
    await require_can_post(uow, member)
    listing = await get_listing(uow, member, listing_id)
    if listing.poster_id == member.resident_id:
        raise DomainError("share.own_listing")
    reason = check_text(reason, MAX_TEXT, required=True)
    report = await uow.share.add_report(
        ShareReport(listing.complex_id, id_of(listing), member.resident_id, reason, clock.now())
    )
    reported = ListingReported(id_of(report), id_of(listing), listing.title, report.reason)
    for coordinator in await uow.roles.holders(Role.COORDINATOR, listing.complex_id):
        await uow.notifier.notify(
            coordinator, reported, key=f"share:report:{report.id}", complex_id=listing.complex_id
        )
    return report
