"""The engine: one inbound event, one unit of work, one reply.

Inside one transaction it resolves the channel account to a resident, locks that resident's
conversation (two fast taps cannot both apply), drops redelivered events (answering from the
stored reply), routes (command, button token, dialog answer, typed label, universal word),
runs the handler inside a savepoint (a refused rule leaves nothing behind), stores every
button's action behind a token, saves the state and commits.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.engine import drafts
from bot.engine.actions import Action, Router, UnknownAction
from bot.engine.context import Conversation, Ctx
from bot.engine.dialog import DialogAnswer, DialogAnswerOnce
from bot.engine.intents import Intents
from bot.engine.menus import Menus
from bot.engine.nav import UNIVERSAL_WORDS, Nav, normalize_words
from bot.engine.present import (
    EASY_LABEL_MAX,
    Tokenizer,
    find_label,
    find_numbered,
    number_long_labels,
    page,
    page_size,
    strip_actions,
)
from bot.engine.proxy import acting, enter, frame, stop
from bot.engine.runner import DialogRunner
from bot.engine.store import TOUCH_AFTER, new_tokens, store_of, stored_tap
from bot.engine.typed import MISSES, ResumeAside, Typed
from bot.outbox.inbox import InboxOpen, InboxResume, behind, open_inbox, resume, show_inbox
from bot.screens import Inbound, Reply, Screen, screen_from_dict, screen_to_dict
from core.errors import ConcurrencyConflict, DomainError, StaleCopy
from core.identity.onboarding import (
    get_or_register_account,
    heard_from,
    membership_from,
    membership_of,
)
from core.ids import saved

log = logging.getLogger("naechingu.engine")
ATTEMPTS = 4


class Engine:
    def __init__(
        self,
        *,
        services,
        router: Router,
        runner: DialogRunner,
        pages,
        menus: Menus,
        intents: Intents | None = None,
    ) -> None:
        self.s = services
        self.router = router
        self.menus = menus
        self.runner = runner
        self.pages = pages  # home(ctx), help(ctx), explain(ctx, error), start(ctx, arg)
        self.typed = Typed(
            services.understanding,
            intents or Intents(),
            router,
            runner,
            self._perform,
            self._again,
        )
        # The engine's own actions: navigation and dialog answers (handled below, not routed).
        builtins = (
            Nav,
            DialogAnswer,
            DialogAnswerOnce,
            InboxOpen,
            InboxResume,
            ResumeAside,
            drafts.DraftChoice,
        )
        for builtin in builtins:
            self.router.handlers.setdefault(builtin.kind, (builtin, self._builtin))

    async def handle(self, inbound: Inbound) -> Reply:
        started = time.perf_counter()
        for attempt in range(ATTEMPTS):
            try:
                async with self.s.uow.lean() as uow:
                    reply = await self._handle(uow, inbound)
                    await uow.commit()
                outcome = "duplicate" if reply.duplicate else "ok"
                self.s.metrics.step(inbound.channel, outcome, time.perf_counter() - started)
                return reply
            except StaleCopy:  # a kept identity changed meanwhile: again, from fresh reads
                continue
            except ConcurrencyConflict:
                self.s.metrics.conflicts.inc()
                await asyncio.sleep(0.02 * (attempt + 1))
            except Exception:
                log.exception("inbound failed on %s", inbound.channel)
                break
        self.s.metrics.step(inbound.channel, "error", time.perf_counter() - started)
        t = self.s.catalogs.get(None)
        return Reply((Screen(t._("잠시 문제가 생겼어요. 조금 뒤에 다시 해 주세요.")),))

    async def _handle(self, uow, inbound: Inbound) -> Reply:
        now = self.s.clock.now()
        address = str(inbound.extra.get("chat_id", inbound.extra.get("address", "")))
        reported = self.s.catalogs.match(inbound.extra.get("language"))
        store = store_of(uow)
        known = await store.identity(inbound.channel, inbound.user_id)
        if known is not None:  # account, resident and roles in one statement
            account, resident, grants = known
            heard_from(account, address)
            membership = membership_from(resident, grants)
        else:
            account = await get_or_register_account(
                uow, self.s.clock, inbound.channel, inbound.user_id, address, reported
            )
            resident = await uow.residents.get(account.resident_id)
            membership = await membership_of(uow, resident)
        resident_id = saved(resident.id)
        row = await store.lock_conversation(resident_id, now, saved(account.id))
        token_row = None
        if inbound.token:  # the last screen's reusable buttons need no lookup
            token_row = stored_tap(row["screen"], inbound.token, resident_id, now)
            token_row = token_row or await store.token(inbound.token)
        keys = [inbound.delivery_key] if inbound.delivery_key else []
        if token_row and token_row["single_use"] and token_row["resident_id"] == resident.id:
            keys.append(f"tok:{inbound.token}")
        for key in keys:
            earlier = await store.claim_delivery(key, now)
            if earlier is not None:
                return Reply(
                    tuple(screen_from_dict(s) for s in earlier),
                    resident_id=resident.id,
                    duplicate=True,
                    easy_mode=resident.easy_mode,
                    locale=resident.locale,
                )
        conv = Conversation(
            resident_id=resident_id,
            version=row["version"],
            dialog=row["dialog"],
            step=row["step"],
            data=dict(row["data"] or {}),
            screen=row["screen"],
        )
        ctx = Ctx(
            uow=uow,
            clock=self.s.clock,
            t=self.s.catalogs.get(resident.locale, resident.easy_mode),
            resident=resident,
            account=account,
            membership=membership,
            inbound=inbound,
            conversation=conv,
            services=self.s,
            dialogs=self.runner,
            menus=self.menus,
            pages=self.pages,
        )
        offset = 0
        expiry = timedelta(hours=self.s.config.dialogs.expire_hours)
        if (conv.dialog or acting(conv)) and row["updated_at"] < now - expiry:
            # An abandoned dialog (or 대신 하기): back home with a short note, whatever this
            # message was.
            kept = drafts.shelve(ctx)
            stop(conv)
            note = ctx._("오랫동안 답이 없어서 하던 일은 멈추고 처음으로 돌아왔어요.")
            home = (await self.pages.home(ctx)).with_notices(note)
            screen = drafts.on_home(ctx, home, kept=kept)
        elif ended := await enter(ctx):  # 대신 하기 refused now: nothing of this message runs
            screen = (await self.pages.home(ctx)).with_notices(ended)
        else:  # (when acting for a household, ctx.membership is now the household's)
            routed = await self._route(ctx, token_row)
            screen, offset = routed if isinstance(routed, tuple) else (routed, 0)
        screen = frame(ctx, screen)  # 대신 하기: the banner and 끝내기 on every screen
        waiting = await store.inbox_waiting(saved(account.id))
        inbox = await uow.outbox.take_inbox(account.id, now) if waiting else []
        front: tuple[Screen, ...] = ()
        if inbox:  # shown with their buttons: one in full before the reply, several digested
            front, screen, offset = await show_inbox(ctx, inbox, screen, offset)
        reply, tokens = self._present(ctx, screen, offset)
        if front:
            reply = replace(reply, screens=(*map(strip_actions, front), *reply.screens))
        await store.add_tokens(new_tokens(tokens, row["screen"]))
        stored = [screen_to_dict(s) for s in reply.screens]
        for key in keys:
            await store.store_reply(key, resident_id, stored)
        state = {
            "resident_id": conv.resident_id,
            "version": conv.version,
            "dialog": conv.dialog,
            "step": conv.step,
            "data": conv.data,
            "screen": conv.screen,
        }
        await store.save_conversation(state, now, TOUCH_AFTER)
        return reply

    def _present(self, ctx: Ctx, screen: Screen, offset: int) -> tuple[Reply, list[dict]]:
        """Tokens for every button (fresh ones for a screen shown again), the full screen
        kept in the conversation, and one page of it for the channel."""
        days = self.s.config.dialogs.token_days
        tokenizer = Tokenizer(self.s.token_key, ctx.resident.id, ctx.clock.now(), days)
        full = tokenizer.screen(screen, fresh=True)
        ctx.conversation.screen = screen_to_dict(full)
        size = page_size(ctx.inbound.channel, ctx.resident.easy_mode)
        shown = page(full, offset, size, ctx._("더보기"), tokenizer)
        if ctx.resident.easy_mode:
            shown = number_long_labels(
                shown, EASY_LABEL_MAX, lambda n: ctx._("{n}번", n=n), start=offset + 1
            )
        reply = Reply(
            (strip_actions(shown),),
            resident_id=ctx.resident.id,
            easy_mode=ctx.resident.easy_mode,
            locale=ctx.resident.locale,
        )
        return reply, list(tokenizer.rows.values())

    async def _route(self, ctx: Ctx, token_row: dict | None) -> Screen | tuple[Screen, int]:
        inbound, conv = ctx.inbound, ctx.conversation
        misses = int(conv.data.pop(MISSES, 0) or 0)  # kept only by another miss
        if inbound.command:
            return await self._command(ctx, inbound.command, inbound.command_arg)
        if inbound.token is not None:
            return await self._tap(ctx, token_row)
        if inbound.photos_lost:  # never take part of what was sent as all of it
            return self._again(
                ctx,
                ctx._(
                    "사진 {n}장을 제대로 받지 못했어요. 사진을 모두 다시 보내 주세요.",
                    n=inbound.photos_lost,
                ),
            )
        if inbound.photos:
            if self.runner.current(ctx):
                return await self.runner.photos(ctx, inbound.photos)
            return self._again(ctx, ctx._("사진은 사진을 보내는 단계에서 받을 수 있어요."))
        text = inbound.text.strip()
        if text:
            conv.remember(text)  # context for a 도움 요청 (kept in the conversation row only)
        stored = screen_from_dict(conv.screen) if conv.screen else None
        if not text:  # e.g. the web page (re)opened: show where the person left off
            again = self.runner.again(ctx)
            return again or stored or await self.pages.home(ctx)
        if stored is not None:
            button = find_label(stored, text)
            current = self.runner.current(ctx)
            if button is None and not (current and current[1].parse is not None):
                button = find_numbered(stored, text)  # not where a typed answer is asked for
            if button is not None:  # typed (or a KakaoTalk message button): the stored action
                row = {
                    "token": button.token,
                    "resident_id": ctx.resident.id,
                    "action": button.action,
                    "single_use": bool(button.action.get("_once")),
                    "expires_at": ctx.clock.now() + timedelta(minutes=1),
                }
                return await self._tap(ctx, row)
        word = self._universal(ctx, text)
        if word is not None:
            return await self._nav(ctx, Nav(to=word))
        current = self.runner.current(ctx)
        if current:
            return await self.typed.in_dialog(ctx, *current, text)
        if stored is None:
            return await self.pages.home(ctx)
        return await self.typed.elsewhere(ctx, text, stored, misses)

    def _universal(self, ctx: Ctx, text: str) -> str | None:
        typed = normalize_words(text)
        for name, words in UNIVERSAL_WORDS.items():
            for word in words:
                if typed in (normalize_words(word), normalize_words(ctx._(word))):
                    return name
        return None

    async def _command(self, ctx: Ctx, command: str, arg: str) -> Screen:
        if command == "start":
            return await self.pages.start(ctx, arg)
        names = {"help": "help", "cancel": "cancel", "menu": "home"}
        return await self._nav(ctx, Nav(to=names.get(command, "home")))

    async def _tap(self, ctx: Ctx, row: dict | None) -> Screen | tuple[Screen, int]:
        now = ctx.clock.now()
        if row is None or row["resident_id"] != ctx.resident.id or row["expires_at"] < now:
            return self._again(ctx, ctx._("이 버튼은 더 이상 사용할 수 없어요."))
        if row["single_use"] and not await store_of(ctx.uow).use_token(row["token"], now):
            return self._again(ctx, ctx._("이미 처리된 버튼이에요."))
        try:
            action, handler = self.router.load(row["action"])
        except UnknownAction:
            return self._again(ctx, ctx._("이 버튼은 더 이상 사용할 수 없어요."))
        if isinstance(action, Nav):
            return await self._nav(ctx, action)
        if isinstance(action, ResumeAside):
            return self.typed.resume(ctx) or self._again(ctx, ctx._("이어서 할 일이 없어요."))
        if isinstance(action, InboxOpen):
            return await open_inbox(ctx, action)
        if isinstance(action, InboxResume):
            return await resume(ctx, self.runner, action)
        if isinstance(action, drafts.DraftChoice):
            return await drafts.choose(ctx, action)
        if isinstance(action, DialogAnswer):
            current = self.runner.current(ctx)
            if current is None or (current[0].name, current[1].name) != (
                action.dialog,
                action.step,
            ):
                return self._again(ctx, ctx._("이 버튼은 더 이상 사용할 수 없어요."))
            return await self.runner.answer(ctx, *current, action.value)
        drafts.shelve(ctx)  # another task: what was being written is kept as a draft
        return await self._call(ctx, handler, action)

    @staticmethod
    async def _builtin(ctx: Ctx, action: Any) -> Screen:
        raise AssertionError("built-in actions are handled by the engine itself")

    async def _call(self, ctx: Ctx, handler, action: Any, note: str = "") -> Screen:
        try:
            async with ctx.uow.savepoint():
                screen = await handler(ctx, action)
        except DomainError as exc:
            screen = self._again(ctx, self.pages.explain(ctx, exc))
            return self.pages.rescue(ctx, exc, screen)  # stuck: 도움 요청 as a way out
        return screen.with_notices(note) if note else screen

    async def _perform(self, ctx: Ctx, action: Action, note: str) -> Screen:
        """Where a typed sentence led: as if its button were tapped, saying what was
        understood (`note`)."""
        if isinstance(action, Nav):
            shown = await self._nav(ctx, action)
            screen = shown[0] if isinstance(shown, tuple) else shown
            screen = screen.with_notices(note) if note else screen
        else:
            drafts.shelve(ctx)
            handler = self.router.handlers[action.kind][1]
            screen = await self._call(ctx, handler, action, note)
        return screen

    async def _nav(self, ctx: Ctx, nav: Nav) -> Screen | tuple[Screen, int]:
        conv = ctx.conversation
        if nav.to == "more" and conv.screen:
            return screen_from_dict(conv.screen), nav.offset
        if nav.to == "back":
            screen = self.runner.back(ctx)
            if screen is not None:
                return screen
        if nav.to == "help":
            drafts.shelve(ctx)
            return await self.pages.help(ctx)
        note, kept, open_ = "", False, bool(conv.dialog)
        if open_ and nav.to != "cancel":
            kept = drafts.shelve(ctx)  # 처음으로 (or 이전 at the first question)
        if open_ and not kept:
            conv.clear_dialog()
            note = ctx._("하던 일을 취소했어요.")
        home = await self.pages.home(ctx)
        home = home.with_notices(note) if note else home
        return drafts.on_home(ctx, home, kept=kept)

    def _again(self, ctx: Ctx, note: str) -> Screen:
        """Say why, then show the current question or screen again."""
        screen = self.runner.again(ctx, note)
        if screen is not None:
            return screen
        if ctx.conversation.screen:  # (the screen behind an inbox digest or notification)
            stored = behind(screen_from_dict(ctx.conversation.screen))
            return replace(stored, notices=(note,))
        return Screen(text=note)
