"""Defect words shared by the resident and coordinator screens: categories and statuses in
plain Korean (coordinator-only wording lives in coordinator_defect_words)."""

from __future__ import annotations

from bot.i18n import N_, Translator
from core.defects.model import Category, Status

OTHER_CATEGORY = N_("기타")
FIRST_STATUS = N_("접수")
CATEGORY_WORDS = {
    Category.LEAK: N_("누수"),
    Category.ELECTRIC: N_("전기"),
    Category.HEATING: N_("난방·온수"),
    Category.ELEVATOR: N_("승강기"),
    Category.COMMON: N_("공용시설"),
    Category.OTHER: N_("기타"),
}
STATUS_WORDS = {
    Status.RECEIVED: N_("접수"),
    Status.ACKNOWLEDGED: N_("확인"),
    Status.IN_PROGRESS: N_("처리중"),
    Status.ON_HOLD: N_("보류"),
    Status.DONE: N_("완료"),
    Status.REJECTED: N_("반려"),
}


def category_word(t: Translator, category: str) -> str:
    return t._(CATEGORY_WORDS.get(category, OTHER_CATEGORY))


def status_word(t: Translator, status: str) -> str:
    return t._(STATUS_WORDS.get(status, FIRST_STATUS))
