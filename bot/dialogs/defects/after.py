"""After 완료: rate the fix (the points were tapped; a comment is optional and skipped with
one tap) or report it again within 7 days with a reason.

```mermaid
flowchart TD
    R[신고 보기 / 완료 알림] -->|점수 1~5| C[한마디: 적기 / 건너뛰기] --> F[rate_fix → 고맙습니다]
    R -->|다시 신고| W[까닭 적기] --> O[reopen_report → 다시 접수]
    W -->|7일 지남| X[다시 신고할 수 없어요 → 신고 보기]
    C & W -->|처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.defects.actions import RATE, REOPEN, OpenReport
from bot.screens import Expect, Screen
from core.defects.filing import rate_fix, reopen_report
from core.defects.model import MAX_COMMENT
from core.errors import DomainError
from core.ids import saved


def _parse(ctx: Ctx, text: str, answers: dict) -> str:
    if len(text) > MAX_COMMENT:
        raise Invalid(
            ctx._("{limit}자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요.", limit=MAX_COMMENT)
        )
    return text


async def _rated(ctx: Ctx, a: dict) -> Screen:
    report = await rate_fix(
        ctx.uow, ctx.clock, ctx.membership, a["report_id"], a["stars"], a.get("comment", "")
    )
    text = ctx._("{stars}점으로 평가를 남겼어요. 고마워요.", stars=report.rating)
    return ctx.screen(text, ctx.button(ctx._("신고 보기"), OpenReport(saved(report.id))))


async def _reopened(ctx: Ctx, a: dict) -> Screen:
    see = ctx.button(ctx._("신고 보기"), OpenReport(a["report_id"]))
    try:
        report = await reopen_report(
            ctx.uow, ctx.clock, ctx.membership, a["report_id"], a["reason"]
        )
    except DomainError as exc:
        if exc.code not in ("defect.reopen_too_late", "defect.not_done"):
            raise
        return ctx.screen(ctx.pages.explain(ctx, exc), see)  # nothing was written
    text = ctx._(
        "{number} 신고를 다시 접수했어요. 관리사무소에서 확인하면 알려 드릴게요.",
        number=report.number,
    )
    return ctx.screen(text, see)


rate_dialog = Dialog(
    RATE,
    [
        Step(
            "comment",
            prompt=lambda ctx, a: ctx._(
                "{stars}점을 고르셨어요. 더 하실 말이 있으면 적어 주세요. "
                "없으면 '건너뛰기'를 눌러 주세요.",
                stars=a["stars"],
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=_parse,
        )
    ],
    on_done=_rated,
)

reopen_dialog = Dialog(
    REOPEN,
    [
        Step(
            "reason",
            prompt=lambda ctx, a: ctx._(
                "무엇이 아직 안 고쳐졌는지 적어 주세요. (예: 물이 다시 새요)"
            ),
            expect=Expect.TEXT,
            parse=_parse,
            placeholder=lambda ctx: ctx._("다시 신고하는 까닭"),
        )
    ],
    on_done=_reopened,
)
