"""도움 요청, the resident's side: say what you need (words or a photo); people not yet
verified first name their complex, 동 and 호. Then the conversation stays open: more words
and photos go to the same request, the coordinator's answers arrive as messages with
답장하기.

```mermaid
flowchart TD
    S[처음 메뉴 / 도움말 / 오류 화면 / 초대코드 잠김 → 도움 요청] --> O{열린 요청이 있나요?}
    O -->|예| C
    O -->|아니요| V{인증했나요?}
    V -->|아니요| K[단지 코드나 이름] --> B[동] --> U[호] --> M
    V -->|예| M[필요한 일: 글 또는 사진, 1000자까지]
    M -->|없는 단지| K
    M --> A[ask → 코디네이터에게 알림 · 업무 시간이 아니면 언제 답하는지]
    A --> C[대화: 더 적기 / 사진] -->|say → 맡은 코디네이터에게| C
    C & M -->|처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from datetime import timedelta

from bot.dialogs.defects.photos import store_photos
from bot.engine.context import Ctx
from bot.engine.dialog import AskAgain, Dialog, Invalid, Step
from bot.engine.fields import address_part
from bot.handlers.helpdesk.actions import ASK, CHAT
from bot.handlers.helpdesk.render import office_note, with_operator
from bot.handlers.helpdesk.words import title
from bot.screens import Expect, Photo, Screen
from core.errors import DomainError
from core.helpdesk import asking
from core.helpdesk.model import MAX_TEXT, NewMessage, Place


def parse_message(ctx: Ctx, text: str, a: dict) -> dict:
    """Words for a help request: not empty, ≤ 1000 characters, with at least one letter or
    digit (a lone emoji says nothing a coordinator can act on)."""
    if not text:
        raise Invalid(ctx._("무엇을 도와드릴까요? 짧게 적어 주세요."))
    if len(text) > MAX_TEXT:
        raise Invalid(
            ctx._("{limit}자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요.", limit=MAX_TEXT)
        )
    if not any(ch.isalnum() for ch in text):
        raise Invalid(
            ctx._("무엇을 도와드릴까요? 글자로 짧게 적어 주세요. (예: 초대코드를 잃어버렸어요)")
        )
    return {"text": text}


async def take_photos(ctx: Ctx, photos: tuple[Photo, ...], a: dict) -> dict:
    return await store_photos(ctx, photos, {})


def message_of(value: dict) -> NewMessage:
    return NewMessage(value.get("text", ""), tuple(value.get("photos", ())))


def _ask_prompt(ctx: Ctx, a: dict) -> str:
    text = ctx._(
        "[도움 요청]\n관리사무소 코디네이터에게 무엇을 도와드릴지 적어 주세요. "
        "사진을 보내셔도 돼요. 제가 전해 드려요."
    )
    closed = office_note(ctx)
    return f"{text}\n\n{closed}" if closed else text


def _verified(ctx: Ctx, a: dict) -> bool:
    return ctx.membership.verified


async def _asked(ctx: Ctx, a: dict) -> Screen:
    place = None
    if not ctx.membership.verified:
        place = Place(a.get("complex", ""), a.get("building", ""), a.get("unit", ""))
    context = asking.Context(a.get("origin", ""), tuple(a.get("recent", ())))
    remind = timedelta(minutes=ctx.services.config.help.remind_minutes)
    try:
        request = await asking.ask(
            ctx.uow,
            ctx.clock,
            ctx.membership,
            message_of(a["message"]),
            context=context,
            place=place,
            remind_after=remind,
        )
    except DomainError as exc:
        if exc.code != "help.no_complex":
            raise
        kept = {k: v for k, v in a.items() if k != "complex"}
        screen = await ctx.start_dialog(ASK, **kept)
        return screen.with_notices(ctx.pages.explain(ctx, exc))
    lines = [
        ctx._(
            "{title}: 관리사무소 코디네이터에게 전했어요. 답이 오면 이 대화방으로 알려 드릴게요.",
            title=title(ctx.t, request.number),
        )
    ]
    closed = office_note(ctx)
    if closed:
        lines.append(closed)
    screen = await ctx.start_dialog(CHAT, request_id=request.id, number=request.number)
    return with_operator(ctx, screen.with_notices("\n".join(lines)))


ask_dialog = Dialog(
    ASK,
    [
        Step(
            "complex",
            prompt=lambda ctx, a: ctx._(
                "[도움 요청]\n어느 단지에 사시나요? 관리사무소에서 알려 준 단지 코드(예: DEMO)나 "
                "단지 이름을 적어 주세요."
            ),
            expect=Expect.TEXT,
            parse=lambda ctx, text, a: text[:50],
            skip=lambda ctx, a: _verified(ctx, a) or "complex" in a,
        ),
        Step(
            "building",
            prompt=lambda ctx, a: ctx._("몇 동에 사시나요? (예: 101)"),
            expect=Expect.TEXT,
            parse=address_part("동"),
            skip=lambda ctx, a: _verified(ctx, a) or "building" in a,
        ),
        Step(
            "unit",
            prompt=lambda ctx, a: ctx._("몇 호에 사시나요? (예: 1203)"),
            expect=Expect.TEXT,
            parse=address_part("호"),
            skip=lambda ctx, a: _verified(ctx, a) or "unit" in a,
        ),
        Step(
            "message",
            prompt=_ask_prompt,
            expect=Expect.TEXT,
            parse=parse_message,
            photo=take_photos,
            skip=lambda ctx, a: "message" in a,
            placeholder=lambda ctx: ctx._("예: 초대코드를 잃어버렸어요"),
        ),
    ],
    on_done=_asked,
)


def _chat_prompt(ctx: Ctx, a: dict) -> str:
    return ctx._(
        "[{title}] 더 하실 말이 있으면 적어 주세요. 사진도 보낼 수 있어요.\n"
        "다 되셨으면 '처음으로'를 누르세요. 답이 오면 알려 드릴게요.",
        title=title(ctx.t, a["number"]),
    )


async def _said(ctx: Ctx, a: dict) -> AskAgain:
    await asking.say(ctx.uow, ctx.clock, ctx.membership, a["request_id"], message_of(a["message"]))
    return AskAgain(ctx._("보냈어요. 답이 오면 알려 드릴게요."))


chat_dialog = Dialog(
    CHAT,
    [
        Step(
            "message",
            prompt=_chat_prompt,
            expect=Expect.TEXT,
            parse=parse_message,
            photo=take_photos,
            placeholder=lambda ctx: ctx._("예: 네, 알겠어요. 고마워요"),
        )
    ],
    on_done=_said,
)

DIALOGS = (ask_dialog, chat_dialog)
