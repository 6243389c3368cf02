"""The coordinator's delivery report in the running app: a notice to residents on the web
chat (who reads it), KakaoTalk without the Event API (waiting in the inbox), and Telegram
through the fake Bot API (one pushed, one who blocked the bot). The coordinator, on
KakaoTalk, sees each channel in the four states within one bubble, then the households not
reached after 6 hours, per 동."""

from __future__ import annotations

import asyncio

import aiohttp
from sqlalchemy import select

from bot.app import build_engine
from bot.runtime import Runtime
from core.identity.onboarding import membership_of
from core.notices.broadcast import NewNotice, create_notice
from storage import tables
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.complex_life import run_jobs
from tests.support.drivers import KakaoDriver, TelegramDriver, WebDriver


async def _pushed(services, batch: str) -> None:
    """Wait until the sender has dealt with every Telegram row of the batch."""
    o = tables.outbox.c
    for _ in range(400):
        async with services.uow() as uow:
            stmt = select(o.status).where(o.batch == batch, o.channel == "telegram")
            statuses = list(await uow.session.scalars(stmt))
        if statuses and all(s in ("sent", "blocked", "failed") for s in statuses):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"Telegram rows still waiting: {statuses}")


async def _first_kakao_member(services):
    """The membership of the first KakaoTalk user who came (the coordinator)."""
    a = tables.channel_accounts.c
    async with services.uow() as uow:
        stmt = select(a.resident_id).where(a.channel == "kakao").order_by(a.id).limit(1)
        resident_id = await uow.session.scalar(stmt)
        return await membership_of(uow, await uow.residents.get(resident_id))


async def test_the_report_shows_four_states_per_channel(services, demo, clock):
    fake = await FakeTelegramServer().start()
    services.config = services.config.replace(
        telegram={"token": fake.token, "api_base": fake.base_url}
    )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    try:
        async with aiohttp.ClientSession() as http:
            coord = KakaoDriver(base, http)
            await coord.start(demo["관리동-100"])
            kim = WebDriver(base, http)
            await kim.start(demo["101-1203"])
            lee = KakaoDriver(base, http)
            await lee.start(demo["102-304"])
            park = TelegramDriver(fake)
            await park.start(demo["103-1501"])
            kim2 = TelegramDriver(fake)  # kim's family, who then blocks the bot
            await kim2.start(demo["101-1203"])
            for chat in (kim, lee, park, kim2):
                assert "확인했어요" in chat.signup, chat.signup
            fake.block(kim2.chat_id)

            member = await _first_kakao_member(services)
            async with services.uow() as uow:
                new = NewNotice("내일 오전 9시부터 단수가 있어요.", ("101", "102", "103"))
                notice = await create_notice(uow, clock, member, new)
                await uow.commit()
            await run_jobs(services)
            await _pushed(services, notice.batch)
            assert any("단수" in (p.get("text") or "") for _, p, _ in fake.sent)

            await kim.say("처음으로")
            await kim.tap("우리단지")
            await kim.tap("공지사항")
            assert "단수가 있어요" in kim.text

            await coord.say("처음으로")
            await coord.tap("코디네이터")
            await coord.tap("더보기")  # KakaoTalk pages the coordinator menu
            await coord.tap("보낸 공지")
            await coord.tap("열기")
            report = coord.text
            assert "보내기를 마쳤어요." in report, report
            assert "· 카카오톡 1: 전송됨 0 · 받은 알림함 대기 1 · 읽음 0 · 실패/차단 0" in report
            assert "· 텔레그램 2: 전송됨 1 · 받은 알림함 대기 0 · 읽음 0 · 실패/차단 1" in report
            assert "· 웹 채팅 1: 전송됨 0 · 받은 알림함 대기 0 · 읽음 1 · 실패/차단 0" in report
            assert "· 모두 4: 전송됨 1 · 받은 알림함 대기 1 · 읽음 1 · 실패/차단 1" in report
            assert "받은 알림함 대기: 주민이 다음에 챗봇에 말을 걸 때 보여요." in report
            assert "읽은 주민: 1명" in report
            assert "전송 완료" not in report
            assert len(report) <= 500
            assert "못 받은 세대 6시간" in coord.labels

            await coord.tap("못 받은 세대 6시간")
            assert "아직 6시간이 지나지 않았어요" in coord.text, coord.text
            clock.advance(hours=6)
            await coord.tap("못 받은 세대 24시간")
            assert "아직 24시간이 지나지 않았어요" in coord.text
            await coord.tap("못 받은 세대 6시간")
            text = coord.text
            assert "공지가 닿지 않은 세대가 1세대 있어요." in text, text
            assert "· 102동: 1세대" in text
            assert "304" not in text and "1203" not in text  # never the unit
    finally:
        await runtime.stop()
        await fake.stop()
