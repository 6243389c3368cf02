"""대신 하기 wording: how the household asked, and the notice the household gets."""

from __future__ import annotations

from bot.handlers.defects.words import category_word
from bot.i18n import N_, Translator
from bot.screens import Screen
from core.identity.proxy import How, ProxyDone, ProxyTask

HOW = {
    How.PHONE: N_("전화"),
    How.VISIT: N_("방문"),
    How.HELP: N_("도움 요청"),
}

DONE = {
    ProxyTask.DEFECT: N_("관리사무소에서 대신 고장 신고를 했어요: {what}"),
    ProxyTask.ORDER: N_("관리사무소에서 대신 주문했어요: {what}"),
    ProxyTask.GROUP_BUY: N_("관리사무소에서 대신 공동구매에 참여했어요: {what}"),
    ProxyTask.RENT: N_("관리사무소에서 대신 포인트로 임대료를 냈어요: {what}"),
    ProxyTask.RIDE: N_("관리사무소에서 대신 카풀 자리를 신청했어요: {what}"),
    ProxyTask.SURVEY: N_("관리사무소에서 대신 설문에 답했어요: {what}"),
    ProxyTask.VOTE: N_("관리사무소에서 대신 투표했어요: {what}"),
}


def how_words(t: Translator, how: str, request_no: str) -> str:
    words = t._(HOW.get(How(how), HOW[How.PHONE])) if how in set(How) else ""
    return f"{words} #{request_no}" if request_no else words


def what_words(t: Translator, note: ProxyDone) -> str:
    """The effect in a few words: 승강기 (D-2026-000001), 사과 1상자 (포인트 500점), …"""
    if note.task == ProxyTask.DEFECT:
        category = category_word(t, note.code)
        return f"{category} · {note.what} ({note.number})" if note.what else category
    if note.task == ProxyTask.RENT:
        return t._("{month}, {points}점", month=note.what, points=t.number(note.amount))
    if note.task == ProxyTask.RIDE:
        return t._("{what} ({n}명)", what=note.what, n=note.amount)
    if note.task in (ProxyTask.ORDER, ProxyTask.GROUP_BUY) and note.amount:
        return t._("{what} (포인트 {points}점 사용)", what=note.what, points=t.number(note.amount))
    return note.what


def done_screen(t: Translator, note: ProxyDone) -> Screen:
    """What every member of the household reads in their messenger."""
    task = ProxyTask(note.task) if note.task in set(ProxyTask) else ProxyTask.DEFECT
    text = t._(DONE.get(task, DONE[ProxyTask.DEFECT]), what=what_words(t, note))
    asked = t._("요청: {how}", how=how_words(t, note.how, note.request_no))
    ask = t._("잘못되었거나 궁금하면 관리사무소에 말씀해 주세요.")
    return Screen(text=f"{text}\n{asked}\n{ask}")
