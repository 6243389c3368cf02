"""알뜰쇼핑's refusals kept beside the feature — a 기획전's, and 우체국쇼핑·바깥 상품's (a
pick's) — merged into bot/handlers/errors.py MESSAGES, and the import report's lines, in plain
Korean (translated with the catalogs)."""

from __future__ import annotations

from bot.i18n import N_, Translator
from core.shop.pick_import import RowProblem

MESSAGES = {
    # 기획전 (core/shop/exhibitions.py)
    "shop.exhibition_period": N_("특별 판매 기간은 1일부터 {limit}일까지예요."),
    "shop.exhibition_products": N_("특별 판매에는 상품을 1개부터 {limit}개까지 넣을 수 있어요."),
    "shop.bad_sale_price": N_(
        "특별 판매 가격은 1원부터 지금 가격({price}원)보다 낮게 적어 주세요."
    ),
    "shop.exhibition_over": N_(
        "특별 판매가 끝났거나 이 상품이 들어 있지 않아요. 상품 목록에서 다시 주문해 주세요."
    ),
    "pick.no_title": N_("상품 이름이 비어 있어요."),
    "pick.title_too_long": N_("상품 이름은 {limit}자까지예요."),
    "pick.source_too_long": N_("쇼핑몰 이름은 {limit}자까지예요."),
    "pick.url_too_long": N_("주소는 {limit}자까지예요."),
    "pick.bad_price": N_("가격은 1원부터 {limit}원까지 숫자로 적어 주세요."),
    "pick.bad_link": N_("링크는 https:// 로 시작하는 주소여야 해요."),
    "pick.bad_image": N_("사진 주소는 https:// 로 시작하는 주소여야 해요."),
    "pick.duplicate": N_("{first}번째 줄과 링크가 같아요."),
    "pick.file_missing": N_("파일을 찾을 수 없어요: {file}"),
    "pick.file_unreadable": N_(
        "읽을 수 없는 파일이에요. 첫 줄에 title, price, link_url 열 이름이 있는 CSV나 "
        "JSON 목록으로 주세요."
    ),
}


def problem_line(t: Translator, problem: RowProblem) -> str:
    """One report line: "3번째 줄 (햇사과): 링크는 https:// …"."""
    params = dict(problem.params)
    if "limit" in params:
        params["limit"] = t.number(params["limit"])
    return t._(
        "{line}번째 줄 ({text}): {reason}",
        line=problem.line,
        text=problem.title or "-",
        reason=t._(MESSAGES[problem.code], **params),
    )
