"""도움 요청: help requests numbered per complex, their messages, coordinators' names

Revision ID: 0016_help_requests
Revises: 0015_alert_phones
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

from storage.types import JSONText, UTCDateTime

revision = "0016_help_requests"
down_revision = "0015_alert_phones"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "help_requests",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("complex_id", ID, sa.ForeignKey("complexes.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("requester_id", ID, sa.ForeignKey("residents.id"), nullable=False),
        sa.Column("household_id", ID, sa.ForeignKey("households.id"), nullable=True),
        sa.Column("building", sa.String(10), nullable=False),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("verified", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("origin", sa.String(80), nullable=False),
        sa.Column("recent", JSONText, nullable=False),
        sa.Column("owner_id", ID, sa.ForeignKey("residents.id"), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("taken_at", UTCDateTime, nullable=True),
        sa.Column("closed_at", UTCDateTime, nullable=True),
        sa.UniqueConstraint("complex_id", "number", name="uq_help_requests_complex_number"),
    )
    op.create_index("ix_help_requests_requester_id", "help_requests", ["requester_id"])
    op.create_index(
        "ix_help_requests_queue", "help_requests", ["complex_id", "status", "created_at"]
    )
    op.create_table(
        "help_messages",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("request_id", ID, sa.ForeignKey("help_requests.id"), nullable=False),
        sa.Column("complex_id", ID, sa.ForeignKey("complexes.id"), nullable=False),
        sa.Column("author_id", ID, sa.ForeignKey("residents.id"), nullable=False),
        sa.Column("side", sa.String(12), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("photos", JSONText, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_help_messages_request_id", "help_messages", ["request_id"])
    op.create_table(
        "help_agents",
        sa.Column("resident_id", ID, sa.ForeignKey("residents.id"), primary_key=True),
        sa.Column("complex_id", ID, sa.ForeignKey("complexes.id"), nullable=False),
        sa.Column("name", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("help_agents")
    op.drop_index("ix_help_messages_request_id", table_name="help_messages")
    op.drop_table("help_messages")
    op.drop_index("ix_help_requests_queue", table_name="help_requests")
    op.drop_index("ix_help_requests_requester_id", table_name="help_requests")
    op.drop_table("help_requests")
