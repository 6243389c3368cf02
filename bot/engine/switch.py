"""After a link code is entered, the message in hand already speaks as the code's resident."""

from __future__ import annotations

from typing import Any

from bot.engine.context import Ctx
from core.identity.model import Resident
from core.identity.onboarding import membership_of


async def switch_to(ctx: Ctx, resident: Resident) -> None:
    """After linking, this message already speaks as the code's resident: their roles,
    language and conversation (any unfinished dialog there is closed; this chat goes home)."""
    ctx.resident = resident
    ctx.membership = await membership_of(ctx.uow, resident)
    ctx.t = ctx.services.catalogs.get(resident.locale, resident.easy_mode)
    store: Any = ctx.uow  # the engine's own conversation store rides on the same transaction
    row = await store.conversations.lock(resident.id, ctx.clock.now())
    conv = ctx.conversation  # the engine saves this very object at the end of the message
    conv.resident_id = resident.id
    conv.version = row["version"]
    conv.dialog, conv.step = row["dialog"], row["step"]
    conv.data = dict(row["data"] or {})
    conv.screen = row["screen"]
    conv.clear_dialog()
