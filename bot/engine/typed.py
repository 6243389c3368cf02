"""Typed text that is not a button label, not a universal word and not an answer to the current
question: understood (bot/understand) and acted on.

- At a dialog's question that takes typed answers (a code, a 동, a description): the answer,
  as always (or the step's reason why not).
- At a question with buttons only: its choices first (with their synonyms: 엘리베이터 →
  승강기), then the intents, leaving the dialog only when sure; the dialog is set aside and
  "하던 일 계속" brings it back. Unsure or nothing: the step's own "please choose" answer.
- Elsewhere: the screen's buttons (typos, spacing, 초성), then the intents. Sure → go there,
  saying what was understood ("고장 신고로 갈게요 (승강기)"); unsure → the best 2–3 guesses as
  buttons, plus 도움 요청; nothing → the screen's buttons again, plus 도움 요청, never in the
  same words twice in a row (misses are counted in the conversation).

Nothing typed is logged or stored here: only the intent's name and a count of misses.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.engine.actions import Action, Router, UnknownAction
from bot.engine.dialog import Choice, Dialog, Step
from bot.engine.intents import Intent, Intents
from bot.engine.present import add_choices
from bot.engine.runner import MAX_MISSES_BEFORE_HELP, help_button
from bot.i18n import N_
from bot.screens import Button, ButtonRole, Screen
from bot.understand.matcher import Guess, Label, Matcher, Understood, judge

if TYPE_CHECKING:
    from bot.engine.context import Ctx

log = logging.getLogger("naechingu.understand")  # never the text: only what went wrong
MISSES = "unheard"  # conversation data: misunderstood inputs in a row (outside dialogs)
ASIDE = "aside"  # conversation data: the dialog set aside for an intent
MAX_GUESSES = 3

# Said when nothing was understood; consecutive misses never get the same sentence.
NOT_UNDERSTOOD = (
    N_("잘 알아듣지 못했어요. 아래 버튼 중에서 골라 주세요."),
    N_("죄송해요, 무슨 말씀인지 잘 모르겠어요. 아래 버튼을 눌러 주시겠어요?"),
    N_("제가 아직 그 말은 몰라요. 아래에서 골라 주시면 바로 도와드릴게요."),
)


@dataclass(frozen=True)
class ResumeAside(Action, kind="dlg.resume"):
    """하던 일 계속: back to the dialog set aside when a typed sentence led elsewhere."""


def going(ctx: Ctx, label: str, slot: str = "") -> str:
    """고장 신고로 갈게요 (승강기): the particle is chosen by the translator (`bot.i18n.josa`)."""
    text = ctx._("{what}(으)로 갈게요", what=label)
    return f"{text} ({slot})" if slot else text


def chose(ctx: Ctx, label: str) -> str:
    return ctx._("'{label}'을(를) 골랐어요.", label=label)


class Typed:
    """The engine's understanding step; `perform(ctx, action, note)` runs where it leads."""

    def __init__(
        self, matcher: Matcher, intents: Intents, router: Router, runner, perform, again
    ) -> None:
        self.matcher = matcher
        self.intents = intents
        self.router = router
        self.runner = runner
        self._perform = perform  # (ctx, Action, note) -> Screen: like a tapped button
        self._again = again  # (ctx, note) -> the current screen again, with a note

    # --- which intents may be offered here ---------------------------------------------------

    async def _allowed(self, ctx: Ctx) -> frozenset[str]:
        """The intents this person may be led to (e.g. 공지 보내기: coordinators only)."""
        return frozenset(
            [
                name
                for name, intent in self.intents.by_name.items()
                if intent.shown is None or await intent.shown(ctx)
            ]
        )

    async def _understand(
        self,
        ctx: Ctx,
        text: str,
        labels: list[Label],
        actions: list[dict | None],
        *,
        intents: bool = True,
    ) -> Understood:
        """`actions[i]`: where labels[i] leads (a guess leading there too is the same)."""
        names = await self._allowed(ctx) if intents else frozenset()
        try:
            found = self.matcher.understand(text, labels=labels, intents=names)
        except Exception as exc:  # e.g. the model files missing: not understood, not broken
            log.warning("typed text could not be analysed: %s", type(exc).__name__)
            return Understood()

        def leads_to(guess: Guess) -> Any:
            if guess.label is not None:
                where = actions[guess.label]
            else:
                intent = self.intents.get(guess.intent or "")
                where = intent.action(guess.slot).dump() if intent else None
            return repr(sorted((where or {"label": guess.label}).items()))

        return judge(found.guesses, leads_to)

    def _intent_label(self, ctx: Ctx, intent: Intent, slot: str | None) -> tuple[str, str]:
        slot_label = ""
        if slot and intent.slots and slot in intent.slots:
            slot_label = ctx._(intent.slots[slot])
        return ctx._(intent.label), slot_label

    async def _go(self, ctx: Ctx, guess: Guess) -> Screen:
        intent = self.intents.get(guess.intent or "")
        assert intent is not None
        label, slot = self._intent_label(ctx, intent, guess.slot)
        note = going(ctx, label, slot) if intent.note else ""
        return await self._perform(ctx, intent.action(guess.slot), note)

    # --- inside a dialog ---------------------------------------------------------------------

    async def in_dialog(self, ctx: Ctx, dialog: Dialog, step: Step, text: str) -> Screen:
        if step.parse is not None:  # a typed answer: taken, or refused with the reason
            return await self.runner.text(ctx, text)
        refused = self.runner.refusal(ctx, step, text)
        assert isinstance(refused, str)
        answers = ctx.conversation.data["answers"]
        choices = [c for c in (step.choices(ctx, answers) if step.choices else ()) if not c.once]
        labels = [Label(c.label, self._synonyms(step, c)) for c in choices]
        actions = [c.action.dump() if c.action else None for c in choices]
        # The question's own choices first (their synonyms too), then the intents.
        found = await self._understand(ctx, text, labels, actions, intents=False)
        best = found.best
        if best is not None and best.label is not None and found.confident:
            choice = choices[best.label]
            if choice.action is not None:
                return await self._perform(ctx, choice.action, "")
            screen = await self.runner.answer(ctx, dialog, step, choice.value)
            return screen.with_notices(chose(ctx, choice.label))
        found = await self._understand(ctx, text, [], [])
        best = found.best
        if best is None or best.intent is None or not found.confident:
            return self.runner.miss(ctx, refused)
        self._set_aside(ctx)
        ctx.conversation.clear_dialog()
        screen = await self._go(ctx, best)
        return add_choices(screen, self._resume_button(ctx))

    def _synonyms(self, step: Step, choice: Choice) -> tuple[str, ...]:
        if not step.synonyms or not isinstance(choice.value, str):
            return ()
        return tuple(self.matcher.table.slot_words(step.synonyms).get(choice.value, ()))

    def _set_aside(self, ctx: Ctx) -> None:
        conv = ctx.conversation
        conv.data[ASIDE] = {
            "dialog": conv.dialog,
            "step": conv.step,
            "answers": conv.data.get("answers", {}),
            "history": conv.data.get("history", []),
        }

    def _resume_button(self, ctx: Ctx) -> Button:
        action = ResumeAside().dump()
        return Button(ctx._("하던 일 계속"), action, role=ButtonRole.NAV)

    def resume(self, ctx: Ctx) -> Screen | None:
        """The dialog set aside, at the question where it was left (None: there is none)."""
        conv = ctx.conversation
        aside: dict[str, Any] | None = conv.data.pop(ASIDE, None)
        if not aside or aside.get("dialog") not in self.runner.dialogs:
            return None
        conv.clear_dialog()
        conv.dialog, conv.step = aside["dialog"], aside["step"]
        conv.data["answers"] = aside.get("answers") or {}
        conv.data["history"] = aside.get("history") or []
        return self.runner.again(ctx)

    # --- elsewhere ---------------------------------------------------------------------------

    async def elsewhere(self, ctx: Ctx, text: str, stored: Screen, misses: int) -> Screen:
        """`misses`: misunderstood inputs just before this one (counted in the conversation;
        the engine clears the count on anything else)."""
        buttons = [b for b in _buttons(stored) if not (b.action or {}).get("_once")]
        labels = [Label(b.label) for b in buttons]
        found = await self._understand(ctx, text, labels, [b.action for b in buttons])
        best = found.best
        if best is not None and found.confident:
            if best.label is not None:
                button = buttons[best.label]
                return await self._perform_button(ctx, button, going(ctx, button.label))
            return await self._go(ctx, best)
        if found.guesses:
            return self._guesses(ctx, found.guesses, buttons)
        ctx.conversation.data[MISSES] = misses + 1
        note = ctx._(NOT_UNDERSTOOD[misses % len(NOT_UNDERSTOOD)])
        help_ = help_button(ctx, self.intents)
        if help_ is not None and misses + 1 >= MAX_MISSES_BEFORE_HELP:
            note += "\n" + ctx._("사람에게 직접 물어보시려면 '도움 요청'을 눌러 주세요.")
        screen = self._again(ctx, note)
        return add_choices(screen, help_) if help_ is not None else screen

    async def _perform_button(self, ctx: Ctx, button: Button, note: str) -> Screen:
        try:
            action = self.router.load(button.action or {})[0]
        except UnknownAction:
            return self._again(ctx, ctx._("이 버튼은 더 이상 사용할 수 없어요."))
        return await self._perform(ctx, action, note)

    def _guesses(self, ctx: Ctx, guesses: tuple[Guess, ...], buttons: list[Button]) -> Screen:
        """Unsure: the best few guesses as buttons, and 도움 요청."""
        offered: list[Button] = []
        for guess in guesses[:MAX_GUESSES]:
            if guess.label is not None:
                offered.append(buttons[guess.label])
                continue
            intent = self.intents.get(guess.intent or "")
            if intent is None:
                continue
            label, slot = self._intent_label(ctx, intent, guess.slot)
            text = f"{label} ({slot})" if slot else label
            offered.append(ctx.button(text, intent.action(guess.slot)))
        help_ = help_button(ctx, self.intents)
        text = ctx._("혹시 이 중에 찾으시는 것이 있나요? 아니면 '처음으로'를 눌러 주세요.")
        return ctx.screen(text, *offered, *((help_,) if help_ else ()))


def _buttons(screen: Screen) -> list[Button]:
    """The screen's tappable buttons (choices and cards'), navigation left out."""
    found = [b for b in screen.choices if b.action]
    for card in screen.cards:
        found.extend(b for b in card.buttons if b.action)
    return found
