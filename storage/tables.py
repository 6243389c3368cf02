"""Tables. Every resident-facing table carries `complex_id` where it has one, so a distributed
PostgreSQL can shard by complex with the same SQL. Constraint names follow one convention."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from storage.types import JSONText, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
ID = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER keys only


def pk() -> Column:
    return Column("id", ID, primary_key=True, autoincrement=True)


complexes = Table(
    "complexes",
    metadata,
    pk(),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(50), nullable=False),
)

households = Table(
    "households",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("building", String(10), nullable=False),
    Column("unit", String(10), nullable=False),
    UniqueConstraint("complex_id", "building", "unit", name="uq_households_address"),
)

residents = Table(
    "residents",
    metadata,
    pk(),
    Column("created_at", UTCDateTime, nullable=False),
    Column("locale", String(8), nullable=False, default="ko"),
    Column("easy_mode", Boolean, nullable=False, default=False),
    Column("household_id", ForeignKey("households.id"), nullable=True, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True, index=True),
)

channel_accounts = Table(
    "channel_accounts",
    metadata,
    pk(),
    Column("channel", String(16), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("address", String(200), nullable=False, default=""),
    Column("unreachable", Boolean, nullable=False, default=False),
    UniqueConstraint("channel", "external_id", name="uq_channel_accounts_identity"),
)

role_grants = Table(
    "role_grants",
    metadata,
    pk(),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),
    Column("granted_at", UTCDateTime, nullable=False),
    Column("granted_by", ForeignKey("residents.id"), nullable=True),
    Column("revoked_at", UTCDateTime, nullable=True),
)

invite_codes = Table(
    "invite_codes",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("max_uses", Integer, nullable=False),
    Column("uses", Integer, nullable=False, default=0),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("shop_id", ID, nullable=True),  # a vendor invite carries its shop (0008)
)

link_codes = Table(
    "link_codes",
    metadata,
    pk(),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
)

rate_events = Table(
    "rate_events",
    metadata,
    pk(),
    Column("subject", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_rate_events_lookup", "subject", "kind", "at"),
)

# --- the conversation engine's own state ---

conversations = Table(
    "conversations",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("dialog", String(64), nullable=True),
    Column("step", String(64), nullable=True),
    Column("data", JSONText, nullable=False),  # answers, history, paging
    Column("screen", JSONText, nullable=True),  # the last screen shown (for labels, paging)
    Column("updated_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=False, default=0),
)

action_tokens = Table(
    "action_tokens",
    metadata,
    Column("token", String(24), primary_key=True),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("action", JSONText, nullable=False),
    Column("single_use", Boolean, nullable=False, default=False),
    Column("used_at", UTCDateTime, nullable=True),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("key", String(120), primary_key=True),  # e.g. "tg:123456", "web:<uuid>", "tok:<t>"
    Column("resident_id", ForeignKey("residents.id"), nullable=True),
    Column("reply", JSONText, nullable=True),
    Column("created_at", UTCDateTime, nullable=False, index=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    pk(),
    Column("at", UTCDateTime, nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True, index=True),
    Column("actor_id", ForeignKey("residents.id"), nullable=True),
    Column("on_behalf_of", ForeignKey("residents.id"), nullable=True),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)

# --- messages the bot sends on its own ---

outbox = Table(
    "outbox",
    metadata,
    pk(),
    Column("dedupe_key", String(160), nullable=False, unique=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),
    Column("resident_id", ForeignKey("residents.id"), nullable=False),
    Column("account_id", ForeignKey("channel_accounts.id"), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("address", String(200), nullable=False, default=""),
    Column("mode", String(8), nullable=False),  # push | inbox
    Column("payload", JSONText, nullable=False),  # rendered screens, buttons as tokens
    Column("priority", Integer, nullable=False, default=0),  # urgent first
    Column("status", String(12), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_owner", String(40), nullable=True),
    Column("lease_until", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("last_error", String(200), nullable=False, default=""),
    Column("batch", String(64), nullable=True, index=True),  # e.g. one broadcast
    Index("ix_outbox_due", "status", "channel", "next_attempt_at"),
    Index("ix_outbox_inbox", "account_id", "status"),
)

# --- scheduled work: the rows are the truth, APScheduler only ticks ---

scheduled_jobs = Table(
    "scheduled_jobs",
    metadata,
    pk(),
    Column("kind", String(48), nullable=False),  # e.g. "vote.close"
    Column("key", String(120), nullable=False),  # names the target, e.g. "vote:42"
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),
    Column("due_at", UTCDateTime, nullable=False),  # the original due time, never moved by retries
    Column("payload", JSONText, nullable=False),
    Column("status", String(12), nullable=False, default="pending"),  # see repositories/jobs.py
    Column("attempts", Integer, nullable=False, default=0),
    Column("lease_owner", String(40), nullable=True),
    Column("lease_until", UTCDateTime, nullable=True),  # running: lease end; pending: retry time
    Column("created_at", UTCDateTime, nullable=False),
    Column("done_at", UTCDateTime, nullable=True),
    Column("last_error", String(200), nullable=False, default=""),
    UniqueConstraint("kind", "key", name="uq_scheduled_jobs_kind_key"),
    Index("ix_scheduled_jobs_due", "status", "due_at"),
)

# --- 하자접수: defect reports ---

defect_reports = Table(
    "defect_reports",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False, index=True),
    Column("reporter_id", ForeignKey("residents.id"), nullable=False),
    Column("category", String(16), nullable=False),
    Column("where", String(8), nullable=False),
    Column("place", String(50), nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("photos", JSONText, nullable=False),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("status", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("acknowledged_at", UTCDateTime, nullable=True),
    Column("done_at", UTCDateTime, nullable=True),
    Column("hold_until", UTCDateTime, nullable=True),
    Column("reason", Text, nullable=False, default=""),
    Column("reopen_count", Integer, nullable=False, default=0),
    Column("rating", Integer, nullable=True),
    Column("rating_comment", Text, nullable=False, default=""),
    Column("supporters", Integer, nullable=False, default=0),
    Index("ix_defect_reports_queue", "complex_id", "status", "urgent", "created_at"),
)

defect_events = Table(
    "defect_events",
    metadata,
    pk(),
    Column("report_id", ForeignKey("defect_reports.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("actor_id", ForeignKey("residents.id"), nullable=True),
    Column("status", String(16), nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
)

defect_supporters = Table(
    "defect_supporters",
    metadata,
    Column("report_id", ForeignKey("defect_reports.id"), primary_key=True),
    Column("household_id", ForeignKey("households.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

# --- 공유마켓: the sharing market (migration 0006) ---

share_listings = Table(
    "share_listings",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("poster_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("building", String(10), nullable=False),  # the poster's 동 only, never the unit
    Column("kind", String(16), nullable=False),
    Column("side", String(8), nullable=False),
    Column("title", String(50), nullable=False),
    Column("place", String(50), nullable=False, default=""),
    Column("when_text", String(100), nullable=False, default=""),
    Column("who", String(100), nullable=False, default=""),
    Column("details", Text, nullable=False, default=""),
    Column("price", Integer, nullable=False, default=0),
    Column("origin", String(50), nullable=False, default=""),
    Column("destination", String(50), nullable=False, default=""),
    Column("departs_at", UTCDateTime, nullable=True),
    Column("seats", Integer, nullable=False, default=0),
    Column("seats_taken", Integer, nullable=False, default=0),
    Column("status", String(12), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    Index("ix_share_listings_browse", "complex_id", "kind", "status", "created_at"),
)

share_ride_requests = Table(
    "share_ride_requests",
    metadata,
    pk(),
    Column("listing_id", ForeignKey("share_listings.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("passenger_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("seats", Integer, nullable=False),
    Column("status", String(12), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("decided_at", UTCDateTime, nullable=True),
)

share_chats = Table(
    "share_chats",
    metadata,
    pk(),
    Column("listing_id", ForeignKey("share_listings.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("opener_id", ForeignKey("residents.id"), nullable=False),
    Column("owner_id", ForeignKey("residents.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("messages", Integer, nullable=False, default=0),
    Column("ended_at", UTCDateTime, nullable=True),
)

share_blocks = Table(
    "share_blocks",
    metadata,
    Column("blocker_id", ForeignKey("residents.id"), primary_key=True),
    Column("blocked_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

share_thanks = Table(
    "share_thanks",
    metadata,
    Column("listing_id", ForeignKey("share_listings.id"), primary_key=True),
    Column("from_id", ForeignKey("residents.id"), primary_key=True),
    Column("to_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_share_thanks_to", "to_id", "at"),
)

share_reports = Table(
    "share_reports",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False, index=True),
    Column("listing_id", ForeignKey("share_listings.id"), nullable=False),
    Column("reporter_id", ForeignKey("residents.id"), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("handled_at", UTCDateTime, nullable=True),
)

share_standings = Table(
    "share_standings",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("verified_at", UTCDateTime, nullable=True),
    Column("verified_by", ForeignKey("residents.id"), nullable=True),
    Column("suspended_at", UTCDateTime, nullable=True),
    Column("suspended_reason", Text, nullable=False, default=""),
)

# --- 우리단지: notices (공지사항) and votes (주민투표) ---

notices = Table(
    "notices",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("send_at", UTCDateTime, nullable=False),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("buildings", JSONText, nullable=False),  # empty: the whole complex
    Column("photo", String(80), nullable=True),
    Column("status", String(12), nullable=False),
    Column("pinned", Boolean, nullable=False, default=False),
    Column("started_at", UTCDateTime, nullable=True),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("recipients", Integer, nullable=False, default=0),
    Index("ix_notices_list", "complex_id", "status", "pinned", "send_at"),
)

notice_buildings = Table(  # the 동 a notice targets, for the residents' list
    "notice_buildings",
    metadata,
    Column("notice_id", ForeignKey("notices.id"), primary_key=True),
    Column("building", String(10), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
)

notice_reads = Table(
    "notice_reads",
    metadata,
    Column("notice_id", ForeignKey("notices.id"), primary_key=True),
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

votes = Table(
    "votes",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("question", Text, nullable=False),
    Column("options", JSONText, nullable=False),
    Column("opens_at", UTCDateTime, nullable=False),
    Column("closes_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("buildings", JSONText, nullable=False),
    Column("secret", Boolean, nullable=False, default=True),
    Column("quorum", Integer, nullable=True),
    Column("status", String(12), nullable=False),
    Column("eligible", Integer, nullable=False, default=0),
    Column("results", JSONText, nullable=True),
    Column("turnout", Integer, nullable=False, default=0),
    Index("ix_votes_list", "complex_id", "status", "closes_at"),
)

vote_ballots = Table(  # one per household and vote: the primary key is the rule
    "vote_ballots",
    metadata,
    Column("vote_id", ForeignKey("votes.id"), primary_key=True),
    Column("household_id", ForeignKey("households.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("option", Integer, nullable=False),
    Column("cast_at", UTCDateTime, nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=True),  # None: secret ballot
    Column("proxy_by", ForeignKey("residents.id"), nullable=True),
    Column("changes", Integer, nullable=False, default=0),
)

# --- 포인트: the points ledger (migration 0007) ---

points_accounts = Table(
    "points_accounts",
    metadata,
    Column("id", String(60), primary_key=True),  # "personal:12", "common:3", "system:3:expired"
    Column("kind", String(10), nullable=False),  # personal | common | system
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=True),
    Column("balance", BigInteger, nullable=False, default=0),
    # a backstop only: the conditional UPDATE is what keeps concurrent spends honest
    CheckConstraint("kind = 'system' OR balance >= 0", name="not_negative"),
    Index("ix_points_accounts_holders", "complex_id", "kind", "balance"),
)

points_transfers = Table(
    "points_transfers",
    metadata,
    Column("id", String(120), primary_key=True),  # derived from the cause: "reward:order:123"
    Column("kind", String(20), nullable=False),
    Column("memo", String(100), nullable=False, default=""),
    Column("amounts_hash", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
)

points_entries = Table(
    "points_entries",
    metadata,
    pk(),
    Column("transfer_id", ForeignKey("points_transfers.id"), nullable=False, index=True),
    Column("account_id", ForeignKey("points_accounts.id"), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    CheckConstraint("amount <> 0", name="nonzero"),
    Index("ix_points_entries_account", "account_id", "at"),
)

rent_settlements = Table(
    "rent_settlements",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=False),
    Column("month", String(7), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("transfer_id", ForeignKey("points_transfers.id"), nullable=False, unique=True),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_rent_settlements_month", "month", "complex_id"),
    Index("ix_rent_settlements_resident", "resident_id", "month"),
)

common_spends = Table(
    "common_spends",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False, index=True),
    Column("coordinator_id", ForeignKey("residents.id"), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("purpose", String(100), nullable=False),
    Column("vote_id", Integer, nullable=True),  # the resident vote that decided it, if any
    Column("transfer_id", ForeignKey("points_transfers.id"), nullable=False, unique=True),
    Column("at", UTCDateTime, nullable=False),
)

# --- 알뜰쇼핑: shops, products, 기획전, group buys and orders (migration 0008) ---

shops = Table(
    "shops",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("name", String(40), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("complex_id", "name", name="uq_shops_name"),
)

shop_products = Table(
    "shop_products",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("name", String(40), nullable=False),
    Column("price", Integer, nullable=False),
    Column("unit", String(10), nullable=False),
    Column("stock", Integer, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("photo", String(80), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("stock >= 0", name="stock_not_negative"),
    Index("ix_shop_products_complex", "complex_id", "active"),
)

shop_exhibitions = Table(
    "shop_exhibitions",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("title", String(40), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("product_ids", JSONText, nullable=False),
    Index("ix_shop_exhibitions_on", "complex_id", "ends_at"),
)

shop_group_buys = Table(
    "shop_group_buys",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("product_id", ForeignKey("shop_products.id"), nullable=False),
    Column("title", String(40), nullable=False),
    Column("price", Integer, nullable=False),
    Column("minimum", Integer, nullable=False),
    Column("maximum", Integer, nullable=True),
    Column("deadline", UTCDateTime, nullable=False),
    Column("pickup_at", UTCDateTime, nullable=False),
    Column("pickup_place", String(40), nullable=False),
    Column("opened_by", ForeignKey("residents.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("joined", Integer, nullable=False, default=0),
    Column("status", String(12), nullable=False),
    CheckConstraint("joined >= 0", name="joined_not_negative"),
    Index("ix_shop_group_buys_open", "complex_id", "status", "deadline"),
)

shop_orders = Table(
    "shop_orders",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("product_id", ForeignKey("shop_products.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("group_buy_id", ForeignKey("shop_group_buys.id"), nullable=True),
    Column("quantity", Integer, nullable=False),
    Column("unit_price", Integer, nullable=False),
    Column("points_used", Integer, nullable=False, default=0),
    Column("pickup", String(60), nullable=False),
    Column("payment", String(12), nullable=False),
    Column("status", String(12), nullable=False),
    Column("paid", Boolean, nullable=False, default=False),
    Column("reason", String(200), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_shop_orders_shop", "shop_id", "status", "created_at"),
    Index("ix_shop_orders_group_buy", "group_buy_id", "status"),
)
