"""Drafts, not losses: a dialog left with more than two answered steps (처음으로, a timeout,
another task) is kept as a draft, per resident and dialog, in the conversation row (the
database, like every other piece of conversation state). The next visit of that flow, or
home, offers "쓰던 글이 있어요. 이어서 할까요?" with 이어서 하기 / 새로 쓰기; 이어서 하기
resumes at the question where the resident left, with the answers kept. Drafts expire after
`[dialogs] draft_days` (7 by default); an explicit 취소 or a finished dialog keeps none.

```mermaid
flowchart TD
    F[대화 중, 답 3개 이상] -->|처음으로 / 시간 초과 / 다른 일| K[임시 저장 + 이어서 하기]
    F -->|취소 / 끝까지 함| X[저장 안 함]
    K --> V[같은 일을 다시 시작 / 처음 메뉴] --> O[쓰던 글이 있어요: 이어서 하기 / 새로 쓰기]
    O -->|이어서 하기| R[떠난 질문부터, 답은 그대로]
    O -->|새로 쓰기| N[임시 저장을 지우고 처음부터]
    K -->|7일 지남| E[임시 저장 사라짐]
```
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.engine.actions import Action
from bot.engine.proxy import acting
from bot.screens import Screen

if TYPE_CHECKING:
    from bot.engine.context import Ctx

DRAFTS = "drafts"  # conversation data: {dialog name: {step, answers, history, saved_at}}
PENDING = "draft_start"  # the start that was interrupted by the offer: {dialog, answers}
MIN_ANSWERED = 3  # "more than two answered steps"


@dataclass(frozen=True)
class DraftChoice(Action, kind="draft"):
    """이어서 하기 (`resume`) or 새로 쓰기 for the draft of `dialog`."""

    dialog: str
    resume: bool


def _expiry(ctx: Ctx) -> timedelta:
    return timedelta(days=ctx.services.config.dialogs.draft_days)


def live(ctx: Ctx) -> dict[str, dict[str, Any]]:
    """The resident's drafts that have not expired (expired ones are dropped here)."""
    drafts: dict[str, dict[str, Any]] = ctx.conversation.data.get(DRAFTS) or {}
    oldest = ctx.clock.now() - _expiry(ctx)
    kept = {
        name: d
        for name, d in drafts.items()
        if datetime.fromisoformat(d["saved_at"]) >= oldest and name in ctx.dialogs.dialogs
    }
    if kept != drafts:
        if kept:
            ctx.conversation.data[DRAFTS] = kept
        else:
            ctx.conversation.data.pop(DRAFTS, None)
    return kept


def shelve(ctx: Ctx) -> bool:
    """Keep the open dialog as a draft when it had more than two answers; then close it.
    True when a draft was kept."""
    conv = ctx.conversation
    dialog = ctx.dialogs.dialogs.get(conv.dialog or "")
    history = conv.data.get("history") or []
    keep = (
        dialog is not None
        and dialog.drafts
        and conv.step is not None
        and len(history) >= MIN_ANSWERED
        and acting(conv) is None  # 대신 하기: nothing is kept for later
    )
    if keep:
        drafts = dict(conv.data.get(DRAFTS) or {})
        drafts[conv.dialog or ""] = {
            "step": conv.step,
            "answers": conv.data.get("answers") or {},
            "history": list(history),
            "saved_at": ctx.clock.now().isoformat(),
        }
        conv.data[DRAFTS] = drafts
    conv.clear_dialog()
    return keep


def drop(ctx: Ctx, name: str) -> None:
    drafts = dict(ctx.conversation.data.get(DRAFTS) or {})
    if drafts.pop(name, None) is not None:
        if drafts:
            ctx.conversation.data[DRAFTS] = drafts
        else:
            ctx.conversation.data.pop(DRAFTS, None)


def offer(ctx: Ctx, name: str, answers: dict[str, Any]) -> Screen:
    """쓰던 글이 있어요. 이어서 할까요? — asked before starting `name` again."""
    ctx.conversation.data[PENDING] = {"dialog": name, "answers": answers}
    return ctx.screen(
        ctx._("쓰던 글이 있어요. 이어서 할까요?"),
        ctx.button(ctx._("이어서 하기"), DraftChoice(name, resume=True)),
        ctx.button(ctx._("새로 쓰기"), DraftChoice(name, resume=False)),
    )


def resume(ctx: Ctx, name: str) -> Screen | None:
    """The draft's dialog at the question where it was left (None: no such draft)."""
    draft = live(ctx).get(name)
    if draft is None or ctx.dialogs.dialogs[name].step(draft["step"]) is None:
        return None
    drop(ctx, name)
    conv = ctx.conversation
    conv.data.pop(PENDING, None)
    conv.clear_dialog()
    conv.dialog, conv.step = name, draft["step"]
    conv.data["answers"] = dict(draft["answers"])
    conv.data["history"] = list(draft["history"])
    return ctx.dialogs.again(ctx)


async def choose(ctx: Ctx, action: DraftChoice) -> Screen:
    """이어서 하기 / 새로 쓰기, tapped on the offer or on home."""
    if action.resume:
        screen = resume(ctx, action.dialog)
        if screen is not None:
            return screen
        return (await ctx.home()).with_notices(ctx._("이어서 할 글이 없어요."))
    pending = ctx.conversation.data.pop(PENDING, None) or {}
    drop(ctx, action.dialog)
    answers = pending.get("answers") if pending.get("dialog") == action.dialog else None
    if answers is None:
        return await ctx.home()
    return await ctx.dialogs.start(ctx, action.dialog, **answers)


def on_home(ctx: Ctx, home: Screen, *, kept: bool = False) -> Screen:
    """Home with the way back to the newest draft: a note and 이어서 하기."""
    drafts = live(ctx)
    if not drafts:
        return home
    name = max(drafts, key=lambda n: drafts[n]["saved_at"])
    note = (
        ctx._(
            "쓰던 내용은 임시로 저장했어요. {days}일 안에 '이어서 하기'로 계속할 수 있어요.",
            days=ctx.services.config.dialogs.draft_days,
        )
        if kept
        else ctx._("쓰던 글이 있어요. 이어서 할까요?")
    )
    # Kept on screen like 도움 요청: never paged behind 더보기 (쉬운 모드 shows 4 choices).
    button = ctx.button(ctx._("이어서 하기"), DraftChoice(name, resume=True), nav=True)
    buttons = (*home.choices, button, *home.nav, *home.operators)
    return replace(home, buttons=buttons).with_notices(note)
