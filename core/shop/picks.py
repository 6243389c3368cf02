"""우체국쇼핑 and other outside picks: a curated list of products sold elsewhere (title, price in
won, image, link, source) per complex. Residents only look and follow the link: nothing is
bought inside the bot.

Rules:
- a pick has a title (1–60 letters), a price (1 won to 10,000,000 won; "12,900" and "12900원"
  read as 12900), a link that is an https address (up to 500 letters), an optional image that
  is an https address too, and a source (up to 20 letters, e.g. 우체국쇼핑; "" when unknown);
- a pick belongs to one complex; its link is its identity there: the same link again updates
  the pick (title, price, image, source), never adds a second one;
- the operator's command line (`actor` None), an operator, or a coordinator of that complex
  may add, update and remove picks; anyone else is refused (`forbidden`);
- another complex's pick, or one that does not exist, is `not_found` (no probing);
- residents see only their own complex's picks, oldest first (the curated order), a page at a
  time; unverified people are refused like the rest of 알뜰쇼핑.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.shop.catalog import home_of
from core.shop.model import MAX_PRICE

if TYPE_CHECKING:
    from core.ports import UnitOfWork

MAX_TITLE = 60
MAX_SOURCE = 20
MAX_URL = 500
PAGE = 5
_HTTPS = re.compile(r"https://[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}(:\d{1,5})?([/?#]\S*)?")
_PRICE = re.compile(r"\d{1,3}(,\d{3})+|\d+")


@dataclass(eq=False)
class Pick:
    complex_id: int
    title: str
    price: int  # won
    link_url: str
    image_url: str
    source: str
    created_at: datetime
    updated_at: datetime
    id: int | None = None


@dataclass(frozen=True)
class PickFields:
    """A pick as checked: what `check_pick` returns and the use cases store."""

    title: str
    price: int
    link_url: str
    image_url: str = ""
    source: str = ""


def _https(url: str) -> bool:
    return bool(_HTTPS.fullmatch(url)) and not any(c in url for c in "<>\"'`")


def read_price(raw: object) -> int:
    """12900, "12,900" or "12900원" as won; `pick.bad_price` for anything else."""
    if isinstance(raw, bool):
        raise InvalidInput("pick.bad_price", limit=MAX_PRICE)
    if isinstance(raw, int):
        value = raw
    else:
        text = str(raw).strip().removesuffix("원").strip()
        if not _PRICE.fullmatch(text):
            raise InvalidInput("pick.bad_price", limit=MAX_PRICE)
        value = int(text.replace(",", ""))
    if not 0 < value <= MAX_PRICE:
        raise InvalidInput("pick.bad_price", limit=MAX_PRICE)
    return value


def check_pick(
    title: str, price: object, link_url: str, image_url: str = "", source: str = ""
) -> PickFields:
    """The fields of one pick, checked (the first broken rule is raised as InvalidInput)."""
    title, link_url = " ".join(title.split()), link_url.strip()
    image_url, source = image_url.strip(), " ".join(source.split())
    if not title:
        raise InvalidInput("pick.no_title")
    if len(title) > MAX_TITLE:
        raise InvalidInput("pick.title_too_long", limit=MAX_TITLE)
    if len(source) > MAX_SOURCE:
        raise InvalidInput("pick.source_too_long", limit=MAX_SOURCE)
    value = read_price(price)
    if len(link_url) > MAX_URL or len(image_url) > MAX_URL:
        raise InvalidInput("pick.url_too_long", limit=MAX_URL)
    if not _https(link_url):
        raise InvalidInput("pick.bad_link")
    if image_url and not _https(image_url):
        raise InvalidInput("pick.bad_image")
    return PickFields(title, value, link_url, image_url, source)


def require_curator(actor: Membership | None, complex_id: int) -> None:
    """The command line (None), an operator, or a coordinator of this complex."""
    if actor is not None:
        require_coordinator(actor)
        if actor.complex_id != complex_id:
            raise Forbidden()


async def save_pick(uow: UnitOfWork, clock: Clock, complex_id: int, fields: PickFields) -> str:
    """Add the pick, or update the one with the same link: "created" | "updated" | "same"."""
    now = clock.now()
    found = await uow.picks.pick_by_link(complex_id, fields.link_url)
    if found is None:
        await uow.picks.add_pick(Pick(complex_id, **vars(fields), created_at=now, updated_at=now))
        return "created"
    changes = {k: v for k, v in vars(fields).items() if getattr(found, k) != v}
    if not changes:
        return "same"
    for key, value in changes.items():
        setattr(found, key, value)
    found.updated_at = now
    return "updated"


async def add_pick(
    uow: UnitOfWork, clock: Clock, actor: Membership | None, complex_id: int, fields: PickFields
) -> str:
    """One pick entered at the desk (or a script): as `save_pick`, for a curator."""
    require_curator(actor, complex_id)
    return await save_pick(uow, clock, complex_id, fields)


async def remove_pick(
    uow: UnitOfWork, actor: Membership | None, complex_id: int, pick_id: int
) -> Pick:
    require_curator(actor, complex_id)
    pick = await uow.picks.get_pick(pick_id)
    if pick is None or pick.complex_id != complex_id:
        raise NotFound()
    await uow.picks.remove_pick(pick)
    return pick


async def all_picks(uow: UnitOfWork, actor: Membership | None, complex_id: int) -> list[Pick]:
    """Every pick of the complex, for its curators (the desk, `picks list`)."""
    require_curator(actor, complex_id)
    picks, _total = await uow.picks.picks(complex_id, offset=0, limit=None)
    return picks


async def picks_page(
    uow: UnitOfWork, member: Membership, offset: int = 0, size: int = PAGE
) -> tuple[list[Pick], int]:
    """A page of the resident's own complex's picks and how many there are (`size` a page:
    fewer in 쉬운 모드, where a screen holds at most 4 cards)."""
    complex_id, _ = home_of(member)
    limit = min(max(size, 1), PAGE)
    return await uow.picks.picks(complex_id, offset=max(offset, 0), limit=limit)
