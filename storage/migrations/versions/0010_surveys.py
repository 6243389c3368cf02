"""설문조사: surveys and one response per resident

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = "0010"
down_revision = "0009"
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
        "surveys",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("author_id", ID, nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("questions", storage.types.JSONText(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("closes_at", WHEN, nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        _fk("surveys", "author_id", "residents"),
        _fk("surveys", "complex_id", "complexes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
    )
    op.create_index(
        "ix_surveys_list", "surveys", ["complex_id", "status", "closes_at"], unique=False
    )
    op.create_table(
        "survey_responses",
        sa.Column("survey_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("answers", storage.types.JSONText(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("submitted_at", WHEN, nullable=True),
        sa.Column("changes", sa.Integer(), nullable=False),
        _fk("survey_responses", "complex_id", "complexes"),
        _fk("survey_responses", "resident_id", "residents"),
        _fk("survey_responses", "survey_id", "surveys"),
        sa.PrimaryKeyConstraint("survey_id", "resident_id", name=op.f("pk_survey_responses")),
    )


def downgrade() -> None:
    op.drop_table("survey_responses")
    op.drop_index("ix_surveys_list", table_name="surveys")
    op.drop_table("surveys")
