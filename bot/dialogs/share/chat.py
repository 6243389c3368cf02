"""공유마켓's short dialogs: the relay conversation (연락하기), a report's reason (신고하기),
and a coordinator's reason to hide a listing or to
suspend a poster.

```mermaid
flowchart TD
    C[글 → 연락하기 / 알림의 답장하기] --> M[보낼 말 적기, 500자까지]
    M -->|적음| R[relay_message → 상대에게 알림 '102동 이웃'] --> M
    M -->|대화 끝내기 / 차단하기 / 감사 보내기 / 신고하기| X[그 일을 하고 대화를 나감]
    P[글 → 신고하기] --> Q[까닭: 버튼 또는 적기] --> S[report_listing → 코디네이터에게 알림]
    K[코디네이터 → 숨기기 / 글쓰기 정지] --> W[까닭 적기] --> H[숨기기 / 정지, 기록]
    M & Q & W -->|이전 / 처음으로| Z[처음 메뉴]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import AskAgain, Choice, Dialog, Step
from bot.engine.fields import text_limit
from bot.handlers.share.actions import (
    CHAT,
    MODERATE,
    REPORT,
    BlockPeer,
    EndChat,
    OpenListing,
    OpenShareReports,
    ReportListing,
    SendThanks,
)
from bot.handlers.share.words import neighbour
from bot.i18n import N_
from bot.screens import Expect, Screen
from core.share import contact, moderation
from core.share.model import MAX_TEXT

REASONS = (N_("광고나 사기 같아요"), N_("불쾌한 말을 했어요"), N_("개인정보를 물어봐요"))


def _chat_prompt(ctx: Ctx, a: dict) -> str:
    return ctx._(
        "[연락하기] {title}\n{who}에게 보낼 말을 적어 주세요. 제가 전해 드려요.\n"
        "전화번호나 호수는 서로 보이지 않아요. 만날 때는 단지 안 밝은 곳에서 만나요.",
        title=a["title"],
        who=neighbour(ctx.t, a["building"]),
    )


def _chat_choices(ctx: Ctx, a: dict) -> list[Choice]:
    return [
        Choice(ctx._("대화 끝내기"), action=EndChat(a["chat_id"])),
        Choice(ctx._("감사 보내기"), action=SendThanks(a["listing_id"], a["other"])),
        Choice(ctx._("차단하기"), action=BlockPeer(a["chat_id"])),
        Choice(ctx._("신고하기"), action=ReportListing(a["listing_id"])),
    ]


async def _relay(ctx: Ctx, a: dict) -> AskAgain:
    await contact.relay_message(ctx.uow, ctx.clock, ctx.membership, a["chat_id"], a["message"])
    return AskAgain(ctx._("보냈어요. 답이 오면 알려 드릴게요."))


chat_dialog = Dialog(
    CHAT,
    [
        Step(
            "message",
            prompt=_chat_prompt,
            expect=Expect.TEXT,
            choices=_chat_choices,
            parse=text_limit(MAX_TEXT),
            placeholder=lambda ctx: ctx._("예: 내일 아침 8시에 정문에서 만나요"),
        )
    ],
    on_done=_relay,
)


async def _report(ctx: Ctx, a: dict) -> Screen:
    await contact.report_listing(ctx.uow, ctx.clock, ctx.membership, a["listing_id"], a["reason"])
    text = ctx._("신고했어요. 우리 단지 코디네이터가 확인할 거예요. 알려 주셔서 고마워요.")
    return ctx.screen(text, ctx.button(ctx._("글 보기"), OpenListing(a["listing_id"])))


report_dialog = Dialog(
    REPORT,
    [
        Step(
            "reason",
            prompt=lambda ctx, a: ctx._("무엇이 문제인가요? 버튼을 누르거나 짧게 적어 주세요."),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._(r), ctx._(r)) for r in REASONS],
            parse=text_limit(MAX_TEXT),
        )
    ],
    on_done=_report,
)


async def _moderate(ctx: Ctx, a: dict) -> Screen:
    if a["what"] == "hide":
        await moderation.hide_listing(
            ctx.uow, ctx.clock, ctx.membership, a["listing_id"], a["reason"]
        )
        text = ctx._("글을 숨겼어요. 글쓴이에게 까닭을 알려 드렸어요.")
    else:
        await moderation.suspend_poster(
            ctx.uow, ctx.clock, ctx.membership, a["listing_id"], a["reason"]
        )
        text = ctx._("이 이웃의 공유마켓 글쓰기를 멈췄어요. 까닭을 알려 드렸어요.")
    return ctx.screen(text, ctx.button(ctx._("신고 목록"), OpenShareReports()))


moderate_dialog = Dialog(
    MODERATE,
    [
        Step(
            "reason",
            prompt=lambda ctx, a: ctx._("까닭을 적어 주세요. 글쓴이에게 전해지고 기록에 남아요."),
            expect=Expect.TEXT,
            parse=text_limit(MAX_TEXT),
        )
    ],
    on_done=_moderate,
)

DIALOGS = (chat_dialog, report_dialog, moderate_dialog)  # 고치기: bot/dialogs/share/edit.py
