"""The desk as an aiohttp sub-application mounted at /desk: templates, static files, the
guard (session + CSRF) and every page's routes."""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.app import Services
from bot.desk import (
    common_points,
    defects,
    households,
    login,
    notices,
    operator,
    partners,
    picks,
    residents,
    shop,
    surveys,
    today,
    votes,
)
from bot.desk.web import SERVICES, guard

HERE = Path(__file__).parent
PAGES = (
    login,
    today,
    households,
    residents,
    notices,
    votes,
    surveys,
    defects,
    shop,
    common_points,
    partners,
    picks,
    operator,
)


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if not request.path.startswith("/desk/static/"):  # pages hold personal data: never cached
        response.headers.setdefault("Cache-Control", "no-store")


def build_desk(services: Services) -> web.Application:
    desk = web.Application(middlewares=[guard])
    desk[SERVICES] = services
    aiohttp_jinja2.setup(
        desk,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
    )
    desk.on_response_prepare.append(_headers)
    for page in PAGES:
        desk.add_routes(page.routes)
    desk.router.add_static("/static", HERE / "static")
    return desk
