"""월간 하자 통계: the coordinator picks a month and reads counts, the median time to complete
and a PNG bar chart (stored as media, shown as the screen's image with Korean alt text)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.handlers.defects.summary import month_bounds
from core.defects.model import Status
from tests.support.coordinator_defects import (
    coordinator,
    ensure_resident_kinds,
    file,
    member_of,
    verified,
)

SEOUL = ZoneInfo("Asia/Seoul")


async def _finish(services, report_id: int, hours: float) -> None:
    from core.defects.handling import change_status

    member = await member_of(services, "coord")
    for target in (Status.ACKNOWLEDGED, Status.IN_PROGRESS):
        async with services.uow() as uow:
            await change_status(uow, services.clock, member, report_id, target)
            await uow.commit()
    services.clock.advance(hours=hours)
    async with services.uow() as uow:
        await change_status(uow, services.clock, member, report_id, Status.DONE)
        await uow.commit()


async def test_the_monthly_summary_reads_as_text_and_as_a_chart(engine, services, demo):
    ensure_resident_kinds(services)
    await verified(engine, demo, "101-1203", "kim")
    coord = await coordinator(engine, demo)
    first = await file(services, "kim", urgent=True)
    second = await file(services, "kim", category="elevator")
    await file(services, "kim", category="other", description="기타 문제")
    await _finish(services, first, 4)
    await _finish(services, second, 8)  # done 4 h and 12 h after filing: median 8 h
    await coord.tap("월간 고장 통계")
    assert coord.labels[:2] == ["이번 달", "지난 달"]
    await coord.tap("이번 달")
    text = coord.text
    assert "2026년 11월 · 모두 3건" in text
    assert "· 누수 1" in text and "· 승강기 1" in text and "· 기타 1" in text
    assert "· 완료 2" in text and "· 접수 1" in text
    assert "완료까지 걸린 시간 (가운데 값): 8시간" in text
    assert "급함: 1건 · 다시 접수된 신고: 0건" in text
    screen = coord.screen
    assert screen.image_url and "/media/" in screen.image_url
    assert "막대그래프" in screen.image_alt
    name = screen.image_url.rsplit("/", 1)[1]
    png = services.media.resolve(name).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    await coord.tap("지난 달")
    assert "2026년 10월 · 모두 0건" in coord.text and "완료된 신고가 없어요" in coord.text


async def test_a_resident_cannot_open_the_summary(engine, services, demo):
    kim = await verified(engine, demo, "101-1203", "kim")
    assert "코디네이터" not in kim.labels


def test_month_bounds_are_local_months():
    start, end = month_bounds(date(2026, 1, 15), 1, SEOUL)
    assert (start, end) == (
        datetime(2025, 12, 1, tzinfo=SEOUL),
        datetime(2026, 1, 1, tzinfo=SEOUL),
    )
    start, end = month_bounds(date(2026, 12, 31), 0, SEOUL)
    assert end == datetime(2027, 1, 1, tzinfo=SEOUL)
    assert start.astimezone(UTC) == datetime(2026, 11, 30, 15, tzinfo=UTC)
