"""설문조사's typed actions and dialog ids: a leaf module the survey dialogs (and any
feature) may import without importing the handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

CREATE_DIALOG = "survey.create"  # 설문 만들기 (bot/dialogs/surveys/create.py)
# A short-text answer (bot/dialogs/surveys/answer.py), under two names used in turn: a text
# question right after another starts the other one, so the runner does not take the new
# dialog for the finished one.
TEXT_DIALOGS = ("survey.text", "survey.text2")


@dataclass(frozen=True)
class SurveyList(Action, kind="survey.list"):
    offset: int = 0


@dataclass(frozen=True)
class OpenSurvey(Action, kind="survey.open"):
    survey_id: int


@dataclass(frozen=True)
class AskQuestion(Action, kind="survey.ask"):
    survey_id: int
    index: int
    # 쉬운 모드 asks a 1–5 scale as 1 / 3 / 5 / 다른 점수; `between` shows 2 and 4.
    between: bool = False


@dataclass(frozen=True)
class AnswerChoice(Action, kind="survey.answer"):
    survey_id: int
    index: int
    value: int


@dataclass(frozen=True)
class ToggleOption(Action, kind="survey.toggle"):
    survey_id: int
    index: int
    option: int


@dataclass(frozen=True)
class FinishChoices(Action, kind="survey.picked"):
    survey_id: int
    index: int


@dataclass(frozen=True)
class SubmitSurvey(Action, kind="survey.submit", single_use=True):
    survey_id: int


@dataclass(frozen=True)
class StartSurvey(Action, kind="coord.survey.new"):
    pass


@dataclass(frozen=True)
class SurveyResults(Action, kind="coord.surveys"):
    offset: int = 0


@dataclass(frozen=True)
class SurveyResult(Action, kind="coord.survey.result"):
    survey_id: int
