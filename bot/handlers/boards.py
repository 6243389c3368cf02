"""우리단지 → 생활편의 / 일자리 / 교육문화 for residents: a board's entries as cards (newest
first, expired ones hidden, 5 a page with 더보기), one entry opened (its text, photo and link
button), 신청하기 (single-use: a redelivered tap counts once) and 신청 취소 for 교육문화 events,
and the "board.reminder" notification the day before an event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.boards import reading
from core.boards.model import PAGE, Board, BoardEntry

router = Router()

BOARD_WORDS = {
    Board.LIVING: N_("생활편의"),
    Board.JOBS: N_("일자리"),
    Board.CULTURE: N_("교육문화"),
}


@dataclass(frozen=True)
class BoardList(Action, kind="board.list"):
    board: str
    offset: int = 0


@dataclass(frozen=True)
class OpenEntry(Action, kind="board.open"):
    entry_id: int


@dataclass(frozen=True)
class SignUp(Action, kind="board.signup", single_use=True):
    entry_id: int


@dataclass(frozen=True)
class CancelSignup(Action, kind="board.cancel", single_use=True):
    entry_id: int


def entries_for_home() -> list[tuple[str, Any]]:
    """The three entry points under 우리단지 (added to home.SECTION_ENTRIES)."""
    return [(BOARD_WORDS[b], partial(BoardList, b.value)) for b in Board]


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
    return ctx._("{date}까지 게시", date=ctx.t.datetime(entry.expires_at, "M월 d일"))


def back_to_complex() -> Action:
    from bot.handlers.home import OpenSection

    return OpenSection("complex")


@router.on(BoardList)
async def board_list(ctx: Ctx, action: BoardList) -> Screen:
    page = await reading.list_entries(
        ctx.uow, ctx.clock, ctx.membership, action.board, action.offset
    )
    name = board_word(ctx.t, action.board)
    if not page.total:
        return ctx.screen(ctx._("[{board}] 아직 올라온 글이 없어요.", board=name),
                          back=back_to_complex())  # fmt: skip
    cards = []
    for entry in page.entries:
        lines = [until_line(ctx, entry)]
        if entry.takes_signups:
            lines.append(event_line(ctx, entry))
        photo = ctx.services.media.url(entry.photo) if entry.photo else None
        cards.append(
            ctx.card(entry.title, *lines, image_url=photo,
                     buttons=(ctx.button(ctx._("자세히 보기"), OpenEntry(entry.id)),))
        )  # fmt: skip
    buttons = []
    if page.offset + PAGE < page.total:
        more = BoardList(action.board, page.offset + PAGE)
        buttons.append(ctx.button(ctx._("더보기"), more, nav=True))
    text = ctx._("[{board}] 모두 {n}건이에요. 최근 글부터 보여 드려요.", board=name, n=page.total)
    return ctx.screen(text, *buttons, cards=tuple(cards), back=back_to_complex())


async def entry_screen(ctx: Ctx, entry: BoardEntry, note: str = "") -> Screen:
    lines = [f"[{board_word(ctx.t, entry.board)}] {entry.title}", entry.text, "",
             until_line(ctx, entry)]  # fmt: skip
    buttons = []
    if entry.link:
        buttons.append(ctx.link(ctx._("링크 열기"), entry.link))
    if entry.takes_signups:
        lines.append(event_line(ctx, entry))
        if not ctx.membership.is_coordinator:
            if await ctx.uow.boards.is_signed_up(entry.id, ctx.membership.resident_id):
                lines.append(ctx._("신청하셨어요."))
                buttons.append(ctx.button(ctx._("신청 취소"), CancelSignup(entry.id)))
            elif entry.seats_left and ctx.clock.now() < entry.event_at:
                buttons.append(ctx.button(ctx._("신청하기"), SignUp(entry.id)))
            elif not entry.seats_left:
                lines.append(ctx._("자리가 모두 찼어요."))
    if note:
        lines = [note, "", *lines]
    photo = ctx.services.media.url(entry.photo) if entry.photo else None
    return ctx.screen("\n".join(lines), *buttons, image_url=photo,
                      image_alt=ctx._("게시글 사진") if photo else "",
                      back=BoardList(entry.board))  # fmt: skip


@router.on(OpenEntry)
async def open_entry(ctx: Ctx, action: OpenEntry) -> Screen:
    entry = await reading.open_entry(ctx.uow, ctx.clock, ctx.membership, action.entry_id)
    return await entry_screen(ctx, entry)


@router.on(SignUp)
async def sign_up(ctx: Ctx, action: SignUp) -> Screen:
    entry = await reading.sign_up(ctx.uow, ctx.clock, ctx.membership, action.entry_id)
    note = ctx._("신청했어요. 행사 하루 전에 알려 드릴게요.")
    return await entry_screen(ctx, entry, note)


@router.on(CancelSignup)
async def cancel_signup(ctx: Ctx, action: CancelSignup) -> Screen:
    entry = await reading.cancel_signup(ctx.uow, ctx.clock, ctx.membership, action.entry_id)
    return await entry_screen(ctx, entry, ctx._("신청을 취소했어요."))


def reminder_screen(t: Translator, p: dict[str, Any]) -> Screen:
    """The day-before reminder to everyone signed up, with a button to open the entry."""
    when = t.datetime(datetime.fromisoformat(p["at"]))
    text = t._("[교육문화 알림] 신청하신 '{title}' 행사가 {when}에 있어요.", title=p["title"],
               when=when)  # fmt: skip
    buttons = (Button(t._("자세히 보기"), OpenEntry(int(p["entry_id"])).dump()),)
    return Screen(text, buttons=buttons)
