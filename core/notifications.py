"""Typed notification payloads: what a use case tells a resident, as a small frozen dataclass
declared beside the use case (or in `core/<feature>/events.py`), never a loose dict:

    @dataclass(frozen=True)
    class BallotReplaced(Notification, kind="vote.replaced"):
        vote_id: int
        question: str

`uow.notifier.notify(resident_id, BallotReplaced(...), key=...)` queues it; the application
registers how each kind reads (`kinds.register(BallotReplaced, renderer)`), and the renderer
receives the same object, typed. The kind string names it in the outbox and in tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


class Notification:
    """Base of every notification payload (subclasses are frozen dataclasses)."""

    kind: ClassVar[str]

    def __init_subclass__(cls, *, kind: str = "", **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if kind:
            cls.kind = kind


@dataclass(frozen=True)
class Message(Notification, kind="message"):
    """Plain text to a resident (what an operator or a test sends; no buttons)."""

    text: str
