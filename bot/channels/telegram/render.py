"""Render a neutral `Screen` as Telegram messages: pure, no I/O.

`render_screen` returns the keyword arguments of the messages to send, in order. A dict with
a `photo` key is for `Bot.send_photo`, one with a `text` key for `Bot.send_message`; the
adapter adds `chat_id`. Everything is plain text (no `parse_mode`), so nothing needs escaping.

Order: the screen's image, the notices, the cards, then the main text with the screen's
buttons on its last message. Lengths are measured the way Telegram counts them (UTF-16 code
units): text ≤ 4096, caption ≤ 1024, callback data ≤ 64 bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.screens import Button, ButtonRole, Card, Screen

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_BYTES = 64
TOKEN_PREFIX = "t:"
SHORT_LABEL = 6  # labels this short may go two per row ...
PAIR_WHEN_MORE_THAN = 4  # ... but only when there are more choices than this
EMPTY_TEXT = "👇"  # Telegram refuses an empty text; used when a screen has buttons only
URL_SCHEMES = ("https://", "http://", "tg://")

log = logging.getLogger(__name__)


def tg_len(text: str) -> int:
    """The length Telegram checks: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _hard_cut(text: str, limit: int) -> list[str]:
    parts: list[str] = []
    current, size = [], 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    if current:
        parts.append("".join(current))
    return parts


def _pack(pieces: Sequence[str], sep: str, limit: int) -> list[str]:
    """Join pieces greedily with `sep` into chunks ≤ limit; a piece too long is split further."""
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{sep}{piece}" if current else piece
        if tg_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        if tg_len(piece) <= limit:
            current = piece
        else:
            finer = _pack(piece.split("\n"), "\n", limit) if sep != "\n" else []
            parts = finer or _hard_cut(piece, limit)
            chunks.extend(parts[:-1])
            current = parts[-1]
    if current:
        chunks.append(current)
    return chunks


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split text into chunks ≤ limit, on paragraph boundaries, then lines, then characters."""
    text = text.strip()
    if not text:
        return []
    if tg_len(text) <= limit:
        return [text]
    return [c for c in _pack(text.split("\n\n"), "\n\n", limit) if c.strip()]


def _inline_button(button: Button) -> InlineKeyboardButton | None:
    if button.url:
        if button.url.startswith(URL_SCHEMES):
            return InlineKeyboardButton(button.label, url=button.url)
        log.warning("telegram: button url with an unsupported scheme skipped")
        return None
    if not button.token:
        log.warning("telegram: button without a stored token skipped")
        return None
    data = TOKEN_PREFIX + button.token
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        log.warning("telegram: button token longer than 64 bytes skipped")
        return None
    return InlineKeyboardButton(button.label, callback_data=data)


def _rows(buttons: Sequence[InlineKeyboardButton], labels: Sequence[str]) -> list[list[Any]]:
    pair = len(buttons) > PAIR_WHEN_MORE_THAN and all(len(x) <= SHORT_LABEL for x in labels)
    if not pair:
        return [[b] for b in buttons]
    return [list(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


def keyboard(buttons: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """Choices one per row (two per row when many and short), nav buttons together last."""
    choices = [b for b in buttons if b.role is ButtonRole.CHOICE]  # (no 상담원 연결 here)
    navs = [b for b in buttons if b.role is ButtonRole.NAV]
    rendered = [(b.label, _inline_button(b)) for b in choices]
    kept = [(label, ib) for label, ib in rendered if ib is not None]
    rows = _rows([ib for _, ib in kept], [label for label, _ in kept])
    nav_row = [ib for ib in map(_inline_button, navs) if ib is not None]
    if nav_row:
        rows.append(nav_row)
    return InlineKeyboardMarkup(rows) if rows else None


def _text_messages(text: str, markup: InlineKeyboardMarkup | None) -> list[dict[str, Any]]:
    chunks = split_text(text)
    if not chunks and markup is None:
        return []
    messages: list[dict[str, Any]] = [{"text": c} for c in chunks or [EMPTY_TEXT]]
    if markup is not None:
        messages[-1]["reply_markup"] = markup
    return messages


def _photo_messages(
    url: str, caption: str, markup: InlineKeyboardMarkup | None
) -> list[dict[str, Any]]:
    caption = caption.strip()
    if tg_len(caption) <= MAX_CAPTION:
        photo: dict[str, Any] = {"photo": url}
        if caption:
            photo["caption"] = caption
        if markup is not None:
            photo["reply_markup"] = markup
        return [photo]
    return [{"photo": url}, *_text_messages(caption, markup)]


def card_text(card: Card) -> str:
    """The title, the lines and the price (unless a line already shows it), one per line."""
    lines = [card.title, *card.lines]
    if card.price is not None:
        price = f"{card.price:,}원"
        if not any(price in line for line in card.lines):
            lines.append(price)
    return "\n".join(line for line in lines if line)


def render_card(card: Card) -> list[dict[str, Any]]:
    markup = keyboard(card.buttons)
    if card.image_url:
        return _photo_messages(card.image_url, card_text(card), markup)
    return _text_messages(card_text(card), markup)


def render_screen(screen: Screen) -> list[dict[str, Any]]:
    """The kwargs of the messages that show `screen`, in sending order."""
    messages: list[dict[str, Any]] = []
    if screen.image_url:
        messages.extend(_photo_messages(screen.image_url, screen.image_alt, None))
    for notice in screen.notices:
        messages.extend(_text_messages(notice, None))
    for card in screen.cards:
        messages.extend(render_card(card))
    messages.extend(_text_messages(screen.text, keyboard(screen.buttons)))
    return messages
