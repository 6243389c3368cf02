"""도움 요청 notifications and the reminder job. To coordinators: a new request (제가 맡을게요 /
열기), the resident's reply (답하기), the reminder of one nobody took. To the resident: who
took it, each answer ("관리사무소 ○○○ 코디네이터: …", 답장하기), and that it was closed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bot.handlers.helpdesk.actions import (
    AnswerHelp,
    OpenHelpQueue,
    OpenHelpRequest,
    ReplyHelp,
    StartHelp,
    TakeHelp,
)
from bot.handlers.helpdesk.words import agent, building, title
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.helpdesk import handling
from core.helpdesk.asking import REMIND_JOB
from core.helpdesk.events import (
    HelpAnswered,
    HelpClosed,
    HelpReminder,
    HelpReply,
    HelpRequested,
    HelpTaken,
)
from core.notifications import Notification


def _said(t: Translator, text: str, photos: int) -> str:
    if photos:
        return t._("{text} (사진 {n}장)", text=text, n=photos).strip()
    return text


def _requested(t: Translator, p: HelpRequested) -> Screen:
    text = t._(
        '[{title}] {who}이(가) 도움을 청했어요.\n"{text}"',
        title=title(t, p.number),
        who=building(t, p.building, p.verified),
        text=_said(t, p.text, p.photos),
    )
    buttons = (
        Button(t._("제가 맡을게요"), TakeHelp(p.request_id).dump()),
        Button(t._("열기"), OpenHelpRequest(p.request_id).dump()),
    )
    return Screen(text, buttons=buttons)


def _reminder(t: Translator, p: HelpReminder) -> Screen:
    text = t._(
        "[{title}] {who}이(가) {n}분째 기다리고 있어요. 아직 아무도 맡지 않았어요.",
        title=title(t, p.number),
        who=building(t, p.building),
        n=p.minutes,
    )
    buttons = (
        Button(t._("제가 맡을게요"), TakeHelp(p.request_id).dump()),
        Button(t._("도움 요청 목록"), OpenHelpQueue().dump()),
    )
    return Screen(text, buttons=buttons)


def _reply(t: Translator, p: HelpReply) -> Screen:
    text = t._(
        '[{title}] {who}: "{text}"',
        title=title(t, p.number),
        who=building(t, p.building),
        text=_said(t, p.text, p.photos),
    )
    buttons = (
        Button(t._("답하기"), AnswerHelp(p.request_id).dump()),
        Button(t._("열기"), OpenHelpRequest(p.request_id).dump()),
    )
    return Screen(text, buttons=buttons)


def _taken(t: Translator, p: HelpTaken) -> Screen:
    text = t._(
        "[{title}] {agent}이(가) 확인하고 있어요. 곧 답을 드릴게요.",
        title=title(t, p.number),
        agent=agent(t, p.agent),
    )
    return Screen(text)


def _answered(t: Translator, p: HelpAnswered) -> Screen:
    text = t._(
        "[{title}] {agent}: {text}", title=title(t, p.number), agent=agent(t, p.agent), text=p.text
    )
    return Screen(text, buttons=(Button(t._("답장하기"), ReplyHelp(p.request_id).dump()),))


def _closed(t: Translator, p: HelpClosed) -> Screen:
    text = t._(
        "[{title}] {agent}이(가) 도움 요청을 마쳤어요. "
        "더 필요하시면 언제든 '도움 요청'을 눌러 주세요.",
        title=title(t, p.number),
        agent=agent(t, p.agent),
    )
    return Screen(text, buttons=(Button(t._("도움 요청"), StartHelp().dump()),))


KINDS: dict[type[Notification], Callable[[Translator, Any], Screen]] = {
    HelpRequested: _requested,
    HelpReminder: _reminder,
    HelpReply: _reply,
    HelpTaken: _taken,
    HelpAnswered: _answered,
    HelpClosed: _closed,
}


async def remind_job(ctx: Any) -> None:
    """help.remind: remind the coordinators if nobody took the request yet (a late firing
    still reminds: someone is still waiting); the next reminder is armed by the use case."""
    every = timedelta(minutes=ctx.services.config.help.remind_minutes)
    payload = ctx.payload
    await handling.remind(ctx.uow, int(payload["request_id"]), int(payload["n"]), ctx.now, every)


def register(services: Any) -> None:
    """Notification kinds and the job kind (building the engine twice registers once)."""
    for kind, renderer in KINDS.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer)
    services.jobs.register(REMIND_JOB, remind_job)
