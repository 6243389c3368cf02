"""공유마켓 storage: listings scoped by complex, seats changed only by conditional UPDATEs
(so two accepts for the last seat leave exactly one accepted, on SQLite and PostgreSQL),
unique thanks and blocks, and the audit lines of moderation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.share.model import (
    Kind,
    Listing,
    ListingStatus,
    RideRequest,
    RideStatus,
    ShareChat,
    ShareReport,
    Standing,
    id_of,
)
from storage import tables
from storage.repositories.results import changed

li = tables.share_listings.c
rr = tables.share_ride_requests.c


class SqlShareRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, listing: Listing) -> Listing:
        self.session.add(listing)
        await self.session.flush()
        return listing

    async def get(self, listing_id: int) -> Listing | None:
        return await self.session.get(Listing, listing_id)

    async def many(self, listing_ids: list[int]) -> dict[int, Listing]:
        if not listing_ids:
            return {}
        stmt = select(Listing).where(li.id.in_(sorted(set(listing_ids))))
        return {id_of(item): item for item in await self.session.scalars(stmt)}

    async def _page(self, stmt, offset: int, limit: int):
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        stmt = stmt.order_by(li.created_at.desc(), li.id.desc()).offset(offset).limit(limit)
        return list(await self.session.scalars(stmt)), int(total or 0)

    async def browse(self, complex_id, kind, *, after, offset, limit):
        stmt = select(Listing).where(
            li.complex_id == complex_id, li.kind == kind, li.status == ListingStatus.OPEN
        )
        if kind == Kind.CARPOOL:
            stmt = stmt.where(or_(li.departs_at.is_(None), li.departs_at > after))
        return await self._page(stmt, offset, limit)

    async def by_poster(self, poster_id, *, offset, limit):
        stmt = select(Listing).where(li.poster_id == poster_id, li.status != ListingStatus.DELETED)
        return await self._page(stmt, offset, limit)

    async def _reload(self, listing_id: int) -> None:
        await self.session.get(Listing, listing_id, populate_existing=True)

    async def take_seats(self, listing_id: int, seats: int) -> bool:
        result = await self.session.execute(
            update(tables.share_listings)
            .where(
                li.id == listing_id,
                li.status == ListingStatus.OPEN,
                li.seats_taken + seats <= li.seats,
            )
            .values(seats_taken=li.seats_taken + seats)
            .execution_options(synchronize_session=False)
        )
        await self._reload(listing_id)
        return changed(result) == 1

    async def release_seats(self, listing_id: int, seats: int) -> None:
        await self.session.execute(
            update(tables.share_listings)
            .where(li.id == listing_id, li.seats_taken >= seats)
            .values(seats_taken=li.seats_taken - seats)
            .execution_options(synchronize_session=False)
        )
        await self._reload(listing_id)

    async def add_request(self, request: RideRequest) -> RideRequest:
        self.session.add(request)
        await self.session.flush()
        return request

    async def get_request(self, request_id: int) -> RideRequest | None:
        return await self.session.get(RideRequest, request_id)

    async def requests_for(self, listing_id: int) -> list[RideRequest]:
        stmt = select(RideRequest).where(rr.listing_id == listing_id).order_by(rr.id)
        return list(await self.session.scalars(stmt))

    async def requests_of(self, passenger_id: int) -> list[RideRequest]:
        active = (RideStatus.PENDING, RideStatus.ACCEPTED)
        stmt = select(RideRequest).where(rr.passenger_id == passenger_id, rr.status.in_(active))
        return list(await self.session.scalars(stmt.order_by(rr.id)))

    async def move_request(self, request_id, from_status, to_status, at) -> bool:
        result = await self.session.execute(
            update(tables.share_ride_requests)
            .where(rr.id == request_id, rr.status == from_status)
            .values(status=to_status, decided_at=at)
            .execution_options(synchronize_session=False)
        )
        await self.session.get(RideRequest, request_id, populate_existing=True)
        return changed(result) == 1

    async def add_chat(self, chat: ShareChat) -> ShareChat:
        self.session.add(chat)
        await self.session.flush()
        return chat

    async def get_chat(self, chat_id: int) -> ShareChat | None:
        return await self.session.get(ShareChat, chat_id)

    async def open_chat(self, listing_id: int, opener_id: int) -> ShareChat | None:
        c = tables.share_chats.c
        stmt = select(ShareChat).where(
            c.listing_id == listing_id, c.opener_id == opener_id, c.ended_at.is_(None)
        )
        return (await self.session.scalars(stmt.limit(1))).first()

    async def chats_between(self, listing_id: int, a: int, b: int) -> int:
        c = tables.share_chats.c
        pair = or_((c.opener_id == a) & (c.owner_id == b), (c.opener_id == b) & (c.owner_id == a))
        stmt = select(func.count()).where(c.listing_id == listing_id, pair)
        return int(await self.session.scalar(stmt) or 0)

    async def count_message(self, chat_id: int) -> int:
        c = tables.share_chats.c
        await self.session.execute(
            update(tables.share_chats)
            .where(c.id == chat_id)
            .values(messages=c.messages + 1)
            .execution_options(synchronize_session=False)
        )
        chat = await self.session.get(ShareChat, chat_id, populate_existing=True)
        return chat.messages

    async def _insert_once(self, table, **values) -> bool:
        try:
            async with self.session.begin_nested():
                await self.session.execute(insert(table).values(**values))
        except IntegrityError:
            return False
        return True

    async def block(self, blocker_id, blocked_id, complex_id, at) -> None:
        await self._insert_once(
            tables.share_blocks,
            blocker_id=blocker_id,
            blocked_id=blocked_id,
            complex_id=complex_id,
            at=at,
        )

    async def blocked(self, a: int, b: int) -> bool:
        c = tables.share_blocks.c
        pair = or_(
            (c.blocker_id == a) & (c.blocked_id == b), (c.blocker_id == b) & (c.blocked_id == a)
        )
        return bool(await self.session.scalar(select(func.count()).where(pair)))

    async def add_thanks(self, listing_id, from_id, to_id, complex_id, at) -> bool:
        return await self._insert_once(
            tables.share_thanks,
            listing_id=listing_id,
            from_id=from_id,
            to_id=to_id,
            complex_id=complex_id,
            at=at,
        )

    async def thanks_count(self, resident_ids: list[int], since: datetime) -> dict[int, int]:
        if not resident_ids:
            return {}
        c = tables.share_thanks.c
        stmt = (
            select(c.to_id, func.count())
            .where(c.to_id.in_(sorted(set(resident_ids))), c.at >= since)
            .group_by(c.to_id)
        )
        return {int(to): int(n) for to, n in await self.session.execute(stmt)}

    async def add_report(self, report: ShareReport) -> ShareReport:
        self.session.add(report)
        await self.session.flush()
        return report

    async def get_report(self, report_id: int) -> ShareReport | None:
        return await self.session.get(ShareReport, report_id)

    async def open_reports(self, complex_id: int, *, limit: int) -> list[ShareReport]:
        c = tables.share_reports.c
        stmt = select(ShareReport).where(c.complex_id == complex_id, c.handled_at.is_(None))
        return list(await self.session.scalars(stmt.order_by(c.id).limit(limit)))

    async def standing(self, resident_id: int) -> Standing | None:
        return await self.session.get(Standing, resident_id)

    async def save_standing(self, standing: Standing) -> None:
        self.session.add(standing)
        await self.session.flush()

    async def suspended(self, complex_id: int, *, limit: int) -> list[Standing]:
        c = tables.share_standings.c
        stmt = select(Standing).where(c.complex_id == complex_id, c.suspended_at.is_not(None))
        return list(await self.session.scalars(stmt.order_by(c.suspended_at).limit(limit)))

    async def buildings_of(self, complex_id: int, resident_ids: list[int]) -> dict[int, str]:
        if not resident_ids:
            return {}
        r, h = tables.residents.c, tables.households.c
        stmt = (
            select(r.id, h.building)
            .join_from(tables.residents, tables.households, r.household_id == h.id)
            .where(r.id.in_(sorted(set(resident_ids))), h.complex_id == complex_id)
        )
        return {int(rid): str(building) for rid, building in await self.session.execute(stmt)}

    async def verified_among(self, resident_ids: list[int]) -> set[int]:
        if not resident_ids:
            return set()
        c = tables.share_standings.c
        stmt = select(c.resident_id).where(
            c.resident_id.in_(sorted(set(resident_ids))), c.verified_at.is_not(None)
        )
        return set(await self.session.scalars(stmt))

    async def audit(self, at, complex_id, actor_id, action, detail) -> None:
        await self.session.execute(
            insert(tables.audit_log).values(
                at=at, complex_id=complex_id, actor_id=actor_id, action=action, detail=detail
            )
        )
