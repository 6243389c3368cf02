"""데스크 열기: a one-time login code (and link) for the coordinator desk at /desk.

The code is issued by core (`issue_desk_code`: coordinators of their own complex only, 5
minutes, used once) and shown only in this reply; it is never logged."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator, OpenDesk
from bot.screens import Screen
from core.identity.desk_login import CODE_MINUTES, issue_desk_code
from core.identity.roles import require_coordinator

router = Router()


def desk_base(ctx: Ctx) -> str:
    """Where browsers reach this server: the public address, else the one it listens on."""
    services = ctx.services
    return (services.config.http.public_base_url or services.media.base_url).rstrip("/")


@router.on(OpenDesk)
async def open_desk(ctx: Ctx, action: OpenDesk) -> Screen:
    require_coordinator(ctx.membership)
    issued = await issue_desk_code(
        ctx.uow, ctx.clock, ctx.services.invite_key, ctx.membership, ctx.membership.complex_id
    )
    base = desk_base(ctx)
    login, link = f"{base}/desk/login", f"{base}/desk/login?code={issued.code}"
    text = ctx._(
        "데스크 로그인 코드예요: {code}\n"
        "{minutes}분 안에 한 번만 쓸 수 있어요.\n"
        "PC에서 아래 주소를 열거나, {login} 화면에 코드를 넣어 주세요.\n{link}",
        code=issued.display,
        minutes=CODE_MINUTES,
        login=login,
        link=link,
    )
    return ctx.screen(text, back=OpenCoordinator())
