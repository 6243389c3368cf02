"""공유마켓 notifications and scheduled jobs. How each notification reads (with its buttons:
수락/거절 for the driver, 답장하기 in a relay conversation, 감사 보내기 after a ride), and the
two job kinds of a carpool: the reminder 30 minutes before and the closing at departure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.handlers.share.actions import (
    AcceptRide,
    DeclineRide,
    OpenChat,
    OpenListing,
    OpenShareReports,
    SendThanks,
)
from bot.handlers.share.words import neighbour
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.notifications import Notification
from core.privacy.phones import mask_phones
from core.share import carpool
from core.share.events import (
    ChatEnded,
    ChatMessage,
    ListingHidden,
    ListingReported,
    PostingRestored,
    PostingSuspended,
    RideAccepted,
    RideCancelled,
    RideDeclined,
    RideDone,
    RideEvent,
    RideReminder,
    RideRequested,
    ThanksReceived,
)


def _when(t: Translator, p: RideEvent) -> str:
    return t.datetime(p.departs_at) if p.departs_at else ""


def _open(t: Translator, listing_id: int) -> tuple[Button, ...]:
    return (Button(t._("글 보기"), OpenListing(listing_id).dump()),)


def _requested(t: Translator, p: RideRequested) -> Screen:
    text = t._(
        "[카풀 같이 타기 신청] {title}\n{who}이(가) {n}명 같이 타겠다고 신청했어요. ({when} 출발)",
        title=p.title,
        who=neighbour(t, p.building),
        n=p.seats,
        when=_when(t, p),
    )
    buttons = (
        Button(t._("수락"), AcceptRide(p.request_id).dump()),
        Button(t._("거절"), DeclineRide(p.request_id).dump()),
    )
    return Screen(text, buttons=buttons)


def _accepted(t: Translator, p: RideAccepted) -> Screen:
    text = t._(
        "[카풀] {title}\n같이 타기 신청이 수락되었어요 ({n}명). {when}에 {origin}에서 만나요.",
        title=p.title,
        n=p.seats,
        when=_when(t, p),
        origin=p.origin,
    )
    return Screen(text, buttons=_open(t, p.listing_id))


def _declined(t: Translator, p: RideDeclined) -> Screen:
    text = t._(
        "[카풀] {title}\n아쉽지만 이번 같이 타기 신청은 거절되었어요. 다른 카풀을 찾아보세요.",
        title=p.title,
    )
    return Screen(text)


def _cancelled(t: Translator, p: RideCancelled) -> Screen:
    if p.by == "passenger":
        text = t._(
            "[카풀] {title}\n{who}이(가) 같이 타기 신청을 취소했어요 ({n}명). "
            "자리가 다시 비었어요.",
            title=p.title,
            who=neighbour(t, p.building),
            n=p.seats,
        )
        return Screen(text, buttons=_open(t, p.listing_id))
    text = t._(
        "[카풀] {title}\n운전하는 이웃이 {when} 운행을 취소했어요.",
        title=p.title,
        when=_when(t, p),
    )
    return Screen(text)


def _reminder(t: Translator, p: RideReminder) -> Screen:
    if p.role == "driver":
        text = t._(
            "[카풀 알림] 30분 뒤 {when} 출발이에요.\n{origin} → {destination}\n"
            "함께 타는 이웃: {n}명",
            when=_when(t, p),
            origin=p.origin,
            destination=p.destination,
            n=p.riders,
        )
    else:
        text = t._(
            "[카풀 알림] 30분 뒤 {when} 출발이에요.\n{origin}에서 만나요. → {destination}",
            when=_when(t, p),
            origin=p.origin,
            destination=p.destination,
        )
    return Screen(text, buttons=_open(t, p.listing_id))


def _done(t: Translator, p: RideDone) -> Screen:
    text = t._(
        "[카풀] {title}\n잘 다녀오셨나요? 함께한 이웃에게 고마운 마음을 전해 보세요.",
        title=p.title,
    )
    return Screen(text, buttons=(Button(t._("감사 보내기"), SendThanks(p.listing_id).dump()),))


def _message(t: Translator, p: ChatMessage) -> Screen:
    said = mask_phones(p.text)  # the relay chat is how to reach each other, never a number
    text = t._(
        '[공유마켓 대화] {title}\n{who}: "{text}"',
        title=mask_phones(p.title).text,
        who=neighbour(t, p.building),
        text=said.text,
    )
    if said.masked:
        text += "\n" + t._("전화번호는 가려서 보여 드려요. 이 대화방에서 답장해 주세요.")
    return Screen(text, buttons=(Button(t._("답장하기"), OpenChat(p.chat_id).dump()),))


def _ended(t: Translator, p: ChatEnded) -> Screen:
    return Screen(t._("[공유마켓 대화] {title}\n상대 이웃이 대화를 끝냈어요.", title=p.title))


def _thanks(t: Translator, p: ThanksReceived) -> Screen:
    text = t._("[공유마켓] '{title}' 글로 함께한 이웃이 감사 인사를 보냈어요.", title=p.title)
    return Screen(text)


def _reported(t: Translator, p: ListingReported) -> Screen:
    text = t._(
        '[공유마켓 신고] "{title}" 글이 신고되었어요.\n까닭: {reason}',
        title=p.title,
        reason=p.reason,
    )
    buttons = (*_open(t, p.listing_id), Button(t._("신고 목록"), OpenShareReports().dump()))
    return Screen(text, buttons=buttons)


def _hidden(t: Translator, p: ListingHidden) -> Screen:
    text = t._(
        "[공유마켓] '{title}' 글을 코디네이터가 숨겼어요.\n까닭: {reason}",
        title=p.title,
        reason=p.reason,
    )
    return Screen(text)


def _suspended(t: Translator, p: PostingSuspended) -> Screen:
    text = t._(
        "[공유마켓] 코디네이터가 공유마켓 글쓰기와 연락을 멈췄어요.\n까닭: {reason}\n"
        "궁금한 점은 관리사무소에 문의해 주세요.",
        reason=p.reason,
    )
    return Screen(text)


def _unsuspended(t: Translator, p: PostingRestored) -> Screen:
    text = t._(
        "[공유마켓] 코디네이터가 글쓰기와 연락 정지를 풀었어요. 다시 글을 올리고 "
        "이웃에게 연락할 수 있어요."
    )
    return Screen(text)


KINDS: dict[type[Notification], Callable[[Translator, Any], Screen]] = {
    RideRequested: _requested,
    RideAccepted: _accepted,
    RideDeclined: _declined,
    RideCancelled: _cancelled,
    RideReminder: _reminder,
    RideDone: _done,
    ChatMessage: _message,
    ChatEnded: _ended,
    ThanksReceived: _thanks,
    ListingReported: _reported,
    ListingHidden: _hidden,
    PostingSuspended: _suspended,
    PostingRestored: _unsuspended,
}


async def remind_job(ctx: Any) -> None:
    """carpool.REMIND: a reminder after departure makes no sense (the use case drops it)."""
    await carpool.remind_ride(ctx.uow, ctx.payload["listing_id"], ctx.late)


async def close_job(ctx: Any) -> None:
    """carpool.CLOSE: always closes, however late (a repeating ride then posts the next
    평일's after `now`, skipping public holidays)."""
    repeat = bool(ctx.payload.get("repeat"))
    await carpool.finish_ride(
        ctx.uow, ctx.payload["listing_id"], ctx.now, repeat=repeat, holidays=ctx.services.holidays
    )


# How the inbox digest names several waiting notifications of a kind ("대화 종료 7건").
LABELS: dict[type[Notification], str] = {
    RideRequested: N_("카풀 신청"),
    RideAccepted: N_("카풀 수락"),
    RideDeclined: N_("카풀 거절"),
    RideCancelled: N_("카풀 취소"),
    RideReminder: N_("카풀 알림"),
    RideDone: N_("카풀 완료"),
    ChatMessage: N_("이웃 메시지"),
    ChatEnded: N_("대화 종료"),
    ThanksReceived: N_("감사 인사"),
    ListingReported: N_("글 신고"),
    ListingHidden: N_("글 숨김"),
    PostingSuspended: N_("글쓰기 제한"),
    PostingRestored: N_("글쓰기 재개"),
}


def register(services: Any) -> None:
    """Notification kinds and job kinds (called by build_engine; building twice is fine)."""
    for kind, renderer in KINDS.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer, LABELS[kind])
    services.jobs.register(carpool.REMIND, remind_job)
    services.jobs.register(carpool.CLOSE, close_job)
