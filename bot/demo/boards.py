"""Sample 게시판 entries for the demo complex, made through the coordinators' use case: one
entry on each of 생활편의, 일자리 and 교육문화, the last an event with 10 seats."""

from __future__ import annotations

from datetime import timedelta

from bot.demo.defects import _member
from core.boards.model import Board
from core.boards.posting import NewEntry, post_entry


async def seed_boards(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    clock = services.clock
    now = clock.now()
    async with services.uow() as uow:
        office = await _member(uow, services, *households["관리동-100"])
        entries = [
            NewEntry(
                Board.LIVING,
                "분리수거 요일이 바뀌어요",
                "12월부터 재활용품은 화요일과 금요일 저녁 6시부터 내놓아 주세요.",
                now + timedelta(days=30),
            ),
            NewEntry(
                Board.JOBS,
                "단지 내 작은도서관 사서 도우미 모집",
                "평일 오후 2시간, 책 정리와 대출을 도와주실 분을 찾아요. 관리사무소로 오세요.",
                now + timedelta(days=14),
                link="https://www.work24.go.kr",
            ),
            NewEntry(
                Board.CULTURE,
                "주민 건강 요가 교실",
                "커뮤니티센터 2층에서 1시간 동안 쉬운 요가를 배워요. 매트는 빌려 드려요.",
                now + timedelta(days=10),
                event_at=now + timedelta(days=7),
                capacity=10,
            ),
        ]
        for new in entries:
            await post_entry(uow, clock, office, new)
        await uow.commit()
