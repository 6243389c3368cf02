"""코디네이터 → 공지 보내기 / 보낸 공지: start the notice dialog, the complex's notices with
their read counts, a broadcast's progress ("전송 중 12,480 / 26,000 (실패 35, 차단 12) —
약 8분 남음", refreshed on request, then the final report), cancelling a scheduled notice
and pinning. The "notice.send" job queues the broadcast in chunks (core.notices.broadcast)."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.notices.actions import (
    SEND_DIALOG,
    CancelNotice,
    NoticeProgress,
    PinNotice,
    SentNotices,
    StartNotice,
)
from bot.handlers.notices.render import notice_screen, published
from bot.i18n import N_
from bot.scheduler import JobContext
from bot.screens import Screen
from core.ids import saved
from core.notices import broadcast
from core.notices.model import NoticeStatus, Progress
from core.notices.reading import PAGE, notice_report, sent_notices, target_buildings

router = Router()

STATUS_WORDS: dict[str, str] = {
    NoticeStatus.SCHEDULED: N_("예약됨"),
    NoticeStatus.SENDING: N_("보내는 중"),
    NoticeStatus.SENT: N_("보냄"),
    NoticeStatus.CANCELLED: N_("취소됨"),
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
        when = ctx.t.datetime(notice.send_at, "M월 d일 B h:mm")
        received = ctx.t.number(notice.recipients)
        cards.append(
            ctx.card(
                first,
                ctx._("{status} · {when}", status=status, when=when),
                ctx._(
                    "받은 주민 {n}명 · 읽은 주민 {reads}명",
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


def progress_line(ctx: Ctx, p: Progress) -> str:
    counts = {
        "done": ctx.t.number(p.delivered),
        "total": ctx.t.number(p.total),
        "failed": ctx.t.number(p.failed),
        "blocked": ctx.t.number(p.blocked),
    }
    if p.finished:
        return ctx._("전송 완료: {done} / {total} (실패 {failed}, 차단 {blocked})", **counts)
    line = ctx._("전송 중 {done} / {total} (실패 {failed}, 차단 {blocked})", **counts)
    if p.seconds_left is not None:
        minutes = max(1, round(p.seconds_left / 60))
        line += " — " + ctx._("약 {m}분 남음", m=minutes)
    return line


@router.on(NoticeProgress)
async def notice_progress(ctx: Ctx, action: NoticeProgress) -> Screen:
    report = await notice_report(ctx.uow, ctx.clock, ctx.membership, action.notice_id)
    notice = report.notice
    lines = [notice_screen(ctx.t, published(ctx, notice)).text, ""]
    buttons = []
    if notice.status == NoticeStatus.SCHEDULED:
        lines.append(ctx._("{when}에 보낼 예정이에요.", when=ctx.t.datetime(notice.send_at)))
        buttons.append(ctx.button(ctx._("예약 취소"), CancelNotice(saved(notice.id))))
    elif notice.status == NoticeStatus.CANCELLED:
        lines.append(ctx._("취소한 공지예요."))
    elif report.progress is not None:
        lines.append(progress_line(ctx, report.progress))
        lines.append(ctx._("읽은 주민: {n}명", n=ctx.t.number(report.reads)))
        if not report.progress.finished:
            buttons.append(ctx.button(ctx._("새로고침"), NoticeProgress(saved(notice.id))))
        label = ctx._("고정 풀기") if notice.pinned else ctx._("맨 위에 고정")
        buttons.append(ctx.button(label, PinNotice(saved(notice.id), not notice.pinned)))
    return ctx.screen("\n".join(lines), *buttons, back=SentNotices())


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
