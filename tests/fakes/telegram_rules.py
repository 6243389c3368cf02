"""Rules of the fake Telegram Bot API: errors, parameter coercion, validation, rate limiting.

Pure functions and small types shared by ``telegram_state.py`` and ``telegram_server.py``:

- ``ApiError`` renders the Bot API error envelope (HTTP status == ``error_code``);
- ``coerce_params`` turns form/multipart strings into JSON types (``"42"`` -> 42, JSON fields
  such as ``reply_markup`` decoded, ``"true"`` -> True for known flags);
- ``check_text`` / ``check_markup`` validate like Telegram: text 1-4096 characters, caption at
  most 1024, ``callback_data`` 1-64 UTF-8 bytes (a Hangul syllable is 3 bytes);
- ``SlidingWindow`` is the rate limiter behind the 429 simulation.
"""

from __future__ import annotations

import io
import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

MAX_TEXT = 4096  # characters (code points) after entity parsing
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # UTF-8 bytes

JSON_FIELDS = frozenset(
    {"reply_markup", "entities", "caption_entities", "allowed_updates", "commands", "scope"}
    | {"media", "reply_parameters", "link_preview_options"}
)
INT_FIELDS = frozenset(
    {"message_id", "offset", "limit", "timeout", "user_id", "cache_time", "max_connections"}
    | {"reply_to_message_id", "message_thread_id"}
)
BOOL_FIELDS = frozenset(
    {"drop_pending_updates", "show_alert", "disable_notification", "protect_content"}
    | {"disable_web_page_preview", "allow_paid_broadcast", "has_spoiler"}
)
BUTTON_ACTIONS = frozenset(
    {"url", "callback_data", "web_app", "login_url", "switch_inline_query", "pay"}
    | {"switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text"}
    | {"callback_game"}
)
STATUS_TEXT = {
    400: "Bad Request",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class ApiError(Exception):
    """A Bot API error: the HTTP status equals ``error_code``, as on the real server."""

    def __init__(self, status: int, description: str, retry_after: float | None = None):
        super().__init__(description)
        self.status, self.description, self.retry_after = status, description, retry_after

    def envelope(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(what: str) -> ApiError:
    return ApiError(400, f"Bad Request: {what}")


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request (PTB uploads ``photo`` this way)."""

    filename: str | None
    content_type: str | None
    data: bytes = field(repr=False)


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes = field(repr=False)

    def as_file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


def coerce_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Turn form/multipart strings into the JSON types Telegram would see."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            if key in JSON_FIELDS:
                try:
                    value = json.loads(value)
                except ValueError as exc:
                    raise bad_request(f"can't parse {key} JSON object") from exc
            elif key in INT_FIELDS or (key == "chat_id" and value.lstrip("-").isdigit()):
                try:
                    value = float(value) if key == "timeout" else int(value)
                except ValueError as exc:
                    raise bad_request(f"invalid {key} specified") from exc
            elif key in BOOL_FIELDS:
                value = value.strip().lower() in ("true", "1")
        out[key] = value
    return out


def check_text(text: Any, *, caption: bool = False) -> None:
    """1..4096 characters for text, 0..1024 for a caption (Python ``len``, i.e. code points)."""
    if caption:
        if text is not None and len(str(text)) > MAX_CAPTION:
            raise bad_request("message caption is too long")
        return
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    if len(text) > MAX_TEXT:
        raise bad_request("message is too long")


def check_markup(markup: Any) -> dict[str, Any] | None:
    """Validate an inline keyboard like Telegram (other markups are accepted as they are)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" must be an Array of Arrays')
    for button in (b for row in rows for b in row):
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise bad_request('can\'t parse inline keyboard button: Field "text" must be a String')
        if "callback_data" in button:
            size = len(str(button["callback_data"]).encode("utf-8"))
            if not 1 <= size <= MAX_CALLBACK_DATA:
                raise bad_request("BUTTON_DATA_INVALID")
        elif not BUTTON_ACTIONS & button.keys():
            raise bad_request(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard"
            )
    return markup


def image_size(data: bytes) -> tuple[int, int]:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as img:
            return img.size
    except Exception:  # not an image (tests often upload dummy bytes): pretend 90x90
        return (90, 90)


class SlidingWindow:
    """At most ``limit`` events per key in any ``window``-second span.

    ``rate`` is events per second: 30 -> 30 per 1 s, 1 -> 1 per 1 s, 0.5 -> 1 per 2 s.
    ``time_scale`` shrinks the window (0.05: 1 per chat per 50 ms) for fast tests.
    """

    def __init__(self, rate: float, time_scale: float = 1.0):
        if rate <= 0 or time_scale <= 0:
            raise ValueError("rate and time_scale must be positive")
        self.limit = max(1, int(rate))
        self.window = self.limit / float(rate) * time_scale
        self._events: dict[Any, deque[float]] = {}

    def wait_time(self, key: Any, now: float) -> float:
        """Seconds until one more event for ``key`` is allowed (0.0 means now)."""
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        return 0.0 if len(events) < self.limit else events[0] + self.window - now

    def record(self, key: Any, now: float) -> None:
        self._events.setdefault(key, deque()).append(now)


def chat_object(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    kind = "supergroup" if str(chat_id).startswith("-100") else "group"
    return {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}


def user_object(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": "ko"}
