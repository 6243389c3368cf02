"""고장 신고 (하자접수): a resident reports a defect with buttons, a short text or photos.

The simplest path is 3 taps and no typing: 종류 → 무슨 일 (a description button that also
says where and how urgent, see describe.py) → 접수. Typed words, photos and 건너뛰기 stay
possible; then 어디 (and 장소) and 급한 정도 are asked, numbered with 무슨 일 so that the
step total never changes (1/3 → 2/3 → 3/3).

```mermaid
flowchart TD
    S[우리단지 → 고장 신고] --> C[종류: 누수 전기 난방·온수 승강기 공용시설 기타]
    C --> D[무슨 일: 종류별 버튼 — 승강기: 멈췄어요 / 문이 안 열려요 … / 건너뛰기 / 글 / 사진]
    D -->|버튼: 어디·급한 정도까지 말함| K
    D -->|글, 1,000자 넘음| D
    D -->|사진 아님, 10MB 넘음| D
    D -->|사진| M[사진 더 보내기 / 다 보냈어요, 3장까지]
    M --> N[덧붙일 말: 적기 / 건너뛰기]
    D -->|글 / 건너뛰기| W
    N --> W[어디: 우리 집 / 공용부 — 승강기·공용시설은 묻지 않음]
    W -->|공용부| P[장소: 버튼 또는 적기]
    P -->|접수된 신고 먼저 보기| L[공용부 신고 목록 → 같은 문제예요 / 새로 신고하기]
    W -->|우리 집| U
    P --> U[급한가요: 보통 / 급함 — 누수 전기 난방 승강기만]
    U --> K[확인: 접수 / 수정 / 취소]
    K -->|접수, 한 번만| R[file_report → 접수 번호, 다음 할 일]
    K -->|수정| F[무엇을 고칠까요] --> C & W & D & U
    K -->|취소| H[처음 메뉴]
    C & W & P & D & M & N & U & K -->|이전 / 처음으로| H[처음 메뉴, 답 3개 넘으면 임시 저장]
```
"""

from __future__ import annotations

from bot.dialogs.defects.describe import (
    description_choices,
    forget,
    place_of,
    said,
    urgent_of,
    where_of,
)
from bot.dialogs.defects.photos import photo_steps, photos_of, store_photos, typed_text
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.defects.actions import FILE, CommonReports, MyReports, back_to_complex
from bot.handlers.defects.words import CATEGORY_WORDS, category_word, clip, place_words
from bot.screens import Expect, Screen
from core.defects.filing import AckPolicy, NewReport, file_report
from core.defects.model import MAX_DESCRIPTION, MAX_PLACE, URGENT_CATEGORIES, Category, Where

NAME = FILE
# What 수정 clears so that the dialog asks it again (and what depends on it).
EDITS = {
    "category": ("category", "urgent"),
    "where": ("where", "place"),
    "what": ("what", "more2", "add2", "more3", "add3", "note"),
    "urgent": ("urgent",),
}


def kept(name: str, answers: dict) -> bool:
    return name in answers.get("_keep", ())


def _text(limit: int):
    def parse(ctx: Ctx, text: str, answers: dict) -> str:
        if len(text) > limit:
            raise Invalid(
                ctx._("{limit}자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요.", limit=limit)
            )
        return text

    return parse


def _place_choices(ctx: Ctx, a: dict) -> list[Choice]:
    choices = [Choice(place, place) for place in ctx.services.config.defects.places]
    if a.get("_open_common"):
        see = CommonReports(category=a.get("category", ""))
        choices.insert(0, Choice(ctx._("접수된 신고 보기"), action=see))
    return choices


def _place_prompt(ctx: Ctx, a: dict) -> str:
    text = ctx._("어디인가요? 버튼을 누르거나 짧게 적어 주세요.")
    if a.get("_open_common"):
        text = (
            ctx._(
                "우리 단지에 처리 중인 함께 쓰는 곳 신고가 {n}건 있어요. "
                "같은 문제인지 '접수된 신고 보기'로 먼저 볼 수 있어요.",
                n=a["_open_common"],
            )
            + "\n"
            + text
        )
    return text


def _summary(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[신고 내용 확인]"),
        ctx._("종류: {kind}", kind=category_word(ctx.t, a["category"])),
        ctx._("장소: {where}", where=place_words(ctx.t, where_of(a) or "", place_of(a))),
    ]
    description = typed_text(a) or a.get("note", "")
    if description:
        lines.append(ctx._("내용: {text}", text=clip(description, 120)))
    if photos_of(a):
        lines.append(ctx._("사진: {n}장", n=len(photos_of(a))))
    if urgent_of(a):
        lines.append(ctx._("급함: 네"))
    lines.append(ctx._("이대로 접수할까요?"))
    return "\n".join(lines)


