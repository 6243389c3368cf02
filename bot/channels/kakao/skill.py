"""The KakaoTalk skill route (Kakao i Open Builder): `POST /kakao/skill`.

Checks the secret header in constant time (401), caps the body (413), parses leniently
(malformed JSON or a payload without a user → 400 with a JSON error, never a 500), runs the
engine and answers a SkillResponse 2.0 that respects every limit. The request path only runs
the dialog step, so the answer comes well within Kakao's 5-second limit; anything slow goes
through the outbox.

An event block's call (an Event API push, see bot/outbox/kakao_event.py) carries a reference
to an outbox row: the answer is that row's stored screen, rendered like any answer; a
reference that is forged, someone else's or already shown gets a short note above the
person's current screen instead, and changes nothing.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Protocol

import aiohttp
from aiohttp import web

from bot.channels import safe_json
from bot.channels.base import Engine
from bot.channels.kakao.late_photos import LATER_S, NOTE, Tell
from bot.channels.kakao.photos import PhotoFetch
from bot.channels.kakao.protocol import (
    KakaoPayloadError,
    KakaoRequest,
    parse_skill_payload,
    to_inbound,
)
from bot.channels.kakao.render import rendered
from bot.config import KakaoConfig
from bot.i18n import N_, Translator
from bot.screens import Inbound, Photo, Screen
from core.media import sniff_image

log = logging.getLogger("naechingu.kakao")
MAX_BODY = 256 * 1024  # skill payloads are small; photos arrive as URLs
ANSWER_WITHIN_S = 4.5
# In the service's default language: the step that knows the person's is still running.
WAIT_A_MOMENT = N_("잠시만요. 처리하고 있어요. 조금 뒤에 같은 버튼을 다시 눌러 주세요.")
PHOTO_S = 2.5  # photo downloads share the 5-second budget


class EventShown(Protocol):
    @property
    def screens(self) -> tuple[Screen, ...]:
        """The outbox row's screens; empty when refused."""

    @property
    def note(self) -> str:
        """Why it was refused, in the person's language."""


# (external id, botUserKey, reference) → the row's screens or a note
OpenEvent = Callable[[str, str, str], Awaitable[EventShown]]


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


