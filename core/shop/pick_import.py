"""Outside picks imported from a file (`python -m bot picks import`): one complex, or all.

Rules (`import_picks`):
- each row is checked like one pick entered by hand (core.shop.picks.check_pick); a row that
  breaks a rule is reported with its line and the rule's code, and skipped; so is a row whose
  link came earlier in the file (the earlier line is named);
- the other rows are imported: a link new to the complex adds a pick, a known one updates it,
  an unchanged one is left alone, so importing the same file twice changes nothing the second
  time;
- one complex by code (`complex.not_found` when unknown), or every complex when `code` is None
  — the whole list at once is for the operator's command line only (`actor` None);
- who else may import: an operator or a coordinator of that complex (`forbidden` otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.clock import Clock
from core.errors import DomainError, Forbidden, NotFound
from core.identity.model import Complex, Membership
from core.ids import saved
from core.shop.picks import PickFields, check_pick, require_curator, save_pick

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class PickRow:
    """One row as read from the file: `line` is its 1-based line (or item) number."""

    line: int
    title: str
    price: object
    link_url: str
    image_url: str = ""
    source: str = ""


@dataclass(frozen=True)
class RowProblem:
    line: int
    code: str  # a pick.* rule, or pick.duplicate (params: first)
    title: str  # the row's title as written, for the report
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ComplexCounts:
    complex: Complex
    created: int = 0
    updated: int = 0
    same: int = 0


@dataclass
class PickImport:
    rows: int
    problems: list[RowProblem]
    counts: list[ComplexCounts]


def check_rows(rows: list[PickRow]) -> tuple[list[PickFields], list[RowProblem]]:
    """The good rows' fields (file order) and the problems of the others."""
    good: list[PickFields] = []
    problems: list[RowProblem] = []
    first: dict[str, int] = {}
    for row in rows:
        title = row.title.strip()[:40]
        try:
            fields = check_pick(row.title, row.price, row.link_url, row.image_url, row.source)
        except DomainError as exc:
            problems.append(RowProblem(row.line, exc.code, title, dict(exc.params)))
            continue
        if fields.link_url in first:
            problems.append(
                RowProblem(row.line, "pick.duplicate", title, {"first": first[fields.link_url]})
            )
            continue
        first[fields.link_url] = row.line
        good.append(fields)
    return good, problems


async def _targets(uow: UnitOfWork, actor: Membership | None, code: str | None) -> list[Complex]:
    if code is None:
        if actor is not None:
            raise Forbidden()
        return await uow.complexes.all()
    complex_ = await uow.complexes.by_code(code.strip().upper())
    if complex_ is None:
        raise NotFound("complex.not_found", code=code)
    require_curator(actor, saved(complex_.id))
    return [complex_]


async def import_picks(
    uow: UnitOfWork,
    clock: Clock,
    actor: Membership | None,
    code: str | None,
    rows: list[PickRow],
) -> PickImport:
    complexes = await _targets(uow, actor, code)
    good, problems = check_rows(rows)
    counts = []
    for complex_ in complexes:
        tally = ComplexCounts(complex_)
        for fields in good:
            outcome = await save_pick(uow, clock, saved(complex_.id), fields)
            setattr(tally, outcome, getattr(tally, outcome) + 1)
        counts.append(tally)
    return PickImport(len(rows), problems, counts)
