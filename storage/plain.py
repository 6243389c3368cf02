"""Mapped objects from plain rows: hot reads without the ORM's query machinery.

The engine reads its identity objects, and a few hot repositories their rows, in plain SQL on
the unit of work's driver (storage.drivers). Building the domain object through its dataclass
constructor fires an instrumented attribute event per field (a fifth of the identity step's
cost, issue 17); here the object is made the way the ORM's own loader makes it: an empty
instance whose attribute dict is filled at once. Values go through the columns' own result
conversions for the dialect (UTC datetimes, booleans, JSON text), so the object equals what a
session would have loaded. Such an object is transient until the unit of work holds it
(`LeanUnitOfWork.hold`), which then treats it as loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import class_mapper

Convert = Callable[[Any], Any] | None


@lru_cache(maxsize=64)
def _shape(model: type) -> tuple[Any, dict[str, Callable[[], Any]]]:
    """The model's class manager, and the defaults of its fields that no column holds."""
    mapper: Any = class_mapper(model)
    mapped = {p.key for p in mapper.column_attrs}
    defaults: dict[str, Callable[[], Any]] = {}
    for f in dataclasses.fields(model):
        if f.name in mapped:
            continue
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = _constant(f.default)
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f.name] = f.default_factory
    return mapper.class_manager, defaults


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def loaded(model: type, values: dict[str, Any]) -> Any:
    """A transient `model` holding `values` (every mapped column; converted already), made
    as the ORM's loader makes one: no constructor, no attribute events."""
    manager, defaults = _shape(model)
    item = manager.new_instance()
    item.__dict__.update(values)
    for name, default in defaults.items():
        item.__dict__[name] = default()
    return item


@lru_cache(maxsize=128)
def converters(table: Table, dialect: Dialect) -> tuple[tuple[str, ...], tuple[Convert, ...]]:
    """The table's column names (the "SELECT" list, in order) and each column's result
    conversion on `dialect` (None: the driver's value as it is)."""
    names, funcs = [], []
    for column in table.columns:
        names.append(column.key)
        funcs.append(column.type._cached_result_processor(dialect, None))
    return tuple(names), tuple(funcs)


def select_list(table: Table, alias: str) -> str:
    """`alias.col1, alias.col2, …` in the order `converters` reads them."""
    return ", ".join(f"{alias}.{c.name}" for c in table.columns)


def built(model: type, table: Table, dialect: Dialect, row: tuple) -> Any:
    """One object from a row read with `select_list(table, …)`."""
    names, funcs = converters(table, dialect)
    return loaded(
        model,
        {
            name: value if func is None or value is None else func(value)
            for name, func, value in zip(names, funcs, row, strict=True)
        },
    )


class Plain:
    """Plain statements on the unit of work's driver while no ORM session is open; the
    objects built from them are held by the unit of work as if the ORM had loaded them."""

    def __init__(self, driver: Any, dialect: Dialect, hold: Callable[[list[Any]], None]) -> None:
        self.driver = driver  # storage.drivers.Driver
        self._dialect = dialect
        self._hold = hold

    def objects(self, model: type, table: Table, rows: list[tuple]) -> list[Any]:
        items = [built(model, table, self._dialect, row) for row in rows]
        self._hold(items)
        return items


async def plain_of(session: Any) -> Plain | None:
    """The engine's unit of work offers `Plain` while it has no session open; None from an
    ordinary session (the repository then asks the ORM, as before)."""
    plain = getattr(session, "plain", None)
    return None if plain is None else await plain()
