"""알뜰쇼핑·포인트: the complex's vendors and their orders, the common points (balance, what
came in and what was spent) and the rent settlement of a month as CSV (core.desk.shop)."""

from __future__ import annotations

import csv
import io

from aiohttp import web

from bot.cli.points import HEADER
from bot.desk.web import ERROR, render, scoped, services_of, translator
from bot.handlers.errors import describe
from bot.handlers.points.words import line_text
from bot.handlers.shop.words import STATUS_WORDS, kind_word
from core.desk.access import record
from core.desk.shop import common_points, rent_settlement, vendors
from core.errors import DomainError, Forbidden, NotFound

routes = web.RouteTableDef()


def _this_month(request: web.Request) -> str:
    t = translator(request)
    now = services_of(request).clock.now().astimezone(t.tz)
    return f"{now.year:04d}-{now.month:02d}"  # the month field's value, not a display


async def _page(request: web.Request) -> web.Response:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        balance, lines = await common_points(uow, member)
        return render(
            request,
            "shop.html",
            {
                "vendors": await vendors(uow, member),
                "balance": balance,
                "lines": lines,
                "month": _this_month(request),
                "order_words": STATUS_WORDS,
                "kind_word": kind_word,
                "line_text": line_text,
            },
            complex_,
        )


@routes.get("/c/{complex}/shop")
async def shop(request: web.Request) -> web.StreamResponse:
    return await _page(request)


@routes.get("/c/{complex}/shop/rent.csv")
async def rent_csv(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    month = request.query.get("month", "")
    try:
        async with services.uow() as uow:
            complex_, member = await scoped(uow, request)
            rows = await rent_settlement(uow, member, month)
            await record(uow, services.clock, member, "rent.csv", month)
            await uow.commit()
            code, name = complex_.code, complex_.name
    except (Forbidden, NotFound):
        raise
    except DomainError as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(HEADER)  # the same columns as `python -m bot rent export`
    for r in rows:
        out.writerow([code, name, r.building, r.unit, month, r.amount, r.payments])
    return web.Response(
        body=buffer.getvalue().encode("utf-8-sig"),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="rent-{code}-{month}.csv"'},
    )
