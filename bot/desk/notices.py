"""공지: write a notice (text, photo, target 동, 긴급, a time), preview it as residents see it,
send it through the same use cases as the chat (`check_notice`, `create_notice`), and follow
each broadcast: live progress (polled from `broadcasts.json`, see today.py) and the delivery
report per channel once it is out.

```mermaid
flowchart LR
    form[공지 쓰기: 글·사진·동·긴급·예약] -->|미리 보기| preview[주민이 보는 모양] --> form
    form -->|보내기| sent[보낸 공지: 진행률 실시간] --> report[채널별 전달 보고]
    form -->|규칙 위반| form
```
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.desk.today import broadcasts
from bot.desk.web import ERROR, act, page_url, render, scoped, services_of, translator
from bot.handlers.errors import describe
from bot.handlers.notices.render import notice_text
from bot.i18n import N_
from core.desk.access import record
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Complex, Membership
from core.ids import saved
from core.media import MAX_PHOTO_BYTES, sniff_image
from core.notices.broadcast import NewNotice, check_notice, create_notice
from core.notices.reading import notice_report, target_buildings
from core.ports import UnitOfWork

routes = web.RouteTableDef()
CHANNELS = {"kakao": N_("카카오톡"), "telegram": N_("텔레그램"), "web": N_("웹 채팅")}


def _sign(request: web.Request, media_id: str) -> str:
    key = services_of(request).token_key
    return hmac.new(key, b"desk-photo:" + media_id.encode(), hashlib.sha256).hexdigest()


async def _photo(request: web.Request, form) -> str | None:  # type: ignore[no-untyped-def]
    """A new photo (stored now), or the one the preview stored (signed), or none."""
    field = form.get("photo")
    if isinstance(field, web.FileField):
        data = field.file.read(MAX_PHOTO_BYTES + 1)
        if data:
            kind = sniff_image(data[:32])
            if kind is None or len(data) > MAX_PHOTO_BYTES:
                raise InvalidInput("desk.bad_photo")
            return await services_of(request).media.put(data, kind)
    kept, sig = str(form.get("photo_id", "")), str(form.get("photo_sig", ""))
    if kept and hmac.compare_digest(sig, _sign(request, kept)):
        return kept
    return None


def _when(request: web.Request, raw: str) -> datetime | None:
    if not raw:
        return None
    tz = ZoneInfo(services_of(request).config.i18n.timezone)
    try:
        return datetime.fromisoformat(raw).replace(tzinfo=tz)
    except ValueError:
        raise InvalidInput("notice.bad_time", days=60) from None


async def _new(request: web.Request) -> NewNotice:
    form = await request.post()
    return NewNotice(
        text=str(form.get("text", "")),
        buildings=tuple(str(b) for b in form.getall("building", [])),
        urgent=form.get("urgent") == "1",
        send_at=_when(request, str(form.get("send_at", ""))),
        photo=await _photo(request, form),
    )


async def _page(
    request: web.Request, draft: NewNotice | None = None, preview: str = ""
) -> web.Response:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        running = await broadcasts(uow, request, member)
        reports = []
        for b in running[:3]:
            report = await notice_report(uow, services.clock, member, b["id"])
            reports.append((b, report.channels))
        return render(
            request,
            "notices.html",
            {
                "buildings": await target_buildings(uow, member),
                "broadcasts": running,
                "reports": reports,
                "channels": CHANNELS,
                "draft": draft,
                "preview": preview,
                "photo_url": services.media.url(draft.photo) if draft and draft.photo else "",
                "photo_sig": _sign(request, draft.photo) if draft and draft.photo else "",
            },
            complex_,
        )


@routes.get("/c/{complex}/notices")
async def notices(request: web.Request) -> web.StreamResponse:
    return await _page(request)


@routes.post("/c/{complex}/notices")
async def send(request: web.Request) -> web.StreamResponse:
    services, t = services_of(request), translator(request)
    form = await request.post()
    try:
        new = await _new(request)
    except DomainError as exc:
        request[ERROR] = describe(t, exc)
        return await _page(request)
    if form.get("do") == "preview":
        try:
            async with services.uow() as uow:
                _complex, member = await scoped(uow, request)
                checked = await check_notice(uow, services.clock, member, new)
        except (Forbidden, NotFound):
            raise
        except DomainError as exc:
            request[ERROR] = describe(t, exc)
            return await _page(request, new)
        shown = notice_text(
            t, checked.text, checked.urgent, checked.send_at or services.clock.now()
        )
        return await _page(request, checked, shown)

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        notice = await create_notice(uow, services.clock, member, new)
        where = ",".join(notice.buildings) or "all"
        await record(uow, services.clock, member, "notice", f"#{saved(notice.id)} to {where}")
        return page_url(complex_, "notices?done=1")

    async def again(request: web.Request) -> web.Response:
        return await _page(request, new)

    return await act(request, work, again)
