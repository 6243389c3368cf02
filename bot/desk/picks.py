"""우체국쇼핑·바깥 상품 at the desk: the complex's outside picks (title, source, price, link,
image), one added by hand (checked by core like a row of the file; the same link again
updates that pick), one removed, and a CSV/JSON file imported with the same reader and use
case as `python -m bot picks import` (good rows imported, each bad row reported in Korean).

```mermaid
flowchart LR
    list[바깥 상품 목록] --> add[하나 넣기: 이름·가격·링크·사진·쇼핑몰]
    add -->|규칙 위반| again[이유를 보여 주고 바뀐 것 없음]
    add -->|맞음| list
    list --> remove[빼기] --> list
    list --> upload[CSV/JSON 올리기] --> report[넣은 수 + 틀린 줄 번호와 이유] --> list
```
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.cli.pick_file import read_picks
from bot.desk.web import ERROR, act, page_url, render, scoped, services_of, translator, uploaded
from bot.handlers.errors import describe
from bot.handlers.shop.errors import problem_line
from core.desk.access import record
from core.errors import DomainError, Forbidden, NotFound
from core.ids import saved
from core.shop.pick_import import PickImport, import_picks
from core.shop.picks import add_pick, all_picks, check_pick, remove_pick

routes = web.RouteTableDef()
SHOWN_PROBLEMS = 50
FIELDS = ("title", "price", "link_url", "image_url", "source")
MAX_FIELD = 1000  # longer than any rule allows: core still says which rule, politely


async def _page(
    request: web.Request,
    *,
    report: PickImport | None = None,
    typed: dict[str, str] | None = None,
) -> web.Response:
    services, t = services_of(request), translator(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        picks = await all_picks(uow, member, saved(complex_.id))
        problems = [problem_line(t, p) for p in (report.problems if report else [])]
        return render(
            request,
            "picks.html",
            {
                "picks": picks,
                "report": report,
                "counts": report.counts[0] if report and report.counts else None,
                "problems": problems[:SHOWN_PROBLEMS],
                "more_problems": max(len(problems) - SHOWN_PROBLEMS, 0),
                "typed": typed or dict.fromkeys(FIELDS, ""),
            },
            complex_,
        )


@routes.get("/c/{complex}/picks")
async def picks(request: web.Request) -> web.StreamResponse:
    return await _page(request)


@routes.post("/c/{complex}/picks/add")
async def add(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    typed = {k: str(form.get(k, ""))[:MAX_FIELD] for k in FIELDS}

    async def work(uow, complex_, member) -> str:
        clock = services_of(request).clock
        fields = check_pick(**typed)
        outcome = await add_pick(uow, clock, member, saved(complex_.id), fields)
        await record(uow, clock, member, "picks.add", f"{outcome}: {fields.title}")
        return page_url(complex_, "picks") + "?done=1"

    async def again(request: web.Request) -> web.StreamResponse:
        return await _page(request, typed=typed)

    return await act(request, work, again)


@routes.post(r"/c/{complex}/picks/{pick:\d+}/remove")
async def remove(request: web.Request) -> web.StreamResponse:
    pick_id = int(request.match_info["pick"])

    async def work(uow, complex_, member) -> str:
        await remove_pick(uow, member, saved(complex_.id), pick_id)
        await record(uow, services_of(request).clock, member, "picks.remove", f"pick={pick_id}")
        return page_url(complex_, "picks") + "?done=1"

    return await act(request, work, _page)


@routes.post("/c/{complex}/picks/import")
async def upload(request: web.Request) -> web.StreamResponse:
    """The file's good rows are imported at once; the bad ones are listed by line."""
    services, t = services_of(request), translator(request)
    if (sent := await uploaded(request)) is None:
        return await _page(request)
    _form, data, name = sent
    try:
        rows = await asyncio.to_thread(read_picks, data, name)
        async with services.uow() as uow:
            complex_, member = await scoped(uow, request)
            report = await import_picks(uow, services.clock, member, complex_.code, rows)
            c = report.counts[0]
            detail = (
                f"{name[:60]}: created {c.created}, updated {c.updated}, "
                f"skipped {len(report.problems)}"
            )
            await record(uow, services.clock, member, "picks.import", detail)
            await uow.commit()
    except (Forbidden, NotFound):
        raise
    except DomainError as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    return await _page(request, report=report)
