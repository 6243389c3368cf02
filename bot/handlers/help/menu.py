"""도움말: what the bot does, 쉬운 모드 (fewer choices per screen, larger text on the web),
the language (언어 Language: 한국어 / English / Tiếng Việt / 中文, two taps from home; also
asked at the first contact when the messenger reports another language than Korean, see
`first_contact_language`), and linking other messengers
(다른 메신저 연결, 연결 코드 입력, 연결된 메신저: see bot.handlers.linking)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.engine.nav import Nav
from bot.handlers.help.actions import HowAlerts, MyData, ToggleEasyMode
from bot.handlers.helpdesk.actions import StartHelp
from bot.handlers.helpdesk.render import with_operator
from bot.handlers.identity.linking import EnterLinkCode, IssueLinkCode, ShowLinked
from bot.i18n import LANGUAGE_NAMES
from bot.screens import Screen

router = Router()


@dataclass(frozen=True)
class ChooseLanguage(Action, kind="help.language"):
    pass


@dataclass(frozen=True)
class SetLanguage(Action, kind="help.set_language"):
    locale: str
    then: str = "help"  # "home": chosen at the first contact, the welcome follows


def help_screen(ctx: Ctx, note: str = "") -> Screen:
    lines = [
        ctx._("[도움말]"),
        ctx._("버튼을 눌러서 쓰면 돼요. 글자로 버튼 이름을 적어도 알아들어요."),
        ctx._("언제든 '처음으로'를 누르면 처음 메뉴로, '이전'을 누르면 한 단계 앞으로 가요."),
        ctx._(
            "어려우시면 '도움 요청'을 눌러 주세요. 관리사무소 코디네이터가 이 대화방에서 "
            "답해 드려요."
        ),
    ]
    if not ctx.membership.verified:
        lines.append(ctx._("초대코드는 관리사무소에서 세대마다 나누어 드려요."))
    easy = ctx.resident.easy_mode
    lines.append(ctx._("쉬운 모드: 켜짐") if easy else ctx._("쉬운 모드: 꺼짐"))
    label = ctx._("쉬운 모드 끄기") if easy else ctx._("쉬운 모드 켜기")
    buttons = [
        ctx.button(label, ToggleEasyMode(on=not easy)),
        ctx.button(ctx._("언어 Language"), ChooseLanguage()),
        ctx.button(ctx._("알림 받는 방법"), HowAlerts()),
        ctx.button(ctx._("다른 메신저 연결"), IssueLinkCode()),
        ctx.button(ctx._("연결 코드 입력"), EnterLinkCode()),
        ctx.button(ctx._("연결된 메신저"), ShowLinked()),
        ctx.button(ctx._("내 정보"), MyData()),
        # a person: kept on screen like 처음으로 (never paged behind 더보기)
        ctx.button(ctx._("도움 요청"), StartHelp(origin="help"), nav=True),
    ]
    screen = with_operator(ctx, ctx.screen("\n".join(lines), *buttons))
    return screen.with_notices(note) if note else screen


@router.on(ToggleEasyMode)
async def toggle_easy_mode(ctx: Ctx, action: ToggleEasyMode) -> Screen:
    """쉬운 모드 on or off: from this very answer on, the plainer wording (a `msgctxt "easy"`
    variant where one exists), ≤ 4 choices a screen and, on the web, larger text."""
    ctx.resident.easy_mode = action.on
    ctx.t = ctx.services.catalogs.get(ctx.resident.locale, action.on)
    note = (
        ctx._("쉬운 모드를 켰어요. 한 화면에 버튼이 4개까지만 나와요.")
        if action.on
        else ctx._("쉬운 모드를 껐어요.")
    )
    if action.origin == "help":
        return help_screen(ctx, note)
    if action.origin == "signup" and not action.on:
        note = ctx._("보통 화면으로 쓸게요. 처음 메뉴의 '쉬운 모드 켜기'로 언제든 바꿀 수 있어요.")
    return (await ctx.home()).with_notices(note)


def language_screen(ctx: Ctx, *, then: str = "help") -> Screen:
    """One question, asked in every language the bot speaks (the resident's first), with
    each language named in its own script."""
    catalogs = ctx.services.catalogs
    locales = catalogs.locales
    order = sorted(locales, key=lambda locale: locale != ctx.t.locale)
    asked = dict.fromkeys(catalogs.get(locale)._("어떤 언어로 보여 드릴까요?") for locale in order)
    buttons = [
        ctx.button(LANGUAGE_NAMES.get(locale, locale), SetLanguage(locale, then))
        for locale in locales
    ]
    back = Nav(to="help") if then == "help" else None
    return ctx.screen("\n".join(asked), *buttons, back=back, home=then == "help")


def first_contact_language(ctx: Ctx) -> Screen | None:
    """At the very first message of a new person (their conversation was never saved) whose
    messenger reports a language other than Korean (Telegram `language_code`, the browser's
    language on the web chat): the language question before the welcome."""
    reported = ctx.inbound.extra.get("language")
    if ctx.conversation.version != 0 or not isinstance(reported, str) or not reported:
        return None
    if reported.replace("_", "-").split("-")[0].lower() == "ko":
        return None
    return language_screen(ctx, then="home")


@router.on(ChooseLanguage)
async def choose_language(ctx: Ctx, action: ChooseLanguage) -> Screen:
    return language_screen(ctx)


@router.on(SetLanguage)
async def set_language(ctx: Ctx, action: SetLanguage) -> Screen:
    if action.locale in ctx.services.catalogs.locales:
        ctx.resident.locale = action.locale
        ctx.t = ctx.services.catalogs.get(action.locale, ctx.resident.easy_mode)
    note = ctx._("이제 한국어로 보여 드릴게요.")
    if action.then == "home":
        return (await ctx.home()).with_notices(note)
    return help_screen(ctx, note)
