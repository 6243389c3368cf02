"""오늘: what needs the office today — open 고장 신고 by how late they are (SLA), help
requests waiting, reported 공유마켓 listings, broadcasts going out (live progress, polled from
`broadcasts.json`) and votes open with their turnout. Reads only, through core."""

from __future__ import annotations

from aiohttp import web

from bot.desk.web import render, scoped, services_of, translator
from bot.handlers.defects.words import category_word, status_word
from core.defects.handling import is_overdue, queue
from core.desk.reading import turnout_by_building
from core.helpdesk.reading import counts
from core.identity.model import Membership
from core.ids import saved
from core.notices.reading import notice_report, sent_notices
from core.ports import UnitOfWork
from core.share.moderation import open_reports
from core.votes.model import VoteStatus
from core.votes.reading import managed_votes

routes = web.RouteTableDef()


async def broadcasts(uow: UnitOfWork, request: web.Request, member: Membership) -> list[dict]:
    """Recent notices still going out (and those just finished), with their progress."""
    services, t = services_of(request), translator(request)
    found = []
    for sent in (await sent_notices(uow, member)).notices[:5]:
        report = await notice_report(uow, services.clock, member, saved(sent.notice.id))
        p = report.progress
        done = (p.delivered + p.failed + p.blocked) if p else 0
        total = p.total if p else 0
        found.append(
            {
                "id": sent.notice.id,
                "text": sent.notice.text[:40],
                "status": str(sent.notice.status),
                "total": total,
                "delivered": p.delivered if p else 0,
                "failed": (p.failed + p.blocked) if p else 0,
                "pending": p.pending if p else 0,
                "percent": done * 100 // total if total else 0,
                "finished": bool(p and p.finished),
                "reads": report.reads,
                "count": t._("{done}/{total}명", done=t.number(done), total=t.number(total)),
            }
        )
    return found


@routes.get("/c/{complex}/")
async def today(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        now = services.clock.now()
        page = await queue(uow, member)
        defects = [
            {
                "id": r.id,
                "category": r.category,
                "building": page.building_of(r),
                "status": r.status,
                "urgent": r.urgent,
                "overdue": is_overdue(r, now),
                "created_at": r.created_at,
            }
            for r in page.reports
        ]
        help_waiting = (await counts(uow, member)).waiting
        reports = await open_reports(uow, member)
        votes = []
        for vote in (await managed_votes(uow, member)).votes:
            if vote.status != VoteStatus.OPEN:
                continue
            rows = await turnout_by_building(uow, member, saved(vote.id))
            eligible, voted = sum(r.eligible for r in rows), sum(r.voted for r in rows)
            votes.append({"vote": vote, "eligible": eligible, "voted": voted})
        running = await broadcasts(uow, request, member)
        return render(
            request,
            "today.html",
            {
                "defects": defects,
                "defects_total": page.total,
                "overdue": sum(1 for d in defects if d["overdue"]),
                "help_waiting": help_waiting,
                "reports": reports,
                "votes": votes,
                "broadcasts": running,
                "category_word": category_word,
                "status_word": status_word,
            },
            complex_,
        )


@routes.get("/c/{complex}/broadcasts.json")
async def broadcasts_json(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        _complex, member = await scoped(uow, request)
        running = await broadcasts(uow, request, member)
    return web.json_response({"broadcasts": running})
