"""설문 만들기 (coordinators): a title, then up to 10 questions, each a kind (하나 고르기,
여러 개 고르기, 1~5점, 짧은 글), its text and, for choices, 2–8 options; then anonymity, the
deadline and a confirmation. The rules are checked again by core.surveys.answering.

```mermaid
flowchart TD
    M[코디네이터 → 설문 만들기] --> T[제목 적기, 100자까지]
    T --> K[질문 종류: 하나 고르기 / 여러 개 고르기 / 1~5점 / 짧은 글 / 질문 그만]
    K --> Q[질문 적기, 200자까지]
    Q -->|고르기| O[선택지 2~8개: 줄마다 또는 쉼표로]
    O -->|1개뿐, 9개 이상, 같은 것| O
    O --> K
    Q -->|1~5점, 짧은 글| K
    K -->|질문 그만, 또는 10개| A[실명 / 익명]
    A --> D[마감: 1일 / 3일 / 7일 뒤]
    D --> C[확인: 시작 / 취소]
    C -->|시작, 한 번만| S[create_survey → 알림 예약: 24시간 전, 마감]
```
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.dialogs.votes.options import OptionRules, options_step, question_parser
from bot.engine.context import Ctx
from bot.engine.dialog import Answers, Choice, Dialog, Invalid, Step
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.surveys.actions import CREATE_DIALOG, SurveyResults
from bot.i18n import N_
from bot.screens import Expect, Screen
from core.surveys.answering import NewSurvey, create_survey
from core.surveys.model import (
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_QUESTION,
    MAX_QUESTIONS,
    MAX_TITLE,
    MIN_OPTIONS,
    Question,
    QuestionKind,
)

DONE = "done"
CHOICES = (QuestionKind.SINGLE, QuestionKind.MULTI)
OPTIONS = OptionRules(
    low=MIN_OPTIONS,
    high=MAX_OPTIONS,
    longest=MAX_OPTION,
    bad_count=N_("서로 다른 선택지를 {low}~{high}개 적어 주세요. 예: 네, 아니요"),
    prompt=N_("선택지를 적어 주세요. 줄을 바꾸거나 쉼표로 나눠 주세요. (예: 네, 아니요)"),
    example_label=N_("네, 아니요"),
    example=("네", "아니요"),
)


def _title(ctx: Ctx, text: str, a: dict) -> str:
    if not text or len(text) > MAX_TITLE:
        raise Invalid(ctx._("설문 제목을 {limit}자 안으로 적어 주세요.", limit=MAX_TITLE))
    return text


def _count(a: dict) -> int:
    """How many questions are (being) written: up to the first 질문 그만."""
    for i in range(MAX_QUESTIONS):
        if a.get(f"kind{i}") in (None, DONE):
            return i
    return MAX_QUESTIONS


def _ended(i: int) -> Callable[[Ctx, Answers], bool]:
    return lambda ctx, a: any(a.get(f"kind{j}") == DONE for j in range(i))


def _kinds(i: int) -> Callable[[Ctx, Answers], list[Choice]]:
    def choices(ctx: Ctx, a: dict) -> list[Choice]:
        kinds = [
            Choice(ctx._("하나 고르기"), QuestionKind.SINGLE.value),
            Choice(ctx._("여러 개 고르기"), QuestionKind.MULTI.value),
            Choice(ctx._("1~5점"), QuestionKind.SCALE.value),
            Choice(ctx._("짧은 글"), QuestionKind.TEXT.value),
        ]
        return kinds + ([Choice(ctx._("질문 그만"), DONE)] if i else [])

    return choices


def _kind_prompt(i: int) -> Callable[[Ctx, Answers], str]:
    def prompt(ctx: Ctx, a: Answers) -> str:
        text = ctx._("{n}번 질문은 어떤 종류인가요?", n=i + 1)
        if i:
            text += "\n" + ctx._("질문을 다 만들었으면 '질문 그만'을 눌러 주세요.")
        return text

    return prompt


def _question_steps(i: int) -> list[Step]:
    ended = _ended(i)
    return [
        Step(f"kind{i}", prompt=_kind_prompt(i), choices=_kinds(i), skip=ended),
        Step(
            f"text{i}",
            prompt=lambda ctx, a: ctx._("{n}번 질문을 적어 주세요.", n=i + 1),
            expect=Expect.TEXT,
            parse=question_parser(MAX_QUESTION),
            skip=lambda ctx, a: ended(ctx, a) or a.get(f"kind{i}") == DONE,
        ),
        options_step(
            f"options{i}",
            OPTIONS,
            skip=lambda ctx, a: ended(ctx, a) or a.get(f"kind{i}") not in CHOICES,
        ),
    ]


def _questions(a: dict) -> tuple[Question, ...]:
    return tuple(
        Question(a[f"kind{i}"], a[f"text{i}"], tuple(a.get(f"options{i}") or ()))
        for i in range(_count(a))
    )


def _summary(ctx: Ctx, a: dict) -> str:
    kinds = {
        "single": ctx._("하나 고르기"),
        "multi": ctx._("여러 개 고르기"),
        "scale": ctx._("1~5점"),
        "text": ctx._("짧은 글"),
    }
    lines = [ctx._("[설문 확인] {title}", title=a["title"])]
    for i, q in enumerate(_questions(a)):
        options = f" ({', '.join(q.options)})" if q.options else ""
        lines.append(f"{i + 1}. [{kinds[q.kind]}] {q.text[:60]}{options[:80]}")
    lines.append(ctx._("익명 설문") if a["anonymous"] else ctx._("실명 설문"))
    lines.append(ctx._("마감: 지금부터 {days}일 뒤", days=a["days"]))
    lines.append(ctx._("시작하면 내용을 바꿀 수 없어요. 시작할까요?"))
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "start":
        return ctx.screen(ctx._("설문을 만들지 않았어요."), back=OpenCoordinator())
    closes_at = ctx.clock.now() + timedelta(days=int(a["days"]))
    new = NewSurvey(a["title"], _questions(a), closes_at, anonymous=bool(a["anonymous"]))
    survey = await create_survey(ctx.uow, ctx.clock, ctx.membership, new)
    text = ctx._(
        "설문을 열었어요. 주민들은 우리단지 → 설문조사에서 답할 수 있어요. 마감: {when}",
        when=ctx.t.datetime(survey.closes_at),
    )
    button = ctx.button(ctx._("설문 결과"), SurveyResults())
    return ctx.screen(text, button, back=OpenCoordinator())


dialog = Dialog(
    CREATE_DIALOG,
    [
        Step(
            "title",
            prompt=lambda ctx, a: ctx._("설문 제목을 적어 주세요."),
            expect=Expect.TEXT,
            parse=_title,
        ),
        *(step for i in range(MAX_QUESTIONS) for step in _question_steps(i)),
        Step(
            "anonymous",
            prompt=lambda ctx, a: ctx._("익명으로 받을까요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("실명 설문"), False),
                Choice(ctx._("익명 설문"), True),
            ],
        ),
        Step(
            "days",
            prompt=lambda ctx, a: ctx._("언제 마감할까요?"),
            choices=lambda ctx, a: [Choice(ctx._("{n}일 뒤", n=n), n) for n in (1, 3, 7)],
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("시작"), "start", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)
