"""Tables. Every resident-facing table carries `complex_id` where it has one, so a distributed
PostgreSQL can shard by complex with the same SQL. Constraint names follow one convention."""

from __future__ import annotations

from storage.schema.alerts import (
    alert_phones,
)
from storage.schema.base import ID, metadata, pk
from storage.schema.boards import (
    board_entries,
    board_signups,
)
from storage.schema.complex import (
    notice_buildings,
    notice_reads,
    notices,
    vote_ballots,
    votes,
)
from storage.schema.defects import (
    defect_events,
    defect_reports,
    defect_supporters,
)
from storage.schema.desk import (
    desk_login_codes,
    desk_sessions,
    operators,
)
from storage.schema.engine import (
    action_tokens,
    audit_log,
    conversations,
    deliveries,
)
from storage.schema.helpdesk import (
    help_agents,
    help_messages,
    help_requests,
)
from storage.schema.identity import (
    channel_accounts,
    complexes,
    households,
    invite_codes,
    link_codes,
    rate_events,
    residents,
    role_grants,
)
from storage.schema.jobs import (
    scheduled_jobs,
)
from storage.schema.outbox import (
    outbox,
    sender_roles,
)
from storage.schema.partners import (
    partner_coupons,
    partner_digest,
    partner_offers,
    promotion_slots,
)
from storage.schema.points import (
    common_proposals,
    common_spends,
    points_accounts,
    points_entries,
    points_transfers,
    rent_settlements,
)
from storage.schema.proxy import (
    proxy_actions,
)
from storage.schema.share import (
    share_blocks,
    share_chats,
    share_listings,
    share_reports,
    share_ride_requests,
    share_standings,
    share_thanks,
)
from storage.schema.shop import (
    shop_accounts,
    shop_complexes,
    shop_exhibition_items,
    shop_exhibitions,
    shop_group_buys,
    shop_orders,
    shop_picks,
    shop_products,
    shops,
)
from storage.schema.surveys import (
    survey_responses,
    surveys,
)

__all__ = [
    "ID",
    "metadata",
    "pk",
    "complexes",
    "households",
    "residents",
    "channel_accounts",
    "role_grants",
    "invite_codes",
    "link_codes",
    "rate_events",
    "alert_phones",
    "desk_login_codes",
    "desk_sessions",
    "operators",
    "conversations",
    "action_tokens",
    "deliveries",
    "audit_log",
    "outbox",
    "sender_roles",
    "scheduled_jobs",
    "defect_reports",
    "defect_events",
    "defect_supporters",
    "share_listings",
    "share_ride_requests",
    "share_chats",
    "share_blocks",
    "share_thanks",
    "share_reports",
    "share_standings",
    "notices",
    "notice_buildings",
    "notice_reads",
    "votes",
    "vote_ballots",
    "surveys",
    "survey_responses",
    "points_accounts",
    "points_transfers",
    "points_entries",
    "rent_settlements",
    "common_spends",
    "common_proposals",
    "shops",
    "shop_products",
    "shop_exhibitions",
    "shop_exhibition_items",
    "shop_group_buys",
    "shop_orders",
    "shop_picks",
    "shop_complexes",
    "shop_accounts",
    "board_entries",
    "board_signups",
    "proxy_actions",
    "help_requests",
    "help_messages",
    "help_agents",
    "partner_offers",
    "partner_coupons",
    "partner_digest",
    "promotion_slots",
]
