"""코디네이터 → 공지 보내기 / 보낸 공지: start the notice dialog, the complex's notices with
their read counts, a broadcast's progress ("전송 중 12,480 / 26,000 (실패 35, 차단 12) —
약 8분 남음", refreshed on request, then the final report), cancelling a scheduled notice
and pinning. The "notice.send" job queues the broadcast in chunks (core.notices.broadcast)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator, require_coordinator
from bot.handlers.notices import notice_screen, params_of
from bot.i18n import N_
from bot.scheduler import JobContext
from bot.screens import Screen
from core.notices import broadcast
from core.notices.model import NoticeStatus, Progress

router = Router()
PAGE = 5


@dataclass(frozen=True)
class StartNotice(Action, kind="coord.notice.new"):
    pass


@dataclass(frozen=True)
class SentNotices(Action, kind="coord.notices"):
    offset: int = 0


@dataclass(frozen=True)
class NoticeProgress(Action, kind="coord.notice.progress"):
    notice_id: int


@dataclass(frozen=True)
class CancelNotice(Action, kind="coord.notice.cancel"):
    notice_id: int


@dataclass(frozen=True)
class PinNotice(Action, kind="coord.notice.pin"):
    notice_id: int
    pinned: bool


COORDINATOR_ENTRIES += [
    (N_("공지 보내기"), StartNotice),
    (N_("보낸 공지"), SentNotices),
]

STATUS_WORDS = {
    NoticeStatus.SCHEDULED: N_("예약됨"),
    NoticeStatus.SENDING: N_("보내는 중"),
    NoticeStatus.SENT: N_("보냄"),
    NoticeStatus.CANCELLED: N_("취소됨"),
}


@router.on(StartNotice)
async def start_notice(ctx: Ctx, action: StartNotice) -> Screen:
    require_coordinator(ctx)
    buildings = await ctx.uow.notices.buildings(ctx.membership.complex_id)
    return await ctx.start_dialog("notice.send", _buildings=buildings)


@router.on(SentNotices)
async def sent_notices(ctx: Ctx, action: SentNotices) -> Screen:
    require_coordinator(ctx)
    offset = max(action.offset, 0)
    notices, total = await ctx.uow.notices.for_complex(
        ctx.membership.complex_id, offset=offset, limit=PAGE
    )
    if not total:
        return ctx.screen(ctx._("아직 보낸 공지가 없어요."), back=OpenCoordinator())
    cards = []
    for notice in notices:
        reads = await ctx.uow.notices.read_count(notice.id)
        first = " ".join(notice.text.split())[:30]
        cards.append(
            ctx.card(
                first,
                ctx._("{status} · {when}", status=ctx._(STATUS_WORDS[notice.status]),
                      when=ctx.t.datetime(notice.send_at, "M월 d일 B h:mm")),
                ctx._("받은 주민 {n}명 · 읽은 주민 {reads}명", n=ctx.t.number(notice.recipients),
                      reads=ctx.t.number(reads)),
                buttons=(ctx.button(ctx._("열기"), NoticeProgress(notice.id)),),
            )
        )  # fmt: skip
    buttons = []
    if offset + PAGE < total:
        buttons.append(ctx.button(ctx._("더보기"), SentNotices(offset + PAGE), nav=True))
    text = ctx._("[보낸 공지] 모두 {n}건이에요.", n=total)
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
    notice = await broadcast.own_notice(ctx.uow, ctx.membership, action.notice_id)
    preview = notice_screen(ctx.t, params_of(ctx, notice)).text
    lines = [preview, ""]
    buttons = []
    if notice.status == NoticeStatus.SCHEDULED:
        lines.append(ctx._("{when}에 보낼 예정이에요.", when=ctx.t.datetime(notice.send_at)))
        buttons.append(ctx.button(ctx._("예약 취소"), CancelNotice(notice.id)))
    elif notice.status == NoticeStatus.CANCELLED:
        lines.append(ctx._("취소한 공지예요."))
    else:
        p = await broadcast.progress(ctx.uow, ctx.clock, ctx.membership, notice.id)
        lines.append(progress_line(ctx, p))
        reads = await ctx.uow.notices.read_count(notice.id)
        lines.append(ctx._("읽은 주민: {n}명", n=ctx.t.number(reads)))
        if not p.finished:
            buttons.append(ctx.button(ctx._("새로고침"), NoticeProgress(notice.id)))
        label = ctx._("고정 풀기") if notice.pinned else ctx._("맨 위에 고정")
        buttons.append(ctx.button(label, PinNotice(notice.id, not notice.pinned)))
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
    notice = await job.uow.notices.get(int(job.payload["notice_id"]))
    if notice is None:
        return
    photo = job.services.media.url(notice.photo) if notice.photo else None
    await broadcast.send_chunk(
        job.uow, job.services.clock, notice.id, int(job.payload.get("after", 0)),
        extra={"photo_url": photo},
    )  # fmt: skip


def register(services) -> None:
    from bot.handlers.notices import register_notifications

    register_notifications(services.notifications)
    services.jobs.register(broadcast.SEND_JOB, send_job)
