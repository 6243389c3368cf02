"""Laying out Screens as KakaoTalk output "parts" and fitting them into the 3-output cap.

A Part is one planned output before rendering: a text (which may later take several bubbles),
an image, or a group of cards. Every non-text Part also knows the plain text it falls back to
when the reply has too many outputs, and a rank saying how cheap that fallback is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.channels.kakao import caps as cap
from bot.channels.kakao.cards import LIST_CARDS_MAX, LIST_HEADER_MAX, choose_kind
from bot.channels.kakao.text import safe_url, split_text, truncate
from bot.screens import Button, ButtonRole, Card, Screen

RANK_LINKS, RANK_IMAGE, RANK_CHOICES, RANK_CARDS = 0, 1, 2, 3
_LABEL_LINE_MAX = 38


@dataclass
class Part:
    kind: str  # "text" | "image" | "cards"
    screen: int
    text: str = ""  # a text Part's text, or what another Part falls back to
    rank: int = RANK_CARDS
    url: str = ""
    alt: str = ""
    card_kind: str = ""
    cards: tuple[Card, ...] = ()
    header: str = ""
    shared_labels: bool = False  # screen-level buttons: labels distinct across the reply
    slots: int = 1  # bubbles a text Part may use


def split_buttons(screen: Screen) -> tuple[list[Button], list[Button]]:
    """The last Screen's non-link buttons: (quick replies, surplus choices for cards).
    Choices come first, then nav; nav buttons are never the ones moved out."""
    plain = [b for b in screen.buttons if b.url is None and b.role is not ButtonRole.OPERATOR]
    choices = [b for b in plain if b.role is ButtonRole.CHOICE]
    nav = [b for b in plain if b.role is not ButtonRole.CHOICE][: cap.MAX_QUICK_REPLIES]
    if len(choices) + len(nav) <= cap.MAX_QUICK_REPLIES:
        return choices + nav, []
    room = cap.MAX_QUICK_REPLIES - len(nav)
    return choices[:room] + nav, choices[room:]


def screen_parts(
    index: int, screen: Screen, is_last: bool, overflow: Sequence[Button], max_cards: int
) -> list[Part]:
    parts = [Part("text", index, n.strip()) for n in screen.notices if n.strip()]
    image = safe_url(screen.image_url)
    if image:
        alt = " ".join(screen.image_alt.split())
        alt_short = truncate(alt, cap.ALT_TEXT_MAX)
        parts.append(Part("image", index, alt, RANK_IMAGE, url=image, alt=alt_short))
    text = screen.text.strip()
    loose = [b for b in screen.buttons if _is_loose(b, is_last)]
    cards = screen.cards[:LIST_CARDS_MAX]
    kind = choose_kind(cards, can_list=bool(text)) if cards else ""
    header = text.split("\n", 1)[0]
    if kind == "listCard":
        cards = cards[: min(LIST_CARDS_MAX, max_cards * 2)]
        if "\n" not in text and len(text) <= LIST_HEADER_MAX and not loose:
            text = ""  # the short text becomes the list's header instead of its own bubble
    else:
        cards = cards[:max_cards]
    parts += _text_parts(index, text, loose, max_cards)
    if cards:
        fallback = "\n\n".join(_card_text(card) for card in cards)
        parts.append(Part("cards", index, fallback, card_kind=kind, cards=cards, header=header))
    if overflow:
        parts.append(_button_cards(index, overflow, RANK_CHOICES, max_cards, typable=True))
    return parts


def fit_parts(parts: list[Part], last_screen: int, text_limit: int) -> list[Part]:
    """At most 3 Parts: merge texts, then degrade non-text Parts to text until they fit (earlier
    Screens first, then those whose degrading saves an output, then the cheapest); then give
    spare outputs to long texts, last Screen first."""
    parts = _coalesce(parts)
    while len(parts) > cap.MAX_OUTPUTS:
        i = min(
            (p.screen == last_screen, _gain(parts, i) == 0, p.rank, i)
            for i, p in enumerate(parts)
            if p.kind != "text"
        )[-1]
        fallback = parts[i].text.strip()
        parts[i : i + 1] = [Part("text", parts[i].screen, fallback)] if fallback else []
        parts = _coalesce(parts)
    free = cap.MAX_OUTPUTS - len(parts)
    for part in reversed(parts):
        if part.kind == "text" and free:
            need = len(split_text(part.text, text_limit, cap.MAX_OUTPUTS))
            part.slots = 1 + min(need - 1, free)
            free -= part.slots - 1
    return parts


def _gain(parts: list[Part], i: int) -> int:
    """How many outputs degrading parts[i] to text saves (its text merges with neighbours)."""
    left = i > 0 and parts[i - 1].kind == "text"
    right = i + 1 < len(parts) and parts[i + 1].kind == "text"
    if not parts[i].text.strip():
        return 1 + (left and right)
    return left + right


def _is_loose(button: Button, is_last: bool) -> bool:
    """Buttons that need a card: links, and the choices of a Screen before the last one."""
    if button.url is not None:
        return safe_url(button.url) is not None
    if button.role is ButtonRole.OPERATOR:  # 상담원 연결 exists only as a card button
        return True
    return not is_last and button.role is ButtonRole.CHOICE


def _text_parts(index: int, text: str, buttons: list[Button], max_cards: int) -> list[Part]:
    if not buttons:
        return [Part("text", index, text)] if text else []
    rank = RANK_LINKS if all(b.url for b in buttons) else RANK_CHOICES
    fits = len(text) <= cap.TEXT_CARD_DESC_MAX and len(buttons) <= cap.VERTICAL_BUTTONS_MAX
    if text and fits:
        card = Card(title="", lines=(text,), buttons=tuple(buttons))
        fallback = f"{text}\n\n{_listing(buttons, fallback=True, typable=False)}".strip()
        part = Part("cards", index, fallback, rank, card_kind="textCard", cards=(card,))
        part.shared_labels = True
        return [part]
    head = [Part("text", index, text)] if text else []
    return head + [_button_cards(index, buttons, rank, max_cards, False)]


def _button_cards(
    index: int, buttons: Sequence[Button], rank: int, max_cards: int, typable: bool
) -> Part:
    """Buttons without a card of their own, 3 to a textCard listing their full labels.
    `typable`: typing a label still works (the last Screen's), so the text fallback lists it."""
    size = cap.VERTICAL_BUTTONS_MAX
    chunks = [tuple(buttons[i : i + size]) for i in range(0, len(buttons), size)][:max_cards]
    cards = tuple(Card(title="", lines=(_listing(chunk),), buttons=chunk) for chunk in chunks)
    kept = [b for chunk in chunks for b in chunk]
    fallback = _listing(kept, fallback=True, typable=typable)
    part = Part("cards", index, fallback, rank, card_kind="textCard", cards=cards)
    part.shared_labels = True
    return part


def _listing(buttons: Sequence[Button], fallback: bool = False, typable: bool = True) -> str:
    """One line per button: "• label" (full label, shortened only past 38 chars). As a text
    fallback: links as "label: URL", and choices only when typing their label still works."""
    lines = []
    for button in buttons:
        label = truncate(" ".join(button.label.split()), _LABEL_LINE_MAX)
        if fallback and button.url:
            lines.append(f"{label}: {button.url}")
        elif typable or not fallback:
            lines.append(f"• {label}")
    return "\n".join(lines)


def _card_text(card: Card) -> str:
    lines = [card.title.strip()] if card.title.strip() else []
    if card.price is not None:
        lines.append(f"₩{card.price:,}")
    lines += [line.strip() for line in card.lines if line.strip()]
    return "\n".join(lines)


def _coalesce(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if merged and part.kind == "text" and merged[-1].kind == "text":
            prev = merged[-1]
            merged[-1] = Part("text", part.screen, f"{prev.text}\n\n{part.text}")
        else:
            merged.append(part)
    return merged
