"""우체국쇼핑·바깥 상품: the refusals of a pick (merged into bot/handlers/errors.py
MESSAGES) and the import report's lines, in plain Korean (translated with the catalogs)."""

from __future__ import annotations

from bot.i18n import N_, Translator
from core.shop.pick_import import RowProblem

MESSAGES = {
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
