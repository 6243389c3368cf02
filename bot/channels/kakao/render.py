"""Rendering the engine's Screens as one KakaoTalk SkillResponse 2.0 (pure, no I/O).

How a reply maps to at most 3 outputs and 10 quick replies:

* per Screen, in order: each notice a simpleText; `image_url` a simpleImage; the text a
  simpleText (split at paragraph/sentence boundaries into more bubbles when > 1000 chars and
  slots remain); the cards one output (a single card, a carousel, or listCards);
* link buttons (and, on earlier Screens, choice buttons) go on a textCard: the Screen's text
  itself when it is ≤ 400 chars and has ≤ 3 such buttons, else textCards after the text;
* the LAST Screen's other buttons become quick replies, choices then nav; when more than 10,
  every nav button stays a quick reply and the surplus choices become textCard buttons;
* over 3 outputs: adjacent texts merge; then non-text outputs fall back to plain text (their
  titles, lines, link URLs): earlier Screens first, then those whose fallback saves an output,
  then the cheapest (link cards, images, choice cards, content cards);
* over 30,720 bytes: re-render with short message texts, then fewer cards, then shorter text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.channels.kakao import caps as cap
from bot.channels.kakao.cards import ButtonStyle, card_group, quick_reply
from bot.channels.kakao.limits import encode_response
from bot.channels.kakao.parts import Part, fit_parts, screen_parts, split_buttons
from bot.channels.kakao.text import ELLIPSIS, LabelSet, shorten_label, split_text
from bot.screens import Screen

__all__ = ["render_reply", "rendered", "shorten_label"]

Json = dict[str, Any]


@dataclass(frozen=True)
class _Pass:
    """One attempt at rendering; later passes trade detail for bytes."""

    full_message_text: bool = True
    max_cards: int = cap.CAROUSEL_ITEMS_MAX
    text_limit: int = cap.SIMPLE_TEXT_MAX


_PASSES = (
    _Pass(),
    _Pass(full_message_text=False),
    _Pass(full_message_text=False, max_cards=5),
    _Pass(full_message_text=False, max_cards=2, text_limit=500),
    _Pass(full_message_text=False, max_cards=1, text_limit=300),
)


def render_reply(screens: Sequence[Screen], *, block_id: str | None = None) -> Json:
    """A SkillResponse 2.0 for `screens` that respects every limit in the reference §3."""
    return rendered(screens, block_id=block_id)[0]


def rendered(screens: Sequence[Screen], *, block_id: str | None = None) -> tuple[Json, bytes]:
    """`render_reply` and its wire bytes (`encode_response`), encoded once: the size limit
    is measured on the very bytes that are sent."""
    for attempt in _PASSES:
        resp = _render(screens, block_id, attempt)
        body = encode_response(resp)
        if len(body) <= cap.RESPONSE_BYTES_MAX:
            return resp, body
    resp = _minimal(screens, block_id)
    return resp, encode_response(resp)


def _render(screens: Sequence[Screen], block_id: str | None, attempt: _Pass) -> Json:
    style = ButtonStyle(block_id, attempt.full_message_text)
    labels = LabelSet()
    quick, overflow = split_buttons(screens[-1]) if screens else ([], [])
    replies = [quick_reply(button, labels, style) for button in quick]
    parts: list[Part] = []
    last = len(screens) - 1
    for index, screen in enumerate(screens):
        extra = overflow if index == last else []
        parts += screen_parts(index, screen, index == last, extra, attempt.max_cards)
    outputs: list[Json] = []
    for part in fit_parts(parts, last, attempt.text_limit):
        outputs += _emit(part, style, labels, attempt.text_limit)
    template: Json = {"outputs": outputs or [{"simpleText": {"text": ELLIPSIS}}]}
    if replies:
        template["quickReplies"] = replies
    return {"version": cap.VERSION, "template": template}


def _emit(part: Part, style: ButtonStyle, labels: LabelSet, text_limit: int) -> list[Json]:
    if part.kind == "text":
        chunks = split_text(part.text, text_limit, part.slots)
        return [{"simpleText": {"text": chunk}} for chunk in chunks if chunk]
    if part.kind == "image":
        image: Json = {"imageUrl": part.url}
        if part.alt:
            image["altText"] = part.alt
        return [{"simpleImage": image}]
    shared = labels if part.shared_labels else None
    return [card_group(part.card_kind, part.cards, style, part.header, shared)]


def _minimal(screens: Sequence[Screen], block_id: str | None) -> Json:
    """The last resort: the last Screen's text, shortened, with its quick replies."""
    last = screens[-1] if screens else Screen(text="")
    text = split_text(last.text, 300, 1) or [ELLIPSIS]
    style = ButtonStyle(block_id, full_message_text=False)
    labels = LabelSet()
    quick, _ = split_buttons(last)
    template: Json = {"outputs": [{"simpleText": {"text": text[0]}}]}
    if quick:
        template["quickReplies"] = [quick_reply(b, labels, style) for b in quick]
    return {"version": cap.VERSION, "template": template}
