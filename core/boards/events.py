"""What the board use cases tell residents (typed notification payloads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.notifications import Notification


@dataclass(frozen=True)
class EventReminder(Notification, kind="board.reminder"):
    """The day before a 교육문화 event, to everyone signed up."""

    entry_id: int
    title: str
    at: datetime  # when the event starts
