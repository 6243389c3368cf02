"""도움 요청's refusals in plain Korean (gathered into bot.handlers.errors.MESSAGES)."""

from __future__ import annotations

from bot.i18n import N_

MESSAGES = {
    "help.empty": N_("무엇을 도와드릴까요? 짧게 적거나 사진을 보내 주세요."),
    "help.too_long": N_("{limit}자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요."),
    "help.too_many_photos": N_("사진은 한 번에 {limit}장까지 보낼 수 있어요."),
    "help.no_place": N_("사시는 단지와 동, 호를 알려 주세요."),
    "help.no_complex": N_(
        "그런 단지를 찾지 못했어요. 관리사무소에서 알려 준 단지 코드(예: DEMO)나 "
        "단지 이름을 다시 적어 주세요."
    ),
    "help.too_many": N_(
        "오늘은 도움 요청을 {limit}번 하셨어요. 급한 일은 관리사무소에 직접 연락해 주세요."
    ),
    "help.closed": N_("이미 끝난 도움 요청이에요. 더 필요하시면 '도움 요청'을 다시 눌러 주세요."),
    "help.not_yours": N_("{name} 코디네이터가 맡은 요청이라 그분이 답해요."),
    "help.bad_name": N_("이름은 글자로 {limit}자까지 적어 주세요. (예: 김하나)"),
    "help.bad_hours": N_("업무 시간은 '평일 09:00-18:00'처럼 적어 주세요."),
}
