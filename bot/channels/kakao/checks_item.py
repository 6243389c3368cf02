"""Checks for the composite components listCard, itemCard and carousel (for ComponentChecker)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.channels.kakao import caps as cap

if TYPE_CHECKING:
    from bot.channels.kakao.checks import ComponentChecker

Body = dict[str, Any]
_ITEM_CARD_PARTS = ("thumbnail", "head", "profile", "imageTitle")
_NO_HEADER = frozenset({"textCard", "listCard"})


def check_list_card(check: ComponentChecker, body: Body, path: str, in_carousel: bool) -> None:
    header = body.get("header")
    if isinstance(header, dict):
        check.text(header, "title", f"{path}.header", required=True)
    else:
        check.add(f"{path}.header", "required object with a title")
    most = cap.LIST_ITEMS_CAROUSEL_MAX if in_carousel else cap.LIST_ITEMS_MAX
    items = body.get("items")
    if not isinstance(items, list) or not 1 <= len(items) <= most:
        check.add(f"{path}.items", f"must be a list of 1 to {most} items")
    else:
        for i, item in enumerate(items):
            _list_item(check, item, f"{path}.items[{i}]")
    check.buttons(body, path)


def _list_item(check: ComponentChecker, item: object, path: str) -> None:
    if not isinstance(item, dict):
        check.add(path, "must be an object")
        return
    check.text(item, "title", path, required=True)
    check.text(item, "description", path)
    check.url(item, "imageUrl", path)
    if "link" in item:
        check.link(item["link"], f"{path}.link")
    action = item.get("action")
    if action is not None:
        if action not in cap.REPLY_FIELDS:
            check.add(f"{path}.action", f"must be message or block, got {action!r}")
        else:
            check.text(item, cap.REPLY_FIELDS[action], path, required=True)
    check.extra(item, path)


def check_item_card(check: ComponentChecker, body: Body, path: str, in_carousel: bool) -> None:
    most = cap.ITEM_LIST_CAROUSEL_MAX if in_carousel else cap.ITEM_LIST_MAX
    rows = body.get("itemList")
    if not isinstance(rows, list) or not 1 <= len(rows) <= most:
        check.add(f"{path}.itemList", f"must be a list of 1 to {most} items")
    else:
        for i, row in enumerate(rows):
            _item_row(check, row, f"{path}.itemList[{i}]")
    if "head" in body and "profile" in body:
        check.add(path, "head and profile cannot be used together")
    _titled(check, body, "head", path)
    _titled(check, body, "profile", path, cap.ITEM_PROFILE_TITLE_MAX)
    _titled(check, body, "imageTitle", path)
    if "thumbnail" in body:
        check.thumbnail(body["thumbnail"], f"{path}.thumbnail")
    if body.get("itemListAlignment", "left") not in ("left", "right"):
        check.add(f"{path}.itemListAlignment", 'must be "left" or "right"')
    summary = body.get("itemListSummary")
    if summary is not None:
        if isinstance(summary, dict):
            sub = f"{path}.itemListSummary"
            check.text(summary, "title", sub, cap.ITEM_TITLE_MAX, required=True)
            check.text(summary, "description", sub, cap.ITEM_SUMMARY_DESC_MAX, required=True)
        else:
            check.add(f"{path}.itemListSummary", "must be an object")
    _item_text(check, body, path, in_carousel)
    check.buttons(body, path)


def _item_row(check: ComponentChecker, row: object, path: str) -> None:
    if not isinstance(row, dict):
        check.add(path, "must be an object")
        return
    check.text(row, "title", path, cap.ITEM_TITLE_MAX, required=True)
    description = check.text(row, "description", path, required=True)
    if description.count("\n") > 1:
        check.add(f"{path}.description", "more than 2 lines")


def _titled(
    check: ComponentChecker, body: Body, key: str, path: str, limit: int | None = None
) -> None:
    if key not in body:
        return
    part = body[key]
    if not isinstance(part, dict):
        check.add(f"{path}.{key}", "must be an object")
        return
    check.text(part, "title", f"{path}.{key}", limit, required=True)
    check.url(part, "imageUrl", f"{path}.{key}")


def _item_text(check: ComponentChecker, body: Body, path: str, in_carousel: bool) -> None:
    title = check.text(body, "title", path)
    description = check.text(body, "description", path)
    if description and not title:
        check.add(f"{path}.description", "requires a title")
    most = cap.ITEM_TEXT_CAROUSEL_MAX if in_carousel else cap.ITEM_TEXT_MAX
    if len(title) + len(description) > most:
        check.add(path, f"title + description {len(title) + len(description)} chars > {most}")
    text = "\n".join(part for part in (title, description) if part)
    lines = text.count("\n") + 1 if text else 0
    if lines > cap.ITEM_TEXT_LINES_MAX:
        check.add(path, f"title + description {lines} lines > {cap.ITEM_TEXT_LINES_MAX}")


def check_carousel(check: ComponentChecker, body: Body, path: str, in_carousel: bool) -> None:
    if in_carousel:
        check.add(path, "a carousel cannot be nested")
        return
    kind = body.get("type")
    if kind not in cap.CAROUSEL_TYPES:
        check.add(f"{path}.type", f"unknown carousel type {kind!r}")
        return
    most = cap.LIST_CAROUSEL_ITEMS_MAX if kind == "listCard" else cap.CAROUSEL_ITEMS_MAX
    items = body.get("items")
    if not isinstance(items, list) or not 1 <= len(items) <= most:
        check.add(f"{path}.items", f"must be a list of 1 to {most} {kind} items")
        return
    for i, item in enumerate(items):
        _carousel_item(check, kind, item, f"{path}.items[{i}]")
    if "header" in body:
        _carousel_header(check, kind, body["header"], f"{path}.header")
    cards = [item for item in items if isinstance(item, dict)]
    ratios = {_ratio(card) for card in cards}
    if len(ratios) > 1:
        check.add(f"{path}.items", "mixed image ratios (fixedRatio differs between items)")
    if kind == "itemCard":
        for part in _ITEM_CARD_PARTS:
            if len({part in card for card in cards}) > 1:
                check.add(f"{path}.items", f"{part} must be on every itemCard or on none")


def _carousel_item(check: ComponentChecker, kind: str, item: object, path: str) -> None:
    if not isinstance(item, dict):
        check.add(path, "must be an object")
    elif len(item) == 1 and next(iter(item)) in cap.COMPONENTS:
        check.add(path, f"carousel items must be bare {kind} objects, not wrapped")
    else:
        check.component(kind, item, path, True)


def _carousel_header(check: ComponentChecker, kind: str, header: object, path: str) -> None:
    if kind in _NO_HEADER:
        check.add(path, f"a {kind} carousel takes no header")
    elif not isinstance(header, dict):
        check.add(path, "must be an object")
    else:
        check.text(header, "title", path, required=True)
        check.text(header, "description", path, required=True)
        thumb = header.get("thumbnail")
        if isinstance(thumb, dict):
            check.url(thumb, "imageUrl", f"{path}.thumbnail", required=True)
        else:
            check.add(f"{path}.thumbnail", "required object with an imageUrl")


def _ratio(card: Body) -> bool:
    thumb = card.get("thumbnail")
    if thumb is None and isinstance(card.get("thumbnails"), list) and card["thumbnails"]:
        thumb = card["thumbnails"][0]
    return isinstance(thumb, dict) and thumb.get("fixedRatio") is True
