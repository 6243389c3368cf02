"""Building KakaoTalk card components, buttons and quick replies from neutral Cards and Buttons.

Every function here returns JSON-ready dicts that already respect the caps in `kakao_caps`:
labels are shortened (and kept distinct by a `LabelSet`), titles and descriptions truncated,
buttons capped at 3 per card, laid out vertically. A Button with a `url` becomes a webLink; any
other Button sends its full label as the message and carries its token as `extra: {"t": …}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.channels.kakao import caps as cap
from bot.channels.kakao.text import ELLIPSIS, LabelSet, safe_url, truncate
from bot.screens import Button, ButtonRole, Card

MESSAGE_TEXT_MAX = 200
LIST_TITLE_MAX = 50
LIST_DESC_MAX = 60
LIST_HEADER_MAX = 40
LIST_MIN_CARDS = 4  # from this many small cards on, a list reads better than a carousel
LIST_CARDS_MAX = cap.LIST_CAROUSEL_ITEMS_MAX * cap.LIST_ITEMS_CAROUSEL_MAX

Json = dict[str, Any]


@dataclass(frozen=True)
class ButtonStyle:
    """How token buttons are sent: to one skill block (`block_id`) or as a plain message."""

    block_id: str | None = None
    full_message_text: bool = True  # False: send the shortened label (to save bytes)


def action_fields(button: Button, label: str, style: ButtonStyle) -> Json:
    """The action part shared by quick replies, card buttons and list items."""
    full = " ".join(button.label.split())
    text = truncate(full, MESSAGE_TEXT_MAX) if style.full_message_text and full else label
    fields: Json = {"action": "message", "messageText": text}
    if style.block_id:
        fields = {"action": "block", "messageText": text, "blockId": style.block_id}
    if button.token:
        fields["extra"] = {"t": button.token}
    return fields


def quick_reply(button: Button, labels: LabelSet, style: ButtonStyle) -> Json:
    label = labels.claim(button.label, cap.LABEL_MAX)
    return {"label": label, **action_fields(button, label, style)}


def card_buttons(
    buttons: Sequence[Button], style: ButtonStyle, labels: LabelSet | None = None
) -> list[Json]:
    """At most 3 vertical card buttons; link buttons with an unusable URL are left out."""
    labels = labels if labels is not None else LabelSet()
    rendered: list[Json] = []
    for button in buttons:
        if len(rendered) == cap.VERTICAL_BUTTONS_MAX:
            break
        if button.role is ButtonRole.OPERATOR:  # KakaoTalk's 1:1 chat (상담원 연결)
            label = labels.claim(button.label, cap.LABEL_MAX)
            rendered.append({"label": label, "action": "operator"})
            continue
        if button.url is not None:
            url = safe_url(button.url)
            if url:
                label = labels.claim(button.label, cap.LABEL_MAX)
                rendered.append({"label": label, "action": "webLink", "webLinkUrl": url})
            continue
        label = labels.claim(button.label, cap.LABEL_MAX)
        rendered.append({"label": label, **action_fields(button, label, style)})
    return rendered


def choose_kind(cards: Sequence[Card], can_list: bool) -> str:
    """listCard for many small cards, commerceCard / basicCard when every card has an image
    (and a price), else textCard. One kind per group: a carousel cannot mix types."""
    if can_list and len(cards) >= LIST_MIN_CARDS and all(map(_is_small, cards)):
        return "listCard"
    if all(safe_url(card.image_url) for card in cards):
        if all(card.price is not None and card.price >= 0 for card in cards):
            return "commerceCard"
        return "basicCard"
    return "textCard"


def card_group(
    kind: str,
    cards: Sequence[Card],
    style: ButtonStyle,
    header: str = "",
    labels: LabelSet | None = None,
) -> Json:
    """One output: a single card, a carousel of cards, or one or more listCards."""
    if kind == "listCard":
        return _list_output(cards, header, style)
    if len(cards) == 1:
        return {kind: render_card(kind, cards[0], style, False, labels)}
    items = [render_card(kind, c, style, True, labels) for c in cards[: cap.CAROUSEL_ITEMS_MAX]]
    return {"carousel": {"type": kind, "items": items}}


def render_card(
    kind: str, card: Card, style: ButtonStyle, in_carousel: bool, labels: LabelSet | None = None
) -> Json:
    title = " ".join(card.title.split())
    lines = list(card.lines)
    if card.price is not None and kind != "commerceCard":
        lines.insert(0, f"₩{card.price:,}")
    description = "\n".join(line.strip() for line in lines if line.strip())
    if kind == "commerceCard":
        body = _commerce(card, title, description)
    elif kind == "basicCard":
        body = _basic(card, title, description)
    else:
        body = _text_card(title, description, in_carousel)
    buttons = card_buttons(card.buttons, style, labels)
    if buttons:
        body["buttons"] = buttons
        body["buttonLayout"] = "vertical"
    return body


def _text_card(title: str, description: str, in_carousel: bool) -> Json:
    title = truncate(title, cap.TEXT_CARD_TITLE_MAX)
    limit = cap.TEXT_CARD_DESC_CAROUSEL_MAX if in_carousel else cap.TEXT_CARD_DESC_MAX - len(title)
    description = truncate(description, limit)
    if not title and not description:
        title = ELLIPSIS
    return _drop_empty({"title": title, "description": description})


def _basic(card: Card, title: str, description: str) -> Json:
    thumbnail = _drop_empty(
        {"imageUrl": safe_url(card.image_url), "altText": truncate(title, cap.ALT_TEXT_MAX)}
    )
    body = {
        "thumbnail": thumbnail,
        "title": truncate(title, cap.BASIC_CARD_TITLE_MAX),
        "description": truncate(description, cap.BASIC_CARD_DESC_MAX),
    }
    return _drop_empty(body)


def _commerce(card: Card, title: str, description: str) -> Json:
    thumbnail = _drop_empty(
        {"imageUrl": safe_url(card.image_url), "altText": truncate(title, cap.ALT_TEXT_MAX)}
    )
    body = {
        "price": int(card.price or 0),
        "currency": "won",
        "thumbnails": [thumbnail],
        "title": truncate(title, cap.COMMERCE_TITLE_MAX),
        "description": truncate(description, cap.COMMERCE_DESC_MAX),
    }
    return _drop_empty(body)


def _list_output(cards: Sequence[Card], header: str, style: ButtonStyle) -> Json:
    cards = cards[:LIST_CARDS_MAX]
    header = truncate(" ".join(header.split()), LIST_HEADER_MAX) or ELLIPSIS
    if len(cards) <= cap.LIST_ITEMS_MAX:
        items = [_list_item(card, style) for card in cards]
        return {"listCard": {"header": {"title": header}, "items": items}}
    size = cap.LIST_ITEMS_CAROUSEL_MAX
    chunks = [cards[i : i + size] for i in range(0, len(cards), size)]
    lists = []
    for n, chunk in enumerate(chunks, 1):
        title = f"{truncate(header, LIST_HEADER_MAX - 8)} ({n}/{len(chunks)})"
        lists.append({"header": {"title": title}, "items": [_list_item(c, style) for c in chunk]})
    return {"carousel": {"type": "listCard", "items": lists}}


def _list_item(card: Card, style: ButtonStyle) -> Json:
    title = truncate(" ".join(card.title.split()), LIST_TITLE_MAX) or ELLIPSIS
    item: Json = {"title": title}
    if card.lines and card.lines[0].strip():
        item["description"] = truncate(" ".join(card.lines[0].split()), LIST_DESC_MAX)
    if safe_url(card.image_url):
        item["imageUrl"] = card.image_url
    button = card.buttons[0] if card.buttons else None
    if button is not None and button.url is not None:
        if safe_url(button.url):
            item["link"] = {"web": button.url}
    elif button is not None:
        label = LabelSet().claim(button.label, cap.LABEL_MAX)
        item.update(action_fields(button, label, style))
    return item


def _is_small(card: Card) -> bool:
    return len(card.buttons) <= 1 and len(card.lines) <= 1 and card.price is None


def _drop_empty(body: Json) -> Json:
    return {key: value for key, value in body.items() if value not in ("", None)}
