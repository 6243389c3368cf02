"""우리단지: notices (with target 동 and reads), votes and household ballots

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = "0009"
down_revision = "0008"
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
        "notices",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("author_id", ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("send_at", WHEN, nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("buildings", storage.types.JSONText(), nullable=False),
        sa.Column("photo", sa.String(length=80), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("started_at", WHEN, nullable=True),
        sa.Column("sent_at", WHEN, nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        _fk("notices", "author_id", "residents"),
        _fk("notices", "complex_id", "complexes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index(
        "ix_notices_list", "notices", ["complex_id", "status", "pinned", "send_at"], unique=False
    )
    op.create_table(
        "notice_buildings",
        sa.Column("notice_id", ID, nullable=False),
        sa.Column("building", sa.String(length=10), nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        _fk("notice_buildings", "complex_id", "complexes"),
        _fk("notice_buildings", "notice_id", "notices"),
        sa.PrimaryKeyConstraint("notice_id", "building", name=op.f("pk_notice_buildings")),
    )
    op.create_table(
        "notice_reads",
        sa.Column("notice_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        _fk("notice_reads", "complex_id", "complexes"),
        _fk("notice_reads", "notice_id", "notices"),
        _fk("notice_reads", "resident_id", "residents"),
        sa.PrimaryKeyConstraint("notice_id", "resident_id", name=op.f("pk_notice_reads")),
    )
    op.create_table(
        "votes",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("author_id", ID, nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("options", storage.types.JSONText(), nullable=False),
        sa.Column("opens_at", WHEN, nullable=False),
        sa.Column("closes_at", WHEN, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("buildings", storage.types.JSONText(), nullable=False),
        sa.Column("secret", sa.Boolean(), nullable=False),
        sa.Column("quorum", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("eligible", sa.Integer(), nullable=False),
        sa.Column("results", storage.types.JSONText(), nullable=True),
        sa.Column("turnout", sa.Integer(), nullable=False),
        _fk("votes", "author_id", "residents"),
        _fk("votes", "complex_id", "complexes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_votes")),
    )
    op.create_index("ix_votes_list", "votes", ["complex_id", "status", "closes_at"], unique=False)
    op.create_table(
        "vote_ballots",
        sa.Column("vote_id", ID, nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("option", sa.Integer(), nullable=False),
        sa.Column("cast_at", WHEN, nullable=False),
        sa.Column("resident_id", ID, nullable=True),
        sa.Column("proxy_by", ID, nullable=True),
        sa.Column("changes", sa.Integer(), nullable=False),
        _fk("vote_ballots", "complex_id", "complexes"),
        _fk("vote_ballots", "household_id", "households"),
        _fk("vote_ballots", "proxy_by", "residents"),
        _fk("vote_ballots", "resident_id", "residents"),
        _fk("vote_ballots", "vote_id", "votes"),
        sa.PrimaryKeyConstraint("vote_id", "household_id", name=op.f("pk_vote_ballots")),
    )


def downgrade() -> None:
    op.drop_table("vote_ballots")
    op.drop_index("ix_votes_list", table_name="votes")
    op.drop_table("votes")
    op.drop_table("notice_reads")
    op.drop_table("notice_buildings")
    op.drop_index("ix_notices_list", table_name="notices")
    op.drop_table("notices")
