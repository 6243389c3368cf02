"""The coordinator's small questions while handling a defect report: until when to hold it
(보류), why it is rejected (반려), a comment to the household (댓글), and a 동 typed to
filter the queue. Each ends on the report (or the queue) with the change made.

```mermaid
flowchart TD
    R[신고 열기] -->|보류| D[날짜: 내일 / 모레 / 다음 주 / 12/3 / 2026-12-03]
    D -->|형식이 틀림| D
    D -->|지난 날짜| D
    D --> H[보류로 바꿈 → 세대에 알림 → 신고 화면]
    R -->|반려| W[사유 입력]
    W -->|비었거나 500자 넘음| W
    W --> J[반려로 바꿈 → 세대에 알림 → 신고 화면]
    R -->|댓글 쓰기| C[댓글 입력]
    C -->|비었거나 500자 넘음| C
    C --> K[댓글 남김 → 세대에 알림 → 신고 화면]
    Q[하자 처리 목록] -->|동 고르기 → 동 번호 적기| B[동 입력] --> Q
    D & W & C & B -->|처음으로| M[처음 메뉴]
```
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.defects.actions import BUILDING, COMMENT, HOLD, REJECT, OpenDefectQueue
from bot.handlers.defects.render import queue_screen, report_screen
from bot.screens import Expect, Screen
from core.defects.handling import add_comment, change_status
from core.defects.model import MAX_COMMENT, Status

HOLD_HOUR = time(9)  # a held report comes back on the chosen day's morning (local time)
ISO_DAY = re.compile(r"^(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})$")
MONTH_DAY = re.compile(r"^(\d{1,2})\s*(?:/|\.|월)\s*(\d{1,2})\s*일?$")
BUILDING_NAME = re.compile(r"^[0-9A-Za-z가-힣]{1,10}$")


def parse_day(text: str, today: date) -> date | None:
    """YYYY-MM-DD, or M/D (also M.D, M월 D일) in this year, or next year once it passed."""
    try:
        if match := ISO_DAY.match(text):
            return date(*(int(g) for g in match.groups()))
        if match := MONTH_DAY.match(text):
            month, day = (int(g) for g in match.groups())
            found = date(today.year, month, day)
            return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None
    return None


def _today(ctx: Ctx) -> date:
    return ctx.clock.now().astimezone(ctx.t.tz).date()


def _day_choices(ctx: Ctx, answers: dict) -> list[Choice]:
    today = _today(ctx)
    days = ((ctx._("내일"), 1), (ctx._("모레"), 2), (ctx._("다음 주"), 7))
    return [
        Choice(f"{label} ({ctx.t.short_day(_at(ctx, today + timedelta(n)))})", n)
        for label, n in days
    ]


def _at(ctx: Ctx, day: date) -> datetime:
    return datetime.combine(day, HOLD_HOUR, tzinfo=ctx.t.tz)


def _parse_day(ctx: Ctx, text: str, answers: dict) -> str:
    day = parse_day(text.strip(), _today(ctx))
    if day is None:
        raise Invalid(ctx._("날짜는 12/3 이나 2026-12-03 처럼 적어 주세요."))
    return day.isoformat()


def _text(ctx: Ctx, text: str, answers: dict) -> str:
    text = text.strip()
    if not text:
        raise Invalid(ctx._("내용을 적어 주세요."))
    if len(text) > MAX_COMMENT:
        raise Invalid(ctx._("{limit}자까지 쓸 수 있어요. 조금 줄여 주세요.", limit=MAX_COMMENT))
    return text


async def _hold(ctx: Ctx, answers: dict) -> Screen:
    value = answers["until"]
    if isinstance(value, int):
        day = _today(ctx) + timedelta(days=value)
    else:
        day = date.fromisoformat(value)
    report_id = answers["report_id"]
    until = _at(ctx, day)
    await change_status(
        ctx.uow, ctx.clock, ctx.membership, report_id, Status.ON_HOLD, hold_until=until
    )
    note = ctx._("{day}까지 보류하고 세대에 알렸어요.", day=ctx.t.day(until))
    return await report_screen(ctx, report_id, note)


async def _reject(ctx: Ctx, answers: dict) -> Screen:
    report_id, reason = answers["report_id"], answers["reason"]
    await change_status(
        ctx.uow, ctx.clock, ctx.membership, report_id, Status.REJECTED, reason=reason
    )
    return await report_screen(ctx, report_id, ctx._("반려하고 세대에 사유를 알렸어요."))


async def _comment(ctx: Ctx, answers: dict) -> Screen:
    report_id = answers["report_id"]
    await add_comment(ctx.uow, ctx.clock, ctx.membership, report_id, answers["text"])
    return await report_screen(ctx, report_id, ctx._("댓글을 남기고 세대에 알렸어요."))


def _building(ctx: Ctx, text: str, answers: dict) -> str:
    value = text.strip().removesuffix("동").strip()
    if not BUILDING_NAME.match(value):
        raise Invalid(ctx._("동 번호를 적어 주세요 (예: 101)."))
    return value


async def _filter(ctx: Ctx, answers: dict) -> Screen:
    action = OpenDefectQueue(answers["status"], answers["category"], answers["building"])
    return await queue_screen(ctx, action)


hold = Dialog(
    HOLD,
    [
        Step(
            "until",
            prompt=lambda ctx, a: ctx._(
                "언제까지 보류할까요? 버튼을 누르거나 날짜를 적어 주세요 (예: 12/3, 2026-12-03)."
            ),
            expect=Expect.DATE,
            choices=_day_choices,
            parse=_parse_day,
        )
    ],
    on_done=_hold,
)
reject = Dialog(
    REJECT,
    [
        Step(
            "reason",
            prompt=lambda ctx, a: ctx._("반려하는 까닭을 적어 주세요. 세대에 그대로 전해져요."),
            expect=Expect.TEXT,
            parse=_text,
        )
    ],
    on_done=_reject,
)
comment = Dialog(
    COMMENT,
    [
        Step(
            "text",
            prompt=lambda ctx, a: ctx._("세대에 남길 말을 적어 주세요 (500자까지)."),
            expect=Expect.TEXT,
            parse=_text,
        )
    ],
    on_done=_comment,
)
building = Dialog(
    BUILDING,
    [
        Step(
            "building",
            prompt=lambda ctx, a: ctx._("몇 동인가요? (예: 101)"),
            expect=Expect.TEXT,
            parse=_building,
        )
    ],
    on_done=_filter,
)
DIALOGS = (hold, reject, comment, building)
