"""The two neutral types every channel speaks: `Inbound` (what a person did) and `Screen`
(what the bot answers), plus the button and card shapes a Screen is made of.

Handlers and dialogs only ever produce Screens; channel adapters only ever build Inbounds and
render Screens. After the engine has stored each button's action server-side, the buttons of
a Screen carry an opaque `token` which is all a channel ever sends to a client.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


def copied(item: Any, **changes: Any) -> Any:
    """`dataclasses.replace` for these frozen dataclasses (no __post_init__ to run), without
    its per-field __init__: the engine copies every button of every reply two or three times.
    """
    new = object.__new__(type(item))
    values = new.__dict__
    values.update(item.__dict__)
    values.update(changes)
    return new


class Channel(enum.StrEnum):
    WEB = "web"
    KAKAO = "kakao"
    TELEGRAM = "telegram"


class Expect(enum.StrEnum):
    """What kind of input the bot now waits for."""

    CHOICE = "choice"
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    PHOTO = "photo"


class ButtonRole(enum.StrEnum):
    CHOICE = "choice"  # an answer or an entry point
    NAV = "nav"  # 이전 / 처음으로 / 취소 / 더보기: always shown, never paged away
    # KakaoTalk's own 1:1 chat with the channel (button action "operator", 상담원 연결): no
    # action of ours; KakaoTalk shows it on a card, the other channels show nothing for it.
    OPERATOR = "operator"


@dataclass(frozen=True)
class Photo:
    """A photo a person sent: the bytes, already downloaded by the channel adapter."""

    data: bytes
    content_type: str = ""
    filename: str = ""


@dataclass(frozen=True)
class Inbound:
    """One thing a person did in a channel, already parsed by the adapter."""

    channel: Channel
    user_id: str  # the channel's stable id for this person (scoped by the adapter)
    text: str = ""
    token: str | None = None  # the button token the person tapped, if any
    command: str | None = None  # start / help / cancel / menu (Telegram slash commands)
    command_arg: str = ""  # e.g. the deep-link payload of /start
    photos: tuple[Photo, ...] = ()
    photos_lost: int = 0  # photos the person sent that did not arrive whole (ask again)
    delivery_key: str | None = None  # de-duplication key; None when the channel has none
    display_name: str = ""  # what the channel calls the person (never stored beyond need)
    extra: dict[str, Any] = field(default_factory=dict)  # channel specifics, e.g. chat_id


@dataclass(frozen=True)
class Button:
    label: str
    action: dict[str, Any] | None = None  # before the engine stores it
    token: str | None = None  # after the engine stored it
    role: ButtonRole = ButtonRole.CHOICE
    url: str | None = None  # a link button (opens a page) instead of an action


@dataclass(frozen=True)
class Card:
    """One item of a list (a listing, a product, a report): title, a few lines, buttons."""

    title: str
    lines: tuple[str, ...] = ()
    image_url: str | None = None
    buttons: tuple[Button, ...] = ()
    price: int | None = None  # won; shown as a commerce card on KakaoTalk


@dataclass(frozen=True)
class Screen:
    """What the bot answers: text, an optional image, cards, buttons, and what it expects."""

    text: str
    buttons: tuple[Button, ...] = ()
    expect: Expect = Expect.CHOICE
    image_url: str | None = None
    image_alt: str = ""
    cards: tuple[Card, ...] = ()
    notices: tuple[str, ...] = ()  # short bubbles shown before the text (e.g. "새 알림 2건")
    placeholder: str = ""  # a hint for the text box (web) when free input is expected

    @property
    def choices(self) -> tuple[Button, ...]:
        return tuple(b for b in self.buttons if b.role is ButtonRole.CHOICE)

    @property
    def nav(self) -> tuple[Button, ...]:
        return tuple(b for b in self.buttons if b.role is ButtonRole.NAV)

    @property
    def operators(self) -> tuple[Button, ...]:
        return tuple(b for b in self.buttons if b.role is ButtonRole.OPERATOR)

    def without_operators(self) -> Screen:
        """For channels without KakaoTalk's 상담원 연결 (Telegram, the web chat)."""
        return replace(
            self, buttons=tuple(b for b in self.buttons if b.role is not ButtonRole.OPERATOR)
        )

    def with_notices(self, *notices: str) -> Screen:
        return copied(self, notices=tuple(notices) + self.notices)


@dataclass(frozen=True)
class Reply:
    """The engine's answer to one Inbound: one or more Screens, in order."""

    screens: tuple[Screen, ...]
    resident_id: int | None = None
    duplicate: bool = False  # a redelivered update, answered from the stored reply
    easy_mode: bool = False  # the web chat shows larger text
    locale: str = "ko"


def _button_dict(b: Button) -> dict[str, Any]:
    return {"label": b.label, "action": b.action, "token": b.token, "role": b.role, "url": b.url}


def screen_to_dict(screen: Screen) -> dict[str, Any]:
    """A JSON-ready copy of a Screen (for the conversation row and stored replies): what
    `dataclasses.asdict` gives, written out (asdict's deep copies were a hot spot)."""
    cards = [
        {
            "title": c.title,
            "lines": list(c.lines),
            "image_url": c.image_url,
            "buttons": [_button_dict(b) for b in c.buttons],
            "price": c.price,
        }
        for c in screen.cards
    ]
    return {
        "text": screen.text,
        "buttons": [_button_dict(b) for b in screen.buttons],
        "expect": screen.expect,
        "image_url": screen.image_url,
        "image_alt": screen.image_alt,
        "cards": cards,
        "notices": list(screen.notices),
        "placeholder": screen.placeholder,
    }


def _button(data: dict[str, Any]) -> Button:
    return Button(
        label=data["label"],
        action=data.get("action"),
        token=data.get("token"),
        role=ButtonRole(data.get("role", "choice")),
        url=data.get("url"),
    )


def screen_from_dict(data: dict[str, Any]) -> Screen:
    cards = tuple(
        Card(
            title=c["title"],
            lines=tuple(c.get("lines", ())),
            image_url=c.get("image_url"),
            buttons=tuple(_button(b) for b in c.get("buttons", ())),
            price=c.get("price"),
        )
        for c in data.get("cards", ())
    )
    return Screen(
        text=data["text"],
        buttons=tuple(_button(b) for b in data.get("buttons", ())),
        expect=Expect(data.get("expect", "choice")),
        image_url=data.get("image_url"),
        image_alt=data.get("image_alt", ""),
        cards=cards,
        notices=tuple(data.get("notices", ())),
        placeholder=data.get("placeholder", ""),
    )
