"""desk login: one-time desk login codes (keyed hash, 5 minutes, single use) and operators' names

Revision ID: 0018_desk_login
Revises: 0017_proxy_actions
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

import storage.types

revision = "0018_desk_login"
down_revision = "0017_proxy_actions"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "desk_login_codes",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=True),
        sa.Column("expires_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("used_at", storage.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_desk_login_codes_resident_id_residents")
        ),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_desk_login_codes_complex_id_complexes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_login_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_desk_login_codes_code_hash")),
    )
    with op.batch_alter_table("desk_login_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_desk_login_codes_resident_id"), ["resident_id"], unique=False
        )
    op.create_table(
        "operators",
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_operators_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("resident_id", name=op.f("pk_operators")),
    )


def downgrade() -> None:
    op.drop_table("operators")
    with op.batch_alter_table("desk_login_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_login_codes_resident_id"))
    op.drop_table("desk_login_codes")
