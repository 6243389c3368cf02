"""도움 요청 wording shared by the screens, the dialogs and the notifications."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.i18n import N_, Translator
from core.errors import DomainError
from core.helpdesk.hours import OfficeHours
from core.helpdesk.model import HelpRequest, Status

if TYPE_CHECKING:
    from bot.engine.context import Ctx

STATUS = {
    Status.WAITING: N_("대기 중"),
    Status.TAKEN: N_("맡음"),
    Status.CLOSED: N_("끝남"),
}


def title(t: Translator, number: int) -> str:
    return t._("도움 요청 #{number}", number=number)


def agent(t: Translator, name: str) -> str:
    """How a resident reads who answers: "관리사무소 김하나 코디네이터"."""
    if name:
        return t._("관리사무소 {name} 코디네이터", name=name)
    return t._("관리사무소 코디네이터")


def owner(t: Translator, name: str) -> str:
    """How coordinators read a colleague: "김하나 코디네이터" (or without a name)."""
    return t._("{name} 코디네이터", name=name) if name else t._("다른 코디네이터")


def household(t: Translator, request: HelpRequest) -> str:
    """The full 동/호 (on the coordinators' detail screen only); typed ones say so."""
    where = t._("{building}동 {unit}호", building=request.building, unit=request.unit)
    return where if request.verified else t._("{where} (확인 전, 본인이 적음)", where=where)


def building(t: Translator, value: str, verified: bool = True) -> str:
    """The 동 only (lists, notifications)."""
    who = t._("{building}동 주민", building=value)
    return who if verified else t._("{who} (확인 전)", who=who)


def minutes(t: Translator, span: timedelta) -> str:
    total = int(span.total_seconds() // 60)
    if total < 1:
        return t._("1분 미만")
    if total < 60:
        return t._("{n}분", n=total)
    if total < 48 * 60:
        return t._("{h}시간 {m}분", h=total // 60, m=total % 60)
    return t._("{n}일", n=total // (24 * 60))


def waiting(t: Translator, request: HelpRequest, now: datetime) -> str:
    """ "12분 기다리는 중" (waiting), "12분 만에 맡음" (taken or closed after being taken)."""
    span = minutes(t, request.waited(now))
    if request.status == Status.WAITING:
        return t._("{span} 기다리는 중", span=span)
    if request.taken_at is not None:
        return t._("{span} 만에 맡음", span=span)
    return t._("맡기 전에 끝남")


def closed_note(t: Translator, hours: OfficeHours, text: str, now: datetime, holidays) -> str:
    """ "" when the office is open; else that it is closed and when to expect an answer."""
    if hours.is_open(now, holidays):
        return ""
    opens = hours.next_open(now, holidays)
    return t._(
        "지금은 관리사무소 업무 시간이 아니에요 ({hours}).\n"
        "남겨 주시면 {when}부터 차례로 답을 드릴게요.",
        hours=text,
        when=t.datetime(opens),
    )


# --- what the person was doing ("<dialog>:<step>", "error:<code>" or "help"), in words --------
# The first part of a dialog's name → the task as residents and coordinators know it.
TASKS = {
    "defect": N_("고장 신고"),
    "share": N_("공유마켓"),
    "carpool": N_("카풀"),
    "notice": N_("공지 보내기"),
    "points": N_("포인트"),
    "proxy": N_("대신 하기"),
    "shop": N_("알뜰쇼핑"),
    "vendor": N_("가게 관리"),
    "survey": N_("설문"),
    "vote": N_("투표"),
    "board": N_("게시판"),
    "boards": N_("게시판"),
    "identity": N_("우리 집 확인"),
    "verify": N_("우리 집 확인"),
    "link": N_("우리 집 확인"),
    "invite": N_("초대코드"),
    "help": N_("도움말"),
    "helpdesk": N_("도움 요청"),
    "coordinator": N_("코디네이터 메뉴"),
}


def origin_words(ctx: Ctx, origin: str) -> str:
    """ "고장 신고 (3번째 질문)", "도움말 화면", "안내: …" — or "" when nothing is known."""
    if not origin:
        return ""
    if origin == "help":
        return ctx._("도움말 화면")
    kind, _, rest = origin.partition(":")
    if kind == "error":
        message = ctx.dialogs.explain(ctx, DomainError(rest))
        return ctx._("이런 안내를 받고 막혔어요: {message}", message=message)
    task = TASKS.get(kind.split(".")[0])
    name = ctx._(task) if task else ctx._("다른 일")
    dialog = ctx.dialogs.dialogs.get(kind)
    if dialog is not None and rest:
        names = [step.name for step in dialog.steps]
        if rest in names:
            return ctx._("{task} ({n}번째 질문)", task=name, n=names.index(rest) + 1)
    return name
