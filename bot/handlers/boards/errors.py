"""게시판's refusals in plain Korean (merged into bot/handlers/errors.py MESSAGES)."""

from __future__ import annotations

from bot.i18n import N_

MESSAGES = {
    "board.bad_board": N_("없는 게시판이에요. 생활편의, 일자리, 교육문화 중에서 골라 주세요."),
    "board.empty": N_("제목과 내용을 적어 주세요."),
    "board.title_too_long": N_("제목은 {limit}자까지 쓸 수 있어요."),
    "board.too_long": N_("내용은 {limit}자까지 쓸 수 있어요."),
    "board.bad_link": N_("링크는 http:// 나 https:// 로 시작하는 주소만 넣을 수 있어요."),
    "board.bad_expiry": N_("게시 기간은 오늘부터 {days}일 안의 날짜로 골라 주세요."),
    "board.bad_event": N_("신청은 교육문화 게시판의 행사만 받을 수 있어요."),
    "board.bad_capacity": N_("인원은 1명부터 {limit}명까지예요."),
    "board.bad_event_time": N_("행사 시각은 앞으로의 시각이고 게시 기간 안이어야 해요."),
    "board.no_signups": N_("신청을 받지 않는 글이에요."),
    "board.started": N_("이미 시작한 행사라 신청이나 취소를 할 수 없어요."),
    "board.already_signed": N_("이미 신청하셨어요. 한 번만 신청돼요."),
    "board.not_signed": N_("신청한 내역이 없어요."),
    "board.full": N_("아쉽지만 자리가 모두 찼어요. 신청되지 않았어요."),
}
