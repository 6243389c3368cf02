"""Domain error codes in plain Korean (translated per resident). One place for the wording of
every refusal, so the same rule always reads the same on every channel."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.handlers.boards.errors import MESSAGES as BOARD_MESSAGES
from bot.handlers.defects.words import status_word
from bot.handlers.helpdesk.errors import MESSAGES as HELP_MESSAGES
from bot.handlers.helpdesk.render import help_button
from bot.handlers.partners.errors import MESSAGES as PARTNER_MESSAGES
from bot.handlers.share.errors import MESSAGES as SHARE_MESSAGES
from bot.handlers.shop.errors import MESSAGES as PICK_MESSAGES
from bot.i18n import N_
from core.errors import DomainError

if TYPE_CHECKING:
    from bot.engine.context import Ctx
    from bot.i18n import Translator
    from bot.screens import Screen

log = logging.getLogger("naechingu.errors")

MESSAGES = {
    "not_found": N_("찾을 수 없어요. 이미 지워졌거나 볼 수 없는 항목이에요."),
    "forbidden": N_(
        "이 기능은 사용할 수 없어요. 필요하면 관리사무소 코디네이터에게 문의해 주세요."
    ),
    "invalid": N_("입력한 내용을 확인해 주세요."),
    "privacy.confirm": N_("탈퇴하려면 '네, 탈퇴할게요'를 한 번 더 눌러 주세요."),
    "throttled": N_("여러 번 틀려서 잠시 막혔어요. {retry_minutes}분 뒤에 다시 해 주세요."),
    "not_verified": N_("먼저 초대코드로 우리 집 확인을 해 주세요."),
    "proxy.no_household": N_("우리 단지에 그런 세대가 없어요. 동과 호를 다시 확인해 주세요."),
    "proxy.no_resident": N_(
        "이 세대는 아직 확인된 주민이 없어서 대신 할 수 없어요. 고장 신고만 대신 할 수 있어요."
    ),
    "proxy.no_consent": N_(
        "세대의 동의 없이는 포인트를 쓸 수 없어요. 포인트 없이 하거나, 동의를 받은 뒤 "
        "'대신 하기'를 다시 시작해 주세요."
    ),
    "proxy.not_offered": N_(
        "대신 하기에서는 할 수 없는 일이에요. 세대가 직접 하거나, '대신 하기 끝내기'를 눌러 "
        "주세요."
    ),
    "proxy.bad_how": N_("세대가 어떻게 요청했는지 버튼으로 골라 주세요."),
    "proxy.bad_request_no": N_("도움 요청 번호를 숫자로 적어 주세요 (예: 12)."),
    "invite.malformed": N_("초대코드는 글자 10개예요 (예: K7XMP-4QRTW). 다시 입력해 주세요."),
    "invite.expired": N_(
        "기한이 지난 초대코드예요. 관리사무소 코디네이터에게 새 코드를 받아 주세요."
    ),
    "invite.used_up": N_(
        "이미 정해진 인원이 모두 쓴 초대코드예요. 관리사무소 코디네이터에게 문의해 주세요."
    ),
    "invite.other_household": N_(
        "이미 다른 세대로 확인되어 있어요. 이사하셨다면 코디네이터에게 문의해 주세요."
    ),
    "invite.bad_role": N_("만들 수 없는 종류의 초대코드예요."),
    "invite.bad_limits": N_("사용 인원은 1~20명, 기간은 1~365일이에요."),
    "household.bad_address": N_("동과 호는 숫자나 글자 10자 이내로 적어 주세요 (예: 101, 1203)."),
    "complex.not_found": N_("단지를 찾을 수 없어요."),
    "household.file_missing": N_("파일을 찾을 수 없어요: {file}"),
    "household.file_unreadable": N_(
        "세대 파일을 읽을 수 없어요. CSV나 엑셀(XLSX) 파일로 동, 호를 적어 주세요."
    ),
    "household.file_invalid": N_(
        "잘못된 줄이 {count}개 있어서 아무것도 바꾸지 않았어요. 고친 뒤 다시 올리거나, "
        "잘못된 줄만 빼고 넣어 주세요."
    ),
    "household.none": N_("이 단지에 등록된 세대가 없어요. 먼저 세대 목록을 올려 주세요."),
    "household.no_building": N_("이 동에 등록된 세대가 없어요. 동 번호를 확인해 주세요."),
    "operator.bad_name": N_("운영자 이름은 1~50자로 적어 주세요."),
    "desk.code_wrong": N_("맞지 않는 로그인 코드예요. 채팅에서 새 코드를 받아 주세요."),
    "desk.code_expired": N_("기한(5분)이 지난 로그인 코드예요. 채팅에서 새 코드를 받아 주세요."),
    "desk.code_used": N_("이미 쓴 로그인 코드예요. 채팅에서 새 코드를 받아 주세요."),
    "desk.bad_month": N_("달은 2026-12처럼 연도-월로 적어 주세요."),
    "desk.bad_photo": N_("사진은 10MB 이하의 JPG·PNG·GIF·WEBP 그림이어야 해요."),
    "desk.bad_reason": N_("종이 투표인지 대리 투표인지 골라 주세요."),
    "survey.bad_deadline": N_("마감은 지금부터 1시간 뒤에서 60일 안으로 정해 주세요."),
    "desk.remove_self": N_("자기 자신은 내보낼 수 없어요. 다른 코디네이터에게 부탁해 주세요."),
    "desk.too_many_letters": N_(
        "초대장은 한 번에 {limit}통까지 내려받을 수 있어요 (지금 {count}통). 동을 골라 주세요."
    ),
    "complex.exists": N_("이미 있는 단지 코드예요: {code}"),
    "complex.bad_name": N_("단지 이름은 1~50자로 적어 주세요."),
    "complex.bad_code": N_("단지 코드는 영문 대문자와 숫자로 2~20자예요 (예: DEMO, GH01)."),
    "survey.not_found": N_("설문을 찾을 수 없어요. 번호를 다시 확인해 주세요."),
    "alert.bad_phone": N_(
        "휴대전화 번호를 확인해 주세요. 010-1234-5678처럼 적어 주시면 돼요. "
        "집 전화나 다른 번호는 받을 수 없어요."
    ),
    "link.malformed": N_("연결 코드는 글자 8개예요 (예: K7XM-4QRT). 다시 입력해 주세요."),
    "link.wrong": N_("맞지 않는 연결 코드예요. 코드를 다시 확인해 주세요. (남은 횟수 {left}번)"),
    "link.expired": N_(
        "기한이 지난 연결 코드예요. 처음 쓰던 메신저의 도움말에서 "
        "'다른 메신저 연결'을 눌러 새 코드를 받아 주세요."
    ),
    "link.used": N_("이미 쓴 연결 코드예요. 새 코드를 받아 주세요."),
    "link.same": N_("이 메신저는 이미 연결되어 있어요."),
    "link.other_household": N_(
        "이 메신저는 이미 다른 세대로 확인되어 있어서 연결할 수 없어요. "
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
    "defect.no_place": N_("함께 쓰는 곳이 어디인지 알려 주세요. (예: 지하주차장)"),
    "defect.not_urgent_kind": N_(
        "'급함'은 물, 전기, 가스, 승강기처럼 위험한 고장에만 고를 수 있어요."
    ),
    "defect.too_many": N_(
        "하루에 {limit}건까지 신고할 수 있어요. 급한 일은 관리사무소에 전화해 주세요."
    ),
    "defect.own_report": N_("우리 집에서 신고한 문제예요. 따로 공감하지 않아도 돼요."),
    "defect.already_supported": N_("이미 '같은 문제예요'를 누르셨어요."),
    "defect.not_done": N_("수리가 끝난 신고만 평가하거나 다시 신고할 수 있어요."),
    "defect.already_rated": N_("이미 평가를 남기셨어요. 고마워요."),
    "defect.bad_rating": N_("점수는 1점부터 5점까지 골라 주세요."),
    "defect.reopen_too_late": N_(
        "수리가 끝나고 {days}일이 지나서 다시 신고할 수 없어요. 새로 고장 신고를 해 주세요."
    ),
    "defect.bad_reason": N_("다시 신고하는 까닭을 {limit}자 안으로 적어 주세요."),
    "notice.empty": N_("공지할 내용을 적어 주세요."),
    "notice.too_long": N_("공지는 {limit}자까지 쓸 수 있어요. 조금 줄여 주세요."),
    "notice.bad_target": N_("우리 단지에 있는 동만 고를 수 있어요. 동을 다시 골라 주세요."),
    "notice.bad_time": N_("보낼 시각은 지금부터 {days}일 안의 앞으로의 시각이어야 해요."),
    "notice.already_sent": N_("이미 보내기 시작한 공지라서 취소할 수 없어요."),
    "notice.not_sent": N_("보낸 공지만 맨 위에 고정할 수 있어요."),
    "notice.not_out": N_("아직 보내지 않은 공지예요. 보내기 시작한 뒤에 볼 수 있어요."),
    "notice.bad_hours": N_("6시간 또는 24시간 중에서 골라 주세요."),
    "vote.bad_question": N_("질문을 {limit}자 안으로 적어 주세요."),
    "vote.bad_options": N_("서로 다른 선택지를 {low}~{high}개 적어 주세요."),
    "vote.option_too_long": N_("선택지는 하나에 {limit}자까지예요."),
    "vote.bad_time": N_("투표 기간은 1시간에서 60일 사이로 정해 주세요."),
    "vote.bad_quorum": N_("최소 참여는 1%에서 100% 사이로 정해 주세요."),
    "vote.bad_option": N_("아래 버튼 중에서 골라 주세요."),
    "vote.not_eligible": N_("우리 집은 이 투표에 참여하는 세대가 아니에요."),
    "vote.closed": N_("이미 마감한 투표예요. 결과는 주민투표에서 볼 수 있어요."),
    "vote.not_open": N_("아직 시작하지 않은 투표예요. 시작하면 알려 드릴게요."),
    "vote.results_hidden": N_("결과는 투표를 마감한 뒤에 볼 수 있어요."),
    "vote.no_household": N_("그 동·호의 세대를 찾을 수 없어요. 동과 호를 다시 확인해 주세요."),
    "survey.bad_title": N_("설문 제목을 {limit}자 안으로 적어 주세요."),
    "survey.bad_count": N_("질문은 {low}~{high}개까지 만들 수 있어요."),
    "survey.bad_question": N_("질문을 {limit}자 안으로 적어 주세요."),
    "survey.bad_options": N_("서로 다른 선택지를 {low}~{high}개 적어 주세요."),
    "survey.bad_answer": N_("아래 버튼 중에서 골라 주세요."),
    "survey.text_too_long": N_("답은 {limit}자까지 적을 수 있어요. 조금 줄여 주세요."),
    "survey.incomplete": N_("아직 답하지 않은 질문이 있어요. 모두 답한 뒤에 제출해 주세요."),
    "survey.closed": N_("이미 마감한 설문이에요. 답을 받거나 바꿀 수 없어요."),
    "points.insufficient": N_(
        "포인트가 모자라요. '내 포인트'에서 지금 있는 포인트를 확인해 주세요."
    ),
    "points.bad_amount": N_("포인트는 1점 이상, 한 번에 {limit}점까지 적어 주세요."),
    "points.bad_month": N_("이번 달이나 다음 달 임대료만 포인트로 낼 수 있어요."),
    "points.bad_purpose": N_("어디에 쓰는지 {limit}자 안으로 적어 주세요."),
    "points.bad_vote": N_(
        "찬성으로 끝난 공용 포인트 투표를 찾을 수 없어요. 금액과 쓰는 곳이 투표와 같아야 해요."
    ),
    "points.needs_vote": N_(
        "공용 포인트를 {limit}점보다 많이 쓰려면 세대 투표로 정해야 해요. "
        "'공용 포인트 쓰기'에서 투표를 올려 주세요."
    ),
    "points.vote_open": N_("아직 투표 중이에요. 마감한 뒤에 정해져요."),
    "points.replay_mismatch": N_("이미 처리된 요청이에요. '내 포인트'에서 내역을 확인해 주세요."),
    "points.bad_transfer": N_("처리할 수 없는 포인트 요청이에요."),
    "points.bad_legs": N_("처리할 수 없는 포인트 요청이에요."),
    "points.unbalanced": N_("처리할 수 없는 포인트 요청이에요."),
    "points.cross_complex": N_("처리할 수 없는 포인트 요청이에요."),
    "shop.bad_name": N_("이름은 {limit}자 안으로 적어 주세요."),
    "shop.bad_kind": N_(
        "가게 종류는 로컬푸드, 사회적경제, 중소기업, 제휴상가 중에서 골라 주세요."
    ),
    "shop.other_household": N_("이 이름의 가게는 이미 다른 업체 계정에 연결되어 있어요."),
    "shop.bad_price": N_("가격은 1원부터 {limit}원까지 적어 주세요."),
    "shop.bad_stock": N_("재고는 0부터 {limit}까지 적어 주세요."),
    "shop.too_long": N_("{limit}자까지 쓸 수 있어요. 조금 줄여 주세요."),
    "shop.bad_choice": N_("아래 버튼 중에서 골라 주세요."),
    "shop.bad_period": N_(
        "기간을 다시 확인해 주세요. 마감은 지금부터 한 시간 넘게 남아야 하고, "
        "받는 날은 마감 뒤여야 해요."
    ),
    "shop.bad_quantity": N_("수량은 1개부터 {limit}개까지 골라 주세요."),
    "shop.bad_points": N_("포인트는 0점부터 {limit}점까지 쓸 수 있어요."),
    "shop.out_of_stock": N_("남은 수량이 모자라요. 지금 {left}개 남았어요."),
    "shop.order_changed": N_("그사이 주문 상태가 바뀌었어요. 주문을 다시 열어 확인해 주세요."),
    "shop.leave_group_buy": N_("공동구매 참여는 공동구매 화면에서 '참여 취소'로 취소해 주세요."),
    "shop.too_late_to_cancel": N_(
        "이미 준비가 끝난 주문이라 취소할 수 없어요. 가게에 문의해 주세요."
    ),
    "shop.bad_transition": N_(
        "지금 단계에서는 그렇게 바꿀 수 없어요. 주문을 다시 열어 확인해 주세요."
    ),
    "shop.refund_changed": N_(
        "그사이 포인트가 바뀌어 {number}의 환불 정산이 달라졌어요. 아무것도 바꾸지 않았어요. "
        "다시 열어 새 정산을 확인해 주세요."
    ),
    "shop.not_refundable": N_("{number}은(는) 수령완료된 주문이 아니라 환불할 수 없어요."),
    "shop.needs_reason": N_("취소하는 까닭을 {limit}자 안으로 적어 주세요."),
    "shop.not_paid": N_("통장 입금 주문은 입금을 확인한 뒤에 수령완료로 바꿀 수 있어요."),
    "shop.already_paid": N_("이미 입금을 확인한 주문이에요."),
    "shop.no_transfer": N_(
        "이 가게는 아직 입금 계좌를 등록하지 않아 통장 입금을 받지 않아요. "
        "'만나서 내기'로 골라 주세요."
    ),
    "shop.bad_bank": N_("아래 버튼에서 은행을 골라 주세요."),
    "shop.bad_account_number": N_(
        "계좌번호는 숫자 {low}~{high}자리로, 숫자와 - 만 써서 적어 주세요. (예: 123-45-678901)"
    ),
    "shop.bad_holder": N_("예금주 이름을 {limit}자 안으로 적어 주세요."),
    "shop.bad_minimum": N_("최소 수량은 1개부터 10,000개까지 적어 주세요."),
    "shop.bad_maximum": N_("최대 수량은 최소 수량보다 적을 수 없어요."),
    "shop.gb_closed": N_("이미 마감된 공동구매예요."),
    "shop.gb_full": N_("최대 수량이 거의 찼어요. 지금 {left}개까지 참여할 수 있어요."),
    "shop.no_complex": N_("'{code}' 단지를 찾지 못했어요. 단지 코드를 확인해 주세요."),
    "shop.own_complex": N_("가게가 있는 단지에서는 이미 팔고 있어요."),
    "shop.already_serving": N_("이미 그 단지에서 팔고 있어요."),
    "shop.already_decided": N_("이미 처리된 입점 신청이에요."),
    "link.current": N_(
        "지금 쓰고 있는 메신저의 연결은 여기서 끊을 수 없어요. 다른 메신저에서 끊어 주세요."
    ),
}
MESSAGES.update(SHARE_MESSAGES)  # 공유마켓
MESSAGES.update(BOARD_MESSAGES)  # 게시판
MESSAGES.update(HELP_MESSAGES)  # 도움 요청
MESSAGES.update(PICK_MESSAGES)  # 우체국쇼핑·바깥 상품
MESSAGES.update(PARTNER_MESSAGES)  # 제휴상가 혜택
FALLBACK = MESSAGES["invalid"]  # the wording for a code (or parameters) we cannot explain


def _status_words(t: Translator, params: dict) -> dict:
    """Workflow statuses in the reader's words ("처리중"), never the stored codes."""
    return {k: status_word(t, v) if k in ("current", "target") else v for k, v in params.items()}


