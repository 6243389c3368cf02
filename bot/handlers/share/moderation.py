"""코디네이터 → 공유마켓: reports from residents (글 보기, 숨기기, 글쓰기 정지, 문제없음) and
돌봄 제공자 확인 — marking a provider met in person, whose listings then carry the
"코디네이터 확인" badge. Every action is checked in core and written to the audit log."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.share.actions import (
    MODERATE,
    DismissReport,
    HideListing,
    OpenListing,
    OpenProviders,
    OpenShareReports,
    SuspendPoster,
    VerifyPoster,
)
from bot.handlers.share.words import card_title, kind_word, neighbour
from bot.screens import Screen
from core.share import moderation, reading
from core.share.model import id_of

router = Router()


@router.on(OpenShareReports)
async def open_reports(ctx: Ctx, action: OpenShareReports) -> Screen:
    reports = await reading.report_queue(ctx.uow, ctx.membership)
    if not reports:
        return ctx.screen(ctx._("확인할 공유마켓 신고가 없어요."), back=OpenCoordinator())
    cards = []
    for item in reports[:5]:
        report, listing = item.report, item.listing
        cards.append(
            ctx.card(
                card_title(ctx.t, listing),
                ctx._("신고 까닭: {reason}", reason=report.reason),
                ctx._("글쓴이: {who}", who=neighbour(ctx.t, listing.building)),
                buttons=(
                    ctx.button(ctx._("글 보기"), OpenListing(id_of(listing))),
                    ctx.button(ctx._("문제없음"), DismissReport(id_of(report))),
                ),
            )
        )
    text = ctx._(
        "[공유마켓 신고] {n}건이에요. 글을 열어 숨기거나 글쓰기를 멈출 수 있어요.", n=len(reports)
    )
    return ctx.screen(text, back=OpenCoordinator(), cards=tuple(cards))


@router.on(DismissReport)
async def dismiss(ctx: Ctx, action: DismissReport) -> Screen:
    await moderation.dismiss_report(ctx.uow, ctx.clock, ctx.membership, action.report_id)
    return (await open_reports(ctx, OpenShareReports())).with_notices(
        ctx._("문제없음으로 닫았어요.")
    )


@router.on(OpenProviders)
async def open_providers(ctx: Ctx, action: OpenProviders) -> Screen:
    waiting = await reading.unverified_providers(ctx.uow, ctx.clock, ctx.membership)
    cards = [
        ctx.card(
            card_title(ctx.t, item),
            kind_word(ctx.t, item.kind),
            neighbour(ctx.t, item.building),
            buttons=(
                ctx.button(ctx._("글 보기"), OpenListing(id_of(item))),
                ctx.button(ctx._("코디네이터 확인"), VerifyPoster(id_of(item))),
            ),
        )
        for item in waiting[:5]
    ]
    text = ctx._(
        "[돌봄 제공자 확인] 직접 만나 확인한 이웃에게 '코디네이터 확인'을 눌러 주세요. "
        "그 이웃의 글에 표시가 붙어요."
    )
    if not cards:
        text += "\n" + ctx._("확인을 기다리는 돌봄 글이 없어요.")
    return ctx.screen(text, back=OpenCoordinator(), cards=tuple(cards))


@router.on(VerifyPoster)
async def verify(ctx: Ctx, action: VerifyPoster) -> Screen:
    listing = await moderation.verify_provider(
        ctx.uow, ctx.clock, ctx.membership, action.listing_id
    )
    text = ctx._(
        "{who}을(를) 코디네이터 확인으로 표시했어요. 이 이웃의 글에 표시가 붙어요.",
        who=neighbour(ctx.t, listing.building),
    )
    more = ctx.button(ctx._("글 보기"), OpenListing(action.listing_id))
    return ctx.screen(text, more, back=OpenProviders())


@router.on(HideListing)
async def hide(ctx: Ctx, action: HideListing) -> Screen:
    await reading.listing_to_moderate(ctx.uow, ctx.membership, action.listing_id)
    return await ctx.start_dialog(MODERATE, listing_id=action.listing_id, what="hide")


@router.on(SuspendPoster)
async def suspend(ctx: Ctx, action: SuspendPoster) -> Screen:
    await reading.listing_to_moderate(ctx.uow, ctx.membership, action.listing_id)
    return await ctx.start_dialog(MODERATE, listing_id=action.listing_id, what="suspend")
