"""How the votes feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.votes import create, proxy
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.votes import coordinator, residents
from bot.handlers.votes.actions import ManageVotes, StartVote, VoteList
from bot.handlers.votes.render import (
    opened_screen,
    reminder_screen,
    replaced_screen,
    result_screen,
)
from bot.i18n import N_
from core.votes.ballots import CLOSE_JOB, OPEN_JOB, REMIND_JOB
from core.votes.events import BallotReplaced, VoteOpened, VoteReminder, VoteResult


def register(app: FeatureApp) -> None:
    app.routers(residents.router, coordinator.router)
    app.add_dialogs(create.dialog, proxy.dialog)
    kinds = app.services.notifications
    for kind, renderer, label in (
        (VoteOpened, opened_screen, N_("주민투표")),
        (VoteReminder, reminder_screen, N_("투표 알림")),
        (VoteResult, result_screen, N_("투표 결과")),
        (BallotReplaced, replaced_screen, N_("우리 집 표 변경")),
    ):
        if kind not in kinds:
            kinds.register(kind, renderer, label)
    app.services.jobs.register(OPEN_JOB, coordinator.open_job)
    app.services.jobs.register(REMIND_JOB, coordinator.remind_job)
    app.services.jobs.register(CLOSE_JOB, coordinator.close_job)
    app.menu("complex", MenuEntry(N_("주민투표"), VoteList, rank=20))
    app.intent(Intent("votes.list", N_("주민투표"), lambda slot: VoteList()))
    app.menu(
        "coordinator",
        MenuEntry(N_("주민투표 만들기"), StartVote, rank=50),
        MenuEntry(N_("투표 관리"), ManageVotes, rank=51),
    )
