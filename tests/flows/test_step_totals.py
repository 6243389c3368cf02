"""Step counters never change their total mid-flow: every path of the resident-facing
dialogs is walked by buttons (each question's first, second and last choice, the branches
that decide which questions follow), going back with 이전; on each path every "(n/total단계)"
names the same total and n never goes down. And impossible options are not offered."""

from __future__ import annotations

import re

import pytest

from bot.engine.dialog import DialogAnswer
from tests.support.defects import verified

COUNTER = re.compile(r"\((\d+)/(\d+)단계\)")
LEAVING = {"수정", "취소", "그만두기", "바꾸기"}  # they end the dialog (or start it again)
MAX_TAPS = 700


class Walk:
    def __init__(self, chat, services) -> None:
        self.chat, self.services = chat, services
        self.taps = 0
        self.paths = 0

    async def answers(self) -> list[str]:
        """The labels of this question's answer buttons (not navigation, not 접수/올리기)."""
        found = []
        async with self.services.uow() as uow:
            for button in self.chat.screen.buttons:
                row = await uow.tokens.get(button.token)
                is_answer = row is not None and row["action"]["k"] == DialogAnswer.kind
                if is_answer and button.label not in LEAVING:
                    found.append(button.label)
        return found

    async def run(self, seen: tuple[tuple[int, int], ...] = ()) -> None:
        match = COUNTER.search(self.chat.screen.text)
        if match:
            here = (int(match.group(1)), int(match.group(2)))
            if seen:
                assert here[1] == seen[0][1], (seen, here, self.chat.text)
                assert here[0] >= seen[-1][0], (seen, here, self.chat.text)
            seen = (*seen, here)
        labels = await self.answers()
        if not labels or self.taps > MAX_TAPS:
            self.paths += 1
            return
        picks = list(dict.fromkeys([*labels[:2], labels[-1]]))
        question = self.chat.screen.text
        for label in picks:
            await self.chat.tap(label)
            self.taps += 1
            await self.run(seen)
            if self.chat.screen.text != question:
                await self.chat.tap("이전")
            assert self.chat.screen.text == question, (label, self.chat.text)


async def walk(chat, services, *entry: str) -> Walk:
    await chat.say("처음으로")
    for label in entry:
        await chat.tap(label)
    if "새로 쓰기" in chat.labels:
        await chat.tap("새로 쓰기")
    w = Walk(chat, services)
    await w.run()
    assert w.paths > 3
    return w


@pytest.fixture
async def kim(engine, services, full_demo):
    return await verified(engine, full_demo["101-1203"], "kim")


async def test_defect_report_totals_never_change(kim, services):
    await walk(kim, services, "우리단지", "고장 신고")


async def test_carpool_totals_never_change(kim, services):
    await walk(kim, services, "공유마켓", "카풀", "글 올리기")


async def test_group_buy_totals_never_change(kim, services):
    await walk(kim, services, "알뜰쇼핑", "공동구매", "1번 보기", "참여하기")


async def test_the_destination_never_offers_the_place_of_departure(kim):
    for label in ("공유마켓", "카풀", "글 올리기", "태워 드려요 (해드려요)", "직접 고르기"):
        await kim.tap(label)
    await kim.tap("단지 정문")
    assert "어디로 가나요?" in kim.text and "단지 정문" not in kim.labels
    await kim.say("단지정문")  # typed anyway (spacing aside): refused, asked again
    assert "출발지와 도착지가 같아요" in kim.text and "어디로 가나요?" in kim.text


async def test_paid_rides_are_offered_only_when_they_may_leave(kim):
    for label in ("공유마켓", "카풀", "글 올리기", "태워 드려요 (해드려요)", "직접 고르기"):
        await kim.tap(label)
    await kim.tap("단지 정문")
    await kim.tap("동탄역")
    await kim.tap("오늘 오후 6시")  # Wednesday 18:00: a paid ride may leave
    await kim.tap("1명")
    assert "기름값 나누기" in kim.labels
    for _ in range(2):
        await kim.tap("이전")
    await kim.tap("다른 시간")
    await kim.tap("토요일 (11/28)")
    await kim.tap("아침 5~8시")
    await kim.tap("오전 8시")
    await kim.tap("오전 8시 00분")
    await kim.tap("1명")
    assert "기름값 나누기" not in kim.labels and "무료로만 올릴 수 있어요" in kim.text
