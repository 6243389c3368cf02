"""도움 요청's typed actions and dialog ids: a leaf module any feature may import to offer
"도움 요청" (`StartHelp`) on its own screens."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

ASK = "help.ask"  # dialog: (동·호 for people not yet verified) → what they need
CHAT = "help.chat"  # dialog: the resident's side of an open request (more words, photos)
ANSWER = "help.answer"  # dialog: the coordinator's answers
NAME = "help.name"  # dialog: the name residents read ("관리사무소 김하나 코디네이터")


@dataclass(frozen=True)
class StartHelp(Action, kind="help.start"):
    """도움 요청, from anywhere; `origin` names what the person was doing, when known."""

    origin: str = ""


@dataclass(frozen=True)
class ReplyHelp(Action, kind="help.reply"):
    """답장하기 on a coordinator's answer: the resident writes more to that request."""

    request_id: int


@dataclass(frozen=True)
class OpenHelpQueue(Action, kind="help.queue"):
    """The coordinators' queue: "" (the three tabs), "waiting", "mine" or "closed"."""

    tab: str = ""
    offset: int = 0


@dataclass(frozen=True)
class OpenHelpRequest(Action, kind="help.open"):
    request_id: int


@dataclass(frozen=True)
class TakeHelp(Action, kind="help.take"):
    request_id: int


@dataclass(frozen=True)
class AnswerHelp(Action, kind="help.answer"):
    request_id: int


@dataclass(frozen=True)
class CloseHelp(Action, kind="help.close"):
    request_id: int


@dataclass(frozen=True)
class SetHelpName(Action, kind="help.set_name"):
    pass
