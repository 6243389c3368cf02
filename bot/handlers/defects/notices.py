"""How the household's defect notifications read ("defect.status", "defect.comment"): the
status with its date or reason, with buttons to open the report and, after 완료, to rate
the fix."""

from __future__ import annotations

from bot.handlers.defects.actions import OpenReport, RateStars
from bot.handlers.defects.words import STARS, category_word, clip, star_label, status_words
from bot.i18n import N_, Translator
from bot.outbox.kinds import NotificationKinds
from bot.screens import Button, Screen
from core.defects.events import CommentAdded, StatusChanged
from core.defects.model import Status


def status_notice(t: Translator, p: StatusChanged) -> Screen:
    report = p.report
    status = status_words(t, report.status, reason=p.reason, hold_until=p.hold_until)
    text = t._(
        "[고장 신고 {number}]\n{category} 신고가 '{status}' 상태가 되었어요.",
        number=report.number,
        category=category_word(t, report.category),
        status=status,
    )
    buttons = [Button(t._("신고 보기"), OpenReport(report.report_id).dump())]
    if report.status == Status.DONE:
        text += "\n" + t._("수리가 어땠는지 점수를 눌러 알려 주세요.")
        stars = [RateStars(report.report_id, n) for n in STARS]
        buttons += [Button(star_label(t, a.stars), a.dump()) for a in stars]
    return Screen(text, buttons=tuple(buttons))


def comment_notice(t: Translator, p: CommentAdded) -> Screen:
    text = t._(
        '[고장 신고 {number}]\n관리사무소에서 글을 남겼어요.\n"{text}"',
        number=p.report.number,
        text=clip(p.text, 300),
    )
    see = Button(t._("신고 보기"), OpenReport(p.report.report_id).dump())
    return Screen(text, buttons=(see,))


def register_notifications(kinds: NotificationKinds) -> None:
    """How the household's defect notifications read (called by register)."""
    if StatusChanged not in kinds:
        kinds.register(StatusChanged, status_notice, N_("고장 처리 소식"))
    if CommentAdded not in kinds:
        kinds.register(CommentAdded, comment_notice, N_("고장 신고 답글"))
