"""Households at scale: a complex's 세대 list imported from a spreadsheet in one go.

Rules (`import_households`):
- Who: the operator's command line (`actor` None), an operator, or a coordinator of that
  complex (the desk); anyone else is refused (`forbidden`). An unknown complex is
  `complex.not_found`.
- Each row is one household: 동 and 호 are 1–10 letters or digits, with "동"/"호" after the
  number allowed and dropped ("101동" is 101) — the same rule as one invite at a time
  (core.identity.admin). A 세대명 column may be present; it is read and not stored.
- A row is invalid when its 동 or 호 is empty or breaks that rule, or when the same 동/호
  came earlier in the file (the earlier line is named). Each problem keeps the file's line
  number and a code the caller words.
- A file with any invalid row changes nothing, unless `skip_invalid`: then the valid rows are
  imported and the invalid ones reported.
- Rows whose household exists already are reported as existing and left as they are; the
  others are created in bulk (one statement per slice, never one transaction per row).
  Importing the same file twice creates nothing the second time. Other complexes are never
  touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.errors import Forbidden, NotFound
from core.identity.admin import BUILDING, UNIT
from core.identity.model import Complex, Membership, Role
from core.ids import saved

if TYPE_CHECKING:
    from collections.abc import Iterable

    from core.ports import UnitOfWork


@dataclass(frozen=True)
class ImportRow:
    """One row as read from the file: `line` is the file's 1-based line (row) number."""

    line: int
    building: str
    unit: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Home:
    """A stored household as the bulk use cases handle it (light: 26,000 at once)."""

    id: int
    building: str
    unit: str


@dataclass(frozen=True)
class RowProblem:
    line: int
    code: str  # household.empty_building | bad_building | empty_unit | bad_unit | duplicate_row
    text: str  # the row as written (동 호), for the report
    first_line: int | None = None  # duplicate_row: where the same 동/호 came first


@dataclass
class ImportReport:
    complex: Complex
    created: int = 0
    existing: int = 0
    invalid: list[RowProblem] = field(default_factory=list)
    written: bool = False  # False: the file had errors and nothing was changed
    missing: int = 0  # households the file adds (created when written)
    rows: int = 0  # rows read


def may_manage(actor: Membership | None, complex_id: int) -> bool:
    """The operator's command line, an operator, or the complex's coordinator."""
    return actor is None or actor.has(Role.OPERATOR) or actor.has(Role.COORDINATOR, complex_id)


async def complex_for(uow: UnitOfWork, actor: Membership | None, complex_code: str) -> Complex:
    complex_ = await uow.complexes.by_code(complex_code.strip().upper())
    if complex_ is None:
        raise NotFound("complex.not_found", code=complex_code)
    if not may_manage(actor, saved(complex_.id)):
        raise Forbidden()
    return complex_


def clean_address(building: str, unit: str) -> tuple[str, str, str | None]:
    """(동, 호, problem code or None) as core stores them."""
    b = building.strip().removesuffix("동").strip()
    u = unit.strip().removesuffix("호").strip()
    if not b:
        return b, u, "household.empty_building"
    if not BUILDING.match(b):
        return b, u, "household.bad_building"
    if not u:
        return b, u, "household.empty_unit"
    if not UNIT.match(u):
        return b, u, "household.bad_unit"
    return b, u, None


async def import_households(
    uow: UnitOfWork,
    actor: Membership | None,
    complex_code: str,
    rows: Iterable[ImportRow],
    *,
    skip_invalid: bool = False,
) -> ImportReport:
    """Create the complex's missing households from `rows`; see the module's rules."""
    complex_ = await complex_for(uow, actor, complex_code)
    complex_id = saved(complex_.id)
    report = ImportReport(complex=complex_)
    seen: dict[tuple[str, str], int] = {}
    wanted: list[tuple[str, str]] = []
    for row in rows:
        report.rows += 1
        building, unit, problem = clean_address(row.building, row.unit)
        written = f"{row.building.strip()} {row.unit.strip()}".strip()
        if problem is None and (building, unit) in seen:
            problem = "household.duplicate_row"
        if problem is not None:
            first = seen.get((building, unit)) if problem == "household.duplicate_row" else None
            report.invalid.append(RowProblem(row.line, problem, written, first))
            continue
        seen[(building, unit)] = row.line
        wanted.append((building, unit))
    existing = await uow.roster.addresses(complex_id)
    missing = [pair for pair in wanted if pair not in existing]
    report.existing = len(wanted) - len(missing)
    report.missing = len(missing)
    if report.invalid and not skip_invalid:
        return report
    await uow.roster.add_households(complex_id, missing)
    report.created = len(missing)
    report.written = True
    return report
