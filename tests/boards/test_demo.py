"""The demo's sample 게시판: one entry on each board, and a 10-seat 교육문화 event."""

from __future__ import annotations

from bot.demo.seed import seed_demo
from tests.support.defects import verified


async def test_the_demo_boards_can_be_browsed_and_signed_up(engine, services):
    await seed_demo(services)
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
    from core.identity.invites import display_code

    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[1]))
    lee = await verified(engine, code, "lee-demo")
    for board, title in (
        ("생활편의", "분리수거"),
        ("일자리", "사서 도우미"),
        ("교육문화", "주민 건강 요가 교실"),
    ):
        await lee.say("처음으로")
        await lee.tap("우리단지")
        while board not in lee.labels:
            await lee.tap("더보기")
        await lee.tap(board)
        assert "모두 1건" in lee.text and title in lee.text
    await lee.tap("자세히 보기")
    assert "신청 0 / 10명" in lee.text
    await lee.tap("신청하기")
    assert "신청 1 / 10명" in lee.text
