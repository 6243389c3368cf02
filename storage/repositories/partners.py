"""제휴상가 혜택 storage: offers and coupons. An offer's count of coupons and a coupon's status
change only through one conditional UPDATE each (PostgreSQL locks the row and re-checks the
condition; SQLite's BEGIN IMMEDIATE serialises writers); a household's coupons of an offer
are numbered under a unique key, so a racing second claim fails to insert."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from core.partners.model import Coupon, CouponStatus, Offer
from storage import tables
from storage.repositories.results import changed

of_ = tables.partner_offers.c
cp_ = tables.partner_coupons.c


class SqlPartnerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.digest = SqlDigestRepository(session)  # the weekly digest's subscribers
        self.slots = SqlSlotRepository(session)  # 오늘의 추천 on 알뜰쇼핑

    def _known(self, cls, item_id: int):
        return self.session.identity_map.get(self.session.identity_key(cls, item_id))

    async def add_offer(self, offer: Offer) -> Offer:
        self.session.add(offer)
        await self.session.flush()
        return offer

    async def get_offer(self, offer_id: int) -> Offer | None:
        return await self.session.get(Offer, offer_id)

    async def open_offers(self, complex_id: int, now: datetime) -> list[Offer]:
        stmt = (
            select(Offer)
            .where(
                of_.complex_id == complex_id,
                of_.active.is_(True),
                of_.starts_at <= now,
                of_.ends_at > now,
            )
            .order_by(of_.ends_at, of_.id)
        )
        return list(await self.session.scalars(stmt))

    async def offers_of_shop(self, shop_id: int) -> list[Offer]:
        stmt = select(Offer).where(of_.shop_id == shop_id).order_by(of_.id.desc())
        return list(await self.session.scalars(stmt))

    async def offers_of_complex(self, complex_id: int) -> list[Offer]:
        stmt = select(Offer).where(of_.complex_id == complex_id).order_by(of_.id.desc())
        return list(await self.session.scalars(stmt))

    async def take_coupon(self, offer_id: int) -> bool:
        stmt = (
            update(tables.partner_offers)
            .where(of_.id == offer_id, (of_.cap.is_(None)) | (of_.claimed < of_.cap))
            .values(claimed=of_.claimed + 1)
            .returning(of_.claimed)
            .execution_options(synchronize_session=False)
        )
        claimed = (await self.session.execute(stmt)).scalar()
        if claimed is None:
            return False
        if (known := self._known(Offer, offer_id)) is not None:
            set_committed_value(known, "claimed", claimed)
        return True

    async def close_offer(self, offer_id: int) -> bool:
        stmt = (
            update(tables.partner_offers)
            .where(of_.id == offer_id, of_.active.is_(True))
            .values(active=False)
            .execution_options(synchronize_session=False)
        )
        done = changed(await self.session.execute(stmt)) == 1
        if (known := self._known(Offer, offer_id)) is not None:
            set_committed_value(known, "active", False)
        return done

    async def add_coupon(self, coupon: Coupon) -> Coupon:
        self.session.add(coupon)
        await self.session.flush()  # a raced (offer, household, seq) raises IntegrityError
        return coupon

    async def household_coupons(self, offer_id: int, household_id: int) -> int:
        stmt = select(func.count()).where(
            cp_.offer_id == offer_id, cp_.household_id == household_id
        )
        return int(await self.session.scalar(stmt) or 0)

    async def coupon_by_code(self, code: str) -> Coupon | None:
        return await self.session.scalar(select(Coupon).where(cp_.code == code))

    async def get_coupon(self, coupon_id: int) -> Coupon | None:
        return await self.session.get(Coupon, coupon_id)

    async def coupons_of_resident(self, resident_id: int) -> list[Coupon]:
        stmt = select(Coupon).where(cp_.resident_id == resident_id).order_by(cp_.id.desc())
        return list(await self.session.scalars(stmt.limit(20)))

    async def redeem(
        self, coupon_id: int, *, at: datetime, amount: int, discount: int, by: int
    ) -> bool:
        values = {
            "status": CouponStatus.REDEEMED.value,
            "redeemed_at": at,
            "amount": amount,
            "discount_won": discount,
            "redeemed_by": by,
        }
        stmt = (
            update(tables.partner_coupons)
            .where(cp_.id == coupon_id, cp_.status == CouponStatus.ISSUED.value)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if changed(await self.session.execute(stmt)) != 1:
            return False
        if (known := self._known(Coupon, coupon_id)) is not None:
            for name, value in values.items():
                set_committed_value(known, name, value)
        return True

    async def counts(self, offer_ids: list[int]) -> dict[int, int]:
        if not offer_ids:
            return {}
        stmt = (
            select(cp_.offer_id, func.count())
            .where(cp_.offer_id.in_(sorted(set(offer_ids))), cp_.status == "redeemed")
            .group_by(cp_.offer_id)
        )
        return {offer_id: int(n) for offer_id, n in await self.session.execute(stmt)}


dg_ = tables.partner_digest.c


class SqlDigestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def subscribe(self, resident_id: int, complex_id: int, at: datetime) -> bool:
        if await self.subscribed(resident_id):
            return False
        values = {"resident_id": resident_id, "complex_id": complex_id, "created_at": at}
        await self.session.execute(insert(tables.partner_digest).values(**values))
        return True

    async def unsubscribe(self, resident_id: int) -> bool:
        stmt = delete(tables.partner_digest).where(dg_.resident_id == resident_id)
        return changed(await self.session.execute(stmt)) == 1

    async def subscribed(self, resident_id: int) -> bool:
        stmt = select(dg_.resident_id).where(dg_.resident_id == resident_id)
        return await self.session.scalar(stmt) is not None

    async def subscribers(self, complex_id: int) -> list[int]:
        stmt = select(dg_.resident_id).where(dg_.complex_id == complex_id)
        return list(await self.session.scalars(stmt.order_by(dg_.resident_id)))


ps_ = tables.promotion_slots.c


class SqlSlotRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self,
        complex_id: int,
        *,
        offer_id: int | None,
        exhibition_id: int | None,
        starts_at: datetime,
        ends_at: datetime,
        by: int,
    ) -> None:
        values = {
            "complex_id": complex_id,
            "offer_id": offer_id,
            "exhibition_id": exhibition_id,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "assigned_by": by,
            "created_at": starts_at,
        }
        await self.session.execute(insert(tables.promotion_slots).values(**values))

    async def current(self, complex_id: int, now: datetime) -> tuple[int | None, int | None]:
        stmt = (
            select(ps_.offer_id, ps_.exhibition_id)
            .where(ps_.complex_id == complex_id, ps_.starts_at <= now, ps_.ends_at > now)
            .order_by(ps_.id.desc())
            .limit(1)
        )
        row = (await self.session.execute(stmt)).first()
        return (None, None) if row is None else (row.offer_id, row.exhibition_id)
