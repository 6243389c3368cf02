"""common points proposals decided by a household vote

Revision ID: 0025_common_proposals
Revises: 0024_shop_complexes
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0025_common_proposals"
down_revision = "0024_shop_complexes"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "common_proposals",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("coordinator_id", ID, nullable=False),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("vote_id", ID, nullable=False),
        sa.Column("photo", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("settled_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_common_proposals_complex_id_complexes")
        ),
        sa.ForeignKeyConstraint(
            ["coordinator_id"],
            ["residents.id"],
            name=op.f("fk_common_proposals_coordinator_id_residents"),
        ),
        sa.ForeignKeyConstraint(
            ["vote_id"], ["votes.id"], name=op.f("fk_common_proposals_vote_id_votes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_proposals")),
        sa.UniqueConstraint("vote_id", name=op.f("uq_common_proposals_vote_id")),
    )
    with op.batch_alter_table("common_proposals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_common_proposals_complex_id"), ["complex_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("common_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_proposals_complex_id"))
    op.drop_table("common_proposals")
