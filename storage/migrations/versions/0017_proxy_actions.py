"""대신 하기: proxy_actions, the audit of what coordinators did for households

Revision ID: 0017_proxy_actions
Revises: 0016_help_requests
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = "0017_proxy_actions"
down_revision = "0016_help_requests"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = storage.types.UTCDateTime(timezone=True)


def _fk(column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_proxy_actions_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "proxy_actions",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("coordinator_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=True),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("request_no", sa.String(length=12), nullable=False),
        sa.Column("task", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=80), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        _fk("complex_id", "complexes"),
        _fk("household_id", "households"),
        _fk("coordinator_id", "residents"),
        _fk("resident_id", "residents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proxy_actions")),
    )
    op.create_index("ix_proxy_actions_household", "proxy_actions", ["household_id", "at"])
    op.create_index("ix_proxy_actions_complex", "proxy_actions", ["complex_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_proxy_actions_complex", table_name="proxy_actions")
    op.drop_index("ix_proxy_actions_household", table_name="proxy_actions")
    op.drop_table("proxy_actions")
