"""Telegram updates in, as the engine's Inbounds: text and commands (/start with its
deep-link payload, /help, /cancel, /menu), button taps ("t:<token>"; anything else is passed on
capped, so the engine can answer that the button no longer works), and photos, downloaded
here (the largest size under the limit). Group chats, channel posts and edits are ignored."""

from __future__ import annotations

from typing import Any

from telegram import Bot, CallbackQuery, Message, Update, User
from telegram import error as tg

from bot.screens import Channel, Inbound, Photo

TOKEN_PREFIX = "t:"
MAX_TOKEN = 64  # forged callback data is passed on as a token, capped
COMMAND_NAMES = ("start", "help", "cancel", "menu")


def _command(text: str) -> tuple[str | None, str]:
    """`/start PAYLOAD` → ("start", "PAYLOAD"); `/help@Bot` → ("help", ""); else (None, "")."""
    if not text.startswith("/"):
        return None, ""
    head, *rest = text.split(maxsplit=1)
    name = head[1:].split("@", 1)[0].lower()
    return (name, rest[0].strip() if rest else "") if name in COMMAND_NAMES else (None, "")


def _is_image_document(message: Message) -> bool:
    return bool(message.document and (message.document.mime_type or "").startswith("image/"))


def _image_source(message: Message, max_bytes: int) -> tuple[str, str, str] | None:
    """(file_id, content type, filename) of the largest image that fits, if any."""
    fitting = [p for p in message.photo if (p.file_size or 0) <= max_bytes]
    if fitting:
        best = max(fitting, key=lambda p: p.width * p.height)
        return best.file_id, "image/jpeg", ""
    doc = message.document
    if doc and _is_image_document(message) and (doc.file_size or 0) <= max_bytes:
        return doc.file_id, doc.mime_type or "", doc.file_name or ""
    return None


async def _download(message: Message, bot: Bot, max_bytes: int) -> tuple[Photo, ...]:
    """The image as bytes; () when none fits or the download fails (the words still count)."""
    source = _image_source(message, max_bytes)
    if source is None:
        return ()
    file_id, content_type, filename = source
    try:
        data = bytes(await (await bot.get_file(file_id)).download_as_bytearray())
    except tg.TelegramError:
        return ()
    return (Photo(data, content_type, filename),) if len(data) <= max_bytes else ()


def _language(user: User) -> dict[str, str]:
    """The language the person set in Telegram (an IETF tag: "en", "vi", "zh-hans"), if any."""
    return {"language": user.language_code} if user.language_code else {}


def _callback_inbound(update: Update, query: CallbackQuery) -> Inbound | None:
    held = query.message  # None for inline-mode messages, which this bot never sends
    if held is None or held.chat.type != "private":
        return None
    data = query.data or ""
    token = data[len(TOKEN_PREFIX) :] if data.startswith(TOKEN_PREFIX) else data
    return Inbound(
        channel=Channel.TELEGRAM,
        user_id=str(query.from_user.id),
        token=token[:MAX_TOKEN],
        delivery_key=f"tg:{update.update_id}",
        display_name=query.from_user.first_name,
        extra={
            "chat_id": held.chat.id,
            "message_id": held.message_id,
            "callback_query_id": query.id,
        }
        | _language(query.from_user),
    )


async def update_to_inbound(update: Update, bot: Bot, *, max_photo_bytes: int) -> Inbound | None:
    """The Inbound for a private message or button tap; None for anything to ignore."""
    if update.callback_query is not None:
        return _callback_inbound(update, update.callback_query)
    message, user = update.message, update.effective_user
    if message is None or user is None or user.is_bot or message.chat.type != "private":
        return None
    command, arg = _command(message.text or "")
    photos = () if command else await _download(message, bot, max_photo_bytes)
    extra: dict[str, Any] = {"chat_id": message.chat.id} | _language(user)
    if (message.photo or _is_image_document(message)) and not photos and not command:
        extra["photo_unavailable"] = True  # too large or not downloadable: say so, ask again
    return Inbound(
        channel=Channel.TELEGRAM,
        user_id=str(user.id),
        text="" if command else (message.text or message.caption or ""),
        command=command,
        command_arg=arg,
        photos=photos,
        delivery_key=f"tg:{update.update_id}",
        display_name=user.first_name,
        extra=extra,
    )
