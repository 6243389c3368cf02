"""우리단지 → 생활편의 / 일자리 / 교육문화 for residents: a board's entries as cards (newest
first, expired ones hidden, 5 a page with 더보기), one entry opened (its text, photo and link
button), 신청하기 (single-use: a redelivered tap counts once) and 신청 취소 for 교육문화
events. The "board.reminder" notification the day before an event reads as in words.py."""

from __future__ import annotations

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.boards.actions import BoardList, CancelSignup, OpenEntry, SignUp
from bot.handlers.boards.words import board_word, event_line, until_line
from bot.handlers.identity.actions import OpenSection
from bot.screens import Screen
from core.boards import reading
from core.boards.model import PAGE
from core.boards.reading import EntryView
from core.ids import saved

router = Router()


def back_to_complex() -> Action:
    return OpenSection("complex")


@router.on(BoardList)
async def board_list(ctx: Ctx, action: BoardList) -> Screen:
    page = await reading.list_entries(
        ctx.uow, ctx.clock, ctx.membership, action.board, action.offset
    )
    name = board_word(ctx.t, action.board)
    if not page.total:
        text = ctx._("[{board}] 아직 올라온 글이 없어요.", board=name)
        return ctx.screen(text, back=back_to_complex())
    cards = []
    for entry in page.entries:
        lines = [until_line(ctx, entry)]
        if entry.takes_signups:
            lines.append(event_line(ctx, entry))
        photo = ctx.services.media.url(entry.photo) if entry.photo else None
        more = ctx.button(ctx._("자세히 보기"), OpenEntry(saved(entry.id)))
        cards.append(ctx.card(entry.title, *lines, image_url=photo, buttons=(more,)))
    buttons = []
    if page.offset + PAGE < page.total:
        more_entries = BoardList(action.board, page.offset + PAGE)
        buttons.append(ctx.button(ctx._("더보기"), more_entries, nav=True))
    text = ctx._("[{board}] 모두 {n}건이에요. 최근 글부터 보여 드려요.", board=name, n=page.total)
    return ctx.screen(text, *buttons, cards=tuple(cards), back=back_to_complex())


def entry_screen(ctx: Ctx, view: EntryView, note: str = "") -> Screen:
    entry = view.entry
    title = f"[{board_word(ctx.t, entry.board)}] {entry.title}"
    lines = [title, entry.text, "", until_line(ctx, entry)]
    buttons = []
    if entry.link:
        buttons.append(ctx.link(ctx._("링크 열기"), entry.link))
    if entry.takes_signups:
        lines.append(event_line(ctx, entry))
        if view.signed_up:
            lines.append(ctx._("신청하셨어요."))
            buttons.append(ctx.button(ctx._("신청 취소"), CancelSignup(saved(entry.id))))
        elif view.can_sign_up:
            buttons.append(ctx.button(ctx._("신청하기"), SignUp(saved(entry.id))))
        elif view.full:
            lines.append(ctx._("자리가 모두 찼어요."))
    if note:
        lines = [note, "", *lines]
    photo = ctx.services.media.url(entry.photo) if entry.photo else None
    alt = ctx._("게시글 사진") if photo else ""
    return ctx.screen(
        "\n".join(lines), *buttons, image_url=photo, image_alt=alt, back=BoardList(entry.board)
    )


@router.on(OpenEntry)
async def open_entry(ctx: Ctx, action: OpenEntry) -> Screen:
    view = await reading.entry_view(ctx.uow, ctx.clock, ctx.membership, action.entry_id)
    return entry_screen(ctx, view)


@router.on(SignUp)
async def sign_up(ctx: Ctx, action: SignUp) -> Screen:
    entry = await reading.sign_up(ctx.uow, ctx.clock, ctx.membership, action.entry_id)
    view = await reading.view_of(ctx.uow, ctx.clock, ctx.membership, entry)
    note = ctx._("신청했어요. 행사 하루 전에 알려 드릴게요.")
    return entry_screen(ctx, view, note)


@router.on(CancelSignup)
async def cancel_signup(ctx: Ctx, action: CancelSignup) -> Screen:
    entry = await reading.cancel_signup(ctx.uow, ctx.clock, ctx.membership, action.entry_id)
    view = await reading.view_of(ctx.uow, ctx.clock, ctx.membership, entry)
    return entry_screen(ctx, view, ctx._("신청을 취소했어요."))
