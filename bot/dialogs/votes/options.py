"""A question and its options, as both 주민투표 만들기 and 설문 만들기 ask for them: the
question within a length, then 2–N distinct options typed one a line or split by commas
(each within a length), with a one-tap example ("찬성, 반대"). Core checks the same rules
again (core.votes.ballots.check_vote, core.surveys.answering.check_question)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.context import Ctx
from bot.engine.dialog import Answers, Choice, Invalid, Step
from bot.screens import Expect


@dataclass(frozen=True)
class OptionRules:
    """How many options a question takes, how long each may be, and the example offered.
    `bad_count` and `prompt` are messages marked with N_ (translated when shown)."""

    low: int
    high: int
    longest: int
    bad_count: str  # with {low} and {high}
    prompt: str
    example_label: str
    example: tuple[str, ...]


def question_parser(limit: int) -> Callable[[Ctx, str, Answers], str]:
    """A step's parse: the question, not empty and at most `limit` characters."""

    def parse(ctx: Ctx, text: str, a: Answers) -> str:
        text = text.strip()
        if not text or len(text) > limit:
            raise Invalid(ctx._("질문을 {limit}자 안으로 적어 주세요.", limit=limit))
        return text

    return parse


def options_parser(rules: OptionRules) -> Callable[[Ctx, str, Answers], list[str]]:
    """A step's parse: distinct options, one a line or split by commas."""

    def parse(ctx: Ctx, text: str, a: Answers) -> list[str]:
        options = [o.strip() for o in re.split(r"[\n,]", text) if o.strip()]
        if not rules.low <= len(options) <= rules.high or len(set(options)) != len(options):
            raise Invalid(ctx._(rules.bad_count, low=rules.low, high=rules.high))
        if any(len(o) > rules.longest for o in options):
            raise Invalid(ctx._("선택지는 하나에 {limit}자까지예요.", limit=rules.longest))
        return options

    return parse


def options_step(
    name: str, rules: OptionRules, skip: Callable[[Ctx, Answers], bool] | None = None
) -> Step:
    """The step that asks for the options, with the example as a button."""
    return Step(
        name,
        prompt=lambda ctx, a: ctx._(rules.prompt),
        expect=Expect.TEXT,
        parse=options_parser(rules),
        choices=lambda ctx, a: [Choice(ctx._(rules.example_label), list(rules.example))],
        skip=skip,
    )
