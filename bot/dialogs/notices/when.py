"""When a coordinator's message goes out: a time typed the Korean way ("11월 26일 9시",
"11-26 18:30", "2026-11-26 09:00") in the complex's time zone, and the usual choices (지금,
오늘 저녁 6시, 내일 아침 9시). Shared by 공지 보내기 and the boards' post dialog."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Invalid

TIME = re.compile(
    r"^(?:(\d{4})[-./])?(\d{1,2})[-./월 ]\s*(\d{1,2})일?\s+(\d{1,2})[:시]\s*(\d{2})?분?$"
)


def local_tz(ctx: Ctx) -> ZoneInfo:
    """The complex's time zone (bot.toml [i18n] timezone)."""
    return ZoneInfo(ctx.services.config.i18n.timezone)


def parse_time(ctx: Ctx, text: str, a: dict) -> str:
    """ "11월 26일 9시", "11-26 18:30", "2026-11-26 09:00" in the complex's time zone."""
    m = TIME.match(" ".join(text.split()))
    tz = local_tz(ctx)
    now = ctx.clock.now().astimezone(tz)
    wrong = ctx._("시각을 '11월 26일 18:30'처럼 적어 주세요.")
    if m is None:
        raise Invalid(wrong)
    year, month, day, hour, minute = m.groups()
    try:
        when = datetime(
            int(year or now.year), int(month), int(day), int(hour), int(minute or 0), tzinfo=tz
        )
    except ValueError:
        raise Invalid(wrong) from None
    if when <= now:
        raise Invalid(ctx._("이미 지난 시각이에요. 앞으로의 시각을 적어 주세요."))
    return when.astimezone(UTC).isoformat()


def when_choices(ctx: Ctx, a: dict) -> list[Choice]:
    """지금 보내기, 오늘 저녁 6시 (while it is ahead), 내일 아침 9시."""
    now = ctx.clock.now().astimezone(local_tz(ctx))
    evening = now.replace(hour=18, minute=0, second=0, microsecond=0)
    morning = (now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    choices = [Choice(ctx._("지금 보내기"), "")]
    if evening > now:
        choices.append(Choice(ctx._("오늘 저녁 6시"), evening.astimezone(UTC).isoformat()))
    choices.append(Choice(ctx._("내일 아침 9시"), morning.astimezone(UTC).isoformat()))
    return choices
