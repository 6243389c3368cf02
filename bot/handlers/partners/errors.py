"""제휴상가 혜택's refusals in plain Korean (merged into bot/handlers/errors.py MESSAGES)."""

from __future__ import annotations

from bot.i18n import N_

MESSAGES = {
    "partners.not_partner": N_("동네 가게 혜택은 제휴상가만 올릴 수 있어요."),
    "partners.bad_title": N_("혜택 이름은 {limit}자 안으로 적어 주세요."),
    "partners.bad_discount": N_("할인은 10%나 3000원처럼 적어 주세요 (1~90%)."),
    "partners.bad_spend": N_("최소 금액은 0원부터 {high}원까지 숫자로 적어 주세요."),
    "partners.bad_days": N_("기간은 {low}일부터 {high}일까지예요."),
    "partners.bad_place": N_("가게 위치는 {limit}자 안으로 적어 주세요."),
    "partners.bad_hours": N_("영업시간은 {limit}자 안으로 적어 주세요."),
    "partners.bad_cap": N_("쿠폰 수는 {low}장부터 {high}장까지예요."),
    "partners.bad_per_home": N_("한 집에 {low}장부터 {high}장까지 줄 수 있어요."),
    "partners.already_claimed": N_(
        "이 혜택의 쿠폰은 한 집에 {n}장까지예요. 이미 받은 쿠폰은 '내 쿠폰'에 있어요."
    ),
    "partners.sold_out": N_("아쉽게도 이 혜택의 쿠폰이 다 나갔어요."),
    "partners.bad_code": N_(
        "맞는 쿠폰 번호가 아니에요. 쿠폰에 적힌 8글자를 다시 확인해 주세요 (예: K7XM-4QRT)."
    ),
    "partners.foreign_coupon": N_(
        "다른 단지의 쿠폰이에요. 우리 단지에서 받은 쿠폰만 쓸 수 있어요."
    ),
    "partners.other_shop": N_("다른 가게의 쿠폰이에요. 그 가게에서 써 주세요."),
    "partners.used": N_("이미 사용한 쿠폰이에요."),
    "partners.expired": N_("기간이 끝난 쿠폰이에요. 죄송하지만 쓸 수 없어요."),
    "partners.bad_amount": N_("산 금액을 1원부터 {limit}원까지 숫자로 적어 주세요."),
    "partners.bad_slot": N_("혜택이나 특별 판매 중 하나를 골라 주세요."),
    "partners.below_minimum": N_("이 쿠폰은 {minimum}원 이상 살 때 쓸 수 있어요."),
}
