"""공유마켓 notifications and scheduled jobs. How each notification reads (with its buttons:
수락/거절 for the driver, 답장하기 in a relay conversation, 감사 보내기 after a ride), and the
two job kinds of a carpool: the reminder 30 minutes before and the closing at departure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.handlers.share_words import neighbour
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.share import carpool


def _when(t: Translator, p: dict) -> str:
    return t.datetime(datetime.fromisoformat(p["departs_at"])) if p.get("departs_at") else ""


def _requested(t: Translator, p: dict[str, Any]) -> Screen:
    from bot.handlers.share_rides import AcceptRide, DeclineRide

    text = t._(
        "[카풀 탑승 신청] {title}\n{who}이 {n}명 탑승을 신청했어요. ({when} 출발)",
        title=p["title"], who=neighbour(t, p["building"]), n=p["seats"], when=_when(t, p),
    )  # fmt: skip
    buttons = (
        Button(t._("수락"), AcceptRide(p["request_id"]).dump()),
        Button(t._("거절"), DeclineRide(p["request_id"]).dump()),
    )
    return Screen(text, buttons=buttons)


def _open(t: Translator, p: dict) -> tuple[Button, ...]:
    from bot.handlers.share import OpenListing

    return (Button(t._("글 보기"), OpenListing(p["listing_id"]).dump()),)


def _accepted(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._(
        "[카풀] {title}\n탑승 신청이 수락되었어요 ({n}명). {when}에 {origin}에서 만나요.",
        title=p["title"], n=p["seats"], when=_when(t, p), origin=p["origin"],
    )  # fmt: skip
    return Screen(text, buttons=_open(t, p))


def _declined(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._("[카풀] {title}\n아쉽지만 이번 탑승 신청은 거절되었어요. 다른 카풀을 찾아보세요.",
               title=p["title"])  # fmt: skip
    return Screen(text)


def _cancelled(t: Translator, p: dict[str, Any]) -> Screen:
    if p.get("by") == "passenger":
        text = t._("[카풀] {title}\n{who}이 탑승 신청을 취소했어요 ({n}명). 자리가 다시 비었어요.",
                   title=p["title"], who=neighbour(t, p["building"]), n=p["seats"])  # fmt: skip
        return Screen(text, buttons=_open(t, p))
    text = t._("[카풀] {title}\n운전하는 이웃이 {when} 운행을 취소했어요.",
               title=p["title"], when=_when(t, p))  # fmt: skip
    return Screen(text)


def _reminder(t: Translator, p: dict[str, Any]) -> Screen:
    if p.get("role") == "driver":
        text = t._("[카풀 알림] 30분 뒤 {when} 출발이에요.\n{origin} → {destination}\n"
                   "함께 타는 이웃: {n}명", when=_when(t, p), origin=p["origin"],
                   destination=p["destination"], n=p.get("riders", 0))  # fmt: skip
    else:
        text = t._("[카풀 알림] 30분 뒤 {when} 출발이에요.\n{origin}에서 만나요. → {destination}",
                   when=_when(t, p), origin=p["origin"],
                   destination=p["destination"])  # fmt: skip
    return Screen(text, buttons=_open(t, p))


def _done(t: Translator, p: dict[str, Any]) -> Screen:
    from bot.handlers.share_actions import SendThanks

    text = t._("[카풀] {title}\n잘 다녀오셨나요? 함께한 이웃에게 고마운 마음을 전해 보세요.",
               title=p["title"])  # fmt: skip
    return Screen(text, buttons=(Button(t._("감사 보내기"), SendThanks(p["listing_id"]).dump()),))


def _message(t: Translator, p: dict[str, Any]) -> Screen:
    from bot.handlers.share_actions import OpenChat

    text = t._('[공유마켓 대화] {title}\n{who}: "{text}"', title=p["title"],
               who=neighbour(t, p["building"]), text=p["text"])  # fmt: skip
    return Screen(text, buttons=(Button(t._("답장하기"), OpenChat(p["chat_id"]).dump()),))


def _ended(t: Translator, p: dict[str, Any]) -> Screen:
    return Screen(t._("[공유마켓 대화] {title}\n상대 이웃이 대화를 끝냈어요.", title=p["title"]))


def _thanks(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._("[공유마켓] '{title}' 글로 함께한 이웃이 감사 인사를 보냈어요.", title=p["title"])
    return Screen(text)


def _reported(t: Translator, p: dict[str, Any]) -> Screen:
    from bot.handlers.coordinator_share import OpenShareReports

    text = t._('[공유마켓 신고] "{title}" 글이 신고되었어요.\n까닭: {reason}', title=p["title"],
               reason=p["reason"])  # fmt: skip
    buttons = (*_open(t, p), Button(t._("신고 목록"), OpenShareReports().dump()))
    return Screen(text, buttons=buttons)


def _hidden(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._("[공유마켓] '{title}' 글을 코디네이터가 숨겼어요.\n까닭: {reason}",
               title=p["title"], reason=p["reason"])  # fmt: skip
    return Screen(text)


def _suspended(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._("[공유마켓] 코디네이터가 공유마켓 글쓰기와 연락을 멈췄어요.\n까닭: {reason}\n"
               "궁금한 점은 관리사무소에 문의해 주세요.", reason=p["reason"])  # fmt: skip
    return Screen(text)


def _unsuspended(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._("[공유마켓] 코디네이터가 글쓰기와 연락 정지를 풀었어요. 다시 글을 올리고 "
               "이웃에게 연락할 수 있어요.")  # fmt: skip
    return Screen(text)


KINDS = {
    "share.ride.requested": _requested,
    "share.ride.accepted": _accepted,
    "share.ride.declined": _declined,
    "share.ride.cancelled": _cancelled,
    "share.ride.reminder": _reminder,
    "share.ride.done": _done,
    "share.chat.message": _message,
    "share.chat.ended": _ended,
    "share.thanks": _thanks,
    "share.reported": _reported,
    "share.hidden": _hidden,
    "share.suspended": _suspended,
    "share.unsuspended": _unsuspended,
}


async def remind_job(ctx) -> None:
    """carpool.REMIND: a reminder after departure makes no sense (the use case drops it)."""
    await carpool.remind_ride(ctx.uow, ctx.payload["listing_id"], ctx.late)


async def close_job(ctx) -> None:
    """carpool.CLOSE: always closes, however late (a repeating ride then posts the next
    평일's after `now`, skipping public holidays)."""
    repeat = bool(ctx.payload.get("repeat"))
    await carpool.finish_ride(
        ctx.uow, ctx.payload["listing_id"], ctx.now, repeat=repeat, holidays=ctx.services.holidays
    )


def register(services) -> None:
    """Notification kinds and job kinds (called by build_engine; building twice is fine)."""
    for kind, renderer in KINDS.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer)
    services.jobs.register(carpool.REMIND, remind_job)
    services.jobs.register(carpool.CLOSE, close_job)
