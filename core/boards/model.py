"""Board entries: a coordinator's post on one of the complex's three info boards, shown to
residents until it expires; a 교육문화 event may take sign-ups up to a capacity."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class Board(enum.StrEnum):
    LIVING = "living"  # 생활편의
    JOBS = "jobs"  # 일자리
    CULTURE = "culture"  # 교육문화 (the only board whose entries can take sign-ups)


MAX_TITLE = 50
MAX_TEXT = 1000
MAX_LINK = 300
MAX_CAPACITY = 500
MAX_AHEAD = timedelta(days=180)  # an entry kept longer than half a year is almost surely a typo
REMIND_BEFORE = timedelta(days=1)
PAGE = 5


@dataclass(eq=False)
class BoardEntry:
    complex_id: int
    author_id: int
    board: str
    title: str
    text: str
    created_at: datetime
    expires_at: datetime
    link: str | None = None
    photo: str | None = None  # media id
    event_at: datetime | None = None  # 교육문화 events with sign-ups
    capacity: int | None = None  # None: no sign-ups
    taken: int = 0  # seats taken (one conditional UPDATE per sign-up)
    id: int | None = None

    @property
    def takes_signups(self) -> bool:
        return self.capacity is not None

    def open_at(self, now: datetime) -> bool:
        """Shown to residents: not expired (and sign-ups close when the event starts)."""
        return now < self.expires_at

    @property
    def seats_left(self) -> int:
        return max((self.capacity or 0) - self.taken, 0)
