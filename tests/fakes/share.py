"""The ShareRepository port in memory, with the same scoping, ordering and once-only rules as
the SQL repository (seats change only through take_seats / release_seats)."""

from __future__ import annotations

import itertools

from core.share.model import Kind, ListingStatus, RideStatus


class FakeShareRepository:
    def __init__(self, uow=None) -> None:
        self.uow = uow  # the fake unit of work, for residents and households (buildings_of)
        self.listings: dict[int, object] = {}
        self.requests: dict[int, object] = {}
        self.chats: dict[int, object] = {}
        self.reports: dict[int, object] = {}
        self.standings: dict[int, object] = {}
        self.blocks: set[tuple[int, int]] = set()
        self.thanks: dict[tuple[int, int, int], object] = {}
        self.audits: list[tuple] = []
        self._ids = itertools.count(1)

    def _add(self, rows: dict, item):
        item.id = next(self._ids)
        rows[item.id] = item
        return item

    async def add(self, listing):
        return self._add(self.listings, listing)

    async def get(self, listing_id):
        return self.listings.get(listing_id)

    async def many(self, listing_ids):
        return {i: self.listings[i] for i in listing_ids if i in self.listings}

    @staticmethod
    def _page(rows, offset, limit):
        rows = sorted(rows, key=lambda x: (x.created_at, x.id), reverse=True)
        return rows[offset : offset + limit], len(rows)

    async def browse(self, complex_id, kind, *, after, offset, limit):
        rows = [
            x
            for x in self.listings.values()
            if x.complex_id == complex_id
            and x.kind == kind
            and x.status == ListingStatus.OPEN
            and not (kind == Kind.CARPOOL and x.departs_at is not None and x.departs_at <= after)
        ]
        return self._page(rows, offset, limit)

    async def by_poster(self, poster_id, *, offset, limit):
        rows = [
            x
            for x in self.listings.values()
            if x.poster_id == poster_id and x.status != ListingStatus.DELETED
        ]
        return self._page(rows, offset, limit)

    async def take_seats(self, listing_id, seats):
        listing = self.listings[listing_id]
        if listing.status != ListingStatus.OPEN or listing.seats_taken + seats > listing.seats:
            return False
        listing.seats_taken += seats
        return True

    async def release_seats(self, listing_id, seats):
        listing = self.listings[listing_id]
        if listing.seats_taken >= seats:
            listing.seats_taken -= seats

    async def add_request(self, request):
        return self._add(self.requests, request)

    async def get_request(self, request_id):
        return self.requests.get(request_id)

    async def requests_for(self, listing_id):
        return [r for r in self.requests.values() if r.listing_id == listing_id]

    async def requests_of(self, passenger_id):
        active = (RideStatus.PENDING, RideStatus.ACCEPTED)
        return [
            r
            for r in self.requests.values()
            if r.passenger_id == passenger_id and r.status in active
        ]

    async def move_request(self, request_id, from_status, to_status, at):
        request = self.requests[request_id]
        if request.status != from_status:
            return False
        request.status, request.decided_at = to_status, at
        return True

    async def add_chat(self, chat):
        return self._add(self.chats, chat)

    async def get_chat(self, chat_id):
        return self.chats.get(chat_id)

    async def open_chat(self, listing_id, opener_id):
        for chat in self.chats.values():
            if (chat.listing_id, chat.opener_id, chat.ended_at) == (listing_id, opener_id, None):
                return chat
        return None

    async def chats_between(self, listing_id, a, b):
        return sum(
            1
            for c in self.chats.values()
            if c.listing_id == listing_id and {c.opener_id, c.owner_id} == {a, b}
        )

    async def count_message(self, chat_id):
        self.chats[chat_id].messages += 1
        return self.chats[chat_id].messages

    async def block(self, blocker_id, blocked_id, complex_id, at):
        self.blocks.add((blocker_id, blocked_id))

    async def blocked(self, a, b):
        return (a, b) in self.blocks or (b, a) in self.blocks

    async def add_thanks(self, listing_id, from_id, to_id, complex_id, at):
        key = (listing_id, from_id, to_id)
        if key in self.thanks:
            return False
        self.thanks[key] = at
        return True

    async def thanks_count(self, resident_ids, since):
        counts: dict[int, int] = {}
        for (_, _, to_id), at in self.thanks.items():
            if to_id in resident_ids and at >= since:
                counts[to_id] = counts.get(to_id, 0) + 1
        return counts

    async def add_report(self, report):
        return self._add(self.reports, report)

    async def get_report(self, report_id):
        return self.reports.get(report_id)

    async def open_reports(self, complex_id, *, limit):
        rows = [
            r for r in self.reports.values() if r.complex_id == complex_id and not r.handled_at
        ]
        return rows[:limit]

    async def standing(self, resident_id):
        return self.standings.get(resident_id)

    async def save_standing(self, standing):
        self.standings[standing.resident_id] = standing

    async def suspended(self, complex_id, *, limit):
        rows = [
            s
            for s in self.standings.values()
            if s.complex_id == complex_id and s.suspended_at is not None
        ]
        return sorted(rows, key=lambda s: s.suspended_at)[:limit]

    async def buildings_of(self, complex_id, resident_ids):
        found = {}
        for resident_id in resident_ids:
            resident = await self.uow.residents.get(resident_id)
            household_id = resident.household_id if resident else None
            household = await self.uow.households.get(household_id) if household_id else None
            if household is not None and household.complex_id == complex_id:
                found[resident_id] = household.building
        return found

    async def verified_among(self, resident_ids):
        return {
            s.resident_id
            for s in self.standings.values()
            if s.resident_id in resident_ids and s.verified_at
        }

    async def audit(self, at, complex_id, actor_id, action, detail):
        self.audits.append((at, complex_id, actor_id, action, detail))
