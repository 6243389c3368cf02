"""Tables. Every resident-facing table carries `complex_id` where it has one, so a distributed
PostgreSQL can shard by complex with the same SQL. Constraint names follow one convention."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
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
