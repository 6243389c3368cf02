"""코디네이터 → 공지 보내기 / 보낸 공지: start the notice dialog, the complex's notices with
their read counts, a broadcast's progress and final report per channel in the four states
(전송됨, 받은 알림함 대기, 읽음, 실패/차단; "보내는 중 — 약 8분 남음" while it goes, refreshed
on request), the households not reached after 6 or 24 hours (per 동), cancelling a
scheduled notice and pinning. The "notice.send" job queues the broadcast in chunks
(core.notices.broadcast)."""

from __future__ import annotations

from datetime import timedelta

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.notices.actions import (
    SEND_DIALOG,
    CancelNotice,
    NoticeProgress,
    NotReached,
    PinNotice,
    SentNotices,
    StartNotice,
)
from bot.handlers.notices.render import building_words, clip, notice_text
from bot.i18n import N_
from bot.scheduler import JobContext
from bot.screens import Screen
from core.ids import saved
from core.notices import broadcast
from core.notices.model import UNREACHED_HOURS, ChannelDelivery, NoticeStatus
from core.notices.reading import (
    PAGE,
    UNREACHED_PAGE,
    NoticeReport,
    notice_report,
    sent_notices,
    target_buildings,
    unreached_households,
)

router = Router()

STATUS_WORDS: dict[str, str] = {
    NoticeStatus.SCHEDULED: N_("예약됨"),
    NoticeStatus.SENDING: N_("보내는 중"),
    NoticeStatus.SENT: N_("보냄"),
    NoticeStatus.CANCELLED: N_("취소됨"),
}

CHANNEL_WORDS: dict[str, str] = {
    "kakao": N_("카카오톡"),
    "telegram": N_("텔레그램"),
    "web": N_("웹 채팅"),
    "alimtalk": N_("알림톡"),
}


@router.on(StartNotice)
async def start_notice(ctx: Ctx, action: StartNotice) -> Screen:
    buildings = await target_buildings(ctx.uow, ctx.membership)
    return await ctx.start_dialog(SEND_DIALOG, _buildings=buildings)


@router.on(SentNotices)
async def list_sent(ctx: Ctx, action: SentNotices) -> Screen:
    page = await sent_notices(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("아직 보낸 공지가 없어요."), back=OpenCoordinator())
    cards = []
    for sent in page.notices:
        notice = sent.notice
        first = " ".join(notice.text.split())[:30]
        status = ctx._(STATUS_WORDS[notice.status])
        when = ctx.t.day_time(notice.send_at)
        received = ctx.t.number(notice.recipients)
        cards.append(
            ctx.card(
                first,
                ctx._("{status} · {when}", status=status, when=when),
                ctx._(
                    "받는 주민 {n}명 · 읽은 주민 {reads}명",
                    n=received,
                    reads=ctx.t.number(sent.reads),
                ),
                buttons=(ctx.button(ctx._("열기"), NoticeProgress(saved(notice.id))),),
            )
        )
    buttons = []
    if page.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("더보기"), SentNotices(page.offset + PAGE), nav=True))
    text = ctx._("[보낸 공지] 모두 {n}건이에요.", n=page.total)
    return ctx.screen(text, *buttons, cards=tuple(cards), back=OpenCoordinator())


def delivery_line(ctx: Ctx, name: str, c: ChannelDelivery) -> str:
    """ "카카오톡 3: 전송됨 0 · 받은 알림함 대기 2 · 읽음 1 · 실패/차단 0" (the states add up to
    the count after the name; 보내는 중 only while there is some)."""
    n = ctx.t.number
    line = ctx._(
        "{name} {total}: 전송됨 {pushed} · 받은 알림함 대기 {waiting} · 읽음 {read} · "
        "실패/차단 {failed}",
        name=name,
        total=n(c.total),
        pushed=n(c.pushed),
        waiting=n(c.waiting),
        read=n(c.read),
        failed=n(c.failed),
    )
    if c.sending:
        line += " · " + ctx._("보내는 중 {n}", n=n(c.sending))
    return line


def report_lines(ctx: Ctx, report: NoticeReport) -> list[str]:
    """The broadcast's progress or final report, per channel, within one bubble."""
    p, total = report.progress, report.total
    if p is None:
        return []
    if p.finished:
        head = ctx._("보내기를 마쳤어요.")
    else:
        head = ctx._("보내는 중이에요.")
        if p.seconds_left is not None:
            minutes = max(1, round(p.seconds_left / 60))
            head += " " + ctx._("약 {m}분 남았어요.", m=minutes)
    lines = [head]
    for c in report.channels:
        name = ctx._(CHANNEL_WORDS[c.channel]) if c.channel in CHANNEL_WORDS else c.channel
        lines.append("· " + delivery_line(ctx, name, c))
    if len(report.channels) != 1 or report.unqueued:
        lines.append("· " + delivery_line(ctx, ctx._("모두"), total))
    if total.waiting:
        lines.append(ctx._("받은 알림함 대기: 주민이 다음에 챗봇에 말을 걸 때 보여요."))
    lines.append(ctx._("읽은 주민: {n}명", n=ctx.t.number(report.reads)))
    return lines