class KakaoSkill:
    def __init__(
        self,
        engine: Engine,
        config: KakaoConfig,
        *,
        max_photo_bytes: int,
        open_event: OpenEvent | None = None,
        tell: Tell | None = None,
        words: Translator | None = None,
    ) -> None:
        self.engine = engine
        self.words = words  # the default language's (잠시만요, before the person is known)
        self.tell = tell  # queues "your photos arrived" (bot/channels/kakao/late_photos.py)
        self._background: set[asyncio.Task] = set()
        self.open_event = open_event
        self.config = config
        self.max_photo_bytes = max_photo_bytes
        self._http: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        for task in list(self._background):
            task.cancel()
        if self._http is not None:
            await self._http.close()

    def _fetch(self, urls: list[str]) -> PhotoFetch:
        """Photos sent on KakaoTalk arrive as URLs on Kakao's servers (only those are
        accepted by the parser): fetched whole, all at once."""
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return PhotoFetch(self._http, urls, max_bytes=self.max_photo_bytes)

    @staticmethod
    def _with_photos(inbound: Inbound, fetch: PhotoFetch) -> Inbound:
        """The ones that did not arrive whole are counted, so the resident is asked again."""
        data, lost = fetch.results()
        photos = tuple(Photo(d, sniff_image(d) or "") for d in data)
        return replace(inbound, photos=photos, photos_lost=lost)

    async def _later(self, inbound: Inbound, fetch: PhotoFetch) -> None:
        """In the background: wait for the rest of the photos, give them to the dialog, and
        tell the resident through the outbox."""
        try:
            await fetch.wait(LATER_S)
            late = self._with_photos(inbound, fetch)
            reply = await self.engine.handle(late)
            if self.tell is not None and reply.resident_id is not None:
                await self.tell(reply.resident_id, len(late.photos), late.photos_lost)
        except Exception as exc:  # one line; the resident can send the photos again
            log.warning("kakao photos in the background failed: %s", type(exc).__name__)
        finally:
            fetch.cancel()

    async def _photos_coming(self, inbound: Inbound, fetch: PhotoFetch) -> tuple[Screen, ...]:
        """Answer in time: the resident's current screen, with a note that photos are coming."""
        task = asyncio.create_task(self._later(inbound, fetch))
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        reply = await self.engine.handle(replace(inbound, text="", token=None))
        first, *rest = reply.screens or (Screen(""),)
        return (first.with_notices(NOTE), *rest)

    def routes(self) -> list[web.RouteDef]:
        return [web.post(self.config.path, self.handle)]

    def _authorised(self, request: web.Request) -> bool:
        expected = self.config.secret_value
        if not expected:
            return True
        given = request.headers.get(self.config.secret_header, "")
        return hmac.compare_digest(given.encode(), expected.encode())

    async def handle(self, request: web.Request) -> web.StreamResponse:
        started = asyncio.get_running_loop().time()
        if not self._authorised(request):
            return _error(401, "unauthorised")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _error(413, "body too large")
        body = bytearray()
        async for chunk in request.content.iter_chunked(64 * 1024):  # to the end, capped
            body += chunk
            if len(body) > MAX_BODY:
                return _error(413, "body too large")
        try:
            payload = safe_json.loads(bytes(body))
            skill = parse_skill_payload(
                payload,
                expected_bot_id=self.config.bot_id or None,
                photo_hosts=tuple(self.config.photo_hosts),
            )
        except (safe_json.BadJson, KakaoPayloadError) as exc:
            log.info("kakao skill: refused a request: %s", exc)  # one line, no traceback
            return _error(400, str(exc))
        inbound = to_inbound(skill)
        # The Event API pushes to a botUserKey: keep it as the account's push address.
        inbound = replace(inbound, extra={**inbound.extra, "address": skill.user_key})
        fetch = self._fetch(list(skill.image_urls)) if skill.image_urls else None
        coming = fetch is not None and not await fetch.wait(PHOTO_S)
        if fetch is not None and not coming:
            inbound = self._with_photos(inbound, fetch)
        left = ANSWER_WITHIN_S - (asyncio.get_running_loop().time() - started)
        answer = (
            self._photos_coming(inbound, fetch)
            if coming and fetch is not None
            else self._answer(skill, inbound)
        )
        return await self._in_time(request, answer, max(left, 0.5))

    async def _in_time(
        self, request: web.Request, answer: Awaitable[tuple[Screen, ...]], within: float
    ) -> web.StreamResponse:
        """The step runs in this request's own task (no task per request). If it is not done
        `within` seconds, a timer sends 잠시만요 in its place; the step is never cancelled
        mid-statement: it finishes and commits, and KakaoTalk's redelivery of the same
        message is answered from its stored reply."""
        loop = asyncio.get_running_loop()
        sent: list[tuple[web.Response, asyncio.Task]] = []

        def too_long() -> None:
            log.warning("kakao skill answer took too long; it finishes in the background")
            wait = self.words._(WAIT_A_MOMENT) if self.words else WAIT_A_MOMENT
            response = self._response((Screen(wait),))
            sent.append((response, loop.create_task(_send(request, response))))

        timer = loop.call_later(within, too_long)
        try:
            screens = await answer
        finally:
            timer.cancel()
        if sent:  # (already on its way: what the step answered is stored for a redelivery)
            response, sending = sent[0]
            await sending
            return response
        return self._response(screens)

    def _response(self, screens: tuple[Screen, ...]) -> web.Response:
        # Compact UTF-8, the form Kakao's 30,720-byte limit is measured on.
        _json, body = rendered(screens, block_id=self.config.block_id or None)
        return web.Response(body=body, content_type="application/json")

    async def _answer(self, skill: KakaoRequest, inbound: Inbound) -> tuple[Screen, ...]:
        if skill.event_ref is None or self.open_event is None:
            return (await self.engine.handle(inbound)).screens
        shown = await self.open_event(inbound.user_id, skill.user_key, skill.event_ref)
        if shown.screens:
            return shown.screens
        # Refused: the person's current screen (as when a page reopens), with the note.
        reply = await self.engine.handle(replace(inbound, text="", token=None))
        first, *rest = reply.screens or (Screen(""),)
        return (first.with_notices(shown.note), *rest)


async def _send(request: web.Request, response: web.Response) -> None:
    """Send `response` now, while the request's handler is still at work."""
    try:
        await response.prepare(request)
        await response.write_eof()
    except (ConnectionError, RuntimeError) as exc:  # KakaoTalk hung up meanwhile
        log.info("kakao skill: the early answer was not sent: %s", type(exc).__name__)
