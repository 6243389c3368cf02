"""공지 보내기: a coordinator writes a notice, picks who gets it and when, sees it exactly as
residents will, and sends it (now, or at the chosen time: a scheduled job they can cancel).

```mermaid
flowchart TD
    M[코디네이터 → 공지 보내기] --> T[내용 적기, 1,000자까지]
    T -->|너무 김, 비어 있음| T
    T --> P[사진: 보내기 / 사진 없음]
    P -->|사진 아님, 10MB 넘음| P
    P --> G[받는 곳: 단지 전체 / 동 고르기]
    G -->|동 고르기| B[동 버튼 또는 적기: 101, 102]
    B -->|없는 동| B
    G & B --> U[보통 / 긴급]
    U --> W[지금 보내기 / 오늘 저녁 6시 / 내일 아침 9시 / 시간 적기]
    W -->|지난 시각, 틀린 형식| W
    W --> C[미리보기: 주민에게 보이는 그대로 → 보내기 / 취소]
    C -->|보내기, 한 번만| S[create_notice → 진행 상황 / 예약 취소]
    C -->|취소| H[처음 메뉴]
    T & P & G & B & U & W & C -->|이전 / 처음으로| H
```
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.dialogs.defects.photos import optional_photo
from bot.dialogs.notices.when import parse_time, when_choices
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.notices.actions import SEND_DIALOG, CancelNotice, NoticeProgress
from bot.handlers.notices.render import notice_text
from bot.i18n import N_
from bot.screens import Expect, Screen
from core.ids import saved
from core.notices.broadcast import NewNotice, create_notice
from core.notices.model import MAX_TEXT


def _text(ctx: Ctx, text: str, a: dict) -> str:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise Invalid(
            ctx._("{limit}자까지 적을 수 있어요. 지금 {n}자예요.", limit=MAX_TEXT, n=len(text))
        )
    if not text:
        raise Invalid(ctx._("공지할 내용을 적어 주세요."))
    return text


def _buildings(ctx: Ctx, text: str, a: dict) -> list[str]:
    wanted = sorted({w.removesuffix("동") for w in re.split(r"[,\s]+", text.strip()) if w})
    known = a.get("_buildings", [])
    unknown = [w for w in wanted if w not in known]
    if not wanted or unknown:
        raise Invalid(
            ctx._("우리 단지에 없는 동이에요: {which}. 예: 101, 102", which=", ".join(unknown))
        )
    return wanted


def _new(a: dict) -> NewNotice:
    return NewNotice(
        text=a["text"],
        buildings=tuple(a.get("buildings") or ()),
        urgent=bool(a.get("urgent")),
        send_at=datetime.fromisoformat(a["when"]) if a.get("when") else None,
        photo=a.get("photo") or None,
    )


def _preview(ctx: Ctx, a: dict) -> str:
    now = ctx.clock.now()
    when = datetime.fromisoformat(a["when"]) if a.get("when") else now
    shown = notice_text(ctx.t, a["text"], bool(a.get("urgent")), when)
    target = (
        ctx._("{list}동", list=", ".join(a["buildings"]))
        if a.get("buildings")
        else ctx._("단지 전체")
    )
    timing = ctx.t.datetime(when) if a.get("when") else ctx._("지금 바로")
    lines = [
        ctx._("[미리보기] 주민에게 이렇게 보여요:"),
        "────────",
        shown,
        ctx._("(사진 1장과 '확인' 버튼이 함께 가요)")
        if a.get("photo")
        else ctx._("('확인' 버튼이 함께 가요)"),
        "────────",
        ctx._("받는 곳: {target}", target=target),
        ctx._("보낼 때: {when}", when=timing),
        ctx._("이대로 보낼까요?"),
    ]
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "cancel":
        return (await ctx.home()).with_notices(ctx._("공지를 보내지 않았어요."))
    notice = await create_notice(ctx.uow, ctx.clock, ctx.membership, _new(a))
    if a.get("when"):
        text = ctx._("{when}에 보내도록 예약했어요.", when=ctx.t.datetime(notice.send_at))
        buttons = [ctx.button(ctx._("예약 취소"), CancelNotice(saved(notice.id)))]
    else:
        text = ctx._("공지를 보내기 시작했어요. 받는 분이 많으면 몇 분 걸릴 수 있어요.")
        buttons = [ctx.button(ctx._("진행 상황"), NoticeProgress(saved(notice.id)))]
    return ctx.screen(text, *buttons, back=OpenCoordinator())


dialog = Dialog(
    SEND_DIALOG,
    [
        Step(
            "text",
            prompt=lambda ctx, a: ctx._("공지할 내용을 적어 주세요. (1,000자까지)"),
            expect=Expect.TEXT,
            parse=_text,
            placeholder=lambda ctx: ctx._("예: 12월 3일 오전 10시에 단수가 있어요"),
        ),
        optional_photo(
            N_("함께 보낼 사진이 있으면 보내 주세요. 없으면 '사진 없음'을 눌러 주세요.")
        ),
        Step(
            "target",
            prompt=lambda ctx, a: ctx._("누구에게 보낼까요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("단지 전체"), "all"),
                Choice(ctx._("동 고르기"), "some"),
            ],
        ),
        Step(
            "buildings",
            prompt=lambda ctx, a: ctx._(
                "몇 동에 보낼까요? 버튼을 누르거나, 여러 동은 '101, 102'처럼 적어 주세요."
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [
                Choice(ctx._("{b}동", b=b), [b]) for b in a.get("_buildings", [])[:8]
            ],
            parse=_buildings,
            skip=lambda ctx, a: a.get("target") != "some",
            follow_up=True,  # asked only after some answers: no change of total
        ),
        Step(
            "urgent",
            prompt=lambda ctx, a: ctx._("긴급 공지인가요? 긴급 공지는 가장 먼저 보내요."),
            choices=lambda ctx, a: [Choice(ctx._("보통"), False), Choice(ctx._("긴급"), True)],
        ),
        Step(
            "when",
            prompt=lambda ctx, a: ctx._(
                "언제 보낼까요? 버튼을 누르거나 '11월 26일 18:30'처럼 적어 주세요."
            ),
            expect=Expect.TEXT,
            choices=when_choices,
            parse=parse_time,
        ),
        Step(
            "confirm",
            prompt=_preview,
            choices=lambda ctx, a: [
                Choice(ctx._("보내기"), "send", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)
