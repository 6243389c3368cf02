"""The demo complex `DEMO`, seeded on an empty database so a newcomer can try every feature at
once. Its invite codes are derived from the server secret, so they are the same on every start
and can be printed again (they are still stored only as hashes)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from bot.app import Services
from core.identity.admin import add_complex, issue_invite
from core.identity.invites import ALPHABET, CODE_LENGTH, display_code, hash_code

DEMO_CODE = "DEMO"
DEMO_NAME = "내친구 데모아파트"


@dataclass(frozen=True)
class DemoHousehold:
    building: str
    unit: str
    role: str
    who: str  # shown on the console only


DEMO_HOUSEHOLDS = (
    DemoHousehold("101", "1203", "resident", "주민 (김씨네)"),
    DemoHousehold("102", "304", "resident", "주민 (이씨네)"),
    DemoHousehold("103", "1501", "resident", "주민 (박씨네)"),
    DemoHousehold("관리동", "100", "coordinator", "코디네이터 (관리사무소)"),
)


def demo_code(secret: bytes, household: DemoHousehold) -> str:
    digest = hmac.new(secret, f"demo:{household.building}:{household.unit}".encode(), "sha256")
    return "".join(ALPHABET[b % len(ALPHABET)] for b in digest.digest()[:CODE_LENGTH])


async def seed_demo(services: Services, *, samples: bool = True) -> bool:
    """Create the demo complex and its sample data when the database has no complex yet.
    `samples=False` leaves out the sample reports (tests start from a clean complex)."""
    async with services.uow() as uow:
        if await uow.complexes.all():
            return False
        await add_complex(uow, DEMO_CODE, DEMO_NAME)
        for household in DEMO_HOUSEHOLDS:
            await issue_invite(
                uow,
                services.clock,
                services.invite_key,
                complex_code=DEMO_CODE,
                building=household.building,
                unit=household.unit,
                role=household.role,
                uses=20,
                days=365,
                code=demo_code(services.invite_key, household),
            )
        await uow.commit()
    if samples:
        from bot.demo.defects import seed_demo_defects

        codes = {
            f"{h.building}-{h.unit}": (h, demo_code(services.invite_key, h))
            for h in DEMO_HOUSEHOLDS
        }
        await seed_demo_defects(services, codes)
        from bot.demo.share import seed_share

        await seed_share(services, codes)
        from bot.demo.points import seed_points

        await seed_points(services, codes)
        from bot.demo.shop import seed_shop

        await seed_shop(services, codes)
        from bot.demo.refunds import seed_refunds

        await seed_refunds(services, codes)
        from bot.demo.picks import seed_picks

        await seed_picks(services, DEMO_CODE)
        from bot.demo.partners import seed_partners

        await seed_partners(services, codes)
        from bot.demo.vendors import seed_near

        await seed_near(services)
        from bot.demo.complex_life import seed_complex_life

        await seed_complex_life(services, codes)
        from bot.demo.surveys import seed_surveys

        await seed_surveys(services, codes)
        from bot.demo.boards import seed_boards

        await seed_boards(services, codes)
        from bot.demo.proxy import seed_proxy

        await seed_proxy(services, codes)

        from bot.demo.helpdesk import seed_help

        await seed_help(services, codes)
        from bot.demo.desk import seed_desk

        await seed_desk(services, codes)
        from bot.demo.common import seed_common

        await seed_common(services, codes)
    return True


async def demo_codes(
    services: Services, households: tuple[DemoHousehold, ...] = DEMO_HOUSEHOLDS
) -> list[tuple[DemoHousehold, str]]:
    """The demo codes that still work, for the console."""
    found = []
    async with services.uow() as uow:
        for household in households:
            code = demo_code(services.invite_key, household)
            invite = await uow.invites.by_hash(hash_code(services.invite_key, code))
            now = services.clock.now()
            if invite and invite.expires_at > now and invite.uses < invite.max_uses:
                found.append((household, display_code(code)))
    return found
