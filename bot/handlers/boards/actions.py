"""게시판's typed actions and dialog id: a leaf the posting dialog and the notifications
import (it imports no handler module)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

POST = "board.post"  # the coordinator's posting dialog (bot/dialogs/boards/post.py)


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


@dataclass(frozen=True)
class StartBoardPost(Action, kind="coord.board.new"):
    pass


@dataclass(frozen=True)
class BoardPosts(Action, kind="coord.boards"):
    offset: int = 0
