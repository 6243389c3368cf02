"""고장 신고: the complex's queue with filters (status, 분류, 동), one report with its photos and
history, status changes and comments (the chat's `change_status` / `add_comment`: the same
rules, the household told), and the monthly report: the chart the chat draws and a CSV.

```mermaid
flowchart LR
    queue[목록: 상태·분류·동으로 거르기] --> one[신고 보기: 사진·기록]
    one -->|상태 바꾸기·의견| one
    queue --> month[월간 보고: 그래프·CSV]
```
"""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime

from aiohttp import web

from bot.charts import bar_charts
from bot.desk.web import act, int_param, page_url, render, scoped, services_of, translator
from bot.handlers.defects.summary import month_bounds
from bot.handlers.defects.words import (
    CATEGORY_WORDS,
    STATUS_ORDER,
    STATUS_WORDS,
    category_word,
    status_word,
)
from bot.i18n import Translator
from core.defects.handling import add_comment, change_status, is_overdue, open_buildings, queue
from core.defects.reading import handled_details
from core.defects.summary import Summary, monthly_summary
from core.desk.access import record
from core.desk.reading import monthly_reports
from core.identity.model import Complex, Membership
from core.ports import UnitOfWork

routes = web.RouteTableDef()


@routes.get("/c/{complex}/defects")
async def defects(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    q = request.query
    status = q.get("status") if q.get("status") in STATUS_WORDS else None
    category = q.get("category") if q.get("category") in CATEGORY_WORDS else None
    building = q.get("building") or None
    offset = max(int_param(q.get("offset"), 0) or 0, 0)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        page = await queue(
            uow, member, status=status, category=category, building=building, offset=offset
        )
        now = services.clock.now()
        return render(
            request,
            "defects.html",
            {
                "page": page,
                "overdue": {r.id for r in page.reports if is_overdue(r, now)},
                "buildings": await open_buildings(uow, member),
                "chosen": {"status": status, "category": category, "building": building},
                "statuses": [(s, STATUS_WORDS[s]) for s in STATUS_ORDER],
                "categories": list(CATEGORY_WORDS.items()),
                "category_word": category_word,
                "status_word": status_word,
                "next_offset": offset + len(page.reports),
            },
            complex_,
        )


def _report_id(request: web.Request) -> int:
    return int_param(request.match_info["report"], 0) or 0


async def _one(request: web.Request) -> web.Response:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        details = await handled_details(uow, member, _report_id(request))
        return render(
            request,
            "defect.html",
            {
                "d": details,
                "photos": [services.media.url(p) for p in details.report.photos],
                "statuses": [(s, STATUS_WORDS[s]) for s in STATUS_ORDER],
                "category_word": category_word,
                "status_word": status_word,
            },
            complex_,
        )


@routes.get(r"/c/{complex}/defects/{report:\d+}")
async def one(request: web.Request) -> web.StreamResponse:
    return await _one(request)


@routes.post(r"/c/{complex}/defects/{report:\d+}")
async def handle(request: web.Request) -> web.StreamResponse:
    """A status change (with its reason) or a comment to the household."""
    services = services_of(request)
    form = await request.post()

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        report_id = _report_id(request)
        if form.get("do") == "comment":
            await add_comment(uow, services.clock, member, report_id, str(form.get("text", "")))
            await record(uow, services.clock, member, "defect.comment", f"report #{report_id}")
        else:
            target = str(form.get("status", ""))
            reason = str(form.get("reason", ""))
            await change_status(uow, services.clock, member, report_id, target, reason=reason)
            await record(uow, services.clock, member, "defect.status", f"#{report_id} {target}")
        return page_url(complex_, f"defects/{report_id}?done=1")

    return await act(request, work, _one)


def _chart(t: Translator, month: str, s: Summary) -> tuple[str, list]:  # type: ignore[type-arg]
    by_category = [(t._(w), s.by_category.get(c, 0)) for c, w in CATEGORY_WORDS.items()]
    by_status = [(status_word(t, st), s.by_status.get(st, 0)) for st in STATUS_ORDER]
    title = t._("{month} 하자 신고 {n}건", month=month, n=s.total)
    return title, [(t._("종류별"), by_category), (t._("상태별"), by_status)]


def _month(request: web.Request) -> tuple[str, datetime, datetime]:
    """This month or last (?month=last): its name and [start, end) at local midnight."""
    t = translator(request)
    back = 1 if request.query.get("month") == "last" else 0
    today = services_of(request).clock.now().astimezone(t.tz).date()
    start, end = month_bounds(today, back, t.tz)
    return t.month(start), start, end


@routes.get("/c/{complex}/defects/report")
async def report(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        month, start, end = _month(request)
        summary = await monthly_summary(uow, member, start, end)
        return render(
            request,
            "defects_report.html",
            {
                "month": month,
                "summary": summary,
                "which": request.query.get("month", "this"),
                "by_category": [
                    (t._(w), summary.by_category.get(c, 0)) for c, w in CATEGORY_WORDS.items()
                ],
                "by_status": [
                    (status_word(t, s), summary.by_status.get(s, 0)) for s in STATUS_ORDER
                ],
            },
            complex_,
        )


@routes.get("/c/{complex}/defects/report.png")
async def report_chart(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    async with services.uow() as uow:
        _complex, member = await scoped(uow, request)
        month, start, end = _month(request)
        summary = await monthly_summary(uow, member, start, end)
    title, groups = _chart(t, month, summary)
    png = await asyncio.to_thread(bar_charts, title, groups)
    return web.Response(body=png, content_type="image/png")


@routes.get("/c/{complex}/defects/report.csv")
async def report_csv(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        _month_name, start, end = _month(request)
        rows = await monthly_reports(uow, member, start, end)
        await record(uow, services.clock, member, "defect.csv", f"{start:%Y-%m}")
        await uow.commit()
        code = complex_.code
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(
        [t._("번호"), t._("접수"), t._("분류"), t._("동"), t._("상태"), t._("긴급"), t._("완료")]
    )
    for r, building in rows:
        done = t.stamp(r.done_at) if r.done_at else ""
        out.writerow(
            [
                r.id,
                t.stamp(r.created_at),
                category_word(t, r.category),
                building,
                status_word(t, r.status),
                "Y" if r.urgent else "",
                done,
            ]
        )
    return web.Response(
        body=buffer.getvalue().encode("utf-8-sig"),  # with a BOM: Excel shows the Korean
        content_type="text/csv",
        charset="utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="defects-{code}-{start:%Y-%m}.csv"'
        },
    )
