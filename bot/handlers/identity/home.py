"""The home menu (처음 메뉴) and the four sections; for people not yet verified, the welcome.

Home is one tap from anywhere ("처음으로"). Verified residents see 공유마켓 / 알뜰쇼핑 /
우리단지 / 포인트 / 도움말 / 쉬운 모드 켜기(끄기) / 도움 요청, coordinators also 코디네이터.
Each section lists the entries the features declared for it in their `register(app)`
(`bot/engine/menus.py`).
"""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.engine.nav import Nav, normalize_words
from bot.handlers.errors import explain, rescue
from bot.handlers.help.actions import ToggleEasyMode
from bot.handlers.help.menu import first_contact_language, help_screen
from bot.handlers.helpdesk.actions import StartHelp
from bot.handlers.identity.actions import (
    LINK_ACCOUNT,
    VERIFY,
    Greet,
    OpenSection,
    ShowHousehold,
    StartVerify,
)
from bot.handlers.identity.linking import EnterLinkCode
from bot.handlers.proxy.render import proxy_home
from bot.i18n import N_
from bot.screens import Screen
from core.identity.linking import LINK_CODE_LENGTH
from core.identity.reading import my_household

router = Router()

SECTIONS = {
    "share": (N_("공유마켓"), N_("이웃과 카풀, 돌봄, 물건 나눔을 주고받는 곳이에요.")),
    "shop": (N_("알뜰쇼핑"), N_("동네 농가와 가게의 좋은 물건을 함께 사는 곳이에요.")),
    "complex": (N_("우리단지"), N_("공지, 투표, 고장 신고 같은 우리 단지 일을 보는 곳이에요.")),
    "points": (N_("포인트"), N_("물건을 사면 쌓이는 포인트를 보고 쓰는 곳이에요.")),
}


def welcome(ctx: Ctx) -> Screen:
    if (asked := first_contact_language(ctx)) is not None:
        return asked
    text = ctx._(
        "안녕하세요! 우리 아파트 이웃 도우미 '내친구'예요.\n"
        "이웃과 카풀·돌봄을 나누고, 함께 사기, 공지와 투표, 고장 신고를 "
        "이 대화방에서 할 수 있어요.\n\n"
        "관리사무소에서 받은 초대코드가 있으면 '초대코드 입력'을 눌러 주세요."
    )
    hint = ctx._("다른 메신저에서 이미 쓰고 계시면 '연결 코드 입력'을 눌러 주세요.")
    return Screen(
        text=f"{text}\n{hint}",
        buttons=(
            ctx.button(ctx._("초대코드 입력"), StartVerify()),
            ctx.button(ctx._("연결 코드 입력"), EnterLinkCode()),
            ctx.button(ctx._("도움말"), Nav(to="help")),
            ctx.button(ctx._("도움 요청"), StartHelp(), nav=True),  # a person, unverified too
        ),
    )


async def home(ctx: Ctx) -> Screen:
    if ctx.membership.proxy is not None:  # 대신 하기: the household's task menu
        return await proxy_home(ctx)
    if not ctx.membership.verified:
        return welcome(ctx)
    mine = await my_household(ctx.uow, ctx.membership)
    buttons = [ctx.button(ctx._(SECTIONS[s][0]), OpenSection(s)) for s in SECTIONS]
    buttons += await ctx.menus.buttons(ctx, "home")  # 코디네이터, 내 가게: by role
    easy = ctx.resident.easy_mode
    # In 쉬운 모드 도움말, 도움 요청 and 쉬운 모드 끄기 stay on screen like 처음으로 (never
    # behind 더보기); 도움 요청 always does. 쉬운 모드 is one tap from home either way.
    buttons.append(ctx.button(ctx._("도움말"), Nav(to="help"), nav=easy))
    toggle = ctx._("쉬운 모드 끄기") if easy else ctx._("쉬운 모드 켜기")
    buttons.append(ctx.button(toggle, ToggleEasyMode(on=not easy, origin="home"), nav=easy))
    buttons.append(ctx.button(ctx._("도움 요청"), StartHelp(), nav=True))
    text = ctx._(
        "{complex} {building}동 이웃님, 안녕하세요!\n무엇을 도와드릴까요?",
        complex=mine.complex_name,
        building=mine.building,
    )
    return Screen(text=text, buttons=tuple(buttons))


@router.on(OpenSection)
async def open_section(ctx: Ctx, action: OpenSection) -> Screen:
    if action.section not in SECTIONS or not ctx.membership.verified:
        return await ctx.home()
    title, about = SECTIONS[action.section]
    buttons = await ctx.menus.buttons(ctx, action.section)
    text = f"[{ctx._(title)}]\n{ctx._(about)}"
    if not buttons:
        text += "\n\n" + ctx._(
            "지금은 여기서 할 수 있는 일이 없어요. 필요한 일은 관리사무소에 문의해 주세요."
        )
    return ctx.screen(text, *buttons)


@router.on(ShowHousehold)
async def show_household(ctx: Ctx, action: ShowHousehold) -> Screen:
    if not ctx.membership.verified:
        return welcome(ctx)
    mine = await my_household(ctx.uow, ctx.membership, count=True)
    text = ctx._(
        "[우리 집 정보]\n단지: {complex}\n세대: {building}동 {unit}호\n"
        "이 세대로 확인된 가족: {members}명",
        complex=mine.complex_name,
        building=mine.building,
        unit=mine.unit,
        members=mine.members,
    )
    return ctx.screen(text, back=OpenSection("complex"))


@router.on(Greet)
async def greet(ctx: Ctx, action: Greet) -> Screen:
    if not ctx.membership.verified:
        return welcome(ctx)  # it greets already
    return (await home(ctx)).with_notices(ctx._("안녕하세요! 반가워요."))


@router.on(StartVerify)
async def start_verify(ctx: Ctx, action: StartVerify) -> Screen:
    return await ctx.start_dialog(VERIFY)


class Pages:
    """The screens the engine itself needs: home, help, start, and error wording."""

    def __init__(self, runner) -> None:
        self.runner = runner

    async def home(self, ctx: Ctx) -> Screen:
        return await home(ctx)

    async def help(self, ctx: Ctx) -> Screen:
        return help_screen(ctx)

    async def start(self, ctx: Ctx, arg: str) -> Screen:
        """/start, optionally with a link code (8 characters) or an invite code (10) as
        deep-link payload."""
        if len(normalize_words(arg).replace("-", "")) == LINK_CODE_LENGTH:
            await ctx.start_dialog(LINK_ACCOUNT)
            return await self.runner.text(ctx, arg)
        if arg and not ctx.membership.verified:
            await ctx.start_dialog(VERIFY)
            return await self.runner.text(ctx, arg)
        return await ctx.home()

    def explain(self, ctx: Ctx, error) -> str:
        return explain(ctx, error)

    def rescue(self, ctx: Ctx, error, screen: Screen) -> Screen:
        """A refusal that leaves the person stuck also offers 도움 요청."""
        return rescue(ctx, error, screen)
