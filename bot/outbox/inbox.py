"""The inbox: messages for channels the bot cannot push to (the web chat; KakaoTalk without
the Event API) wait as outbox rows and are handed over when the person is next there.

How they are shown with the reply to that next message (a calm inbox):

* one waiting (or the most urgent, 긴급, among several): the notification itself, in full,
  with its own buttons (their tokens were stored when it was queued), as a Screen before
  the reply, so the current question still comes last (KakaoTalk: its own bubbles);
* several: a short digest above the current screen, newest and most urgent first, repeated
  kinds collapsed into one line named by the kind's label and a count ("대화 종료 7건"; a
  kind without a label: the newest one's first line, "… 등 7건"), each line with a button
  that opens it; the digest and the current text
  stay within one KakaoTalk bubble (500 characters, 150 in 쉬운 모드); an opened item shows
  in full with its buttons and "하던 일 계속" back to the screen the person was on;
* a notice (공지) shown in full counts as read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.actions import Action
from bot.screens import Button, ButtonRole, Card, Screen, screen_from_dict, screen_to_dict
from core.errors import DomainError
from core.notices.reading import read_notice

BUBBLE_MAX = 500  # KakaoTalk folds a longer bubble behind 전체보기
EASY_BUBBLE_MAX = 150
DIGEST_ITEMS = 3  # lines with their own button; the rest behind "알림 모두 보기"


@dataclass(frozen=True)
class InboxOpen(Action, kind="inbox.open"):
    """Show waiting notifications in full: `items` are outbox payloads, newest first;
    `resume` is the screen the person was on (what "하던 일 계속" shows)."""

    items: list
    resume: dict | None = None


@dataclass(frozen=True)
class InboxResume(Action, kind="inbox.resume"):
    """Back to the screen the person was on before the notification was shown."""

    screen: dict


def _ordered(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (-int(r.get("priority") or 0), -int(r["id"])))


def _first(payload: list[dict]) -> dict:
    return payload[0] if payload else {"text": ""}


def _title(payload: list[dict], size: int) -> str:
    head = _first(payload)
    text = head.get("text") or next(iter(head.get("notices", ())), "")
    line = " ".join(text.split())
    return line if len(line) <= size else line[: size - 1] + "…"


def _group_key(payload: list[dict]) -> str:
    head = _first(payload)
    kind = head.get("kind")
    if kind and kind != "message":
        return str(kind)
    return str(head.get("text", ""))


async def _count_reads(ctx, payloads: list[list[dict]]) -> None:
    """A notice shown in full counts as read (once; core decides)."""
    for payload in payloads:
        head = _first(payload)
        notice_id = (head.get("refs") or {}).get("notice_id")
        if head.get("kind") != "notice" or not isinstance(notice_id, int):
            continue
        if ctx.membership is None:
            continue
        try:
            async with ctx.uow.savepoint():
                await read_notice(ctx.uow, ctx.clock, ctx.membership, notice_id)
        except DomainError:
            pass


def _resume_button(ctx, resume: dict | None) -> tuple[Button, ...]:
    if resume is None:
        return ()
    return (Button(ctx._("하던 일 계속"), InboxResume(resume).dump(), role=ButtonRole.NAV),)


def _full(payload: list[dict]) -> Screen:
    """A notification as queued: its buttons carry the tokens stored then."""
    screen = screen_from_dict(_first(payload))
    return replace(screen, buttons=tuple(b for b in screen.buttons if b.token or b.url))


async def show_inbox(
    ctx, rows: list[dict], current: Screen, offset: int = 0
) -> tuple[tuple[Screen, ...], Screen, int]:
    """What to show before the reply (notifications in full, with their buttons), the
    reply itself (with a digest of the others) and where its page of choices starts."""
    rows = _ordered(rows)
    payloads = [r["payload"] for r in rows]
    urgent = int(rows[0].get("priority") or 0) > 0
    # KakaoTalk shows 3 outputs: beside a screen of cards or an image, a notification with
    # buttons could lose them, so it becomes a digest line that opens it (urgent: in full).
    crowded = bool(current.cards or current.image_url) and bool(_full(payloads[0]).buttons)
    if urgent or (len(rows) == 1 and not crowded):
        await _count_reads(ctx, payloads[:1])
        front = (_full(payloads[0]),)
        payloads = payloads[1:]
        if not payloads:
            return front, current, offset
        return front, _digest(ctx, payloads, current, screen_to_dict(current)), offset
    return (), _digest(ctx, payloads, current, screen_to_dict(current)), offset


async def _opened(ctx, payload: list[dict], resume: dict | None) -> Screen:
    await _count_reads(ctx, [payload])
    screen = _full(payload)
    return replace(screen, buttons=(*screen.buttons, *_resume_button(ctx, resume)))


def _digest(ctx, payloads: list, current: Screen, resume: dict) -> Screen:
    easy = ctx.resident.easy_mode
    limit = EASY_BUBBLE_MAX if easy else BUBBLE_MAX
    groups: dict[str, list] = {}
    for payload in payloads:  # newest first; a repeated kind joins its newest
        groups.setdefault(_group_key(payload), []).append(payload)
    header = ctx._("새 알림 {n}건", n=len(payloads))
    room = limit - len(current.text) - 2
    title_size = 24 if easy else 48
    lines: list[str] = []
    buttons: list[Button] = []
    items = list(groups.values())
    for number, group in enumerate(items[:DIGEST_ITEMS], start=1):
        title = _title(group[0], title_size)
        label = _first(group[0]).get("label")
        if len(group) > 1 and label:  # the kind's short name: "대화 종료 7건"
            title = ctx._("{label} {n}건", label=label, n=len(group))
        elif len(group) > 1:
            title = ctx._("{title} 등 {n}건", title=title, n=len(group))
        line = f"{number}. {title}"
        if len(header) + sum(len(x) + 1 for x in lines) + len(line) + 1 > room - 20:
            break
        lines.append(line)
        label = ctx._("알림 {number} 보기", number=number)
        buttons.append(Button(label, InboxOpen(group, resume).dump(), role=ButtonRole.NAV))
    rest = [p for group in items[len(lines) :] for p in group]
    if rest:
        label = ctx._("알림 모두 보기") if not lines else ctx._("나머지 알림 보기")
        if lines:
            lines.append(ctx._("그 밖에 {n}건", n=len(rest)))
        opened = rest if lines else payloads
        buttons.append(Button(label, InboxOpen(opened, resume).dump(), role=ButtonRole.NAV))
    digest = "\n".join([header, *lines])
    merged = replace(current, buttons=(*current.choices, *buttons, *current.nav))
    if len(digest) + 2 + len(current.text) <= limit:
        return replace(merged, text=f"{digest}\n\n{current.text}")
    return merged.with_notices(digest)  # the current text alone is long: a bubble of its own


async def open_inbox(ctx, action: InboxOpen) -> Screen:
    """The notifications behind a digest line: one in full, several as cards."""
    payloads = [p for p in action.items if isinstance(p, list) and p]
    if not payloads:
        return Screen(ctx._("볼 알림이 없어요."), buttons=_resume_button(ctx, action.resume))
    if len(payloads) == 1:
        return await _opened(ctx, payloads[0], action.resume)
    await _count_reads(ctx, payloads)
    cards: list[Card] = []
    for payload in payloads[:10]:
        screen = _full(payload)
        lines = screen.text.strip().splitlines()
        title = lines[0] if lines else ""
        cards.append(Card(title=title, lines=tuple(lines[1:]), buttons=screen.buttons[:3]))
    text = ctx._("알림 {n}건이에요.", n=len(payloads))
    return Screen(text, cards=tuple(cards), buttons=_resume_button(ctx, action.resume))


def behind(screen: Screen) -> Screen:
    """The screen a shown notification stands in front of (itself if it is none)."""
    for button in screen.buttons:
        action = button.action or {}
        if action.get("k") == InboxResume.kind:
            return screen_from_dict(action["screen"])
        if action.get("k") == InboxOpen.kind and action.get("resume"):
            return screen_from_dict(action["resume"])
    return screen


async def resume(ctx, runner, action: InboxResume) -> Screen:
    """The current question when a dialog is under way, else the screen the person was on."""
    again = runner.again(ctx)
    return again if again is not None else screen_from_dict(action.screen)


def make_fetch_inbox(services):
    async def fetch(channel: str, external_id: str) -> list[Screen]:
        async with services.uow() as uow:
            account = await uow.accounts.find(channel, external_id)
            if account is None:
                return []
            rows = await uow.outbox.take_inbox(account.id, services.clock.now())
            await uow.commit()
        return [screen_from_dict(s) for row in rows for s in row["payload"]]

    return fetch