def _fix_choices(ctx: Ctx, a: dict) -> list[Choice]:
    choices = [
        Choice(ctx._("종류"), "category"),
        Choice(ctx._("장소"), "where"),
        Choice(ctx._("내용"), "what"),
    ]
    if a.get("category") in URGENT_CATEGORIES:
        choices.append(Choice(ctx._("급한 정도"), "urgent"))
    return choices


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "cancel":
        return (await ctx.home()).with_notices(ctx._("신고를 취소했어요."))
    if a["confirm"] == "edit":
        fix = a.get("fix", "")
        drop = {"confirm", "fix", "_keep", *EDITS.get(fix, ())}
        if fix == "category" and said(a, "where"):  # a description of the other category
            drop |= set(EDITS["what"])
        a = forget(a, *{"where": ("where", "place"), "urgent": ("urgent",)}.get(fix, ()))
        answers = {k: v for k, v in a.items() if k not in drop}
        return await ctx.start_dialog(NAME, **answers, _keep=[k for k in answers if k[0] != "_"])
    cfg = ctx.services.config.defects
    new = NewReport(
        category=a["category"],
        where=where_of(a) or "",
        place=place_of(a),
        description=typed_text(a) or a.get("note", ""),
        photos=tuple(photos_of(a)),
        urgent=urgent_of(a),
    )
    policy = AckPolicy(cfg.ack_hours, cfg.urgent_ack_hours)
    report = await file_report(ctx.uow, ctx.clock, ctx.membership, new, policy)
    text = ctx._("접수했어요. 접수 번호는 {number}(이)에요.", number=report.number)
    if report.urgent:
        hours = cfg.urgent_ack_hours
        text += "\n" + ctx._("급한 신고라서 {hours}시간 안에 확인할 거예요.", hours=hours)
    text += "\n" + ctx._("관리사무소에서 확인하면 알려 드릴게요.")
    return ctx.screen(text, ctx.button(ctx._("내 신고 내역"), MyReports()), back=back_to_complex())


def _skip(name: str, applies=lambda a: True):
    return lambda ctx, a: kept(name, a) or not applies(a)


dialog = Dialog(
    NAME,
    [
        Step(
            "category",
            prompt=lambda ctx, a: ctx._("어떤 고장인가요?"),
            choices=lambda ctx, a: [Choice(ctx._(CATEGORY_WORDS[c]), c.value) for c in Category],
            skip=_skip("category"),
            synonyms="defect_category",  # typed 엘리베이터 → 승강기 (bot/understand/intents.toml)
        ),
        Step(
            "what",
            prompt=lambda ctx, a: ctx._(
                "무슨 일인가요? 버튼을 누르거나, 짧게 적거나, 사진을 보내 주세요."
            ),
            expect=Expect.PHOTO,
            choices=description_choices,
            parse=lambda ctx, text, a: {"text": _text(MAX_DESCRIPTION)(ctx, text, a)},
            photo=store_photos,
            skip=_skip("what"),
            placeholder=lambda ctx: ctx._("예: 욕실 천장에서 물이 떨어져요"),
        ),
        *photo_steps(kept),
        Step(
            "note",
            prompt=lambda ctx, a: ctx._(
                "사진에 덧붙일 말이 있으면 적어 주세요. 없으면 '건너뛰기'를 눌러 주세요."
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=_text(MAX_DESCRIPTION),
            skip=_skip("note", lambda a: bool(photos_of(a)) and not typed_text(a)),
            follow_up=True,
        ),
        Step(
            "where",
            prompt=lambda ctx, a: ctx._("어디에서 생긴 일인가요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("우리 집"), Where.HOME.value),
                Choice(ctx._("함께 쓰는 곳"), Where.COMMON.value),
            ],
            skip=_skip("where", lambda a: where_of(a) is None),
            follow_up=True,
        ),
        Step(
            "place",
            prompt=_place_prompt,
            expect=Expect.TEXT,
            choices=_place_choices,
            parse=_text(MAX_PLACE),
            skip=_skip("place", lambda a: where_of(a) == Where.COMMON and not said(a, "place")),
            follow_up=True,
            placeholder=lambda ctx: ctx._("예: 3라인 계단"),
        ),
        Step(
            "urgent",
            prompt=lambda ctx, a: ctx._(
                "급한 일인가요? 물이 많이 새거나 전기·가스·승강기처럼 위험하면 "
                "'급함'을 눌러 주세요."
            ),
            choices=lambda ctx, a: [Choice(ctx._("보통"), False), Choice(ctx._("급함"), True)],
            skip=_skip(
                "urgent",
                lambda a: a.get("category") in URGENT_CATEGORIES and not said(a, "urgent"),
            ),
            follow_up=True,
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("접수"), "submit", once=True),
                Choice(ctx._("수정"), "edit"),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
        Step(
            "fix",
            prompt=lambda ctx, a: ctx._("무엇을 고칠까요?"),
            choices=_fix_choices,
            skip=lambda ctx, a: a.get("confirm") != "edit",
            follow_up=True,
        ),
    ],
    on_done=_done,
)
