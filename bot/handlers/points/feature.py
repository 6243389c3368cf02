"""How the points feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.points import pay_rent, spend_common
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.points import common, jobs, menu
from bot.handlers.points.actions import CommonPoints, HowToEarn, MyPoints, PayRent, SpendCommon
from bot.i18n import N_


def register(app: FeatureApp) -> None:
    app.routers(menu.router, common.router)
    app.add_dialogs(pay_rent.dialog, spend_common.dialog)
    jobs.register(app.services)
    app.menu(
        "points",
        MenuEntry(N_("내 포인트"), MyPoints, rank=10),
        MenuEntry(N_("임대료로 내기"), PayRent, rank=20),
        MenuEntry(N_("공용 포인트 보기"), CommonPoints, rank=30),
        MenuEntry(N_("포인트 모으는 법"), HowToEarn, rank=40),
    )
    app.menu("coordinator", MenuEntry(N_("공용 포인트 쓰기"), SpendCommon, rank=30))
    app.intent(
        Intent("points.balance", N_("내 포인트"), lambda slot: MyPoints()),
        Intent("points.rent", N_("임대료로 내기"), lambda slot: PayRent()),
        Intent("points.common", N_("공용 포인트 보기"), lambda slot: CommonPoints()),
        Intent("points.earn", N_("포인트 모으는 법"), lambda slot: HowToEarn()),
    )
