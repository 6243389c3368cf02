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
    "link.current": N_(
        "지금 쓰고 있는 메신저의 연결은 여기서 끊을 수 없어요. 다른 메신저에서 끊어 주세요."
    ),
}


def explain(ctx: Ctx, error: DomainError) -> str:
    message = MESSAGES.get(error.code)
    if message is None:
        log.warning("no wording for error code %s", error.code)
        message = MESSAGES["invalid"]
    try:
        return ctx._(message, **error.params)
    except (KeyError, IndexError, ValueError):
        return ctx._(message) if "{" not in message else ctx._(MESSAGES["invalid"])
