"""The one HTTP server (aiohttp): web chat, KakaoTalk skill route, Telegram webhook, health."""

from __future__ import annotations

import json

from aiohttp import web

from bot.app import Services
from bot.channels.kakao.late_photos import make_tell
from bot.channels.kakao.skill import KakaoSkill
from bot.channels.webchat import WebChat
from bot.channels.webwords import PageWords
from bot.desk.app import build_desk
from bot.engine.engine import Engine
from bot.metrics import metrics_view
from bot.outbox.inbox import make_fetch_inbox
from bot.outbox.kakao_event import make_open_event
from core.media import MAX_PHOTO_BYTES, sniff_image
from core.privacy.rights import my_copy, resident_of_copy

SERVICES = web.AppKey("services", Services)


async def healthz(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    try:
        async with services.uow() as uow:
            await uow.complexes.by_code("-")
        db = "ok"
    except Exception:  # health must answer, whatever is wrong
        db = "error"
    status = 200 if db == "ok" else 503
    return web.json_response(
        {"status": "ok" if db == "ok" else "degraded", "db": db}, status=status
    )


async def media(request: web.Request) -> web.StreamResponse:
    """A stored photo, by its signed name; anything else is a plain 404."""
    path = request.app[SERVICES].media.resolve(request.match_info["name"])
    if path is None:
        raise web.HTTPNotFound()
    head = path.read_bytes()[:32]
    headers = {
        "Content-Type": sniff_image(head) or "application/octet-stream",
        "Cache-Control": "private, max-age=86400",
        "X-Content-Type-Options": "nosniff",
    }
    return web.FileResponse(path, headers=headers)


async def to_desk(request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/desk/")


async def my_data_copy(request: web.Request) -> web.Response:
    """A resident's copy of their data (내 정보 받기), at a signed link valid 24 hours; a
    forged, altered or expired link, or one of someone who left, is a plain 404."""
    services = request.app[SERVICES]
    resident_id = resident_of_copy(services.token_key, services.clock, request.match_info["token"])
    if resident_id is None:
        raise web.HTTPNotFound()
    async with services.uow() as uow:
        copy = await my_copy(uow, resident_id)
    if copy is None:
        raise web.HTTPNotFound()
    body = json.dumps(copy, ensure_ascii=False, indent=2)
    headers = {
        "Content-Disposition": 'attachment; filename="naechingu-my-data.json"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
    return web.Response(text=body, content_type="application/json", headers=headers)


def build_http_app(
    services: Services, engine: Engine, extra_routes=(), *, stream_recheck_s: float = 5.0
) -> web.Application:
    app = web.Application(client_max_size=services.config.http.max_body_kb * 1024)
    app[SERVICES] = services
    fetch = make_fetch_inbox(services)
    webchat = WebChat(
        engine,
        max_photo_bytes=services.config.media.max_photo_mb * 1024 * 1024,
        max_body_bytes=services.config.http.max_body_kb * 1024,
        fetch_inbox=lambda user_id: fetch("web", user_id),
        bell=services.bell,
        recheck_s=stream_recheck_s,
        page_words=PageWords(services.catalogs),
    )
    kakao = KakaoSkill(
        engine,
        services.config.kakao,
        max_photo_bytes=MAX_PHOTO_BYTES,
        open_event=make_open_event(services),
        tell=make_tell(services),
        words=services.catalogs.get(None),
    )
    app.on_cleanup.append(lambda _app: kakao.close())

    async def end_streams(_app: web.Application) -> None:
        webchat.close()  # before aiohttp waits for the handlers: open streams end at once

    app.on_shutdown.append(end_streams)
    app.add_routes(
        [
            web.get("/healthz", healthz),
            web.get("/metrics", metrics_view),
            web.get("/media/{name}", media),
            web.get("/desk", to_desk),
            web.get("/my-data/{token}", my_data_copy),
            *webchat.routes(),
            *kakao.routes(),
            *extra_routes,
        ]
    )
    app.add_subapp("/desk", build_desk(services))  # the coordinator desk (bot/desk)
    return app
