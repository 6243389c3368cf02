"""코디네이터 → 게시판 글 쓰기 / 게시판 글 목록: start the posting dialog, and the complex's
entries with their sign-up counts (never who signed up, nor their units). The
"board.remind" job sends the day-before reminder of an event (core.boards.reading)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.boards.actions import POST, BoardPosts, OpenEntry, StartBoardPost
from bot.handlers.boards.words import board_word, event_line, reminder_screen, until_line
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.i18n import N_
from bot.scheduler import JobContext
from bot.screens import Screen
from core.boards import reading
from core.boards.events import EventReminder
from core.boards.model import PAGE
from core.boards.posting import REMIND_JOB, may_post
from core.ids import saved

if TYPE_CHECKING:
    from bot.app import Services

router = Router()
log = logging.getLogger("naechingu.boards")


@router.on(StartBoardPost)
async def start_post(ctx: Ctx, action: StartBoardPost) -> Screen:
    may_post(ctx.membership)
    return await ctx.start_dialog(POST)


@router.on(BoardPosts)
async def board_posts(ctx: Ctx, action: BoardPosts) -> Screen:
    page = await reading.own_entries(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("아직 올린 게시판 글이 없어요."), back=OpenCoordinator())
    cards = []
    for entry in page.entries:
        lines = [board_word(ctx.t, entry.board), until_line(ctx, entry)]
        if entry.takes_signups:
            lines.append(event_line(ctx, entry))
        more = ctx.button(ctx._("자세히 보기"), OpenEntry(saved(entry.id)))
        cards.append(ctx.card(entry.title, *lines, buttons=(more,)))
    buttons = []
    if page.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("더보기"), BoardPosts(page.offset + PAGE), nav=True))
    text = ctx._("[게시판 글] 모두 {n}건이에요.", n=page.total)
    return ctx.screen(text, *buttons, cards=tuple(cards), back=OpenCoordinator())


async def remind_job(job: JobContext) -> None:
    """ "board.remind": the day-before reminder; dropped (with a log line) when it would
    arrive after the event."""
    sent = await reading.send_reminders(job.uow, job.services.clock, int(job.payload["entry_id"]))
    log.info("board entry %s: reminded %d residents", job.payload["entry_id"], sent)


def register(services: Services) -> None:
    if EventReminder not in services.notifications:
        services.notifications.register(EventReminder, reminder_screen, N_("행사 알림"))
    services.jobs.register(REMIND_JOB, remind_job)
