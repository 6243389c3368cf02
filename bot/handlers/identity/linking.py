"""다른 메신저 연결: one person on KakaoTalk, Telegram and the web chat.

In 도움말 a resident taps "다른 메신저 연결" and gets a one-time code (10 minutes); on another
messenger they tap "연결 코드 입력" (welcome screen or 도움말; on Telegram `/start CODE` works
too) and type it: that messenger now shows the same household, roles, language and dialogs.
"연결된 메신저" lists the linked messengers by name only and unlinks the others.
The rules live in core.identity.linking; the code dialog in bot.dialogs.link_account.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.engine.nav import Nav
from bot.handlers.identity.actions import LINK_ACCOUNT
from bot.handlers.identity.words import CHANNEL_NAMES
from bot.screens import Screen
from core.identity.linking import issue_link_code, linked_accounts, unlink_account
from core.identity.model import ChannelAccount

router = Router()


@dataclass(frozen=True)
class IssueLinkCode(Action, kind="link.issue"):
    pass


@dataclass(frozen=True)
class EnterLinkCode(Action, kind="link.enter"):
    pass


@dataclass(frozen=True)
class ShowLinked(Action, kind="link.list"):
    pass


@dataclass(frozen=True)
class AskUnlink(Action, kind="link.ask_unlink"):
    account_id: int


@dataclass(frozen=True)
class Unlink(Action, kind="link.unlink", single_use=True):
    account_id: int


def _names(ctx: Ctx, accounts: list[ChannelAccount]) -> dict[int, str]:
    """A readable name per account: the channel's name, numbered when it repeats."""
    seen: dict[str, int] = {}
    names = {}
    for account in accounts:
        count = seen[account.channel] = seen.get(account.channel, 0) + 1
        name = ctx._(CHANNEL_NAMES.get(account.channel, account.channel))
        names[account.id] = name if count == 1 else f"{name} {count}"
    return names


@router.on(IssueLinkCode)
async def issue_code(ctx: Ctx, action: IssueLinkCode) -> Screen:
    s = ctx.services
    issued = await issue_link_code(ctx.uow, s.clock, s.invite_key, ctx.resident)
    text = ctx._(
        "[다른 메신저 연결]\n연결 코드: {code}\n\n"
        "연결할 메신저(카카오톡, 텔레그램, 웹)에서 '연결 코드 입력'을 누르고 "
        "이 코드를 10분 안에 입력해 주세요. 코드는 한 번만 쓸 수 있어요.\n"
        "텔레그램에서는 '/start {code}'라고 보내도 돼요.",
        code=issued.display,
    )
    return ctx.screen(text, ctx.button(ctx._("연결된 메신저"), ShowLinked()), back=Nav(to="help"))


@router.on(EnterLinkCode)
async def enter_code(ctx: Ctx, action: EnterLinkCode) -> Screen:
    return await ctx.start_dialog(LINK_ACCOUNT)


async def linked_screen(ctx: Ctx, note: str = "") -> Screen:
    accounts = await linked_accounts(ctx.uow, ctx.resident)
    names = _names(ctx, accounts)
    lines = [ctx._("[연결된 메신저]")]
    for account in accounts:
        if account.id == ctx.account.id:
            lines.append(ctx._("- {name} (지금 쓰는 메신저)", name=names[account.id]))
        else:
            lines.append(f"- {names[account.id]}")
    others = [a for a in accounts if a.id != ctx.account.id]
    if others:
        lines.append(ctx._("연결을 끊을 메신저를 눌러 주세요."))
        buttons = [ctx.button(names[a.id], AskUnlink(a.id)) for a in others]
    else:
        lines.append(ctx._("지금은 이 메신저 하나만 연결되어 있어요."))
        buttons = [ctx.button(ctx._("다른 메신저 연결"), IssueLinkCode())]
    screen = ctx.screen("\n".join(lines), *buttons, back=Nav(to="help"))
    return screen.with_notices(note) if note else screen


@router.on(ShowLinked)
async def show_linked(ctx: Ctx, action: ShowLinked) -> Screen:
    return await linked_screen(ctx)


@router.on(AskUnlink)
async def ask_unlink(ctx: Ctx, action: AskUnlink) -> Screen:
    accounts = await linked_accounts(ctx.uow, ctx.resident)
    name = _names(ctx, accounts).get(action.account_id)
    if name is None or action.account_id == ctx.account.id:
        return await linked_screen(ctx)
    text = ctx._(
        "{name} 연결을 끊을까요?\n끊으면 그 메신저에서는 처음부터 다시 시작해요.", name=name
    )
    return ctx.screen(
        text, ctx.button(ctx._("연결 끊기"), Unlink(action.account_id)), back=ShowLinked()
    )


@router.on(Unlink)
async def unlink(ctx: Ctx, action: Unlink) -> Screen:
    accounts = await linked_accounts(ctx.uow, ctx.resident)
    name = _names(ctx, accounts).get(action.account_id, "")
    await unlink_account(ctx.uow, ctx.clock, ctx.resident, ctx.account, action.account_id)
    return await linked_screen(ctx, ctx._("{name} 연결을 끊었어요.", name=name))
