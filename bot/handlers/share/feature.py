"""How the share feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from functools import partial

from bot.dialogs.share import chat, edit, post_carpool, post_listing
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.share import lift, listing_actions, listings, moderation, notices, rides
from bot.handlers.share.actions import (
    MyListings,
    OpenCarpool,
    OpenKind,
    OpenProviders,
    OpenShareReports,
    OpenSuspended,
    PickKind,
    StartPost,
)
from bot.handlers.share.words import KIND_WORDS
from bot.i18n import N_
from core.share.model import Kind, Side


def _kind(kind: str, slot: str | None) -> OpenKind:
    return OpenKind(kind)


def _post_ride(side: str, slot: str | None) -> StartPost:
    return StartPost(Kind.CARPOOL.value, side=side)


def register(app: FeatureApp) -> None:
    app.routers(listings.router, rides.router, listing_actions.router)
    app.routers(moderation.router, lift.router)
    app.add_dialogs(post_carpool.dialog, post_listing.dialog, edit.dialog, *chat.DIALOGS)
    notices.register(app.services)
    app.menu(
        "share",
        MenuEntry(N_("카풀"), OpenCarpool, rank=10),
        MenuEntry(N_("돌봄·나눔 보기"), PickKind, rank=20),
        MenuEntry(N_("내 글"), MyListings, rank=30),
    )
    app.intent(
        Intent("share.carpool", N_("카풀"), lambda slot: OpenCarpool()),
        Intent(
            "share.carpool.offer", N_("카풀 태워 드리기"), partial(_post_ride, Side.OFFER.value)
        ),
        Intent(
            "share.carpool.request", N_("카풀 구하기"), partial(_post_ride, Side.REQUEST.value)
        ),
        *(
            Intent(f"share.{kind.value}", KIND_WORDS[kind], partial(_kind, kind.value))
            for kind in Kind
            if kind != Kind.CARPOOL
        ),
        Intent("share.mine", N_("내 글"), lambda slot: MyListings()),
    )
    app.menu(
        "coordinator",
        MenuEntry(N_("공유마켓 신고"), OpenShareReports, rank=90),
        MenuEntry(N_("돌봄 제공자 확인"), OpenProviders, rank=91),
        MenuEntry(N_("글쓰기 정지 풀기"), OpenSuspended, rank=92),
    )
