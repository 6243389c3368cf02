"""The tap table of issue 15, walked by buttons only from the home menu on KakaoTalk, the web
chat and Telegram (the final 확인/접수/올리기 counted too). Typing fails the test.

| task | before | now |
|---|---|---|
| my points balance | 2 | 2 |
| latest notice | 3 | 2 |
| vote | 4 | 3 (4 when several open votes wait for an answer: the list first) |
| join a group buy | 7 | 3 + confirm |
| defect report | 6 + typing | 5 incl. confirm, no typing |
| post a carpool | 14 | 6 incl. confirm |
"""

from __future__ import annotations

import pytest

TABLE = {  # the targets
    "points": 2,
    "notice": 2,
    "vote": 3,
    "vote_of_several": 4,  # the list of open votes, then the ballot
    "group_buy": 4,  # 3 + confirm
    "defect": 5,
    "carpool": 6,
}


class Taps:
    """A resident who only taps: counts the taps, refuses to type."""

    def __init__(self, driver) -> None:
        self.d = driver
        self.count = 0

    async def home(self) -> None:
        """Back to the home menu (where every count starts), not counted."""
        if "공유마켓" not in self.d.labels:
            await self.d.tap("처음으로")
        assert "공유마켓" in self.d.labels
        self.count = 0

    async def tap(self, label: str) -> None:
        await self.d.tap(label)
        self.count += 1

    async def tap_starting(self, prefix: str) -> str:
        label = next((b for b in self.labels if b.startswith(prefix)), None)
        assert label is not None, f"no button starting {prefix!r} in {self.labels}"
        await self.tap(label)
        return label

    async def say(self, text: str) -> None:
        raise AssertionError(f"typing {text!r}: these flows must need buttons only")

    @property
    def text(self) -> str:
        return self.d.text

    @property
    def labels(self) -> list[str]:
        """The buttons shown (on Telegram: of every message in the chat, since the question
        is edited in place and a notification may have come after it)."""
        if self.d.name != "telegram":
            return self.d.labels
        messages = self.d.srv.messages(self.d.chat_id)
        return [label for m in reversed(messages) for row in m["buttons"] for label in row]


@pytest.fixture
async def kim(resident) -> Taps:
    taps = Taps(resident)
    await taps.home()
    return taps


async def test_my_points_balance(kim):
    await kim.tap("포인트")
    await kim.tap("내 포인트")
    assert "점" in kim.text
    assert kim.count <= TABLE["points"]


async def test_latest_notice(kim):
    await kim.tap("우리단지")
    await kim.tap("공지사항")
    assert "승강기 정기 점검" in kim.text  # the newest notice (the desk demo's), in full
    assert kim.count <= TABLE["notice"]


async def test_vote(kim):
    """The demo has two open votes (the playground mat and the 그늘막 proposal): the list
    first, one more tap; once one is answered, the other opens at once."""
    await kim.tap("우리단지")
    await kim.tap("주민투표")
    assert "투표할 수 있는 것이 2개" in kim.text
    await kim.tap_starting("놀이터 바닥을")
    await kim.tap("1. 찬성")
    assert "'찬성'에 투표했어요" in kim.text
    assert kim.count <= TABLE["vote_of_several"]
    await kim.home()
    await kim.tap("우리단지")
    await kim.tap("주민투표")  # the one not answered yet opens at once
    assert "그늘막" in kim.text
    await kim.tap("1. 찬성")
    assert "'찬성'에 투표했어요" in kim.text
    assert kim.count <= TABLE["vote"]


async def test_join_a_group_buy(kim):
    await kim.tap("알뜰쇼핑")
    await kim.tap("공동구매")
    await kim.tap("1번 1개 참여")
    assert "[참여 확인]" in kim.text and "1개" in kim.text
    await kim.tap("참여하기")
    assert "공동구매에 참여했어요" in kim.text
    assert kim.count <= TABLE["group_buy"]


@pytest.mark.parametrize(
    ("category", "what", "says"),
    [
        ("승강기", "멈췄어요", "101동 승강기"),
        ("누수", "물이 많이 새요", "우리 집"),
        ("난방·온수", "온수가 안 나와요", "우리 집"),
    ],
)
async def test_defect_report(kim, category, what, says):
    await kim.tap("우리단지")
    await kim.tap("고장 신고")
    await kim.tap(category)
    await kim.tap(what)  # says where and how urgent too
    assert "[신고 내용 확인]" in kim.text and says in kim.text and "급함: 네" in kim.text
    await kim.tap("접수")
    assert "접수 번호는" in kim.text
    assert kim.count <= TABLE["defect"]


async def test_post_a_carpool_like_last_time(kim):
    await kim.tap("공유마켓")
    await kim.tap("카풀")
    await kim.tap("글 올리기")
    await kim.tap("태워 드려요 (해드려요)")
    label = await kim.tap_starting("지난번처럼")
    assert "동탄역 → 단지 정문" in label and "오후 6시" in label and "2자리" in label
    assert "[카풀 확인]" in kim.text and "동탄역 → 단지 정문" in kim.text
    await kim.tap("올리기")
    assert "카풀을 올렸어요" in kim.text
    assert kim.count <= TABLE["carpool"]


async def test_post_the_complexs_common_route(kim):
    await kim.tap("공유마켓")
    await kim.tap("카풀")
    await kim.tap("글 올리기")
    await kim.tap("태워 드려요 (해드려요)")
    label = await kim.tap_starting("내일 오전 8시 · 단지 정문 → 동탄역")  # 103동's ride
    assert label.endswith("3자리 · 무료")
    await kim.tap("올리기")
    assert "카풀을 올렸어요" in kim.text
    assert kim.count <= TABLE["carpool"]
