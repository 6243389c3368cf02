"""What the survey use cases tell people (typed notification payloads): a reminder to the
residents who have not answered, and the close, to the coordinator who made the survey."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.notifications import Notification


@dataclass(frozen=True)
class SurveyReminder(Notification, kind="survey.reminder"):
    """To residents who have not submitted, 24 h before the deadline."""

    survey_id: int
    title: str
    closes_at: datetime


@dataclass(frozen=True)
class SurveyClosed(Notification, kind="survey.closed"):
    """To the survey's author: it closed, with how many residents answered."""

    survey_id: int
    title: str
    responses: int
