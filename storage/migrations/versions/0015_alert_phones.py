"""알림톡 numbers: a mobile number a resident gave with consent (resident, digits, time of
consent; nothing else)

Revision ID: 0015_alert_phones
Revises: 0014
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

import storage.types

revision = "0015_alert_phones"
down_revision = "0014"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "alert_phones",
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("consented_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_alert_phones_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("resident_id", name=op.f("pk_alert_phones")),
    )


def downgrade() -> None:
    op.drop_table("alert_phones")
