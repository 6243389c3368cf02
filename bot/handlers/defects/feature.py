"""How the defects feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.defects import after, file, status
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.defects import alerts, common_area, mine, notices, queue, report, summary
from bot.handlers.defects.actions import (
    AskSummaryMonth,
    CommonReports,
    MyReports,
    OpenDefectQueue,
    StartFiling,
)
from bot.handlers.defects.words import CATEGORY_WORDS
from bot.i18n import N_


def register(app: FeatureApp) -> None:
    app.routers(queue.router, report.router, summary.router, mine.router, common_area.router)
    app.add_dialogs(*status.DIALOGS, file.dialog, after.rate_dialog, after.reopen_dialog)
    alerts.register(app.services)
    notices.register_notifications(app.services.notifications)
    app.menu(
        "complex",
        MenuEntry(N_("고장 신고"), StartFiling, rank=40),
        MenuEntry(N_("내 신고 내역"), MyReports, rank=41),
        MenuEntry(N_("함께 쓰는 곳 신고"), CommonReports, rank=42),
    )
    app.intent(
        Intent(
            "defect.file",
            N_("고장 신고"),
            lambda slot: StartFiling(category=slot or ""),  # 엘리베이터 → 승강기 chosen
            slots={str(c): w for c, w in CATEGORY_WORDS.items()},
        ),
        Intent("defect.mine", N_("내 신고 내역"), lambda slot: MyReports()),
        Intent("defect.common", N_("함께 쓰는 곳 신고"), lambda slot: CommonReports()),
    )
    app.menu(
        "coordinator",
        MenuEntry(N_("고장 처리"), OpenDefectQueue, rank=20),
        MenuEntry(N_("월간 고장 통계"), AskSummaryMonth, rank=21),
    )
