"""What a data-changing statement reports, typed: SQLAlchemy types `session.execute()` as a
plain `Result`, while INSERT/UPDATE/DELETE results are `CursorResult`s that carry these."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy.engine import CursorResult, Result


def changed(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE matched (conditional updates: 1 = it applied)."""
    return cast("CursorResult[Any]", result).rowcount


def new_id(result: Result[Any]) -> int:
    """The primary key an INSERT generated."""
    return int(cast("CursorResult[Any]", result).inserted_primary_key[0])