@router.on(NoticeProgress)
async def notice_progress(ctx: Ctx, action: NoticeProgress) -> Screen:
    report = await notice_report(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    notice = report.notice
    lines = [notice_text(ctx.t, clip(notice.text, 60), notice.urgent, notice.send_at), ""]
    buttons = []
    if notice.status == NoticeStatus.SCHEDULED:
        lines.append(ctx._("{when}에 보낼 예정이에요.", when=ctx.t.datetime(notice.send_at)))
        buttons.append(ctx.button(ctx._("예약 취소"), CancelNotice(saved(notice.id))))
    elif notice.status == NoticeStatus.CANCELLED:
        lines.append(ctx._("취소한 공지예요."))
    elif report.progress is not None:
        lines += report_lines(ctx, report)
        if not report.progress.finished:
            buttons.append(ctx.button(ctx._("새로고침"), NoticeProgress(saved(notice.id))))
        for hours in UNREACHED_HOURS:
            label = ctx._("못 받은 세대 {h}시간", h=hours)
            buttons.append(ctx.button(label, NotReached(saved(notice.id), hours)))
        label = ctx._("고정 풀기") if notice.pinned else ctx._("맨 위에 고정")
        buttons.append(ctx.button(label, PinNotice(saved(notice.id), not notice.pinned)))
    return ctx.screen("\n".join(lines), *buttons, back=SentNotices())


@router.on(NotReached)
async def not_reached(ctx: Ctx, action: NotReached) -> Screen:
    """아직 못 받은 세대: per 동 (never the unit), paged."""
    page = await unreached_households(
        ctx.uow, ctx.clock, ctx.membership, action.notice_id, action.hours, action.offset
    )
    notice, hours = page.notice, page.hours
    back = NoticeProgress(saved(notice.id))
    lines = [ctx._("[아직 못 받은 세대] {h}시간 기준", h=hours)]
    lines.append(clip(notice.text, 40))
    lines.append("")
    buttons = []
    if page.too_early:
        started = notice.started_at or notice.send_at
        lines.append(
            ctx._(
                "공지를 보낸 지 아직 {h}시간이 지나지 않았어요. {when}부터 볼 수 있어요.",
                h=hours,
                when=ctx.t.day_time(started + timedelta(hours=hours)),
            )
        )
    elif not page.total:
        lines.append(ctx._("보낸 지 {h}시간이 지났고, 모든 세대가 공지를 받았어요.", h=hours))
    else:
        lines.append(
            ctx._(
                "보낸 지 {h}시간이 지나도 공지가 닿지 않은 세대가 {n}세대 있어요.",
                h=hours,
                n=ctx.t.number(page.households),
            )
        )
        for b in page.buildings:
            lines.append(
                "· "
                + ctx._(
                    "{building}: {n}세대",
                    building=building_words(ctx.t, b.building),
                    n=ctx.t.number(b.households),
                )
            )
        lines.append(ctx._("게시판이나 안내 방송으로도 알려 주세요."))
        if page.offset + UNREACHED_PAGE < page.total:
            more = NotReached(saved(notice.id), hours, page.offset + UNREACHED_PAGE)
            buttons.append(ctx.button(ctx._("더보기"), more, nav=True))
    other = next(h for h in UNREACHED_HOURS if h != hours)
    buttons.append(
        ctx.button(ctx._("못 받은 세대 {h}시간", h=other), NotReached(saved(notice.id), other))
    )
    return ctx.screen("\n".join(lines), *buttons, back=back)


@router.on(CancelNotice)
async def cancel_notice(ctx: Ctx, action: CancelNotice) -> Screen:
    await broadcast.cancel_notice(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    text = ctx._("예약한 공지를 취소했어요. 주민에게 가지 않아요.")
    return ctx.screen(text, ctx.button(ctx._("보낸 공지"), SentNotices()), back=OpenCoordinator())


@router.on(PinNotice)
async def pin_notice(ctx: Ctx, action: PinNotice) -> Screen:
    await broadcast.pin_notice(ctx.uow, ctx.membership, action.notice_id, action.pinned)
    return await notice_progress(ctx, NoticeProgress(action.notice_id))


async def send_job(job: JobContext) -> None:
    """ "notice.send": queue one chunk of the broadcast and arm the next one."""
    p, s = job.payload, job.services
    await broadcast.send_chunk(
        job.uow, s.clock, int(p["notice_id"]), int(p.get("after", 0)), media=s.media
    )
