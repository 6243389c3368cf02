"""공용 포인트 at the desk (read only, core.desk.common): the complex's common balance, the
proposals whose household vote is open (turnout against the quorum, the close, the quote's
picture, a link to the vote's live page), the proposals decided and the spends made."""

from __future__ import annotations

from aiohttp import web

from bot.desk.web import render, scoped, services_of
from bot.handlers.points.render import status_word
from core.desk.common import common_overview

routes = web.RouteTableDef()


@routes.get("/c/{complex}/common")
async def common(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        overview = await common_overview(uow, member)
        return render(
            request,
            "common.html",
            {"o": overview, "status_word": status_word, "media_url": services.media.url},
            complex_,
        )
