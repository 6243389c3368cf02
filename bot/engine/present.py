"""Turning handler Screens into what a channel may show: every button's action stored
server-side behind a token, and long choice lists paged behind "더보기"."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache

from bot.engine.nav import Nav
from bot.screens import Button, ButtonRole, Channel, Screen, copied
from bot.understand.text import choice_number

# Choices shown at once, besides navigation. KakaoTalk allows 10 quick replies in all.
PAGE_SIZE = {Channel.WEB: 8, Channel.TELEGRAM: 8, Channel.KAKAO: 6}
EASY_PAGE_SIZE = 4
EASY_LABEL_MAX = 8  # characters on a button in 쉬운 모드 (KakaoTalk shows 8 side by side)


def page_size(channel: Channel, easy: bool) -> int:
    return min(PAGE_SIZE[channel], EASY_PAGE_SIZE) if easy else PAGE_SIZE[channel]


def _json(action: dict) -> bytes:
    return json.dumps(action, sort_keys=True, ensure_ascii=False).encode()


@lru_cache(maxsize=4096)
def _canonical(items: tuple, _types: tuple) -> bytes:
    """An action's canonical form, what its token is the MAC of (memoised: a pure function
    of the action, the same for every resident)."""
    return _json(dict(items))


class Tokenizer:
    """Gives every button of a reply a token and collects the rows to store.

    Reusable actions get a deterministic token per resident (the same button twice is one
    row); single-use actions get a fresh random token each time they are shown.
    """

    def __init__(self, key: bytes, resident_id: int, now: datetime, days: int) -> None:
        self._key = key
        self._resident_id = resident_id
        self._expires = now + timedelta(days=days)
        self.rows: dict[str, dict] = {}

    def _token(self, action: dict) -> str:
        if action.get("_once"):
            return secrets.token_urlsafe(12)
        try:  # the same few actions (the menus') come back on every step
            # (the values' types too: 1 and True hash alike but are different JSON)
            canonical = _canonical(tuple(action.items()), tuple(map(type, action.values())))
        except TypeError:  # (a nested list or dict: not hashable, not memoised)
            canonical = _json(action)
        # A keyed BLAKE2b is a MAC in one C call (HMAC-SHA256 took two Python-level objects).
        mac = hashlib.blake2b(
            b"%d:%s" % (self._resident_id, canonical), key=self._key, digest_size=12
        )
        return base64.urlsafe_b64encode(mac.digest()).decode()

    def button(self, button: Button, fresh: bool = False) -> Button:
        """The button with its token (`fresh`: a new one even if it has a token already)."""
        if button.action is None or (button.token is not None and not fresh):
            return button
        token = self._token(button.action)
        self.rows[token] = {
            "token": token,
            "resident_id": self._resident_id,
            "action": {k: v for k, v in button.action.items() if k != "_once"},
            "single_use": bool(button.action.get("_once")),
            "expires_at": self._expires,
        }
        return copied(button, token=token)

    def screen(self, screen: Screen, fresh: bool = False) -> Screen:
        """Every button with its token; `fresh`: new tokens for a screen shown again (which
        refreshes their expiry)."""
        if fresh:
            return _map_buttons(screen, lambda b: self.button(b, fresh=True))
        return _map_buttons(screen, self.button)


def page(screen: Screen, offset: int, size: int, more_label: str, tokenizer: Tokenizer) -> Screen:
    """The slice of choices starting at `offset`, with "더보기" when more follow."""
    choices, nav = screen.choices, screen.nav
    if offset == 0 and len(choices) <= size:
        return screen
    shown = choices[offset : offset + size]
    extra: tuple[Button, ...] = ()
    if offset + size < len(choices):
        more = Button(more_label, Nav(to="more", offset=offset + size).dump(), role=ButtonRole.NAV)
        extra = (tokenizer.button(more),)
    return replace(screen, buttons=(*shown, *extra, *nav, *screen.operators))


def number_long_labels(
    screen: Screen, limit: int, number: Callable[[int], str], start: int = 1
) -> Screen:
    """쉬운 모드: a choice whose label is too long for a button (a shop's event title, a
    pickup place and time) becomes "1번", "2번", … with its words listed under the question.
    `start`: the number of the page's first choice (numbers run on across 더보기 pages, so a
    typed "5번" means the same choice as the button)."""
    choices = screen.choices
    if all(len(b.label) <= limit for b in choices):
        return screen
    lines, shown = [], []
    for n, button in enumerate(choices, start=start):
        if len(button.label) > limit:
            lines.append(f"{number(n)}: {button.label}")
            button = replace(button, label=number(n))
        shown.append(button)
    text = "\n".join((screen.text, *lines)) if screen.text else "\n".join(lines)
    return replace(screen, text=text, buttons=(*shown, *screen.nav, *screen.operators))


def find_numbered(screen: Screen, text: str) -> Button | None:
    """The choice the person picked by its number ("2번", "두 번째 거요"; a bare "2" only when
    no choice starts with a number of its own, like 9시 or 2개)."""
    picked = choice_number(text)
    choices = [b for b in screen.choices if b.token]
    if picked is None or not choices:
        return None
    n, explicit = picked
    if not explicit and any(b.label[:1].isdigit() for b in choices):
        return None
    return choices[n - 1] if n <= len(choices) else None


def find_label(screen: Screen, text: str) -> Button | None:
    """The button whose label the person typed (spaces and case ignored)."""
    wanted = "".join(text.split()).casefold()
    if not wanted:
        return None
    buttons: list[Button] = [*screen.buttons]
    for card in screen.cards:
        buttons.extend(card.buttons)
    for button in buttons:
        if button.token and "".join(button.label.split()).casefold() == wanted:
            return button
    return None


def add_choices(screen: Screen, *buttons: Button) -> Screen:
    """The screen with more choices, after its own and before 이전 / 처음으로 (none twice)."""
    labels = {b.label for b in screen.buttons}
    extra = tuple(b for b in buttons if b.label not in labels)
    return replace(screen, buttons=(*screen.choices, *extra, *screen.nav))


def _map_buttons(screen: Screen, func) -> Screen:
    cards = screen.cards
    if cards:
        cards = tuple(copied(c, buttons=tuple(map(func, c.buttons))) for c in cards)
    return copied(screen, buttons=tuple(map(func, screen.buttons)), cards=cards)


def strip_actions(screen: Screen) -> Screen:
    """What leaves the server: labels and tokens, never the stored actions."""

    return _map_buttons(screen, lambda b: copied(b, action=None) if b.action else b)
