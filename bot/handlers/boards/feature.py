"""How the boards feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from functools import partial

from bot.dialogs.boards import post
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.boards import coordinator, entries
from bot.handlers.boards.actions import BoardList, BoardPosts, StartBoardPost
from bot.handlers.boards.words import BOARD_WORDS
from bot.i18n import N_
from core.boards.model import Board


def _board(board: str, slot: str | None) -> BoardList:
    return BoardList(board)


def register(app: FeatureApp) -> None:
    app.routers(entries.router, coordinator.router)
    app.add_dialogs(post.dialog)
    coordinator.register(app.services)
    app.menu(
        "complex",
        *(
            MenuEntry(BOARD_WORDS[board], partial(BoardList, board.value), rank=60 + i)
            for i, board in enumerate(Board)
        ),
    )
    app.intent(
        *(
            Intent(f"boards.{board.value}", BOARD_WORDS[board], partial(_board, board.value))
            for board in Board
        )
    )
    app.menu(
        "coordinator",
        MenuEntry(N_("게시판 글 쓰기"), StartBoardPost, rank=70),
        MenuEntry(N_("게시판 글 목록"), BoardPosts, rank=71),
    )
