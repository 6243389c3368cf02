"""How board entries read: the boards' names, how long an entry stays up, an event's time
and seats, and the day-before reminder. A leaf: it imports no handler module."""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.handlers.boards.actions import OpenEntry
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.boards.events import EventReminder
from core.boards.model import Board, BoardEntry

BOARD_WORDS = {
    Board.LIVING: N_("생활편의"),
    Board.JOBS: N_("일자리"),
    Board.CULTURE: N_("교육문화"),
}


def board_word(t: Translator, board: str) -> str:
    return t._(BOARD_WORDS[Board(board)]) if board in set(Board) else board


def event_line(ctx: Ctx, entry: BoardEntry) -> str:
    return ctx._(
        "행사: {when} · 신청 {taken} / {capacity}명",
        when=ctx.t.datetime(entry.event_at),
        taken=ctx.t.number(entry.taken),
        capacity=ctx.t.number(entry.capacity or 0),
    )


def until_line(ctx: Ctx, entry: BoardEntry) -> str:
    return ctx._("{date}까지 게시", date=ctx.t.day(entry.expires_at))


def reminder_screen(t: Translator, p: EventReminder) -> Screen:
    """The day-before reminder to everyone signed up, with a button to open the entry."""
    when = t.datetime(p.at)
    text = t._(
        "[교육문화 알림] 신청하신 '{title}' 행사가 {when}에 있어요.", title=p.title, when=when
    )
    buttons = (Button(t._("자세히 보기"), OpenEntry(p.entry_id).dump()),)
    return Screen(text, buttons=buttons)
