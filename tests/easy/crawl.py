"""A crawl of the resident's screens in 쉬운 모드: from home, every button path up to a depth,
each screen measured against the 쉬운 모드 limits (inclusion-anchors AC1–AC3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.screens import ButtonRole, Screen
from tests.support.chat import Chat

MAX_CHOICES = 4  # choice buttons (and cards) on one screen, besides navigation
MAX_BUBBLE = 150  # characters in one bubble (text, a notice, a card)
MAX_LABEL = 8  # characters in one button label
# Not followed: they leave 쉬운 모드 or the language, or go back where the crawl was.
SKIP = {"쉬운 모드 끄기", "언어 Language", "언어 선택", "처음으로", "이전", "취소"}


@dataclass
class Found:
    screens: int = 0
    problems: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


def bubbles(screen: Screen) -> list[str]:
    parts = [screen.text, *screen.notices]
    parts += ["\n".join((card.title, *card.lines)) for card in screen.cards]
    return [p for p in parts if p]


def measure(path: tuple[str, ...], screen: Screen, found: Found) -> None:
    where = " > ".join(path) or "처음"
    choices = [b for b in screen.buttons if b.role == ButtonRole.CHOICE]
    if len(choices) > MAX_CHOICES or len(screen.cards) > MAX_CHOICES:
        found.problems.append(f"{where}: {len(choices)} choices, {len(screen.cards)} cards")
    for text in bubbles(screen):
        if len(text) > MAX_BUBBLE:
            found.problems.append(f"{where}: bubble of {len(text)}: {text[:40]!r}")
    labels = [b.label for b in screen.buttons]
    labels += [b.label for card in screen.cards for b in card.buttons]
    for label in labels:
        if len(label) > MAX_LABEL:
            found.problems.append(f"{where}: label {label!r}")


async def replay(chat: Chat, path: tuple[str, ...]) -> bool:
    await chat.command("menu")
    for label in path:
        if not any(label == b.label for b in chat.screen.buttons) and not any(
            label == b.label for card in chat.screen.cards for b in card.buttons
        ):
            return False
        await chat.tap(label)
    return True


async def crawl(chat: Chat, depth: int, limit: int = 400) -> Found:
    """Breadth first from home; each path is replayed from 처음으로."""
    found = Found()
    await chat.command("menu")
    queue: list[tuple[str, ...]] = [()]
    seen_screens: set[str] = set()
    while queue and found.screens < limit:
        path = queue.pop(0)
        if not await replay(chat, path):
            continue  # the crawl changed the way there (시작하기 became 이어서 하기)
        screen = chat.screen
        key = screen.text + "|" + ",".join(b.label for b in screen.buttons)
        if key in seen_screens:
            continue
        seen_screens.add(key)
        found.screens += 1
        found.paths.append(" > ".join(path))
        measure(path, screen, found)
        if len(path) >= depth:
            continue
        labels = [b.label for b in screen.buttons if b.token]
        labels += [b.label for card in screen.cards for b in card.buttons if b.token]
        for label in dict.fromkeys(labels):
            if label not in SKIP:
                queue.append((*path, label))
    return found
