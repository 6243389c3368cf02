"""게시판 글 쓰기: a coordinator posts an entry on 생활편의, 일자리 or 교육문화 — title, text,
optional link and photo, how long it stays up, and for 교육문화 optionally sign-ups (event
time and seats); the day-before reminder is then armed.

```mermaid
flowchart TD
    M[코디네이터 → 게시판 글 쓰기] --> B[생활편의 / 일자리 / 교육문화]
    B --> T[제목, 50자까지]
    T -->|너무 김, 비어 있음| T
    T --> X[내용, 1,000자까지]
    X -->|너무 김, 비어 있음| X
    X --> L[링크 적기 / 링크 없음]
    L -->|http·https 아님| L
    L --> P[사진 보내기 / 사진 없음]
    P --> E[게시 기간: 1주일 / 2주일 / 한 달 / 날짜 적기]
    E -->|지난 날짜, 틀린 형식| E
    E -->|교육문화| S[신청 받기 / 신청 안 받음]
    S -->|신청 받기| W[행사 시각 적기]
    W -->|지난 시각, 게시 기간 뒤| W
    W --> C[모집 인원: 10 / 20 / 30명 / 숫자]
    C -->|0, 500 넘음| C
    E & S & C --> K[확인 → 올리기 / 취소]
    K -->|올리기, 한 번만| D[post_entry → 올렸어요]
    B & T & X & L & P & E & S & W & C & K -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.dialogs.defects.photos import optional_photo
from bot.dialogs.notices.when import parse_time
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.boards.actions import POST, BoardPosts, OpenEntry
from bot.handlers.boards.words import BOARD_WORDS
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.i18n import N_
from bot.screens import Expect, Screen
from core.boards.model import MAX_CAPACITY, MAX_TEXT, MAX_TITLE, Board
from core.boards.posting import NewEntry, check_link, post_entry
from core.errors import InvalidInput
from core.ids import saved

NAME = POST
DATE = re.compile(r"^(?:(\d{4})[-./년 ]\s*)?(\d{1,2})[-./월 ]\s*(\d{1,2})일?$")


def _tz(ctx: Ctx) -> ZoneInfo:
    """The complex's time zone (as the notice dialog reads times)."""
    return ZoneInfo(ctx.services.config.i18n.timezone)


def _limited(limit: int, empty: str):
    def parse(ctx: Ctx, text: str, a: dict) -> str:
        text = text.strip()
        if not text:
            raise Invalid(ctx._(empty))
        if len(text) > limit:
            raise Invalid(
                ctx._("{limit}자까지 적을 수 있어요. 지금 {n}자예요.", limit=limit, n=len(text))
            )
        return text

    return parse


def _link(ctx: Ctx, text: str, a: dict) -> str:
    try:
        return check_link(text) or ""
    except InvalidInput:
        raise Invalid(
            ctx._("링크는 http:// 나 https:// 로 시작하는 주소만 넣을 수 있어요.")
        ) from None


def _end_of(ctx: Ctx, day: datetime) -> str:
    end = day.replace(hour=23, minute=59, second=0, microsecond=0)
    return end.astimezone(UTC).isoformat()


def _expiry_choices(ctx: Ctx, a: dict) -> list[Choice]:
    now = ctx.clock.now().astimezone(_tz(ctx))
    spans = ((ctx._("1주일"), 7), (ctx._("2주일"), 14), (ctx._("한 달"), 30))
    return [Choice(label, _end_of(ctx, now + timedelta(days=d))) for label, d in spans]


def _expiry(ctx: Ctx, text: str, a: dict) -> str:
    """ "12월 31일", "2026-12-31": shown until the end of that day (the complex's time)."""
    m = DATE.match(" ".join(text.split()))
    now = ctx.clock.now().astimezone(_tz(ctx))
    try:
        year, month, day = m.groups() if m else (None,) * 3
        when = datetime(int(year or now.year), int(month), int(day), tzinfo=_tz(ctx))
    except (TypeError, ValueError):
        raise Invalid(ctx._("날짜를 '12월 31일'처럼 적어 주세요.")) from None
    if when.date() < now.date():
        raise Invalid(ctx._("이미 지난 날짜예요. 앞으로의 날짜를 적어 주세요."))
    return _end_of(ctx, when)


def _event_time(ctx: Ctx, text: str, a: dict) -> str:
    when = parse_time(ctx, text, a)
    if datetime.fromisoformat(when) > datetime.fromisoformat(a["expires"]):
        raise Invalid(ctx._("행사 시각은 게시 기간 안이어야 해요."))
    return when


def _capacity(ctx: Ctx, text: str, a: dict) -> int:
    digits = text.strip().removesuffix("명").replace(",", "").strip()
    if not digits.isdigit() or not 1 <= int(digits) <= MAX_CAPACITY:
        raise Invalid(
            ctx._("인원은 1명부터 {limit}명까지 숫자로 적어 주세요.", limit=MAX_CAPACITY)
        )
    return int(digits)


