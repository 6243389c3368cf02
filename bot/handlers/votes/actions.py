"""주민투표's typed actions and dialog ids: a leaf module the vote dialogs (and any feature)
may import without importing the handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

CREATE_DIALOG = "vote.create"  # 주민투표 만들기 (bot/dialogs/votes/create.py)
PROXY_DIALOG = "vote.proxy"  # 대리 투표 (bot/dialogs/votes/create.py)


@dataclass(frozen=True)
class VoteList(Action, kind="vote.list"):
    """주민투표: the one open vote not answered yet at once, several as a list; `full`: every
    vote (open and closed) as cards."""

    offset: int = 0
    full: bool = False


@dataclass(frozen=True)
class OpenVote(Action, kind="vote.open"):
    vote_id: int


@dataclass(frozen=True)
class CastVote(Action, kind="vote.cast", single_use=True):
    vote_id: int
    option: int


@dataclass(frozen=True)
class StartVote(Action, kind="coord.vote.new"):
    pass


@dataclass(frozen=True)
class ManageVotes(Action, kind="coord.votes"):
    offset: int = 0


@dataclass(frozen=True)
class ProxyBallot(Action, kind="coord.vote.proxy"):
    vote_id: int
