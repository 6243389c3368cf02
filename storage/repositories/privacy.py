"""Residents' data rights in SQL: what is held about a resident, the copy, 탈퇴 (unlink, erase,
anonymise) and the retention purge. Orders, ballots and ledger entries are never deleted:
they stay with the household (and the resident row as its anonymous record)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Text, cast, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.alert_phone import mask_phone
from core.privacy.model import Held, Retention
from storage import tables
from storage.repositories.results import changed

CLOSED_REPORTS = ("done", "rejected")


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class SqlPrivacyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _scalar(self, stmt) -> Any:
        return await self.session.scalar(stmt)

    async def _household(self, resident_id: int) -> tuple[int | None, str, str]:
        r, h = tables.residents.c, tables.households.c
        row = (
            await self.session.execute(
                select(h.id, h.building, h.unit)
                .join_from(tables.residents, tables.households, r.household_id == h.id)
                .where(r.id == resident_id)
            )
        ).first()
        return (None, "", "") if row is None else (int(row[0]), str(row[1]), str(row[2]))

    async def _votes(self, household_id: int | None) -> list[tuple[str, bool, str | None]]:
        if household_id is None:
            return []
        v, b = tables.votes.c, tables.vote_ballots.c
        stmt = (
            select(v.question, v.secret, v.options, b.option)
            .join_from(tables.vote_ballots, tables.votes, b.vote_id == v.id)
            .where(b.household_id == household_id)
            .order_by(b.cast_at)
        )
        rows = await self.session.execute(stmt)
        return [(q, bool(s), None if s else list(o)[i]) for q, s, o, i in rows]

    async def _count(self, table, column, resident_id: int) -> int:
        stmt = select(func.count()).select_from(table).where(column == resident_id)
        return int(await self._scalar(stmt) or 0)

    async def _points(self, resident_id: int) -> int:
        a = tables.points_accounts.c
        stmt = select(func.coalesce(func.sum(a.balance), 0)).where(
            a.resident_id == resident_id, a.kind == "personal"
        )
        return int(await self._scalar(stmt) or 0)

    async def held(self, resident_id: int) -> Held:
        household_id, building, unit = await self._household(resident_id)
        ca = tables.channel_accounts.c
        channels = await self.session.scalars(
            select(ca.channel).where(ca.resident_id == resident_id).order_by(ca.id)
        )
        return Held(
            building=building,
            unit=unit,
            channels=tuple(channels),
            listings=await self._count(
                tables.share_listings, tables.share_listings.c.poster_id, resident_id
            ),
            orders=await self._count(
                tables.shop_orders, tables.shop_orders.c.resident_id, resident_id
            ),
            points=await self._points(resident_id),
            reports=await self._count(
                tables.defect_reports, tables.defect_reports.c.reporter_id, resident_id
            ),
            votes=tuple(q for q, _, _ in await self._votes(household_id)),
            alert_phone=await self._count(
                tables.alert_phones, tables.alert_phones.c.resident_id, resident_id
            )
            > 0,
        )

    async def _rows(self, stmt) -> list[dict[str, Any]]:
        return [
            {k: _when(v) if isinstance(v, datetime) else v for k, v in row.items()}
            for row in (await self.session.execute(stmt)).mappings()
        ]

    async def copy(self, resident_id: int) -> dict[str, Any]:
        r = tables.residents.c
        resident = (
            await self.session.execute(
                select(r.created_at, r.locale, r.easy_mode).where(r.id == resident_id)
            )
        ).first()
        household_id, building, unit = await self._household(resident_id)
        ca, sl, so = tables.channel_accounts.c, tables.share_listings.c, tables.shop_orders.c
        dr, a, e = tables.defect_reports.c, tables.points_accounts.c, tables.points_entries.c
        t = tables.points_transfers.c
        phone = await self._scalar(
            select(tables.alert_phones.c.number).where(
                tables.alert_phones.c.resident_id == resident_id
            )
        )
        return {
            "resident": {
                "joined_at": _when(resident.created_at) if resident else None,
                "language": resident.locale if resident else None,
                "easy_mode": bool(resident.easy_mode) if resident else None,
            },
            "household": {"building": building, "unit": unit} if household_id else None,
            "channels": await self._rows(
                select(ca.channel, ca.created_at.label("linked_at")).where(
                    ca.resident_id == resident_id
                )
            ),
            "alert_phone": mask_phone(phone) if phone else None,
            "listings": await self._rows(
                select(sl.kind, sl.side, sl.title, sl.details, sl.status, sl.created_at).where(
                    sl.poster_id == resident_id
                )
            ),
            "orders": await self._rows(
                select(
                    so.id, so.quantity, so.unit_price, so.points_used, so.status, so.created_at
                ).where(so.resident_id == resident_id)
            ),
            "points": {
                "balance": await self._points(resident_id),
                "entries": await self._rows(
                    select(e.at, e.amount, t.kind, t.memo)
                    .join_from(tables.points_entries, tables.points_accounts, e.account_id == a.id)
                    .join(tables.points_transfers, t.id == e.transfer_id)
                    .where(a.resident_id == resident_id, a.kind == "personal")
                    .order_by(e.at)
                ),
            },
            "reports": await self._rows(
                select(dr.category, dr.description, dr.status, dr.created_at).where(
                    dr.reporter_id == resident_id
                )
            ),
            "votes": [
                {"question": q, "secret": s, **({} if s else {"household_option": o})}
                for q, s, o in await self._votes(household_id)
            ],
        }

    async def _delete(self, table, *where) -> int:
        stmt = delete(table).where(*where).execution_options(synchronize_session=False)
        return changed(await self.session.execute(stmt))

    async def _update(self, table, values: dict[str, Any], *where) -> int:
        stmt = (
            update(table)
            .where(*where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return changed(await self.session.execute(stmt))

    async def _erase_share(self, rid: int) -> None:
        t = tables
        sl = t.share_listings.c
        mine = select(sl.id).where(sl.poster_id == rid).scalar_subquery()
        ch = t.share_chats.c
        await self._delete(
            t.share_chats, or_(ch.listing_id.in_(mine), ch.opener_id == rid, ch.owner_id == rid)
        )
        rr = t.share_ride_requests.c
        await self._delete(
            t.share_ride_requests, or_(rr.listing_id.in_(mine), rr.passenger_id == rid)
        )
        th = t.share_thanks.c
        await self._delete(
            t.share_thanks, or_(th.listing_id.in_(mine), th.from_id == rid, th.to_id == rid)
        )
        rp = t.share_reports.c
        await self._delete(t.share_reports, or_(rp.listing_id.in_(mine), rp.reporter_id == rid))
        bl = t.share_blocks.c
        await self._delete(t.share_blocks, or_(bl.blocker_id == rid, bl.blocked_id == rid))
        await self._update(
            t.share_standings, {"verified_by": None}, t.share_standings.c.verified_by == rid
        )
        await self._delete(t.share_standings, t.share_standings.c.resident_id == rid)
        await self._delete(t.share_listings, sl.poster_id == rid)

    async def erase(self, resident_id: int, now: datetime) -> None:
        t, rid = tables, resident_id
        await self._erase_share(rid)
        await self._delete(t.outbox, t.outbox.c.resident_id == rid)
        await self._delete(t.channel_accounts, t.channel_accounts.c.resident_id == rid)
        await self._delete(t.alert_phones, t.alert_phones.c.resident_id == rid)
        await self._delete(t.link_codes, t.link_codes.c.resident_id == rid)
        await self._delete(t.desk_login_codes, t.desk_login_codes.c.resident_id == rid)
        await self._delete(t.action_tokens, t.action_tokens.c.resident_id == rid)
        await self._update(
            t.deliveries, {"resident_id": None, "reply": None}, t.deliveries.c.resident_id == rid
        )
        await self._update(
            t.role_grants,
            {"revoked_at": now},
            t.role_grants.c.resident_id == rid,
            t.role_grants.c.revoked_at.is_(None),
        )
        hm = t.help_messages.c
        await self._update(t.help_messages, {"text": "", "photos": []}, hm.author_id == rid)
        await self._update(t.help_requests, {"recent": []}, t.help_requests.c.requester_id == rid)
        await self._update(
            t.vote_ballots, {"resident_id": None}, t.vote_ballots.c.resident_id == rid
        )
        pc = t.partner_coupons.c  # 제휴상가 coupons stay as the shop's anonymous record
        await self._update(t.partner_coupons, {"resident_id": None}, pc.resident_id == rid)
        await self._delete(t.partner_digest, t.partner_digest.c.resident_id == rid)
        c = t.conversations.c
        await self._update(
            t.conversations,
            {"dialog": None, "step": None, "data": {}, "screen": None},
            c.resident_id == rid,
        )
        await self._update(
            t.residents, {"locale": "ko", "easy_mode": False}, t.residents.c.id == rid
        )

    async def purge(self, now: datetime, retention: Retention) -> tuple[dict[str, int], list[str]]:
        t = tables
        chats = now - timedelta(days=retention.relay_chat_days)
        ch = t.share_chats.c
        old = or_(ch.ended_at < chats, ch.ended_at.is_(None) & (ch.created_at < chats))
        o = t.outbox.c
        messages = await self._delete(
            t.outbox, o.dedupe_key.like("share:chat:%"), o.created_at < chats
        )
        relay = await self._delete(t.share_chats, old)
        photos_before = now - timedelta(days=retention.report_photo_days)
        dr = t.defect_reports.c
        rows = await self.session.execute(
            select(dr.id, dr.photos).where(
                dr.status.in_(CLOSED_REPORTS), dr.updated_at < photos_before
            )
        )
        media: list[str] = []
        cleared = []
        for report_id, photos in rows:
            if photos:
                media += [str(p) for p in photos]
                cleared.append(report_id)
        if cleared:
            await self._update(t.defect_reports, {"photos": []}, dr.id.in_(cleared))
        media = [m for m in dict.fromkeys(media) if not await self._photo_in_use(m)]
        audit_before = now - timedelta(days=retention.audit_detail_days)
        al = t.audit_log.c
        audit = await self._update(
            t.audit_log, {"detail": ""}, al.at < audit_before, al.detail != ""
        )
        counts = {
            "relay_chats": relay,
            "relay_messages": messages,
            "report_photos": len(media),
            "audit_details": audit,
        }
        return counts, media

    async def _photo_in_use(self, media_id: str) -> bool:
        """Photos are stored by content: the same file may belong to another report, a
        listing or a help message, which keeps it."""
        t, pattern = tables, f"%{media_id}%"
        checks = (
            select(t.defect_reports.c.id).where(
                cast(t.defect_reports.c.photos, Text).like(pattern)
            ),
            select(t.share_listings.c.id).where(t.share_listings.c.photo == media_id),
            select(t.help_messages.c.id).where(cast(t.help_messages.c.photos, Text).like(pattern)),
        )
        for stmt in checks:
            if await self._scalar(stmt.limit(1)) is not None:
                return True
        return False

    async def audit(
        self, at: datetime, complex_id: int | None, actor_id: int, detail: str
    ) -> None:
        await self.session.execute(
            tables.audit_log.insert().values(
                at=at,
                complex_id=complex_id,
                actor_id=actor_id,
                action="privacy.leave",
                detail=detail,
            )
        )
