"""`lived_in`: the demo complex with all its sample data (notices, surveys, shop, carpools,
reports): the 쉬운 모드 crawl measures screens as a resident sees them on a lived-in complex.
(The `person` journeys keep the clean `demo`: sample notifications would interleave.)"""

from __future__ import annotations

import pytest

from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
from core.identity.invites import display_code


@pytest.fixture
async def lived_in(services, engine):  # (the engine registers the notification kinds)
    await seed_demo(services, samples=True)
    return {
        f"{h.building}-{h.unit}": display_code(demo_code(services.invite_key, h))
        for h in DEMO_HOUSEHOLDS
    }
