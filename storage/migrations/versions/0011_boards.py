"""우리단지 게시판: board entries (생활편의, 일자리, 교육문화) and event sign-ups

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = storage.types.UTCDateTime(timezone=True)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "board_entries",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("author_id", ID, nullable=False),
        sa.Column("board", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("photo", sa.String(length=80), nullable=True),
        sa.Column("event_at", WHEN, nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("taken", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "taken >= 0 AND (capacity IS NULL OR taken <= capacity)",
            name=op.f("ck_board_entries_seats"),
        ),
        _fk("board_entries", "author_id", "residents"),
        _fk("board_entries", "complex_id", "complexes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_entries")),
    )
    op.create_index(
        "ix_board_entries_list",
        "board_entries",
        ["complex_id", "board", "expires_at"],
        unique=False,
    )
    op.create_table(
        "board_signups",
        sa.Column("entry_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        _fk("board_signups", "complex_id", "complexes"),
        _fk("board_signups", "entry_id", "board_entries"),
        _fk("board_signups", "resident_id", "residents"),
        sa.PrimaryKeyConstraint("entry_id", "resident_id", name=op.f("pk_board_signups")),
    )


def downgrade() -> None:
    op.drop_table("board_signups")
    op.drop_index("ix_board_entries_list", table_name="board_entries")
    op.drop_table("board_entries")
