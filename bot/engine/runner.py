"""Running a dialog: start it, take an answer (a tapped choice, typed text, a photo), go back,
and finish by calling its `on_done`. The state lives in `ctx.conversation`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.engine import drafts
from bot.engine.dialog import FILLED, AskAgain, Dialog, Invalid, Step
from bot.engine.intents import Intents
from bot.engine.present import add_choices
from bot.screens import Button, Expect, Photo, Screen
from core.errors import DomainError

if TYPE_CHECKING:
    from bot.engine.context import Ctx

MAX_MISSES_BEFORE_HELP = 2
FINISHING = "finishing"  # set while on_done runs: a dialog it starts is its next, not a switch
HELP_INTENT = "help.ask"  # 도움 요청 (a person), offered after two misses when registered


def help_button(ctx: Ctx, intents: Intents | None) -> Button | None:
    """The 도움 요청 button, when a feature registered the intent."""
    intent = intents.get(HELP_INTENT) if intents is not None else None
    if intent is None:
        return None
    return ctx.button(ctx._(intent.label), intent.action(None))


class DialogRunner:
    def __init__(
        self,
        dialogs: dict[str, Dialog],
        explain_error,
        intents: Intents | None = None,
        rescue=None,
    ) -> None:
        self.dialogs = dialogs
        self._explain = explain_error  # (ctx, DomainError) -> translated text
        self.intents = intents
        # (ctx, DomainError, Screen) -> Screen: a refusal that leaves one stuck offers help
        self._rescue = rescue or (lambda ctx, error, screen: screen)

    def explain(self, ctx: Ctx, error: DomainError) -> str:
        """A refusal in the person's words (the chat's one wording of every rule)."""
        return self._explain(ctx, error)

    def current(self, ctx: Ctx) -> tuple[Dialog, Step] | None:
        conv = ctx.conversation
        dialog = self.dialogs.get(conv.dialog or "")
        step = dialog.step(conv.step) if dialog else None
        if dialog is None or step is None:
            conv.clear_dialog()
            return None
        return dialog, step

    async def start(self, ctx: Ctx, name: str, **answers: Any) -> Screen:
        """Start `name` afresh; another dialog left open is kept as a draft, and a draft of
        this one is offered first (이어서 하기 / 새로 쓰기)."""
        dialog = self.dialogs[name]
        conv = ctx.conversation
        restart = conv.dialog == name or conv.data.get(FINISHING)  # 수정, or on_done's next
        if not restart:
            drafts.shelve(ctx)
            if dialog.drafts and name in drafts.live(ctx):
                return drafts.offer(ctx, name, answers)
        conv.clear_dialog()
        conv.dialog = name
        conv.data["answers"] = dict(answers)
        conv.data["history"] = []
        return await self._advance(ctx, dialog, None)

    async def _advance(self, ctx: Ctx, dialog: Dialog, after: str | None) -> Screen:
        conv = ctx.conversation
        answers = conv.data["answers"]
        step = dialog.next_step(ctx, after, answers)
        if step is None:
            return await self._finish(ctx, dialog)
        if after is not None:
            conv.data["history"].append(after)
        conv.step = step.name
        conv.data["misses"] = 0
        return dialog.render(ctx, step, answers)

    async def _finish(self, ctx: Ctx, dialog: Dialog) -> Screen:
        conv = ctx.conversation
        answers = dict(conv.data["answers"])
        last = conv.step
        conv.data[FINISHING] = True
        try:
            async with ctx.uow.savepoint():
                screen = await dialog.on_done(ctx, answers)
        except DomainError as exc:
            conv.data.pop(FINISHING, None)
            # Nothing was written; ask the last question again with the reason on top.
            step = dialog.step(last) or dialog.steps[-1]
            conv.step = step.name
            note = self._explain(ctx, exc)
            return self._rescue(
                ctx, exc, dialog.render(ctx, step, conv.data["answers"], note=note)
            )
        conv.data.pop(FINISHING, None)
        if isinstance(screen, AskAgain):
            step = dialog.step(last) or dialog.steps[-1]
            conv.data["answers"].pop(step.name, None)
            return dialog.render(ctx, step, conv.data["answers"], note=screen.note)
        if conv.dialog == dialog.name and conv.step == last:
            conv.clear_dialog()  # on_done did not start another dialog
        return screen

    async def answer(self, ctx: Ctx, dialog: Dialog, step: Step, value: Any) -> Screen:
        answers = ctx.conversation.data["answers"]
        if step.fills and isinstance(value, dict):  # a quick pick: several answers at once
            answers.update(value)
            answers[FILLED] = [*answers.get(FILLED, []), *value]
            value = sorted(value)
        answers[step.name] = value
        return await self._advance(ctx, dialog, step.name)

    async def text(self, ctx: Ctx, text: str) -> Screen:
        dialog, step = self.current(ctx)  # type: ignore[misc]
        refused = self.refusal(ctx, step, text)
        if isinstance(refused, str):
            return self.miss(ctx, refused)
        return await self.answer(ctx, dialog, step, refused[0])

    def refusal(self, ctx: Ctx, step: Step, text: str) -> str | tuple[Any]:
        """Why the step cannot take this text (translated), or `(value,)` when it can."""
        if step.parse is None:
            if step.expect is Expect.PHOTO:
                return ctx._("사진을 보내 주세요.")
            return ctx._("아래 버튼 중에서 골라 주세요.")
        try:
            return (step.parse(ctx, text.strip(), ctx.conversation.data["answers"]),)
        except Invalid as exc:
            return exc.message

    def miss(self, ctx: Ctx, message: str) -> Screen:
        dialog, step = self.current(ctx)  # type: ignore[misc]
        return self._miss(ctx, dialog, step, message)

    async def photos(self, ctx: Ctx, photos: tuple[Photo, ...]) -> Screen:
        dialog, step = self.current(ctx)  # type: ignore[misc]
        if step.photo is None:
            return self._miss(ctx, dialog, step, ctx._("지금은 사진을 받을 수 없어요."))
        try:
            value = await step.photo(ctx, photos, ctx.conversation.data["answers"])
        except Invalid as exc:
            return self._miss(ctx, dialog, step, exc.message)
        return await self.answer(ctx, dialog, step, value)

    def back(self, ctx: Ctx) -> Screen | None:
        """The previous question again; None when there is none (the caller goes home)."""
        found = self.current(ctx)
        history = ctx.conversation.data.get("history") or []
        if found is None or not history:
            return None
        dialog, _ = found
        previous = dialog.step(history.pop())
        if previous is None:
            return None
        ctx.conversation.step = previous.name
        answers = ctx.conversation.data["answers"]
        value = answers.pop(previous.name, None)
        if previous.fills and isinstance(value, list):  # undo the quick pick's answers
            for name in value:
                answers.pop(name, None)
            answers[FILLED] = [n for n in answers.get(FILLED, []) if n not in value]
        return dialog.render(ctx, previous, ctx.conversation.data["answers"])

    def again(self, ctx: Ctx, note: str = "") -> Screen | None:
        found = self.current(ctx)
        if found is None:
            return None
        dialog, step = found
        return dialog.render(ctx, step, ctx.conversation.data["answers"], note=note)

    def _miss(self, ctx: Ctx, dialog: Dialog, step: Step, message: str) -> Screen:
        """Input the step cannot take: say why, ask again; after two misses, offer help."""
        misses = ctx.conversation.data.get("misses", 0) + 1
        ctx.conversation.data["misses"] = misses
        if misses >= MAX_MISSES_BEFORE_HELP:
            message = ctx._(
                "{message}\n어려우시면 관리사무소 코디네이터에게 도움을 청하실 수 있어요. "
                "'처음으로'를 누르면 처음 메뉴로 가요.",
                message=message,
            )
        screen = dialog.render(ctx, step, ctx.conversation.data["answers"], note=message)
        button = help_button(ctx, self.intents) if misses >= MAX_MISSES_BEFORE_HELP else None
        return add_choices(screen, button) if button is not None else screen
