"""도움 요청 screens that need the conversation: the 도움 요청 button every screen may offer,
the office-hours note, one request with its conversation, the queue's cards."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.context import Ctx
from bot.handlers.helpdesk.actions import (
    AnswerHelp,
    CloseHelp,
    OpenHelpQueue,
    OpenHelpRequest,
    StartHelp,
    TakeHelp,
)
from bot.handlers.helpdesk.words import (
    STATUS,
    building,
    closed_note,
    household,
    origin_words,
    owner,
    title,
    waiting,
)
from bot.i18n import N_
from bot.screens import Button, ButtonRole, Card, Screen
from core.helpdesk.hours import OfficeHours
from core.helpdesk.model import HelpRequest, Side, Status
from core.helpdesk.reading import Detail, QueuePage, Tab

TABS = {
    Tab.WAITING: N_("대기 중"),
    Tab.MINE: N_("내가 맡은 것"),
    Tab.CLOSED: N_("끝난 것"),
}
SHOWN_MESSAGES = 8  # the last messages of a conversation on the detail screen
EXCERPT = 60


def help_button(ctx: Ctx, origin: str = "") -> Button:
    """ "도움 요청": kept on screen like 처음으로 (never paged behind 더보기, 쉬운 모드 too)."""
    return ctx.button(ctx._("도움 요청"), StartHelp(origin), nav=True)


def with_operator(ctx: Ctx, screen: Screen) -> Screen:
    """With `[kakao] operator` on: KakaoTalk's own 1:1 chat with the channel (상담원 연결) as a
    second way to a person. Telegram and the web chat show nothing for it."""
    if not ctx.services.config.kakao.operator:
        return screen
    button = Button(ctx._("카카오톡 상담원 연결"), role=ButtonRole.OPERATOR)
    return replace(screen, buttons=(*screen.buttons, button))


def office_hours(ctx: Ctx) -> OfficeHours:
    return OfficeHours.parse(ctx.services.config.help.office_hours, ctx.t.tz)


def office_note(ctx: Ctx) -> str:
    """ "" while the office is open; else that it is closed and when an answer comes."""
    text = ctx.services.config.help.office_hours
    return closed_note(ctx.t, office_hours(ctx), text, ctx.clock.now(), ctx.services.holidays)


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _line(ctx: Ctx, detail: Detail, side: str, text: str, photos: int) -> str:
    who = ctx._("주민") if side == Side.RESIDENT else owner(ctx.t, detail.owner_name)
    body = text
    if photos:
        body = (body + " " if body else "") + ctx._("(사진 {n}장)", n=photos)
    return f"· {who}: {body}"


def detail_screen(ctx: Ctx, detail: Detail, note: str = "") -> Screen:
    request = detail.request
    now = ctx.clock.now()
    state = ctx._(STATUS[Status(request.status)])
    if request.owner_id is not None:
        state = ctx._("{state} · {who}", state=state, who=owner(ctx.t, detail.owner_name))
    lines = [
        f"[{title(ctx.t, request.number)}] {state}",
        ctx._("세대: {household}", household=household(ctx.t, request)),
        ctx._(
            "요청: {when} · {waiting}",
            when=ctx.t.datetime(request.created_at),
            waiting=waiting(ctx.t, request, now),
        ),
    ]
    if doing := origin_words(ctx, request.origin):
        lines.append(ctx._("하던 일: {origin}", origin=doing))
    if request.recent:
        lines.append(ctx._("최근에 적은 말: {texts}", texts=" / ".join(request.recent)))
    lines.append(ctx._("[대화]"))
    shown = detail.messages[-SHOWN_MESSAGES:]
    lines += [_line(ctx, detail, m.side, m.text, len(m.photos)) for m in shown]
    photos = [p for m in detail.messages for p in m.photos][-3:]
    cards = tuple(
        Card(ctx._("사진 {n}", n=i), image_url=ctx.services.media.url(media_id))
        for i, media_id in enumerate(photos, start=1)
    )
    buttons = []
    request_id = int(request.id or 0)
    if request.status == Status.WAITING:
        buttons.append(ctx.button(ctx._("제가 맡을게요"), TakeHelp(request_id)))
    if request.is_open and (detail.mine or request.status == Status.WAITING):
        buttons.append(ctx.button(ctx._("답하기"), AnswerHelp(request_id)))
    if request.is_open:
        buttons.append(ctx.button(ctx._("끝내기"), CloseHelp(request_id)))
    screen = ctx.screen("\n".join(lines), *buttons, back=OpenHelpQueue(), cards=cards)
    return screen.with_notices(note) if note else screen


def queue_card(ctx: Ctx, page: QueuePage, request: HelpRequest) -> Card:
    lines = [waiting(ctx.t, request, ctx.clock.now())]
    if request.owner_id is not None:
        lines.append(owner(ctx.t, page.names.get(request.owner_id, "")))
    heading = (
        f"{title(ctx.t, request.number)} · {building(ctx.t, request.building, request.verified)}"
    )
    button = ctx.button(ctx._("열기"), OpenHelpRequest(int(request.id or 0)))
    return ctx.card(heading, *lines, buttons=(button,))
