"""대신 하기 mode in the conversation: a coordinator acting for a household.

The mode is a small record in the conversation row (`data["proxy"]`: the household, how it
asked, whether it agreed to spending points), so it survives restarts and follows the
coordinator across channels, and it expires with the dialogs (`[dialogs] expire_hours`).
While it is on, the engine hands every handler and dialog the household's membership, built
and checked again by core (`core.identity.proxy.acting_for`) on each message, and frames
every screen with a banner ("101동 ****호 대신 하는 중") and a 끝내기 button.

```mermaid
flowchart LR
    M[message] --> A{data.proxy?}
    A -->|no| R[route as the coordinator]
    A -->|yes| C[acting_for: role + complex checked again]
    C -->|ok| H[route with the household's membership] --> B[banner + 끝내기]
    C -->|refused| X[mode ended, note] --> R
```
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bot.engine.actions import Action
from bot.screens import ButtonRole, Screen
from core.errors import DomainError
from core.identity.model import Proxy
from core.identity.proxy import acting_for

if TYPE_CHECKING:
    from bot.engine.context import Conversation, Ctx

KEY = "proxy"


@dataclass(frozen=True)
class EndProxy(Action, kind="proxy.end"):
    """끝내기: leave 대신 하기 (handled by the proxy feature: back to the coordinator menu)."""


def acting(conv: Conversation) -> dict[str, Any] | None:
    """The stored mode, or None."""
    mode = conv.data.get(KEY)
    return mode if isinstance(mode, dict) else None


def begin(conv: Conversation, mode: dict[str, Any]) -> None:
    conv.data[KEY] = mode


def stop(conv: Conversation) -> None:
    conv.data.pop(KEY, None)


def masked(unit: str) -> str:
    """호 is never shown in full on a shared screen: "1203" → "****"."""
    return "*" * max(len(unit), 2)


async def enter(ctx: Ctx) -> str:
    """Switch `ctx.membership` to the household's when the mode is on; returns a note when
    the mode had to end (the coordinator lost the role, the household left the complex)."""
    mode = acting(ctx.conversation)
    if mode is None:
        return ""
    stored = Proxy(
        by=0,  # never trusted: acting_for puts the coordinator's own id
        household_id=int(mode["household_id"]),
        how=str(mode["how"]),
        request_no=str(mode.get("request_no", "")),
        consent=bool(mode.get("consent")),
    )
    try:
        ctx.membership = await acting_for(ctx.uow, ctx.membership, stored)
    except DomainError:
        stop(ctx.conversation)
        ctx.conversation.clear_dialog()
        return ctx._("대신 하기를 끝냈어요. 이 세대는 더 이상 대신 할 수 없어요.")
    return ""


def frame(ctx: Ctx, screen: Screen) -> Screen:
    """The banner and the way out on every screen while acting for a household."""
    mode = acting(ctx.conversation)
    if mode is None or any((b.action or {}).get("k") == EndProxy.kind for b in screen.buttons):
        return screen  # (a page of a screen already framed)
    banner = ctx._(
        "[대신 하기] {building}동 {unit}호 대신 하는 중",
        building=mode["building"],
        unit=masked(str(mode["unit"])),
    )
    end = ctx.button(ctx._("대신 하기 끝내기"), EndProxy(), nav=True)
    buttons = list(screen.buttons)
    first_nav = next((i for i, b in enumerate(buttons) if b.role is ButtonRole.NAV), None)
    buttons.insert(len(buttons) if first_nav is None else first_nav, end)
    return replace(screen.with_notices(banner), buttons=tuple(buttons))
