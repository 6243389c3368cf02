"""The operator's vendor commands, one vendor for many complexes:
`python -m bot vendor serve SHOP --complex C [--pickup PLACE]` asks that the shop serve complex C
(its coordinators are told and may approve in chat), `vendor approve SHOP --complex C` and
`vendor refuse SHOP --complex C` decide as the operator (refuse also stops an approved one).
SHOP is the shop's number (`shop #3` in `invite`'s output) or its name when only one shop has it.
"""

from __future__ import annotations

import asyncio

from bot.app import build_services
from bot.cli.commands import fail
from bot.config import Config
from core.errors import DomainError, NotFound
from core.ids import saved
from core.shop import serving
from storage.migrate import upgrade


async def _shop_id(uow, shop: str) -> int:
    if shop.strip().isdigit():
        return int(shop)
    found = []
    for complex_ in await uow.complexes.all():
        named = await uow.shop.shop_named(complex_.id, " ".join(shop.split()))
        if named is not None:
            found.append(named.id)
    if len(found) != 1:
        raise NotFound()
    return found[0]


async def vendor(config: Config, args) -> int:
    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    clock = services.clock
    try:
        async with services.uow() as uow:
            shop_id = await _shop_id(uow, args.shop)
            code = args.complex_code
            if args.vendor_command == "serve":
                found = await serving.ask_to_serve(
                    uow, clock, None, shop_id=shop_id, complex_code=code, pickup=args.pickup
                )
            else:
                request = await serving.find_request(uow, shop_id=shop_id, complex_code=code)
                approve = args.vendor_command == "approve"
                found = await serving.decide(uow, clock, None, saved(request.id), approve=approve)
            await uow.commit()
        print(f"shop #{found.shop_id} for complex {code.upper()}: {found.status}")
        return 0
    except DomainError as exc:
        return fail(config, exc)
    finally:
        await services.close()
