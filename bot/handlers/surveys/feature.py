"""How the surveys feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.surveys import answer, create
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.surveys import coordinator, residents
from bot.handlers.surveys.actions import StartSurvey, SurveyList, SurveyResults
from bot.handlers.surveys.render import closed_screen, reminder_screen
from bot.handlers.surveys.residents import any_open
from bot.i18n import N_
from core.surveys.answering import CLOSE_JOB, REMIND_JOB
from core.surveys.events import SurveyClosed, SurveyReminder


def register(app: FeatureApp) -> None:
    app.routers(residents.router, coordinator.router)
    app.add_dialogs(create.dialog, *answer.DIALOGS)
    kinds = app.services.notifications
    if SurveyReminder not in kinds:
        kinds.register(SurveyReminder, reminder_screen, N_("설문 알림"))
    if SurveyClosed not in kinds:
        kinds.register(SurveyClosed, closed_screen, N_("설문 마감"))
    app.services.jobs.register(REMIND_JOB, coordinator.remind_job)
    app.services.jobs.register(CLOSE_JOB, coordinator.close_job)
    app.menu("complex", MenuEntry(N_("설문조사"), SurveyList, rank=30, shown=any_open))
    app.intent(Intent("surveys.list", N_("설문조사"), lambda slot: SurveyList()))
    app.menu(
        "coordinator",
        MenuEntry(N_("설문 만들기"), StartSurvey, rank=60),
        MenuEntry(N_("설문 결과"), SurveyResults, rank=61),
    )
