"""Sample 우체국쇼핑 picks for the demo complex, imported through the same use case as
`python -m bot picks import`: five regional specialities with their usual prices. The links
open 우체국쇼핑 itself (the sample has no real product pages of its own)."""

from __future__ import annotations

from bot.app import Services
from core.shop.pick_import import PickRow, import_picks

MALL = "https://mall.epost.go.kr/"
SOURCE = "우체국쇼핑"
PICKS = (
    ("청송 꿀사과 5kg (15~18과)", 39900, "apple"),
    ("완도 활전복 1kg (10~12미)", 42000, "abalone"),
    ("제주 노지감귤 5kg", 19900, "tangerine"),
    ("영광 법성포 굴비 20미", 59000, "gulbi"),
    ("이천 햅쌀 10kg", 36900, "rice"),
)


async def seed_picks(services: Services, complex_code: str) -> None:
    rows = [
        PickRow(n, title, price, f"{MALL}?pick={key}", "", SOURCE)
        for n, (title, price, key) in enumerate(PICKS, 1)
    ]
    async with services.uow() as uow:
        await import_picks(uow, services.clock, None, complex_code, rows)
        await uow.commit()
