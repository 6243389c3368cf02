"""points ledger: accounts, transfers, entries, rent settlements, common spends

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "points_accounts",
        sa.Column("id", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=True),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "kind = 'system' OR balance >= 0", name=op.f("ck_points_accounts_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_points_accounts_complex_id_complexes")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_points_accounts_resident_id_residents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_accounts")),
    )
    with op.batch_alter_table("points_accounts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_points_accounts_holders", ["complex_id", "kind", "balance"], unique=False
        )

    op.create_table(
        "points_transfers",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("memo", sa.String(length=100), nullable=False),
        sa.Column("amounts_hash", sa.String(length=64), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_points_transfers_complex_id_complexes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_transfers")),
    )

    op.create_table(
        "points_entries",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("transfer_id", sa.String(length=120), nullable=False),
        sa.Column("account_id", sa.String(length=60), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.CheckConstraint("amount <> 0", name=op.f("ck_points_entries_nonzero")),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["points_accounts.id"],
            name=op.f("fk_points_entries_account_id_points_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_points_entries_complex_id_complexes")
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["points_transfers.id"],
            name=op.f("fk_points_entries_transfer_id_points_transfers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_entries")),
    )
    with op.batch_alter_table("points_entries", schema=None) as batch_op:
        batch_op.create_index("ix_points_entries_account", ["account_id", "at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_points_entries_transfer_id"), ["transfer_id"], unique=False
        )

    op.create_table(
        "rent_settlements",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("transfer_id", sa.String(length=120), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_rent_settlements_complex_id_complexes")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_rent_settlements_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_rent_settlements_resident_id_residents"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["points_transfers.id"],
            name=op.f("fk_rent_settlements_transfer_id_points_transfers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rent_settlements")),
        sa.UniqueConstraint("transfer_id", name=op.f("uq_rent_settlements_transfer_id")),
    )
    with op.batch_alter_table("rent_settlements", schema=None) as batch_op:
        batch_op.create_index("ix_rent_settlements_month", ["month", "complex_id"], unique=False)
        batch_op.create_index(
            "ix_rent_settlements_resident", ["resident_id", "month"], unique=False
        )

    op.create_table(
        "common_spends",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("coordinator_id", ID, nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=True),
        sa.Column("transfer_id", sa.String(length=120), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_common_spends_complex_id_complexes")
        ),
        sa.ForeignKeyConstraint(
            ["coordinator_id"],
            ["residents.id"],
            name=op.f("fk_common_spends_coordinator_id_residents"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["points_transfers.id"],
            name=op.f("fk_common_spends_transfer_id_points_transfers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_spends")),
        sa.UniqueConstraint("transfer_id", name=op.f("uq_common_spends_transfer_id")),
    )
    with op.batch_alter_table("common_spends", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_common_spends_complex_id"), ["complex_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("common_spends", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_spends_complex_id"))
    op.drop_table("common_spends")
    with op.batch_alter_table("rent_settlements", schema=None) as batch_op:
        batch_op.drop_index("ix_rent_settlements_resident")
        batch_op.drop_index("ix_rent_settlements_month")
    op.drop_table("rent_settlements")
    with op.batch_alter_table("points_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_entries_transfer_id"))
        batch_op.drop_index("ix_points_entries_account")
    op.drop_table("points_entries")
    op.drop_table("points_transfers")
    with op.batch_alter_table("points_accounts", schema=None) as batch_op:
        batch_op.drop_index("ix_points_accounts_holders")
    op.drop_table("points_accounts")
