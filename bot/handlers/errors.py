"""Domain error codes in plain Korean (translated per resident). One place for the wording of
every refusal, so the same rule always reads the same on every channel."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.i18n import N_
from core.errors import DomainError

if TYPE_CHECKING:
    from bot.engine.context import Ctx

log = logging.getLogger("naechingu.errors")

MESSAGES = {
    "not_found": N_("찾을 수 없어요. 이미 지워졌거나 볼 수 없는 항목이에요."),
    "forbidden": N_(
        "이 기능은 사용할 수 없어요. 필요하면 관리사무소 코디네이터에게 문의해 주세요."
    ),
    "invalid": N_("입력한 내용을 확인해 주세요."),
    "throttled": N_("여러 번 틀려서 잠시 막혔어요. {retry_minutes}분 뒤에 다시 해 주세요."),
    "not_verified": N_("먼저 초대코드로 우리 집 인증을 해 주세요."),
    "invite.malformed": N_("초대코드는 글자 10개예요 (예: K7XMP-4QRTW). 다시 입력해 주세요."),
    "invite.expired": N_(
        "기한이 지난 초대코드예요. 관리사무소 코디네이터에게 새 코드를 받아 주세요."
    ),
    "invite.used_up": N_(
        "이미 정해진 인원이 모두 쓴 초대코드예요. 관리사무소 코디네이터에게 문의해 주세요."
    ),
    "invite.other_household": N_(
        "이미 다른 세대로 인증되어 있어요. 이사하셨다면 코디네이터에게 문의해 주세요."
    ),
    "invite.bad_role": N_("만들 수 없는 종류의 초대코드예요."),
    "invite.bad_limits": N_("사용 인원은 1~20명, 기간은 1~365일이에요."),
    "household.bad_address": N_("동과 호는 숫자나 글자 10자 이내로 적어 주세요 (예: 101, 1203)."),
    "complex.not_found": N_("단지를 찾을 수 없어요."),
    "link.malformed": N_("연결 코드는 글자 8개예요 (예: K7XM-4QRT). 다시 입력해 주세요."),
    "link.wrong": N_("맞지 않는 연결 코드예요. 코드를 다시 확인해 주세요. (남은 횟수 {left}번)"),
    "link.expired": N_(
        "기한이 지난 연결 코드예요. 처음 쓰던 메신저의 도움말에서 "
        "'다른 메신저 연결'을 눌러 새 코드를 받아 주세요."
    ),
    "link.used": N_("이미 쓴 연결 코드예요. 새 코드를 받아 주세요."),
    "link.same": N_("이 메신저는 이미 연결되어 있어요."),
    "link.other_household": N_(
        "이 메신저는 이미 다른 세대로 인증되어 있어서 연결할 수 없어요. "
        "코디네이터에게 문의해 주세요."
    ),
    "defect.bad_transition": N_(
        "지금 '{current}' 단계라서 '{target}' 단계로 바꿀 수 없어요. "
        "신고를 다시 열어 확인해 주세요."
    ),
    "defect.hold_needs_date": N_(
        "보류는 오늘 이후의 날짜가 있어야 해요. 날짜를 다시 골라 주세요."
    ),
    "defect.reject_needs_reason": N_("반려할 때는 세대에 전할 까닭을 적어 주세요."),
    "defect.too_long": N_("{limit}자까지 쓸 수 있어요. 조금 줄여 주세요."),
    "defect.bad_choice": N_("아래 버튼 중에서 골라 주세요."),
    "defect.empty": N_("무슨 일인지 적거나 사진을 한 장 이상 보내 주세요."),
    "defect.too_many_photos": N_("사진은 {limit}장까지 보낼 수 있어요."),
    "defect.no_place": N_("공용부는 어디인지 알려 주세요. (예: 지하주차장)"),
    "defect.not_urgent_kind": N_(
        "'급함'은 물, 전기, 가스, 승강기처럼 위험한 고장에만 고를 수 있어요."
    ),
    "defect.too_many": N_(
        "하루에 {limit}건까지 신고할 수 있어요. 급한 일은 관리사무소에 전화해 주세요."
    ),
    "defect.own_report": N_("우리 집에서 신고한 문제예요. 따로 공감하지 않아도 돼요."),
    "defect.already_supported": N_("이미 '같은 문제예요'를 누르셨어요."),
    "defect.not_done": N_("수리가 끝난 신고만 평가하거나 다시 신고할 수 있어요."),
    "defect.already_rated": N_("이미 평가를 남기셨어요. 고맙습니다."),
    "defect.bad_rating": N_("점수는 1점부터 5점까지 골라 주세요."),
    "defect.reopen_too_late": N_(
        "수리가 끝나고 {days}일이 지나서 다시 신고할 수 없어요. 새로 고장 신고를 해 주세요."
    ),
    "defect.bad_reason": N_("다시 신고하는 까닭을 {limit}자 안으로 적어 주세요."),
    "link.current": N_(
        "지금 쓰고 있는 메신저의 연결은 여기서 끊을 수 없어요. 다른 메신저에서 끊어 주세요."
    ),
}


def _status_words(ctx: Ctx, params: dict) -> dict:
    """Workflow statuses in the reader's words ("처리중"), never the stored codes."""
    from bot.handlers.coordinator_defect_words import status_word

    return {
        k: status_word(ctx.t, v) if k in ("current", "target") else v for k, v in params.items()
    }


# Codes whose parameters need wording before they fill the message.
PARAMS = {"defect.bad_transition": _status_words}


def explain(ctx: Ctx, error: DomainError) -> str:
    message = MESSAGES.get(error.code)
    if message is None:
        log.warning("no wording for error code %s", error.code)
        message = MESSAGES["invalid"]
    params = PARAMS.get(error.code, lambda ctx, p: p)(ctx, error.params)
    try:
        return ctx._(message, **params)
    except (KeyError, IndexError, ValueError):
        return ctx._(message) if "{" not in message else ctx._(MESSAGES["invalid"])
