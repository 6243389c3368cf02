"""고장 신고, read as conversations: filing with text or photos, bad input, redelivery, the
daily limit, and the household's view of the report as the coordinator handles it."""

from __future__ import annotations

from core.defects.filing import NewReport, file_report
from tests.support.defects import member, reports_of, tiny_image, verified


async def start_filing(chat, category: str) -> None:
    """Up to the description question (무슨 일인가요?) of `category`."""
    await chat.say("처음으로")
    await chat.tap("우리단지")
    await chat.tap("고장 신고")
    assert "어떤 고장인가요?" in chat.text
    await chat.tap(category)
    assert "무슨 일인가요?" in chat.text


async def test_filing_with_text_takes_five_taps_and_gives_a_receipt_number(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    taps = 0
    for label in ("우리단지", "고장 신고", "기타"):
        await chat.tap(label)
        taps += 1
    assert "무슨 일인가요?" in chat.text and "건너뛰기" in chat.labels
    assert "이전" in chat.labels and "처음으로" in chat.labels
    await chat.say("현관문 손잡이가 헐거워요")
    assert "어디에서 생긴 일인가요?" in chat.text
    await chat.tap("우리 집")
    taps += 1
    assert "[신고 내용 확인]" in chat.text and "현관문 손잡이가 헐거워요" in chat.text
    assert "급한 일인가요" not in chat.text  # 기타 is never urgent
    assert chat.labels[:3] == ["접수", "수정", "취소"]
    await chat.tap("접수")
    taps += 1
    assert taps <= 5
    assert "접수 번호는 D-2026-000001이에요" in chat.text
    assert "관리사무소에서 확인하면 알려 드릴게요" in chat.text


async def test_photos_can_stand_in_for_the_text(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await start_filing(chat, "누수")
    await chat.photo(tiny_image("PNG"), "image/png")
    assert "사진 1장을 받았어요" in chat.text
    assert chat.labels[:2] == ["사진 더 보내기", "다 보냈어요"]
    await chat.tap("사진 더 보내기")
    assert "사진을 보내 주세요" in chat.text
    await chat.photo(tiny_image("JPEG"), "image/jpeg")
    assert "사진 2장을 받았어요" in chat.text
    await chat.tap("다 보냈어요")
    assert "덧붙일 말" in chat.text and "건너뛰기" in chat.labels
    await chat.tap("건너뛰기")
    await chat.tap("우리 집")
    assert "급한 일인가요" in chat.text  # 누수 may be urgent
    await chat.tap("급함")
    assert "사진: 2장" in chat.text and "급함: 네" in chat.text
    await chat.tap("접수")
    assert "2시간 안에 확인할 거예요" in chat.text
    (report,) = await reports_of(services, (await member(services, "kim")).household_id)
    assert report.urgent and report.description == "" and len(report.photos) == 2
    assert all(services.media.resolve(services.media.name(p)) for p in report.photos)


async def test_a_file_that_is_not_an_image_is_refused_politely(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await start_filing(chat, "전기")
    await chat.photo(b"%PDF-1.4 not a photo at all", "image/jpeg")  # the name says jpeg
    assert "사진 파일이 아니라서 받을 수 없어요" in chat.text
    assert "무슨 일인가요?" in chat.text  # the same question again


async def test_a_description_over_1000_characters_is_asked_again_with_the_limit(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await start_filing(chat, "기타")
    await chat.say("물" * 1001)
    assert "1000자까지 적을 수 있어요" in chat.text
    assert "무슨 일인가요?" in chat.text
    await chat.say("물" * 1000)
    await chat.tap("우리 집")
    assert "[신고 내용 확인]" in chat.text


async def test_edit_goes_back_to_one_field_and_keeps_the_rest(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await start_filing(chat, "기타")
    await chat.say("베란다 창문이 안 닫혀요")
    await chat.tap("우리 집")
    await chat.tap("수정")
    await chat.tap("종류")
    assert "어떤 고장인가요?" in chat.text
    await chat.tap("누수")
    assert "급한 일인가요" in chat.text  # now it may be urgent; the rest was kept
    await chat.tap("보통")
    assert "종류: 누수" in chat.text and "베란다 창문이 안 닫혀요" in chat.text
    await chat.tap("취소")
    assert "신고를 취소했어요" in chat.text
    assert await reports_of(services, (await member(services, "kim")).household_id) == []


async def test_a_redelivered_submit_creates_one_report(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await start_filing(chat, "기타")
    await chat.say("복도 전등이 나갔어요")
    await chat.tap("우리 집")
    token = chat.button("접수").token
    first = await chat.tap_token(token)
    again = await chat.tap_token(token)
    assert again.duplicate and again.screens == first.screens
    assert len(await reports_of(services, (await member(services, "kim")).household_id)) == 1


async def test_the_eleventh_report_of_a_day_is_refused_politely(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    kim = await member(services, "kim")
    async with services.uow() as uow:
        for i in range(10):
            new = NewReport("other", "home", description=f"고장 {i}")
            await file_report(uow, services.clock, kim, new)
        await uow.commit()
    await start_filing(chat, "기타")
    await chat.say("또 고장이에요")
    await chat.tap("우리 집")
    await chat.tap("접수")
    assert "하루에 10건까지 신고할 수 있어요" in chat.text
    assert len(await reports_of(services, kim.household_id)) == 10


async def test_a_common_area_report_can_be_supported_by_a_neighbour_but_not_by_its_own_household(
    engine, demo
):
    kim = await verified(engine, demo["101-1203"], "kim")
    await start_filing(kim, "전기")
    await kim.say("B2 조명이 깜빡여요")
    await kim.tap("함께 쓰는 곳")
    assert "어디인가요?" in kim.text and "지하주차장" in kim.labels
    await kim.tap("지하주차장")
    await kim.tap("보통")
    await kim.tap("접수")

    lee = await verified(engine, demo["102-304"], "lee")
    await start_filing(lee, "전기")
    await lee.say("주차장 불이 깜빡여요")
    await lee.tap("함께 쓰는 곳")
    assert "처리 중인 함께 쓰는 곳 신고가 1건 있어요" in lee.text
    await lee.tap("접수된 신고 보기")
    assert "B2 조명이 깜빡여요" in lee.text and "101" not in lee.text
    await lee.tap("같은 문제예요")
    assert "1세대가 공감했어요" in lee.text
    await lee.tap("목록 보기")
    await lee.tap("같은 문제예요")
    assert "이미 '같은 문제예요'를 누르셨어요" in lee.text

    await kim.say("처음으로")
    await kim.tap("우리단지")
    await kim.tap("함께 쓰는 곳 신고")
    assert "우리 집에서 신고했어요" in kim.text and "같은 문제 1세대" in kim.text
    assert "같은 문제예요" not in [b.label for c in kim.screen.cards for b in c.buttons]


async def test_common_list_from_the_dialog_leads_back_to_filing(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await start_filing(kim, "전기")
    await kim.say("그네 옆 가로등이 꺼졌어요")
    await kim.tap("함께 쓰는 곳")
    await kim.tap("놀이터")
    await kim.tap("보통")
    await kim.tap("접수")
    lee = await verified(engine, demo["102-304"], "lee")
    await start_filing(lee, "승강기")
    await lee.say("3호기 문이 늦게 닫혀요")
    assert "어디인가요?" in lee.text  # a 승강기 is always 공용부: not asked
    await lee.tap("접수된 신고 보기")
    await lee.tap("새로 신고하기")
    assert "무슨 일인가요?" in lee.text  # 종류 and 공용부 were kept
    await lee.say("3호기 문이 늦게 닫혀요")
    assert "어디인가요?" in lee.text
    await lee.tap("엘리베이터")
    await lee.tap("급함")
    assert "종류: 승강기" in lee.text and "함께 쓰는 곳 (엘리베이터)" in lee.text
