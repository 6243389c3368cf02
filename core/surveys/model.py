"""Surveys (설문조사): a title and 1–10 questions (single choice, multiple choice, a 1–5 scale
or a short text) that every verified resident of the complex may answer once before the
deadline; a resident can change the answers until then. 진행 중 (open) → 마감 (closed), once.
Anonymous surveys keep who answered only to count one response each, and never show it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any


class SurveyStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class SubmitOutcome(enum.StrEnum):
    """What a 제출 did: the first submit, a submit of changed answers, or a repeat."""

    NEW = "new"
    CHANGED = "changed"
    SAME = "same"  # nothing changed since the last submit (a redelivered tap counts once)


class QuestionKind(enum.StrEnum):
    SINGLE = "single"  # one of 2–8 options
    MULTI = "multi"  # any of 2–8 options, at least one
    SCALE = "scale"  # 1–5
    TEXT = "text"  # a short text, ≤ 300 characters


MAX_TITLE = 100
MAX_QUESTION = 200
MAX_OPTION = 40
MAX_TEXT = 300
MIN_QUESTIONS, MAX_QUESTIONS = 1, 10
MIN_OPTIONS, MAX_OPTIONS = 2, 8
SCALE = range(1, 6)
MIN_LENGTH = timedelta(hours=1)
MAX_LENGTH = timedelta(days=60)
REMINDER = timedelta(hours=24)  # before the deadline, to residents who have not answered


@dataclass(frozen=True)
class Question:
    kind: str
    text: str
    options: tuple[str, ...] = ()

    def dump(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "text": self.text, "options": list(self.options)}

    @classmethod
    def load(cls, d: dict[str, Any]) -> Question:
        return cls(d["kind"], d["text"], tuple(d.get("options") or ()))


@dataclass(eq=False)
class Survey:
    complex_id: int
    author_id: int
    title: str
    questions: list[Question]
    closes_at: datetime
    created_at: datetime
    anonymous: bool = False
    status: str = SurveyStatus.OPEN
    id: int | None = None


@dataclass(eq=False)
class Response:
    """A resident's answers, keyed by the question's index ("0", "1", …); kept while they
    answer (a draft, `submitted_at` None) and counted once submitted."""

    survey_id: int
    resident_id: int
    complex_id: int
    answers: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
    submitted_at: datetime | None = None
    changes: int = 0
