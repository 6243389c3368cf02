"""Declarative multi-step dialogs: one question per message, every step with 이전 and 처음으로.

A dialog is a list of `Step`s (a prompt, the input it accepts, how to parse and validate it)
and an `on_done` that calls a use case and returns the final Screen. Answers live in the
conversation row, so a dialog survives restarts and follows the resident across channels.

    Dialog("verify", [Step("code", prompt=..., expect=Expect.TEXT, parse=...)], on_done=...)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.engine.actions import Action
from bot.engine.nav import Nav
from bot.screens import Expect, Photo, Screen

if TYPE_CHECKING:
    from bot.engine.context import Ctx

Answers = dict[str, Any]
FILLED = "_filled"  # the steps a quick pick answered (see Step.fills)


class Invalid(Exception):
    """Input the step cannot take; `message` (already translated) says what to do instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Choice:
    label: str
    value: Any = None  # JSON-serialisable; stored server-side with the button
    once: bool = False  # a committing answer (접수): its button works once, even redelivered
    action: Action | None = None  # instead of an answer: leave the dialog for this handler


@dataclass(frozen=True)
class DialogAnswer(Action, kind="dlg"):
    dialog: str
    step: str
    value: Any


@dataclass(frozen=True)
class DialogAnswerOnce(DialogAnswer, kind="dlg1", single_use=True):
    """A dialog answer whose button works once (e.g. 접수): a redelivered tap is answered
    from the stored reply instead of running the step again."""


@dataclass(frozen=True)
class Step:
    name: str
    prompt: Callable[[Ctx, Answers], str]
    expect: Expect = Expect.CHOICE
    choices: Callable[[Ctx, Answers], Sequence[Choice]] | None = None
    parse: Callable[[Ctx, str, Answers], Any] | None = None  # typed text -> value, or Invalid
    photo: Callable[[Ctx, tuple[Photo, ...], Answers], Awaitable[Any]] | None = None
    skip: Callable[[Ctx, Answers], bool] | None = None  # True: this step does not apply
    placeholder: Callable[[Ctx], str] | None = None
    # Typed words for the choices: a [slots.<name>] table of bot/understand/intents.toml
    # keyed by the choices' values (e.g. "defect_category": 엘리베이터 → the 승강기 choice).
    synonyms: str = ""
    # A sub-question of the step before it (실비 금액 after 실비 분담, 다른 시간's 날짜·시·분):
    # shown with that step's number and never counted in the total, so that the total a
    # resident reads ("3/6단계") does not change with an answer. Only follow-ups may depend
    # on answers given during the dialog (tests/flows/test_step_totals.py walks every path).
    follow_up: bool = False
    # A quick pick: the chosen value is a dict of answers to other steps (e.g. "지난번처럼"
    # answers 출발지, 도착지, 시각, 인원, 비용 at once); those steps are then not asked.
    fills: bool = False


@dataclass(frozen=True)
class AskAgain:
    """Returned by `on_done` to stay on the last question with a note, keeping what the use
    case recorded (e.g. a counted wrong invite code), unlike raising a DomainError."""

    note: str


Done = Callable[["Ctx", Answers], Awaitable["Screen | AskAgain"]]


class Dialog:
    def __init__(
        self, name: str, steps: Sequence[Step], on_done: Done, *, drafts: bool = True
    ) -> None:
        if not steps:
            raise ValueError("a dialog needs at least one step")
        self.name = name
        self.steps = list(steps)
        self.on_done = on_done
        self.drafts = drafts  # left with > 2 answers, it is kept as a draft (engine/drafts)
        self._index = {step.name: i for i, step in enumerate(self.steps)}

    def step(self, name: str | None) -> Step | None:
        return self.steps[self._index[name]] if name in self._index else None

    def next_step(self, ctx: Ctx, after: str | None, answers: Answers) -> Step | None:
        start = 0 if after is None else self._index[after] + 1
        filled = answers.get(FILLED) or ()
        for step in self.steps[start:]:
            if step.name not in filled and (step.skip is None or not step.skip(ctx, answers)):
                return step
        return None

    def applicable(self, ctx: Ctx, answers: Answers) -> list[Step]:
        return [s for s in self.steps if s.skip is None or not s.skip(ctx, answers)]

    def render(self, ctx: Ctx, step: Step, answers: Answers, *, note: str = "") -> Screen:
        """The step's question, its choices as buttons, and the way back or out."""
        text = step.prompt(ctx, answers)
        steps = self.applicable(ctx, answers)
        counted = [s for s in steps if not s.follow_up]
        if len(counted) > 2 and step in steps:
            upto = steps[: steps.index(step) + 1]
            n = max(sum(1 for s in upto if not s.follow_up), 1)
            position = ctx._("({n}/{total}단계)", n=n, total=len(counted))
            text = f"{text}\n{position}"
        if note:
            text = f"{note}\n\n{text}"
        buttons = [
            self._choice_button(ctx, step, choice)
            for choice in (step.choices(ctx, answers) if step.choices else ())
        ]
        history = ctx.conversation.data.get("history", [])
        back = Nav(to="back") if history else None
        placeholder = step.placeholder(ctx) if step.placeholder else ""
        return ctx.screen(text, *buttons, expect=step.expect, back=back, placeholder=placeholder)

    def _choice_button(self, ctx: Ctx, step: Step, choice: Choice):
        if choice.action is not None:
            return ctx.button(choice.label, choice.action)
        answer = DialogAnswerOnce if choice.once else DialogAnswer
        return ctx.button(choice.label, answer(self.name, step.name, choice.value))
