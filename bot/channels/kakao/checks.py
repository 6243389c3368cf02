"""Per-component checks behind `validate_skill_response`: outputs, cards, buttons, quick replies.

A `ComponentChecker` collects violations as "path: problem" strings; every method takes the
JSON path of the object it checks so a failing test points at the exact field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.channels.kakao import caps as cap
from bot.channels.kakao.caps import COMPONENTS
from bot.channels.kakao.checks_item import check_carousel, check_item_card, check_list_card

_BUTTON_FIELDS = {
    "webLink": "webLinkUrl",
    "message": None,
    "block": "blockId",
    "phone": "phoneNumber",
    "share": None,
    "operator": None,
}

Body = dict[str, Any]


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class ComponentChecker:
    """Collects the violations of one response; the component methods are strict and cheap."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self._by_type: dict[str, Callable[[Body, str, bool], None]] = {
            "simpleText": self.simple_text,
            "simpleImage": self.simple_image,
            "textCard": self.text_card,
            "basicCard": self.basic_card,
            "commerceCard": self.commerce_card,
            "listCard": self.list_card,
            "itemCard": self.item_card,
            "carousel": self.carousel,
        }

    def add(self, path: str, problem: str) -> None:
        self.errors.append(f"{path}: {problem}")

    # -- fields -------------------------------------------------------------------------------

    def text(
        self, body: Body, key: str, path: str, limit: int | None = None, required: bool = False
    ) -> str:
        """Check an optional (or required, non-blank) string field and its length."""
        value = body.get(key)
        if value is None:
            if required:
                self.add(f"{path}.{key}", "required")
            return ""
        if not isinstance(value, str):
            self.add(f"{path}.{key}", "must be a string")
            return ""
        if required and not value.strip():
            self.add(f"{path}.{key}", "must not be blank")
        if limit is not None and len(value) > limit:
            self.add(f"{path}.{key}", f"{len(value)} chars > {limit}")
        return value

    def url(self, body: Body, key: str, path: str, required: bool = False) -> None:
        value = body.get(key)
        if value is None and not required:
            return
        if not isinstance(value, str) or not value.startswith(("http://", "https://")):
            self.add(f"{path}.{key}", "must be an http(s) URL")
        elif any(ch.isspace() for ch in value):
            self.add(f"{path}.{key}", "URL contains whitespace")

    def extra(self, body: Body, path: str) -> None:
        if "extra" in body and not isinstance(body["extra"], dict | None):
            self.add(f"{path}.extra", "must be an object")

    def thumbnail(self, thumb: object, path: str) -> None:
        if not isinstance(thumb, dict):
            self.add(path, "required object")
            return
        self.url(thumb, "imageUrl", path, required=True)
        self.text(thumb, "altText", path, cap.ALT_TEXT_MAX)
        if "fixedRatio" in thumb and not isinstance(thumb["fixedRatio"], bool):
            self.add(f"{path}.fixedRatio", "must be a boolean")
        if "link" in thumb:
            self.link(thumb["link"], f"{path}.link")

    def link(self, link: object, path: str) -> None:
        if not isinstance(link, dict) or not link.keys() & {"web", "pc", "mobile"}:
            self.add(path, "must be an object with web, pc or mobile")
            return
        for key in ("web", "pc", "mobile"):
            self.url(link, key, path)

    # -- buttons and quick replies --------------------------------------------------------------

    def buttons(self, body: Body, path: str, side_by_side_default: bool = False) -> None:
        layout = body.get("buttonLayout")
        if layout is not None and layout not in ("vertical", "horizontal"):
            self.add(f"{path}.buttonLayout", f"unknown layout {layout!r}")
        buttons = body.get("buttons")
        if buttons is None:
            return
        if not isinstance(buttons, list):
            self.add(f"{path}.buttons", "must be a list")
            return
        horizontal = layout == "horizontal" or (layout is None and side_by_side_default)
        most = cap.HORIZONTAL_BUTTONS_MAX if horizontal else cap.VERTICAL_BUTTONS_MAX
        if len(buttons) > most:
            kind = "horizontal" if horizontal else "vertical"
            self.add(f"{path}.buttons", f"{len(buttons)} {kind} buttons > {most}")
        narrow = horizontal and len(buttons) == 2
        label_max = cap.LABEL_SIDE_BY_SIDE_MAX if narrow else cap.LABEL_MAX
        for i, button in enumerate(buttons):
            self.button(button, f"{path}.buttons[{i}]", label_max)

    def button(self, button: object, path: str, label_max: int) -> None:
        if not isinstance(button, dict):
            self.add(path, "must be an object")
            return
        self.text(button, "label", path, label_max, required=True)
        action = button.get("action")
        if action not in _BUTTON_FIELDS:
            self.add(f"{path}.action", f"unknown button action {action!r}")
            return
        needed = _BUTTON_FIELDS[action]
        if needed == "webLinkUrl":
            self.url(button, needed, path, required=True)
        elif needed:
            self.text(button, needed, path, required=True)
        self.text(button, "messageText", path, required="messageText" in button)
        self.extra(button, path)

    def quick_reply(self, reply: object, path: str) -> None:
        if not isinstance(reply, dict):
            self.add(path, "must be an object")
            return
        self.text(reply, "label", path, cap.LABEL_MAX, required=True)
        action = reply.get("action")
        if action not in cap.REPLY_FIELDS:
            self.add(f"{path}.action", f"must be message or block, got {action!r}")
            return
        self.text(reply, cap.REPLY_FIELDS[action], path, required=True)
        self.text(reply, "messageText", path, required="messageText" in reply)
        self.extra(reply, path)

    # -- outputs ------------------------------------------------------------------------------

    def output(self, output: object, path: str) -> None:
        if not isinstance(output, dict) or len(output) != 1:
            self.add(path, "must be an object with exactly one component key")
            return
        ((name, body),) = output.items()
        if name not in COMPONENTS:
            self.add(path, f"unknown component {name!r}")
        elif not isinstance(body, dict):
            self.add(f"{path}.{name}", "must be an object")
        else:
            self._by_type[name](body, f"{path}.{name}", False)

    def component(self, name: str, body: Body, path: str, in_carousel: bool) -> None:
        self._by_type[name](body, path, in_carousel)

    def simple_text(self, body: Body, path: str, in_carousel: bool) -> None:
        self.text(body, "text", path, cap.SIMPLE_TEXT_MAX, required=True)

    def simple_image(self, body: Body, path: str, in_carousel: bool) -> None:
        self.url(body, "imageUrl", path, required=True)
        self.text(body, "altText", path, cap.ALT_TEXT_MAX)

    def text_card(self, body: Body, path: str, in_carousel: bool) -> None:
        title = self.text(body, "title", path, cap.TEXT_CARD_TITLE_MAX)
        desc_max = cap.TEXT_CARD_DESC_CAROUSEL_MAX if in_carousel else cap.TEXT_CARD_DESC_MAX
        desc = self.text(body, "description", path, desc_max)
        if not title.strip() and not desc.strip():
            self.add(path, "textCard needs a title or a description")
        if not in_carousel and len(title) + len(desc) > cap.TEXT_CARD_DESC_MAX:
            self.add(path, f"title + description {len(title) + len(desc)} chars > 400")
        self._forwardable(body, path)
        self.buttons(body, path)

    def basic_card(self, body: Body, path: str, in_carousel: bool) -> None:
        self.thumbnail(body.get("thumbnail"), f"{path}.thumbnail")
        self.text(body, "title", path, cap.BASIC_CARD_TITLE_MAX)
        self.text(body, "description", path, cap.BASIC_CARD_DESC_MAX)
        self._forwardable(body, path)
        self.buttons(body, path, _fixed_ratio(body) is True)

    def commerce_card(self, body: Body, path: str, in_carousel: bool) -> None:
        if not is_int(body.get("price")) or body["price"] < 0:
            self.add(f"{path}.price", "required non-negative integer")
        thumbs = body.get("thumbnails")
        if not isinstance(thumbs, list) or len(thumbs) != 1:
            self.add(f"{path}.thumbnails", "must hold exactly 1 thumbnail")
        else:
            self.thumbnail(thumbs[0], f"{path}.thumbnails[0]")
        if body.get("currency", "won") != "won":
            self.add(f"{path}.currency", 'only "won" is supported')
        self.text(body, "title", path, cap.COMMERCE_TITLE_MAX)
        self.text(body, "description", path, cap.COMMERCE_DESC_MAX)
        for key in ("discount", "discountRate", "discountedPrice"):
            if key in body and not is_int(body[key]):
                self.add(f"{path}.{key}", "must be an integer")
        if "discountRate" in body and "discountedPrice" not in body:
            self.add(f"{path}.discountedPrice", "required when discountRate is set")
        profile = body.get("profile")
        if profile is not None:
            if isinstance(profile, dict):
                self.text(profile, "nickname", f"{path}.profile", required=True)
            else:
                self.add(f"{path}.profile", "must be an object")
        self.buttons(body, path, _fixed_ratio(body) is True)

    def list_card(self, body: Body, path: str, in_carousel: bool) -> None:
        check_list_card(self, body, path, in_carousel)

    def item_card(self, body: Body, path: str, in_carousel: bool) -> None:
        check_item_card(self, body, path, in_carousel)

    def carousel(self, body: Body, path: str, in_carousel: bool) -> None:
        check_carousel(self, body, path, in_carousel)

    def _forwardable(self, body: Body, path: str) -> None:
        if "forwardable" in body and not isinstance(body["forwardable"], bool):
            self.add(f"{path}.forwardable", "must be a boolean")


def _fixed_ratio(body: Body) -> object:
    thumb = body.get("thumbnail")
    if thumb is None and isinstance(body.get("thumbnails"), list) and body["thumbnails"]:
        thumb = body["thumbnails"][0]
    return thumb.get("fixedRatio") if isinstance(thumb, dict) else None
