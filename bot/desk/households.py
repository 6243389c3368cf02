"""세대: households by 동 (verified or not), the import of the management office's list (the
same reader and use case as `python -m bot households import`), invite letters as a PDF
download (≤ 2,000 letters), one household's code reissued or revoked, and the residents'
roles (bot/desk/residents.py).

```mermaid
flowchart LR
    list[세대 목록: 동별 인증/미인증] --> import[명단 올리기 CSV/XLSX]
    import -->|틀린 줄 있음| report[줄 번호와 이유, 바뀐 것 없음]
    import -->|맞음| list
    list --> letters[초대장 PDF 받기 ≤2,000통] --> pdf[(PDF)]
    list --> one[한 세대 코드 새로 발급/취소] --> code[새 코드 한 번 표시]
```
"""

from __future__ import annotations

import asyncio
import io

from aiohttp import web

from bot.desk.web import ERROR, render, scoped, services_of, translator, uploaded
from bot.handlers.errors import describe
from bot.households import letters as letter_sheets
from bot.households.letters import Letter
from bot.households.table import TableError, read_rows
from bot.households.words import problem_line
from core.desk.access import record
from core.desk.households import (
    letters_to_download,
    reissue_code,
    revoke_codes,
    withdraw_letters,
)
from core.desk.reading import households_by_building
from core.desk.residents import ResidentLine
from core.errors import DomainError, Forbidden, NotFound
from core.identity.households import ImportReport, import_households

routes = web.RouteTableDef()
SHOWN_PROBLEMS = 50


async def _page(
    request: web.Request,
    *,
    report: ImportReport | None = None,
    issued: str = "",
    residents: list[ResidentLine] | None = None,
) -> web.Response:
    services, t = services_of(request), translator(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        buildings = await households_by_building(uow, member)
        problems = [problem_line(t, p) for p in (report.invalid if report else [])]
        return render(
            request,
            "households.html",
            {
                "buildings": buildings,
                "total": sum(b.households for b in buildings),
                "verified": sum(b.verified for b in buildings),
                "report": report,
                "problems": problems[:SHOWN_PROBLEMS],
                "more_problems": max(len(problems) - SHOWN_PROBLEMS, 0),
                "issued": issued,
                "residents": residents,
                "lookup": (request.query.get("building", ""), request.query.get("unit", "")),
            },
            complex_,
        )


@routes.get("/c/{complex}/households")
async def households(request: web.Request) -> web.StreamResponse:
    return await _page(request)


page = _page  # bot/desk/residents.py shows its results on this page


@routes.post("/c/{complex}/households/import")
async def upload(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    if (sent := await uploaded(request)) is None:
        return await _page(request)
    form, data, name = sent
    try:
        rows = await asyncio.to_thread(read_rows, data, name)
        async with services.uow() as uow:
            complex_, member = await scoped(uow, request)
            skip = form.get("skip_invalid") == "1"
            report = await import_households(uow, member, complex_.code, rows, skip_invalid=skip)
            if report.written:
                detail = f"{name}: created {report.created}, existing {report.existing}"
                await record(uow, services.clock, member, "import", detail)
                await uow.commit()
    except (Forbidden, NotFound):
        raise
    except (TableError, DomainError) as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    return await _page(request, report=report)


@routes.post("/c/{complex}/households/letters")
async def letters(request: web.Request) -> web.StreamResponse:
    """The PDF of fresh codes. The codes commit first (a short unit of work), the letters are
    drawn outside it (seconds for 2,000), and a failed drawing withdraws the codes."""
    services, t = services_of(request), translator(request)
    form = await request.post()
    building = str(form.get("building", "")).strip() or None
    try:
        async with services.uow() as uow:
            complex_, member = await scoped(uow, request)
            issued = await letters_to_download(
                uow,
                services.clock,
                services.invite_key,
                member,
                complex_.code,
                building=building,
                reissue=form.get("reissue") == "1",
            )
            code, name = complex_.code, complex_.name
            await uow.commit()
    except (Forbidden, NotFound):
        raise
    except DomainError as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    batch = [
        Letter(
            complex_name=name,
            building=c.household.building,
            unit=c.household.unit,
            code=c.code,
            expires=issued.expires_at,
        )
        for c in issued.codes
    ]
    buffer = io.BytesIO()
    try:
        pages = await asyncio.to_thread(
            letter_sheets.write_letters, buffer, batch, services.config
        )
    except BaseException:
        async with services.uow() as uow:
            ids = [c.household.id for c in issued.codes]
            await withdraw_letters(uow, services.clock, member, ids)
            await uow.commit()
        raise
    part = f"-{building}" if building else ""
    return web.Response(
        body=buffer.getvalue(),
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="invites-{code}{part}.pdf"',
            "X-Letters": str(len(batch)),
            "X-Pages": str(pages),
        },
    )


@routes.post("/c/{complex}/households/code")
async def one_code(request: web.Request) -> web.StreamResponse:
    """Reissue (the new code shown once on the page) or revoke one household's code."""
    services, t = services_of(request), translator(request)
    form = await request.post()
    building, unit = str(form.get("building", "")), str(form.get("unit", ""))
    try:
        async with services.uow() as uow:
            _complex, member = await scoped(uow, request)
            if form.get("do") == "revoke":
                count = await revoke_codes(uow, services.clock, member, building, unit)
                shown = t._("코드 {count}개를 취소했어요.", count=count)
            else:
                new = await reissue_code(
                    uow, services.clock, services.invite_key, member, building, unit
                )
                shown = t._(
                    "{building}동 {unit}호의 새 코드: {code}",
                    building=new.household.building,
                    unit=new.household.unit,
                    code=new.display,
                )
            await uow.commit()
    except Forbidden:
        raise
    except NotFound:
        request[ERROR] = t._("그런 세대가 없어요. 동과 호를 확인해 주세요.")
        return await _page(request)
    except DomainError as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    return await _page(request, issued=shown)