def _new(a: dict) -> NewEntry:
    event = a.get("signups") == "yes"
    return NewEntry(
        board=a["board"],
        title=a["title"],
        text=a["text"],
        expires_at=datetime.fromisoformat(a["expires"]),
        link=a.get("link") or None,
        photo=a.get("photo") or None,
        event_at=datetime.fromisoformat(a["event_at"]) if event else None,
        capacity=int(a["capacity"]) if event else None,
    )


def _summary(ctx: Ctx, a: dict) -> str:
    board_word = BOARD_WORDS[Board(a["board"])]
    expires = ctx.t.day(datetime.fromisoformat(a["expires"]))
    lines = [
        ctx._("[확인] 이렇게 올릴까요?"),
        f"[{ctx._(board_word)}] {a['title']}",
        a["text"],
        ctx._("링크: {link}", link=a["link"]) if a.get("link") else ctx._("링크: 없음"),
        ctx._("사진: 1장") if a.get("photo") else ctx._("사진: 없음"),
        ctx._("{date}까지 게시", date=expires),
    ]
    if a.get("signups") == "yes":
        when = ctx.t.datetime(datetime.fromisoformat(a["event_at"]))
        lines.append(ctx._("행사: {when} · 모집 {n}명", when=when, n=a["capacity"]))
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "cancel":
        return (await ctx.home()).with_notices(ctx._("게시판 글을 올리지 않았어요."))
    entry = await post_entry(ctx.uow, ctx.clock, ctx.membership, _new(a))
    text = ctx._("게시판에 올렸어요.")
    if entry.takes_signups:
        text += "\n" + ctx._("행사 하루 전에 신청한 주민에게 알림이 가요.")
    buttons = [
        ctx.button(ctx._("올린 글 보기"), OpenEntry(saved(entry.id))),
        ctx.button(ctx._("게시판 글 목록"), BoardPosts()),
    ]
    return ctx.screen(text, *buttons, back=OpenCoordinator())


dialog = Dialog(
    NAME,
    [
        Step(
            "board",
            prompt=lambda ctx, a: ctx._("어느 게시판에 올릴까요?"),
            choices=lambda ctx, a: [Choice(ctx._(BOARD_WORDS[b]), b.value) for b in Board],
        ),
        Step(
            "title",
            prompt=lambda ctx, a: ctx._("제목을 적어 주세요. (50자까지)"),
            expect=Expect.TEXT,
            parse=_limited(MAX_TITLE, "제목을 적어 주세요."),
            placeholder=lambda ctx: ctx._("예: 12월 주민 요가 교실"),
        ),
        Step(
            "text",
            prompt=lambda ctx, a: ctx._("내용을 적어 주세요. (1,000자까지)"),
            expect=Expect.TEXT,
            parse=_limited(MAX_TEXT, "내용을 적어 주세요."),
        ),
        Step(
            "link",
            prompt=lambda ctx, a: ctx._(
                "함께 보여 줄 링크가 있으면 주소를 적어 주세요. 없으면 '링크 없음'을 눌러 주세요."
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("링크 없음"), "")],
            parse=_link,
            placeholder=lambda ctx: ctx._("예: https://example.org"),
        ),
        optional_photo(
            N_("함께 보여 줄 사진이 있으면 보내 주세요. 없으면 '사진 없음'을 눌러 주세요.")
        ),
        Step(
            "expires",
            prompt=lambda ctx, a: ctx._(
                "언제까지 보여 줄까요? 버튼을 누르거나 '12월 31일'처럼 적어 주세요."
            ),
            expect=Expect.TEXT,
            choices=_expiry_choices,
            parse=_expiry,
        ),
        Step(
            "signups",
            prompt=lambda ctx, a: ctx._("행사 신청을 받을까요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("신청 받기"), "yes"),
                Choice(ctx._("신청 안 받음"), "no"),
            ],
            skip=lambda ctx, a: a.get("board") != Board.CULTURE,
            follow_up=True,  # asked only after some answers: no change of total
        ),
        Step(
            "event_at",
            prompt=lambda ctx, a: ctx._("행사는 언제 해요? '12월 3일 14:00'처럼 적어 주세요."),
            expect=Expect.TEXT,
            parse=_event_time,
            skip=lambda ctx, a: a.get("signups") != "yes",
            follow_up=True,  # asked only after some answers: no change of total
        ),
        Step(
            "capacity",
            prompt=lambda ctx, a: ctx._("몇 명까지 받을까요? 버튼을 누르거나 숫자를 적어 주세요."),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [Choice(ctx._("{n}명", n=n), n) for n in (10, 20, 30)],
            parse=_capacity,
            skip=lambda ctx, a: a.get("signups") != "yes",
            follow_up=True,  # asked only after some answers: no change of total
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("올리기"), "post", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)
