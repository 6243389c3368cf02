"""The web chat: a messenger-like page for PCs and for trying the bot, over a small JSON API.

- `POST /api/web/session` → `{"session": ...}`: a random bearer secret the page keeps in
  localStorage; we store only its hash as the channel account id.
- `POST /api/web/message` with JSON `{session, id, text}` or `{session, id, token}` (a tapped
  button), each with the browser's language as `lang` (a first visit is offered the bot's
  languages when it is not Korean), or multipart with a `photo` file →
  `{"screens": [...], "easy": bool}`. `id` is the page's message id, used to drop a resent
  message.
- `POST /api/web/inbox` with `{session}` → `{"screens": [...]}`: what the bot queued for this
  page (notices, status changes), each handed over once. The page's fallback, every 15 s.
- `POST /api/web/stream` with `{session}` → `text/event-stream` (Server-Sent Events, read by
  the page with fetch so the session stays out of URLs): an `inbox` event with
  `{"screens": [...]}` as soon as a notification for this page is committed. The stream wakes
  on the in-process bell rung after the notifier's transaction commits and re-checks the
  outbox every few seconds (rows queued by another process); rows are taken as the inbox
  takes them, so each is shown once, by the stream or by the poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import re
import secrets
from pathlib import Path

from aiohttp import web

from bot.channels import safe_json
from bot.channels.base import Engine
from bot.channels.uploads import TooLarge, read_upload
from bot.channels.webwords import PageWords
from bot.outbox.live import InboxBell, bell_key
from bot.screens import Channel, Inbound, Photo, Reply, screen_to_dict

log = logging.getLogger("naechingu.webchat")
STATIC = Path(__file__).resolve().parent.parent / "web"
SESSION = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_TEXT = 4000
HEARTBEAT_S = 15.0  # a comment line this often: proxies keep the stream, a gone page is noticed
STREAMS_PER_SESSION = 4  # tabs of one browser; more are refused and those pages poll instead


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def reply_json(reply: Reply) -> dict:
    return {
        "screens": [screen_to_dict(s.without_operators()) for s in reply.screens],
        "easy": reply.easy_mode,
        "lang": reply.locale.replace("_", "-"),  # a BCP 47 tag for <html lang>: zh-Hans
        "duplicate": reply.duplicate,
    }


@functools.cache
def _index_html() -> str:
    return (STATIC / "index.html").read_text(encoding="utf-8")


def _user_id(session: str) -> str:
    """The channel account id of a web session: a hash, so the database never holds the secret."""
    return hashlib.sha256(session.encode()).hexdigest()[:40]


class WebChat:
    def __init__(
        self,
        engine: Engine,
        *,
        max_photo_bytes: int,
        fetch_inbox,
        max_body_bytes: int = 12 * 1024 * 1024,
        bell: InboxBell | None = None,
        recheck_s: float = 5.0,
        max_streams: int = 2000,
        page_words: PageWords | None = None,
    ) -> None:
        self.engine = engine
        self.page_words = page_words  # the page's own words in the reader's language
        self.max_photo_bytes = max_photo_bytes
        self.max_body_bytes = max_body_bytes  # a whole request, photos and all
        self.fetch_inbox = fetch_inbox  # async (web user id) -> list[Screen]
        self.bell = bell or InboxBell()
        self.recheck_s = recheck_s  # how often a stream looks at the outbox without a ring
        self.max_streams = max_streams  # open streams in this process; beyond, pages poll
        self.closing = False

    def routes(self) -> list[web.AbstractRouteDef]:
        return [
            web.get("/", self.index),
            web.get("/api/web/words", self.words),
            web.post("/api/web/session", self.new_session),
            web.post("/api/web/message", self.message),
            web.post("/api/web/inbox", self.inbox),
            web.post("/api/web/stream", self.stream),
            web.static("/static", STATIC),
        ]

    async def index(self, request: web.Request) -> web.StreamResponse:
        if self.page_words is None:
            return web.FileResponse(STATIC / "index.html")
        accept = request.headers.get("Accept-Language", "")
        locale = self.page_words.locale(request.query.get("lang"), accept)
        html = self.page_words.page(_index_html(), locale)
        headers = {"Cache-Control": "no-cache", "Vary": "Accept-Language"}
        return web.Response(text=html, content_type="text/html", headers=headers)

    async def words(self, request: web.Request) -> web.Response:
        if self.page_words is None:
            return _error(404, "no words")
        locale = self.page_words.locale(request.query.get("lang"))
        return web.json_response(self.page_words.words(locale))

    async def new_session(self, request: web.Request) -> web.Response:
        return web.json_response({"session": secrets.token_urlsafe(24)})

    async def message(self, request: web.Request) -> web.Response:
        try:
            fields, photos = await self._read(request)
        except ValueError as exc:
            return _error(400, str(exc))
        except (web.HTTPRequestEntityTooLarge, TooLarge):
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
        language = fields.get("lang") or ""  # the browser's language (navigator.language)
        user_id = _user_id(session)
        # The page's message id is only unique per page: scope it to this session.
        delivery_key = f"web:{user_id}:{message_id}" if MESSAGE_ID.match(message_id) else None
        inbound = Inbound(
            channel=Channel.WEB,
            user_id=user_id,
            text=text[:MAX_TEXT],
            token=token[:64] if token else None,
            photos=tuple(photos),
            delivery_key=delivery_key,
            extra={"language": language[:35]} if isinstance(language, str) else {},
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
        except (web.HTTPRequestEntityTooLarge, TooLarge):
            return _error(413, "too large")
        session = str(fields.get("session", ""))
        if not SESSION.match(session):
            return _error(401, "no session")
        screens = await self.fetch_inbox(_user_id(session))
        return web.json_response({"screens": [screen_to_dict(s) for s in screens]})

    async def stream(self, request: web.Request) -> web.StreamResponse:
        """This page's notifications as Server-Sent Events, as soon as they are committed."""
        try:
            fields, _ = await self._read(request)
        except ValueError as exc:
            return _error(400, str(exc))
        except (web.HTTPRequestEntityTooLarge, TooLarge):
            return _error(413, "too large")
        session = str(fields.get("session", ""))
        if not SESSION.match(session):
            return _error(401, "no session")
        if self.closing:
            return _error(503, "shutting down")
        user_id = _user_id(session)
        key = bell_key("web", user_id)
        if self.bell.listening(key) >= STREAMS_PER_SESSION:
            return _error(429, "too many streams")
        if self.bell.total() >= self.max_streams:
            return _error(503, "busy")
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-store",
                "X-Accel-Buffering": "no",  # nginx: pass each event on at once
            }
        )
        await response.prepare(request)
        loop = asyncio.get_running_loop()
        with contextlib.suppress(ConnectionError):  # the page went away
            await response.write(b"retry: 3000\n: ready\n\n")
            with self.bell.listen(key) as rung:
                quiet_since = loop.time()
                while not self.closing and not _gone(request):
                    rung.clear()  # before looking: a ring during the look wakes us again
                    try:
                        screens = await self.fetch_inbox(user_id)
                    except Exception:  # the database is busy or down: look again later
                        log.warning("web stream: the inbox could not be read", exc_info=True)
                        screens = []
                    if screens:
                        data = json.dumps({"screens": [screen_to_dict(s) for s in screens]})
                        await response.write(f"event: inbox\ndata: {data}\n\n".encode())
                        quiet_since = loop.time()
                        continue  # more may wait (a page takes at most 10 at a time)
                    if loop.time() - quiet_since >= HEARTBEAT_S:
                        await response.write(b": ping\n\n")
                        quiet_since = loop.time()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(rung.wait(), self.recheck_s)
        return response

    def close(self) -> None:
        """End every open stream (server shutdown); the pages reconnect to the next server."""
        self.closing = True
        self.bell.ring_all()

    async def _read(self, request: web.Request) -> tuple[dict, list[Photo]]:
        if request.content_type.startswith("multipart/"):
            return await read_upload(
                request, max_body=self.max_body_bytes, max_photo=self.max_photo_bytes
            )
        # bytes, so a bogus charset in the header cannot matter; BadJson is a ValueError
        data = safe_json.loads(await request.read())
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return data, []


def _gone(request: web.Request) -> bool:
    transport = request.transport
    return transport is None or transport.is_closing()
