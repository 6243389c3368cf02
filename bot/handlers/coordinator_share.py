"""코디네이터 → 공유마켓: reports from residents (글 보기, 숨기기, 글쓰기 정지, 문제없음) and
돌봄 제공자 확인 — marking a provider met in person, whose listings then carry the
"코디네이터 확인" badge. Every action is checked in core and written to the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator
from bot.handlers.share import OpenListing
from bot.handlers.share_words import card_title, kind_word, neighbour
from bot.i18n import N_
from bot.screens import Screen
from core.share import listings, moderation
from core.share.model import CARE_KINDS, Side

router = Router()


@dataclass(frozen=True)
class OpenShareReports(Action, kind="coord.share.reports"):
    pass


@dataclass(frozen=True)
class OpenProviders(Action, kind="coord.share.providers"):
    pass


@dataclass(frozen=True)
class VerifyPoster(Action, kind="coord.share.verify", single_use=True):
    listing_id: int


@dataclass(frozen=True)
class HideListing(Action, kind="coord.share.hide"):
    listing_id: int


@dataclass(frozen=True)
class SuspendPoster(Action, kind="coord.share.suspend"):
    listing_id: int


@dataclass(frozen=True)
class DismissReport(Action, kind="coord.share.dismiss", single_use=True):
    report_id: int


COORDINATOR_ENTRIES += [
    (N_("공유마켓 신고"), OpenShareReports),
    (N_("돌봄 제공자 확인"), OpenProviders),
]


@router.on(OpenShareReports)
async def open_reports(ctx: Ctx, action: OpenShareReports) -> Screen:
    reports = await moderation.open_reports(ctx.uow, ctx.membership)
    if not reports:
        return ctx.screen(ctx._("확인할 공유마켓 신고가 없어요."), back=OpenCoordinator())
    cards = []
    for report in reports[:5]:
        listing = await ctx.uow.share.get(report.listing_id)
        cards.append(
            ctx.card(
                card_title(ctx.t, listing),
                ctx._("신고 까닭: {reason}", reason=report.reason),
                ctx._("글쓴이: {who}", who=neighbour(ctx.t, listing.building)),
                buttons=(
                    ctx.button(ctx._("글 보기"), OpenListing(listing.id)),
                    ctx.button(ctx._("문제없음"), DismissReport(report.id)),
                ),
            )
        )
    text = ctx._("[공유마켓 신고] {n}건이에요. 글을 열어 숨기거나 글쓰기를 멈출 수 있어요.",
                 n=len(reports))  # fmt: skip
    return ctx.screen(text, back=OpenCoordinator(), cards=tuple(cards))


@router.on(DismissReport)
async def dismiss(ctx: Ctx, action: DismissReport) -> Screen:
    await moderation.dismiss_report(ctx.uow, ctx.clock, ctx.membership, action.report_id)
    return (await open_reports(ctx, OpenShareReports())).with_notices(
        ctx._("문제없음으로 닫았어요.")
    )


@router.on(OpenProviders)
async def open_providers(ctx: Ctx, action: OpenProviders) -> Screen:
    moderation.require_coordinator(ctx.membership)
    cards = []
    for kind in sorted(CARE_KINDS):
        page = await listings.browse(ctx.uow, ctx.clock, ctx.membership, kind)
        for item in page.listings:
            if item.side != Side.OFFER or item.poster_id in page.verified:
                continue
            cards.append(
                ctx.card(
                    card_title(ctx.t, item),
                    kind_word(ctx.t, item.kind),
                    neighbour(ctx.t, item.building),
                    buttons=(
                        ctx.button(ctx._("글 보기"), OpenListing(item.id)),
                        ctx.button(ctx._("코디네이터 확인"), VerifyPoster(item.id)),
                    ),
                )
            )
    text = ctx._(
        "[돌봄 제공자 확인] 직접 만나 확인한 이웃에게 '코디네이터 확인'을 눌러 주세요. "
        "그 이웃의 글에 표시가 붙어요."
    )
    if not cards:
        text += "\n" + ctx._("확인을 기다리는 돌봄 글이 없어요.")
    return ctx.screen(text, back=OpenCoordinator(), cards=tuple(cards[:5]))


@router.on(VerifyPoster)
async def verify(ctx: Ctx, action: VerifyPoster) -> Screen:
    listing = await moderation.verify_provider(ctx.uow, ctx.clock, ctx.membership,
                                               action.listing_id)  # fmt: skip
    text = ctx._("{who}을 코디네이터 확인으로 표시했어요. 이 이웃의 글에 표시가 붙어요.",
                 who=neighbour(ctx.t, listing.building))  # fmt: skip
    return ctx.screen(text, ctx.button(ctx._("글 보기"), OpenListing(listing.id)),
                      back=OpenProviders())  # fmt: skip


@router.on(HideListing)
async def hide(ctx: Ctx, action: HideListing) -> Screen:
    moderation.require_coordinator(ctx.membership)
    await listings.get_listing(ctx.uow, ctx.membership, action.listing_id)
    return await ctx.start_dialog("share.moderate", listing_id=action.listing_id, what="hide")


@router.on(SuspendPoster)
async def suspend(ctx: Ctx, action: SuspendPoster) -> Screen:
    moderation.require_coordinator(ctx.membership)
    await listings.get_listing(ctx.uow, ctx.membership, action.listing_id)
    return await ctx.start_dialog("share.moderate", listing_id=action.listing_id, what="suspend")
