"""쉬운 모드 on KakaoTalk (4 choices a screen): a ride at 6 pm on Saturday is reached without
paging through hours — 다른 시간, the day, the part of the day, the hour, the minute."""

from __future__ import annotations

from bot.screens import Channel
from tests.easy.test_crawl import easy_resident


async def test_a_6_pm_ride_on_saturday_needs_no_more_button(engine, lived_in):
    chat = await easy_resident(engine, lived_in["101-1203"], "hours", Channel.KAKAO)
    for label in ("공유마켓", "카풀", "글 올리기"):
        await chat.tap(label)
    await chat.tap(chat.labels[0])  # 태워 드려요
    if "직접 고르기" in chat.labels:
        await chat.tap("직접 고르기")
    await chat.tap(chat.labels[0])  # from
    await chat.tap(chat.labels[0])  # to
    await chat.tap("다른 시간")
    # "토요일 (11/28)" is longer than a button: "4번", with its words above
    saturday = next(line for line in chat.text.splitlines() if "토요일" in line).split(":")[0]
    await chat.tap(saturday)  # (the week's days: 오늘, 내일, 3번, 4번, then 더보기)
    assert "몇 시쯤 출발하나요?" in chat.text
    assert chat.labels[:4] == [
        "아침 5~8시",
        "오전 9~12시",
        "오후 1~4시",
        "오후 5~8시",
    ]  # 밤: 더보기
    await chat.tap("오후 5~8시")
    assert "더보기" not in chat.labels  # four hours: one screen
    await chat.tap("오후 6시")
    assert "몇 분에 출발하나요?" in chat.text
    assert "더보기" not in chat.labels
    await chat.tap("1번")  # "오후 6시 00분" is longer than a button: numbered in 쉬운 모드
    assert "몇 명 태울 수 있나요?" in chat.text
