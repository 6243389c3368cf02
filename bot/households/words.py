"""The import report's reasons in plain Korean (translated with the catalogs)."""

from __future__ import annotations

from bot.i18n import N_, Translator
from core.identity.households import RowProblem

REASONS = {
    "household.empty_building": N_("동이 비어 있어요"),
    "household.bad_building": N_("동은 숫자나 글자 10자 이내여야 해요 (예: 101)"),
    "household.empty_unit": N_("호가 비어 있어요"),
    "household.bad_unit": N_("호는 숫자나 글자 10자 이내여야 해요 (예: 1203)"),
    "household.duplicate_row": N_("{first}번째 줄과 같은 세대예요"),
}


def reason(t: Translator, problem: RowProblem) -> str:
    return t._(REASONS[problem.code], first=problem.first_line or 0)


def problem_line(t: Translator, problem: RowProblem) -> str:
    """One report line: "12번째 줄 (101 12A!): 호는 …"."""
    return t._(
        "{line}번째 줄 ({text}): {reason}",
        line=problem.line,
        text=problem.text or "-",
        reason=reason(t, problem),
    )
