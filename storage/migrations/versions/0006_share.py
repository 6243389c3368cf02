"""공유마켓: listings, carpool seat requests, relay chats, blocks, thanks, reports, standings

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = storage.types.UTCDateTime(timezone=True)


def _fk(table: str, column: str, target: str, **kw) -> sa.Column:
    return sa.Column(column, ID, sa.ForeignKey(f"{target}.id", name=op.f(f"fk_{table}_{column}_{target}")), **kw)  # fmt: skip


def _id() -> sa.Column:
    return sa.Column("id", ID, autoincrement=True, nullable=False)


def upgrade() -> None:
    t = "share_listings"
    op.create_table(
        t,
        _id(),
        _fk(t, "complex_id", "complexes", nullable=False),
        _fk(t, "poster_id", "residents", nullable=False),
        sa.Column("building", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=50), nullable=False),
        sa.Column("place", sa.String(length=50), nullable=False),
        sa.Column("when_text", sa.String(length=100), nullable=False),
        sa.Column("who", sa.String(length=100), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=50), nullable=False),
        sa.Column("destination", sa.String(length=50), nullable=False),
        sa.Column("departs_at", WHEN, nullable=True),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("seats_taken", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("closed_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_listings")),
    )
    with op.batch_alter_table(t, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_listings_poster_id"), ["poster_id"])
        batch_op.create_index(
            "ix_share_listings_browse", ["complex_id", "kind", "status", "created_at"]
        )

    t = "share_ride_requests"
    op.create_table(
        t,
        _id(),
        _fk(t, "listing_id", "share_listings", nullable=False),
        _fk(t, "complex_id", "complexes", nullable=False),
        _fk(t, "passenger_id", "residents", nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("decided_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_ride_requests")),
    )
    with op.batch_alter_table(t, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_ride_requests_listing_id"), ["listing_id"])
        batch_op.create_index(batch_op.f("ix_share_ride_requests_passenger_id"), ["passenger_id"])

    t = "share_chats"
    op.create_table(
        t,
        _id(),
        _fk(t, "listing_id", "share_listings", nullable=False),
        _fk(t, "complex_id", "complexes", nullable=False),
        _fk(t, "opener_id", "residents", nullable=False),
        _fk(t, "owner_id", "residents", nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("ended_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_chats")),
    )
    with op.batch_alter_table(t, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_chats_listing_id"), ["listing_id"])

    t = "share_blocks"
    op.create_table(
        t,
        _fk(t, "blocker_id", "residents", nullable=False),
        _fk(t, "blocked_id", "residents", nullable=False),
        _fk(t, "complex_id", "complexes", nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("blocker_id", "blocked_id", name=op.f("pk_share_blocks")),
    )

    t = "share_thanks"
    op.create_table(
        t,
        _fk(t, "listing_id", "share_listings", nullable=False),
        _fk(t, "from_id", "residents", nullable=False),
        _fk(t, "to_id", "residents", nullable=False),
        _fk(t, "complex_id", "complexes", nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("listing_id", "from_id", "to_id", name=op.f("pk_share_thanks")),
    )
    with op.batch_alter_table(t, schema=None) as batch_op:
        batch_op.create_index("ix_share_thanks_to", ["to_id", "at"])

    t = "share_reports"
    op.create_table(
        t,
        _id(),
        _fk(t, "complex_id", "complexes", nullable=False),
        _fk(t, "listing_id", "share_listings", nullable=False),
        _fk(t, "reporter_id", "residents", nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("handled_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_reports")),
    )
    with op.batch_alter_table(t, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_reports_complex_id"), ["complex_id"])

    t = "share_standings"
    op.create_table(
        t,
        _fk(t, "resident_id", "residents", nullable=False),
        _fk(t, "complex_id", "complexes", nullable=False),
        sa.Column("verified_at", WHEN, nullable=True),
        _fk(t, "verified_by", "residents", nullable=True),
        sa.Column("suspended_at", WHEN, nullable=True),
        sa.Column("suspended_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("resident_id", name=op.f("pk_share_standings")),
    )


def downgrade() -> None:
    op.drop_table("share_standings")
    with op.batch_alter_table("share_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_reports_complex_id"))
    op.drop_table("share_reports")
    with op.batch_alter_table("share_thanks", schema=None) as batch_op:
        batch_op.drop_index("ix_share_thanks_to")
    op.drop_table("share_thanks")
    op.drop_table("share_blocks")
    with op.batch_alter_table("share_chats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_chats_listing_id"))
    op.drop_table("share_chats")
    with op.batch_alter_table("share_ride_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_ride_requests_passenger_id"))
        batch_op.drop_index(batch_op.f("ix_share_ride_requests_listing_id"))
    op.drop_table("share_ride_requests")
    with op.batch_alter_table("share_listings", schema=None) as batch_op:
        batch_op.drop_index("ix_share_listings_browse")
        batch_op.drop_index(batch_op.f("ix_share_listings_poster_id"))
    op.drop_table("share_listings")
