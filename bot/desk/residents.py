"""세대 → 주민과 역할: the residents of one household (numbers only), appointing a coordinator
and removing a resident who moved out (core.desk.residents: scoped, audited)."""

from __future__ import annotations

from aiohttp import web

from bot.desk.households import page
from bot.desk.web import ERROR, act, int_param, scoped, services_of, translator
from core.desk.residents import appoint_coordinator, household_residents, remove_resident
from core.errors import Forbidden, NotFound
from core.identity.model import Complex, Membership
from core.ports import UnitOfWork

routes = web.RouteTableDef()


@routes.get("/c/{complex}/households/residents")
async def residents(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    building, unit = request.query.get("building", ""), request.query.get("unit", "")
    try:
        async with services.uow() as uow:
            _complex, member = await scoped(uow, request)
            found = await household_residents(uow, member, building, unit)
    except Forbidden:
        raise
    except NotFound:
        request[ERROR] = t._("그런 세대가 없어요. 동과 호를 확인해 주세요.")
        return await page(request)
    return await page(request, residents=found)


def _back(complex_: Complex, request: web.Request) -> str:
    return f"/desk/c/{complex_.code}/households?done=1"


@routes.post("/c/{complex}/residents/{resident}/{do:appoint|remove}")
async def change(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    resident_id = int_param(request.match_info["resident"], 0) or 0

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        if request.match_info["do"] == "appoint":
            await appoint_coordinator(uow, services.clock, member, resident_id)
        else:
            await remove_resident(uow, services.clock, member, resident_id)
        return _back(complex_, request)

    return await act(request, work, page)
