"""What the person was doing when they asked for help, in the coordinator's words.

The request stores it as data: "<dialog>:<step>" (e.g. "defect.file:where"), "error:<code>"
after a refusal that left them stuck, or "help" from the 도움말 screen. The coordinator reads
the task's name and how far the person had come ("고장 신고 (3번째 질문)"), or the refusal as
the person read it — never the stored names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.i18n import N_
from core.errors import DomainError

if TYPE_CHECKING:
    from bot.engine.context import Ctx

# The first part of a dialog's name → the task as residents and coordinators know it.
TASKS = {
    "defect": N_("고장 신고"),
    "share": N_("공유마켓"),
    "carpool": N_("카풀"),
    "notice": N_("공지 보내기"),
    "points": N_("포인트"),
    "proxy": N_("대신 하기"),
    "shop": N_("알뜰쇼핑"),
    "vendor": N_("가게 관리"),
    "survey": N_("설문"),
    "vote": N_("투표"),
    "board": N_("게시판"),
    "boards": N_("게시판"),
    "identity": N_("우리 집 확인"),
    "verify": N_("우리 집 확인"),
    "link": N_("우리 집 확인"),
    "invite": N_("초대코드"),
    "help": N_("도움말"),
    "helpdesk": N_("도움 요청"),
    "coordinator": N_("코디네이터 메뉴"),
}


def origin_words(ctx: Ctx, origin: str) -> str:
    """ "고장 신고 (3번째 질문)", "도움말 화면", "안내: …" — or "" when nothing is known."""
    if not origin:
        return ""
    if origin == "help":
        return ctx._("도움말 화면")
    kind, _, rest = origin.partition(":")
    if kind == "error":
        from bot.handlers.errors import describe  # (errors imports this package's buttons)

        return ctx._(
            "이런 안내를 받고 막혔어요: {message}", message=describe(ctx.t, DomainError(rest))
        )
    task = TASKS.get(kind.split(".")[0])
    name = ctx._(task) if task else ctx._("다른 일")
    dialog = ctx.dialogs.dialogs.get(kind)
    if dialog is not None and rest:
        names = [step.name for step in dialog.steps]
        if rest in names:
            return ctx._("{task} ({n}번째 질문)", task=name, n=names.index(rest) + 1)
    return name
