"""The web chat: a messenger-like page for PCs and for trying the bot, over a small JSON API.

- `POST /api/web/session` → `{"session": ...}`: a random bearer secret the page keeps in
  localStorage; we store only its hash as the channel account id.
- `POST /api/web/message` with JSON `{session, id, text}` or `{session, id, token}` (a tapped
  button), or multipart with a `photo` file → `{"screens": [...], "easy": bool}`. `id` is the
  page's message id, used to drop a resent message.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import asdict
from pathlib import Path

from aiohttp import web

from bot.channels.base import Engine
from bot.screens import Channel, Inbound, Photo, Reply

STATIC = Path(__file__).resolve().parent.parent / "web"
SESSION = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_TEXT = 4000


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def reply_json(reply: Reply) -> dict:
    return {
        "screens": [asdict(s) for s in reply.screens],
        "easy": reply.easy_mode,
        "lang": reply.locale,
        "duplicate": reply.duplicate,
    }


class WebChat:
    def __init__(self, engine: Engine, *, max_photo_bytes: int, fetch_inbox) -> None:
        self.engine = engine
        self.max_photo_bytes = max_photo_bytes
        self.fetch_inbox = fetch_inbox  # async (web user id) -> list[Screen]

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/", self.index),
            web.post("/api/web/session", self.new_session),
            web.post("/api/web/message", self.message),
            web.post("/api/web/inbox", self.inbox),
            web.static("/static", STATIC),
        ]

    async def index(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html")

    async def new_session(self, request: web.Request) -> web.Response:
        return web.json_response({"session": secrets.token_urlsafe(24)})

    async def message(self, request: web.Request) -> web.Response:
        try:
            fields, photos = await self._read(request)
        except ValueError as exc:
            return _error(400, str(exc))
        except web.HTTPRequestEntityTooLarge:
            return _error(413, "too large")
        session = str(fields.get("session", ""))
        if not SESSION.match(session):
            return _error(401, "no session")
        message_id = str(fields.get("id", ""))
        token = fields.get("token")
        if token is not None and not isinstance(token, str):
            return _error(400, "bad token")
        text = fields.get("text") or ""
        if not isinstance(text, str):
            return _error(400, "bad text")
        user_id = hashlib.sha256(session.encode()).hexdigest()[:40]
        # The page's message id is only unique per page: scope it to this session.
        delivery_key = f"web:{user_id}:{message_id}" if MESSAGE_ID.match(message_id) else None
        inbound = Inbound(
            channel=Channel.WEB,
            user_id=user_id,
            text=text[:MAX_TEXT],
            token=token[:64] if token else None,
            photos=tuple(photos),
            delivery_key=delivery_key,
        )
        reply = await self.engine.handle(inbound)
        return web.json_response(reply_json(reply))

    async def inbox(self, request: web.Request) -> web.Response:
        """Messages the bot queued for this page (notices, status changes): the page asks
        every few seconds; each message is handed over once."""
        try:
            fields, _ = await self._read(request)
        except ValueError as exc:
            return _error(400, str(exc))
        session = str(fields.get("session", ""))
        if not SESSION.match(session):
            return _error(401, "no session")
        user_id = hashlib.sha256(session.encode()).hexdigest()[:40]
        screens = await self.fetch_inbox(user_id)
        return web.json_response({"screens": [asdict(s) for s in screens]})

    async def _read(self, request: web.Request) -> tuple[dict, list[Photo]]:
        if request.content_type.startswith("multipart/"):
            fields: dict = {}
            photos: list[Photo] = []
            async for part in await request.multipart():
                if part.name == "photo":
                    data = await part.read(decode=False)
                    if len(data) > self.max_photo_bytes:
                        raise ValueError("photo too large")
                    photos.append(Photo(bytes(data), part.headers.get("Content-Type", "")))
                elif part.name in ("session", "id", "text", "token"):
                    fields[part.name] = (await part.text())[:MAX_TEXT]
            return fields, photos
        try:  # bytes, so a bogus charset in the header cannot matter
            data = json.loads(await request.read())
        except (ValueError, RecursionError) as exc:
            raise ValueError("malformed JSON") from exc
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return data, []
