"""In-memory state of the fake Telegram Bot API used by end-to-end tests.

This module holds everything the fake "Telegram" knows, without any I/O:

- chats and their messages (per-chat increasing ``message_id``, edits applied in place);
- uploaded files (for ``getFile`` and downloads), the pending update queue, bot commands,
  webhook settings, blocked chats and open callback queries;
- test-facing helpers: ``push_update``, ``user_text``, ``user_tap``, ``user_photo``,
  ``messages``, ``block``, ``fail_next`` and the recordings ``sent``, ``requests``,
  ``answered_callbacks``, ``count_429``.

The HTTP layer and the method handlers are in ``telegram_server.py`` (``FakeTelegramServer``
subclasses ``TelegramState``); validation and the rate limiter are in ``telegram_rules.py``.
"""

from __future__ import annotations

import copy
import re
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from tests.fakes.telegram_rules import (
    STATUS_TEXT,
    ApiError,
    StoredFile,
    bad_request,
    chat_object,
    image_size,
    user_object,
)

FIRST_UPDATE_ID = 100_000
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class TelegramState:
    """What the fake Telegram knows, plus the helpers tests use to play the user."""

    def __init__(self, token: str = "123:ABC", clock: Callable[[], float] = time.monotonic):
        self.token = token
        self.clock = clock
        head = token.split(":", 1)[0]
        self.bot_user: dict[str, Any] = {
            "id": int(head) if head.isdigit() else 123,
            "is_bot": True,
            "first_name": "FakeBot",
            "username": "fake_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.chats: dict[int, dict[int, dict[str, Any]]] = {}  # chat -> message_id -> Message
        self._last_message_id: dict[int, int] = {}
        self.files: dict[str, StoredFile] = {}
        self.updates: list[dict[str, Any]] = []  # unconfirmed updates
        self._next_update_id = FIRST_UPDATE_ID
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {"url": ""}
        self.blocked: set[int] = set()
        self.open_callbacks: dict[str, int] = {}  # callback_query id -> chat id
        self._callback_seq = 10_000
        self._failures: deque[tuple[ApiError, str | None]] = deque()
        # recordings for assertions
        self.sent: list[tuple[str, dict[str, Any], float]] = []
        self.requests: list[tuple[str, dict[str, Any], int, float]] = []
        self.answered_callbacks: list[dict[str, Any]] = []
        self.webhook_deliveries: list[tuple[int, int]] = []  # (update_id, final status)
        self.count_429 = 0

    # -- test controls -------------------------------------------------------------------

    def block(self, chat_id: int) -> None:
        """Sends/edits to this chat now answer 403 "Forbidden: bot was blocked by the user"."""
        self.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def fail_next(
        self,
        n: int = 1,
        status: int = 502,
        *,
        method: str | None = None,
        description: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        """The next ``n`` API calls fail with ``status`` (before any other processing).

        ``method=None`` means any method except getUpdates (so a background poller does not
        swallow the failures); name a method (case-insensitive) to target only that one.
        """
        if status == 429 and retry_after is None:
            retry_after = 1
        text = description or STATUS_TEXT.get(status, f"Error {status}")
        if status == 429 and description is None:
            text = f"Too Many Requests: retry after {retry_after:g}"
        for _ in range(n):
            self._failures.append((ApiError(status, text, retry_after), method and method.lower()))

    def take_failure(self, method: str) -> ApiError | None:
        if self._failures:
            error, only = self._failures[0]
            if only == method or (only is None and method != "getupdates"):
                self._failures.popleft()
                return error
        return None

    # -- updates ---------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an Update for getUpdates; assigns ``update_id`` if missing. Returns a copy."""
        update = copy.deepcopy(update)
        if "update_id" in update:
            self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
        else:
            update["update_id"] = self._next_update_id
            self._next_update_id += 1
        self.updates.append(update)
        self._updates_changed()
        return copy.deepcopy(update)

    def _updates_changed(self) -> None:
        """Hook: the server wakes a waiting long poll."""

    def confirm_updates(self, offset: int) -> None:
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]

    def user_text(self, chat_id: int, text: str, user_id: int | None = None) -> dict[str, Any]:
        """The user types ``text`` (a leading ``/command`` gets its bot_command entity)."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._user_message(chat_id, user_id, content)

    def user_photo(
        self,
        chat_id: int,
        image_bytes: bytes,
        caption: str | None = None,
        user_id: int | None = None,
    ) -> dict[str, Any]:
        """The user sends a photo; the bytes are stored so getFile + download work."""
        content: dict[str, Any] = {"photo": self.photo_sizes(self.store_file(image_bytes))}
        if caption is not None:
            content["caption"] = caption
        return self._user_message(chat_id, user_id, content)

    def user_tap(
        self, chat_id: int, message_id: int, callback_data: str, user_id: int | None = None
    ) -> dict[str, Any]:
        """The user taps the inline button carrying ``callback_data`` on a bot message."""
        message = self.chats.get(chat_id, {}).get(message_id)
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
        if callback_data not in [b.get("callback_data") for row in rows for b in row]:
            raise ValueError(f"message {message_id} has no button with data {callback_data!r}")
        self._callback_seq += 1
        query_id = str(self._callback_seq)
        self.open_callbacks[query_id] = chat_id
        self.unblock(chat_id)
        return self.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user_object(self._user_id(chat_id, user_id)),
                    "chat_instance": str(chat_id),
                    "data": callback_data,
                    "message": copy.deepcopy(message),
                }
            }
        )

    def user_tap_button(self, chat_id: int, label: str, user_id: int | None = None) -> dict:
        """Tap the newest bot button labelled ``label`` in this chat."""
        for message in reversed(self.messages(chat_id)):
            for button in (b for row in message["keyboard"] for b in row):
                if button.get("text") == label and "callback_data" in button:
                    mid, data = message["message_id"], button["callback_data"]
                    return self.user_tap(chat_id, mid, data, user_id)
        raise ValueError(f"no button {label!r} in chat {chat_id}")

    def _user_id(self, chat_id: int, user_id: int | None) -> int:
        return user_id if user_id is not None else (chat_id if chat_id > 0 else 1)

    def _user_message(self, chat_id: int, user_id: int | None, content: dict) -> dict[str, Any]:
        self.unblock(chat_id)  # writing to the bot again unblocks it, as on Telegram
        sender = user_object(self._user_id(chat_id, user_id))
        message = self.new_message(chat_id, sender, content)
        return self.push_update({"message": copy.deepcopy(message)})

    # -- chats, messages and files ---------------------------------------------------------

    def new_message(self, chat_id: int, sender: dict, content: dict[str, Any]) -> dict[str, Any]:
        message_id = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = message_id
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat_object(chat_id),
            "from": sender,
            **content,
        }
        self.chats.setdefault(chat_id, {})[message_id] = message
        return message

    def messages(self, chat_id: int, *, include_user: bool = False) -> list[dict[str, Any]]:
        """What the chat shows, oldest first, edits applied, deleted messages gone.

        Each item: message_id, from_bot, text, caption, photo (file_id or None), buttons
        (rows of labels), keyboard (raw inline_keyboard rows), edited. Bot messages only,
        unless ``include_user``.
        """
        out = []
        for message in self.chats.get(chat_id, {}).values():
            from_bot = message["from"]["id"] == self.bot_user["id"]
            if not (from_bot or include_user):
                continue
            rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
            out.append(
                {
                    "message_id": message["message_id"],
                    "from_bot": from_bot,
                    "text": message.get("text"),
                    "caption": message.get("caption"),
                    "photo": message["photo"][-1]["file_id"] if "photo" in message else None,
                    "buttons": [[b.get("text") for b in row] for row in rows],
                    "keyboard": copy.deepcopy(rows),
                    "edited": "edit_date" in message,
                }
            )
        return out

    def store_file(self, data: bytes, folder: str = "photos", ext: str = "jpg") -> StoredFile:
        n = len(self.files) + 1
        file_id = f"AgAC-fake-{n}"
        stored = StoredFile(file_id, f"fake-u{n}", f"{folder}/fake_file_{n}.{ext}", data)
        self.files[file_id] = stored
        return stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)

    def photo_sizes(self, stored: StoredFile) -> list[dict[str, Any]]:
        width, height = image_size(stored.data)
        return [
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": width,
                "height": height,
                "file_size": len(stored.data),
            }
        ]

    # -- Bot API methods that only read or change state ---------------------------------

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if not isinstance(chat_id, int):
            raise bad_request("chat not found")
        return chat_id

    def _delete_message(self, p: dict[str, Any]) -> bool:
        chat = self.chats.get(self._chat_id(p), {})
        if chat.pop(p.get("message_id"), None) is None:
            raise bad_request("message to delete not found")
        return True

    def _answer_callback_query(self, p: dict[str, Any]) -> bool:
        if self.open_callbacks.pop(str(p.get("callback_query_id")), None) is None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(p.get("text") or "")) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.answered_callbacks.append(dict(p))
        return True

    def _get_file(self, p: dict[str, Any]) -> dict[str, Any]:
        stored = self.files.get(str(p.get("file_id")))
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.as_file()

    def _scope_key(self, p: dict[str, Any]) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return (repr(sorted(scope.items())), str(p.get("language_code") or ""))

    def _set_my_commands(self, p: dict[str, Any]) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required')
        for cmd in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(cmd.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description", ""))) <= 256:
                raise bad_request("command description must be 1-256 characters")
        self.commands[self._scope_key(p)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def _delete_my_commands(self, p: dict[str, Any]) -> bool:
        self.commands.pop(self._scope_key(p), None)
        return True

    def _set_webhook(self, p: dict[str, Any]) -> bool:
        url = str(p.get("url") or "")
        secret = p.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(str(secret)):
            raise bad_request("secret token contains unallowed characters")
        if p.get("drop_pending_updates"):
            self.updates.clear()
        self.webhook = {"url": url, "secret_token": secret} if url else {"url": ""}
        for key in ("max_connections", "allowed_updates"):
            if url and key in p:
                self.webhook[key] = p[key]
        return True

    def _delete_webhook(self, p: dict[str, Any]) -> bool:
        return self._set_webhook({"drop_pending_updates": p.get("drop_pending_updates")})

    def _webhook_info(self, p: dict[str, Any]) -> dict[str, Any]:
        info = {k: v for k, v in self.webhook.items() if k != "secret_token"}
        return {**info, "has_custom_certificate": False, "pending_update_count": len(self.updates)}
