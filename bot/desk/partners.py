"""제휴상가 혜택 at the desk: the complex's partner offers (coupons given and used), a coupon
redeemed at the desk by its code and the purchase amount (the same use case as the shop's chat,
exactly once, points awarded, audited), and 오늘의 추천 assigned to an open offer."""

from __future__ import annotations

from aiohttp import web

from bot.desk.web import act, int_param, page_url, render, scoped, services_of
from core.desk.access import record
from core.partners.coupons import redeem_coupon
from core.partners.slots import assign_slot, complex_offers

routes = web.RouteTableDef()


async def _page(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        items = await complex_offers(uow, member)
        now = services.clock.now()
        return render(request, "partners.html", {"items": items, "now": now}, complex_)


@routes.get("/c/{complex}/partners")
async def partners(request: web.Request) -> web.StreamResponse:
    return await _page(request)


@routes.post("/c/{complex}/partners/redeem")
async def redeem(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    code = str(form.get("code", ""))[:40]
    amount = int_param(form.get("amount"), 0) or 0

    async def work(uow, complex_, member) -> str:
        clock = services_of(request).clock
        done = await redeem_coupon(uow, clock, member, code, amount)
        await record(uow, clock, member, "partners.redeem", f"coupon={done.coupon.id}")
        return page_url(complex_, "partners") + "?redeemed=1"

    return await act(request, work, _page)


@routes.post("/c/{complex}/partners/slot")
async def slot(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    offer_id = int_param(form.get("offer"), 0) or 0
    days = int_param(form.get("days"), 7) or 0

    async def work(uow, complex_, member) -> str:
        clock = services_of(request).clock
        await assign_slot(uow, clock, member, offer_id=offer_id, days=days)
        await record(uow, clock, member, "partners.slot", f"offer={offer_id}")
        return page_url(complex_, "partners")

    return await act(request, work, _page)