# Codes whose parameters need wording before they fill the message.
def _numbers(t: Translator, params: dict) -> dict:
    return {k: t.number(v) if isinstance(v, int) else v for k, v in params.items()}


PARAMS = {
    "defect.bad_transition": _status_words,
    "desk.too_many_letters": _numbers,
    "pick.bad_price": _numbers,
}
PARAMS.update(dict.fromkeys(("partners.below_minimum", "partners.bad_amount"), _numbers))
PARAMS["shop.bad_sale_price"] = _numbers


def explain(ctx: Ctx, error: DomainError) -> str:
    return describe(ctx.t, error)


def describe(t: Translator, error: DomainError) -> str:
    """The refusal as the chat words it, in `t`'s language (the command line uses it too)."""
    message = MESSAGES.get(error.code)
    if message is None:
        log.warning("no wording for error code %s", error.code)
        message = FALLBACK
    params = PARAMS.get(error.code, lambda t, p: p)(t, error.params)
    try:
        return t._(message, **params)
    except (KeyError, IndexError, ValueError):
        return t._(message) if "{" not in message else t._(FALLBACK)


# Refusals that leave the person no way forward on their own (locked out, not allowed, used
# up): their screen also offers 도움 요청, a person who can sort it out.
STUCK = frozenset(
    {
        "forbidden",
        "not_verified",
        "throttled",
        "invite.expired",
        "invite.used_up",
        "invite.other_household",
        "link.other_household",
        "defect.too_many",
        "points.insufficient",
        "shop.too_late_to_cancel",
    }
)


def rescue(ctx: Ctx, error: DomainError, screen: Screen) -> Screen:
    """The refusal's screen, with 도움 요청 added when the refusal leaves the person stuck."""
    if error.code not in STUCK:
        return screen
    button = help_button(ctx, origin=f"error:{error.code}")
    if any(b.label == button.label for b in screen.buttons):
        return screen
    return replace(screen, buttons=(*screen.buttons, button))
