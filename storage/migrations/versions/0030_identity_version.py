"""The identity version: a number on each resident that every change to what the engine caches
of them (their account, their row, their live roles, their household, their complex) bumps, by
triggers, so a process holding a copy can tell it is stale from one column (issue 17).

Revision ID: 0030_identity_version
Revises: 0029_exhibition_items
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = "0030_identity_version"
down_revision = "0029_exhibition_items"
branch_labels = None
depends_on = None

BUMP = "UPDATE residents SET identity_version = identity_version + 1"

SQLITE = [
    # (the residents' own trigger skips the bumps below: they change the version already)
    "CREATE TRIGGER tr_identity_residents AFTER UPDATE ON residents"
    " WHEN NEW.identity_version = OLD.identity_version"
    f" BEGIN {BUMP} WHERE id = NEW.id; END",
    "CREATE TRIGGER tr_identity_accounts_update AFTER UPDATE ON channel_accounts"
    f" BEGIN {BUMP} WHERE id IN (OLD.resident_id, NEW.resident_id); END",
    "CREATE TRIGGER tr_identity_accounts_delete AFTER DELETE ON channel_accounts"
    f" BEGIN {BUMP} WHERE id = OLD.resident_id; END",
    "CREATE TRIGGER tr_identity_roles_insert AFTER INSERT ON role_grants"
    f" BEGIN {BUMP} WHERE id = NEW.resident_id; END",
    "CREATE TRIGGER tr_identity_roles_update AFTER UPDATE ON role_grants"
    f" BEGIN {BUMP} WHERE id IN (OLD.resident_id, NEW.resident_id); END",
    "CREATE TRIGGER tr_identity_roles_delete AFTER DELETE ON role_grants"
    f" BEGIN {BUMP} WHERE id = OLD.resident_id; END",
    "CREATE TRIGGER tr_identity_households AFTER UPDATE ON households"
    f" BEGIN {BUMP} WHERE household_id = NEW.id; END",
    "CREATE TRIGGER tr_identity_complexes AFTER UPDATE ON complexes"
    f" BEGIN {BUMP} WHERE complex_id = NEW.id; END",
]
SQLITE_TRIGGERS = [s.split()[2] for s in SQLITE]

POSTGRES = [
    "CREATE FUNCTION identity_resident_bump() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN NEW.identity_version := OLD.identity_version + 1; RETURN NEW; END $$",
    "CREATE FUNCTION identity_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    f" IF TG_TABLE_NAME = 'households' THEN {BUMP} WHERE household_id = NEW.id;"
    f" ELSIF TG_TABLE_NAME = 'complexes' THEN {BUMP} WHERE complex_id = NEW.id;"
    " ELSE"
    f"  IF TG_OP <> 'INSERT' THEN {BUMP} WHERE id = OLD.resident_id; END IF;"
    "   IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.resident_id <> OLD.resident_id)"
    f"  THEN {BUMP} WHERE id = NEW.resident_id; END IF;"
    " END IF; RETURN NULL; END $$",
    "CREATE TRIGGER tr_identity_residents BEFORE UPDATE ON residents FOR EACH ROW"
    " WHEN (NEW.identity_version = OLD.identity_version)"
    " EXECUTE FUNCTION identity_resident_bump()",
    "CREATE TRIGGER tr_identity_accounts AFTER UPDATE OR DELETE ON channel_accounts"
    " FOR EACH ROW EXECUTE FUNCTION identity_bump()",
    "CREATE TRIGGER tr_identity_roles AFTER INSERT OR UPDATE OR DELETE ON role_grants"
    " FOR EACH ROW EXECUTE FUNCTION identity_bump()",
    "CREATE TRIGGER tr_identity_households AFTER UPDATE ON households"
    " FOR EACH ROW EXECUTE FUNCTION identity_bump()",
    "CREATE TRIGGER tr_identity_complexes AFTER UPDATE ON complexes"
    " FOR EACH ROW EXECUTE FUNCTION identity_bump()",
]
POSTGRES_TRIGGERS = {
    "tr_identity_residents": "residents",
    "tr_identity_accounts": "channel_accounts",
    "tr_identity_roles": "role_grants",
    "tr_identity_households": "households",
    "tr_identity_complexes": "complexes",
}


def upgrade() -> None:
    op.add_column(
        "residents",
        sa.Column("identity_version", sa.Integer(), nullable=False, server_default="0"),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE if sqlite else POSTGRES:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for name, table in POSTGRES_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS identity_bump()")
        op.execute("DROP FUNCTION IF EXISTS identity_resident_bump()")
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_column("identity_version")
