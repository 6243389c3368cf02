"""공지 보내기 end to end in the engine: the coordinator writes, previews and sends; the
"notice.send" job queues one message per resident of the target; residents read it from
공지사항 or "확인"; the coordinator sees progress and read counts; scheduled notices can be
cancelled; bad input changes nothing."""

from __future__ import annotations

import pytest

from core.errors import NotFound
from core.notices.reading import read_notice
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts, verified


@pytest.fixture
async def people(engine, demo):
    coord = await verified(engine, demo, "관리동-100", "coord")
    kim = await verified(engine, demo, "101-1203", "kim")
    lee = await verified(engine, demo, "102-304", "lee")
    return coord, kim, lee


async def write_notice(coord, text="12월 3일 오전 10시에 단수가 있어요.", *, target=None):
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await coord.tap("공지 보내기")
    await coord.say(text)
    await coord.tap("사진 없음")
    if target:
        await coord.tap("동 고르기")
        await coord.say(target)
    else:
        await coord.tap("단지 전체")


async def test_a_notice_reaches_everyone_once_and_reads_are_counted(services, people):
    coord, kim, lee = people
    await write_notice(coord)
    await coord.tap("긴급")
    await coord.tap("지금 보내기")
    assert "[미리보기] 주민에게 이렇게 보여요" in coord.text
    assert "[긴급 공지] 11월 25일\n12월 3일 오전 10시에 단수가 있어요." in coord.text
    await coord.tap("보내기")
    assert "공지를 보내기 시작했어요" in coord.text
    await run_jobs(services)
    await run_jobs(services)  # a second runner pass queues nothing more
    (row,) = await outbox_of(services, "kim")
    assert row["priority"] == 10 and row["batch"].startswith("notice:")
    assert texts([row]) == ["[긴급 공지] 11월 25일\n12월 3일 오전 10시에 단수가 있어요."]
    assert len(await outbox_of(services, "lee")) == 1

    await kim.say("처음으로")  # the web chat's inbox hands the notice over
    assert "단수가 있어요" in kim.text
    (button,) = row["payload"][0]["buttons"]  # what Telegram shows under the notice
    assert button["label"] == "확인"
    await kim.tap_token(button["token"])
    assert "확인했어요" in kim.text
    await lee.say("처음으로")
    await lee.tap("우리단지")
    await lee.tap("공지사항")  # the newest notice opens at once
    assert "12월 3일 오전 10시에 단수가 있어요." in lee.text and "다른 공지" in lee.labels
    await lee.tap("다른 공지")
    assert "[긴급] 12월 3일 오전 10시에 단수가 있어요." in lee.text
    await lee.tap("읽기")
    await lee.say("처음으로")
    await lee.tap("우리단지")
    await lee.tap("공지사항")  # twice: one read

    await coord.tap("진행 상황")
    assert "읽은 주민: 2명" in coord.text
    assert "보내기를 마쳤어요." in coord.text
    assert "· 웹 채팅 3: " in coord.text and " · 읽음 2 · 실패/차단 0" in coord.text


async def test_a_notice_to_one_building_reaches_only_it(services, people):
    coord, kim, lee = people
    await write_notice(coord, "101동 엘리베이터 점검", target="101")
    await coord.tap("보통")
    await coord.tap("지금 보내기")
    assert "받는 곳: 101동" in coord.text
    await coord.tap("보내기")
    await run_jobs(services)
    assert len(await outbox_of(services, "kim")) == 1
    assert await outbox_of(services, "lee") == []
    await lee.say("처음으로")
    await lee.tap("우리단지")
    await lee.tap("공지사항")
    assert "아직 공지사항이 없어요" in lee.text
    notice_id = int((await outbox_of(services, "kim"))[0]["batch"].split(":")[1])
    lee_member = await member_of(services, "lee")
    async with services.uow() as uow:  # a forged id of a notice not meant for lee
        with pytest.raises(NotFound):
            await read_notice(uow, services.clock, lee_member, notice_id)


async def test_a_scheduled_notice_can_be_cancelled_before_it_goes(services, clock, people):
    coord, kim, _ = people
    await write_notice(coord, "내일 아침 청소")
    await coord.tap("보통")
    await coord.tap("내일 아침 9시")
    await coord.tap("보내기")
    assert "예약했어요" in coord.text
    await coord.tap("예약 취소")
    assert "예약한 공지를 취소했어요" in coord.text
    clock.advance(days=2)
    await run_jobs(services)
    assert await outbox_of(services, "kim") == []


async def test_bad_notice_input_is_answered_and_changes_nothing(services, clock, people):
    coord, kim, _ = people
    await coord.tap("코디네이터")
    await coord.tap("공지 보내기")
    await coord.say("가" * 1001)
    assert "1000자까지 적을 수 있어요" in coord.text.replace(",", "")
    await coord.say("짧은 공지")
    await coord.tap("사진 없음")
    await coord.tap("동 고르기")
    await coord.say("999")
    assert "우리 단지에 없는 동이에요: 999" in coord.text
    await coord.say("101")
    await coord.tap("보통")
    await coord.say("1월 1일 9:00")  # already past in this year
    assert "이미 지난 시각이에요" in coord.text
    await coord.say("아무 때나")
    assert "11월 26일 18:30" in coord.text
    await coord.tap("처음으로")
    await run_jobs(services)
    assert await outbox_of(services, "kim") == []
    await kim.say("처음으로")
    assert "코디네이터" not in kim.labels  # residents never get the tools
