"""공유마켓's refusals in plain Korean (merged into bot/handlers/errors.py MESSAGES)."""

from __future__ import annotations

from bot.i18n import N_

MESSAGES = {
    "share.suspended": N_(
        "코디네이터가 공유마켓 글쓰기와 연락을 멈춰 두었어요. 관리사무소에 문의해 주세요."
    ),
    "share.empty": N_("내용을 적어 주세요."),
    "share.too_long": N_("{limit}자까지 쓸 수 있어요. 조금 줄여 주세요."),
    "share.bad_price": N_("금액은 0원부터 {limit}원까지 숫자로 적어 주세요."),
    "share.bad_choice": N_("아래 버튼 중에서 골라 주세요."),
    "share.photo_goods_only": N_("사진은 물품 나눔·대여 글에만 올릴 수 있어요."),
    "share.bad_seats": N_("인원은 1명부터 {limit}명까지예요."),
    "share.no_time": N_("출발 날짜와 시간을 골라 주세요."),
    "share.past": N_("이미 지난 시간이에요. 앞으로의 날짜와 시간을 골라 주세요."),
    "share.too_far": N_("60일 안의 날짜만 올릴 수 있어요."),
    "share.same_places": N_("출발지와 도착지가 같아요. 다른 도착지를 골라 주세요."),
    "share.paid_hours": N_(
        "돈 받는 카풀(기름값 나누기)은 평일 오전 7~9시, 오후 6~8시 출발만 올릴 수 있어요. "
        "무료로 하시거나 시간을 바꿔 주세요."
    ),
    "share.paid_weekend": N_(
        "주말에는 기름값을 받는 카풀을 할 수 없어요. 무료로 하시거나 평일 출퇴근 시간으로 "
        "바꿔 주세요."
    ),
    "share.paid_holiday": N_(
        "공휴일에는 기름값을 받는 카풀을 할 수 없어요. 무료로 하시거나 공휴일이 아닌 평일로 "
        "바꿔 주세요."
    ),
    "share.own_listing": N_("내가 올린 글이에요."),
    "share.not_open": N_("이미 마감되었거나 출발한 글이에요."),
    "share.full": N_("남은 자리가 없어요. 다른 신청이 먼저 수락되었어요."),
    "share.blocked": N_("이 이웃과는 연락할 수 없어요."),
    "share.already_requested": N_(
        "이미 이 카풀에 같이 타기 신청을 했어요. '내가 탈 카풀'에서 볼 수 있어요."
    ),
    "share.already_decided": N_("이미 처리된 신청이에요."),
    "share.chat_ended": N_("끝난 대화예요. 다시 이야기하려면 글에서 '연락하기'를 눌러 주세요."),
    "share.cannot_thank": N_(
        "함께 카풀을 탔거나 연락을 주고받은 이웃에게만 감사를 보낼 수 있어요."
    ),
    "share.already_thanked": N_("이미 감사를 보냈어요. 고마워요."),
    "share.already_verified": N_("이미 코디네이터 확인을 받은 이웃이에요."),
    "share.already_hidden": N_("이미 숨긴 글이에요."),
    "share.not_suspended": N_("글쓰기가 정지되지 않은 이웃이에요."),
}
