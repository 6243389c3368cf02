"""운영자: every complex with its key figures (households, verified, open 고장 신고, votes
open, coordinators), adding a complex, a first coordinator's invite code, and the desk's
recent actions across complexes. Operators only (403 for anyone else)."""

from __future__ import annotations

from aiohttp import web

from bot.desk.web import ERROR, desk_of, render, services_of, translator
from bot.handlers.errors import describe
from core.desk.access import recent
from core.desk.operator import coordinator_invite, new_complex
from core.desk.reading import every_complex
from core.errors import DomainError, Forbidden

routes = web.RouteTableDef()


async def _page(request: web.Request, issued: str = "") -> web.Response:
    services = services_of(request)
    member = desk_of(request).member
    async with services.uow() as uow:
        complexes = await every_complex(uow, member)
        name = await uow.desk.operator_name(member.resident_id)
        return render(
            request,
            "operator.html",
            {
                "complexes": complexes,
                "audit": await recent(uow, member),
                "name": name or "",
                "issued": issued,
                "totals": {
                    "households": sum(c.households for c in complexes),
                    "verified": sum(c.verified for c in complexes),
                },
            },
        )


@routes.get("/ops")
async def operator(request: web.Request) -> web.StreamResponse:
    return await _page(request)


@routes.post("/ops/{do:complex|coordinator}")
async def change(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    form = await request.post()
    member = desk_of(request).member
    shown = ""
    try:
        async with services.uow() as uow:
            if request.match_info["do"] == "complex":
                await new_complex(
                    uow,
                    services.clock,
                    member,
                    str(form.get("code", "")),
                    str(form.get("name", "")),
                )
            else:
                issued = await coordinator_invite(
                    uow,
                    services.clock,
                    services.invite_key,
                    member,
                    str(form.get("complex", "")),
                    str(form.get("building", "")),
                    str(form.get("unit", "")),
                )
                shown = t._(
                    "{complex} {building}동 {unit}호 코디네이터 초대코드: {code}",
                    complex=issued.complex.name,
                    building=issued.household.building,
                    unit=issued.household.unit,
                    code=issued.display,
                )
            await uow.commit()
    except Forbidden:
        raise
    except DomainError as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    if shown:
        return await _page(request, shown)
    raise web.HTTPSeeOther("/desk/ops?done=1")
