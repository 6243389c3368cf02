"""The home menu (처음 메뉴) and the four sections; for people not yet verified, the welcome.

Home is one tap from anywhere ("처음으로"). Verified residents see 공유마켓 / 알뜰쇼핑 /
우리단지 / 포인트 / 도움말, coordinators also 코디네이터. Each section lists the features
registered for it in `SECTION_ENTRIES`, so a feature joins the menu by adding one line.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.engine.nav import Nav, normalize_words
from bot.handlers.boards import entries_for_home as board_entries
from bot.handlers.defects import MyReports, StartFiling
from bot.handlers.defects_common import CommonReports
from bot.handlers.linking import EnterLinkCode
from bot.handlers.notices import NoticeList
from bot.handlers.points import CommonPoints, HowToEarn, MyPoints, PayRent
from bot.handlers.shop import Exhibitions, MyOrders, ShopKinds
from bot.handlers.shop_groupbuy import GroupBuys
from bot.handlers.surveys import SurveyList
from bot.handlers.votes import VoteList
from bot.i18n import N_
from bot.screens import Screen
from core.identity.linking import LINK_CODE_LENGTH
from core.identity.model import Role

router = Router()

SECTIONS = {
    "share": (N_("공유마켓"), N_("이웃과 카풀, 돌봄, 물건 나눔을 주고받는 곳이에요.")),
    "shop": (N_("알뜰쇼핑"), N_("동네 농가와 가게의 좋은 물건을 함께 사는 곳이에요.")),
    "complex": (N_("우리단지"), N_("공지, 투표, 고장 신고 같은 우리 단지 일을 보는 곳이에요.")),
    "points": (N_("포인트"), N_("물건을 사면 쌓이는 포인트를 보고 쓰는 곳이에요.")),
}


@dataclass(frozen=True)
class OpenSection(Action, kind="home.section"):
    section: str


@dataclass(frozen=True)
class ShowHousehold(Action, kind="home.household"):
    pass


@dataclass(frozen=True)
class StartVerify(Action, kind="home.verify"):
    pass


# section -> [(label, action factory)]: features add their entry points here.
# Entries shown only when this says so (e.g. 설문조사 while a survey is open).
ENTRY_SHOWN: dict[Any, Callable[[Ctx], Awaitable[bool]]] = {}

SECTION_ENTRIES: dict[str, list[tuple[str, type[Action]]]] = {
    "share": [],
    "shop": [
        (N_("가게별 상품"), ShopKinds),
        (N_("기획전"), Exhibitions),
        (N_("공동구매"), GroupBuys),
        (N_("내 주문"), MyOrders),
    ],
    "complex": [
        (N_("공지사항"), NoticeList),
        (N_("주민투표"), VoteList),
        (N_("설문조사"), SurveyList),  # shown only while a survey is open (ENTRY_SHOWN)
        (N_("고장 신고"), StartFiling),
        (N_("내 신고 내역"), MyReports),
        (N_("공용부 신고"), CommonReports),
        (N_("우리 집 정보"), ShowHousehold),
        *board_entries(),  # 생활편의 / 일자리 / 교육문화
    ],
    "points": [
        (N_("내 포인트"), MyPoints),
        (N_("임대료로 내기"), PayRent),
        (N_("공용 포인트 보기"), CommonPoints),
        (N_("포인트 모으는 법"), HowToEarn),
    ],
}


def welcome(ctx: Ctx) -> Screen:
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
        ),
    )


async def home(ctx: Ctx) -> Screen:
    if not ctx.membership.verified:
        return welcome(ctx)
    household = await ctx.uow.households.get(ctx.resident.household_id)
    complex_ = await ctx.uow.complexes.get(ctx.resident.complex_id)
    buttons = [ctx.button(ctx._(SECTIONS[s][0]), OpenSection(s)) for s in SECTIONS]
    if ctx.membership.is_coordinator:
        from bot.handlers.coordinator import OpenCoordinator

        buttons.append(ctx.button(ctx._("코디네이터"), OpenCoordinator()))
    if ctx.membership.has(Role.VENDOR, ctx.membership.complex_id):
        from bot.handlers.shop_vendor import VendorMenu

        buttons.append(ctx.button(ctx._("내 가게"), VendorMenu()))
    buttons.append(ctx.button(ctx._("도움말"), Nav(to="help")))
    text = ctx._(
        "{complex} {building}동 이웃님, 안녕하세요!\n무엇을 도와드릴까요?",
        complex=complex_.name,
        building=household.building,
    )
    return Screen(text=text, buttons=tuple(buttons))


@router.on(OpenSection)
async def open_section(ctx: Ctx, action: OpenSection) -> Screen:
    if action.section not in SECTIONS or not ctx.membership.verified:
        return await home(ctx)
    title, about = SECTIONS[action.section]
    entries = [
        (label, factory)
        for label, factory in SECTION_ENTRIES[action.section]
        if factory not in ENTRY_SHOWN or await ENTRY_SHOWN[factory](ctx)
    ]
    buttons = [ctx.button(ctx._(label), factory()) for label, factory in entries]
    text = f"[{ctx._(title)}]\n{ctx._(about)}"
    if not buttons:
        text += "\n\n" + ctx._("이 메뉴는 곧 열려요. 열리면 공지로 알려 드릴게요.")
    return ctx.screen(text, *buttons)


@router.on(ShowHousehold)
async def show_household(ctx: Ctx, action: ShowHousehold) -> Screen:
    if not ctx.membership.verified:
        return welcome(ctx)
    household = await ctx.uow.households.get(ctx.resident.household_id)
    complex_ = await ctx.uow.complexes.get(ctx.resident.complex_id)
    members = await ctx.uow.residents.count_in_household(household.id)
    text = ctx._(
        "[우리 집 정보]\n단지: {complex}\n세대: {building}동 {unit}호\n"
        "이 세대로 인증한 가족: {members}명",
        complex=complex_.name,
        building=household.building,
        unit=household.unit,
        members=members,
    )
    return ctx.screen(text, back=OpenSection("complex"))


@router.on(StartVerify)
async def start_verify(ctx: Ctx, action: StartVerify) -> Screen:
    return await ctx.start_dialog("verify")


class Pages:
    """The screens the engine itself needs: home, help, start, and error wording."""

    def __init__(self, runner) -> None:
        self.runner = runner

    async def home(self, ctx: Ctx) -> Screen:
        return await home(ctx)

    async def help(self, ctx: Ctx) -> Screen:
        from bot.handlers.help import help_screen

        return help_screen(ctx)

    async def start(self, ctx: Ctx, arg: str) -> Screen:
        """/start, optionally with a link code (8 characters) or an invite code (10) as
        deep-link payload."""
        if len(normalize_words(arg).replace("-", "")) == LINK_CODE_LENGTH:
            await ctx.start_dialog("link_account")
            return await self.runner.text(ctx, arg)
        if arg and not ctx.membership.verified:
            await ctx.start_dialog("verify")
            return await self.runner.text(ctx, arg)
        return await home(ctx)

    def explain(self, ctx: Ctx, error) -> str:
        from bot.handlers.errors import explain

        return explain(ctx, error)
