"""A 세대 spreadsheet as rows for core's import (core.identity.households).

`read_rows(data, filename)` takes the file's bytes (the command line reads a path; the desk
passes an upload) and gives `ImportRow`s with the file's line numbers:

- XLSX (by its name or its zip signature) through openpyxl in read-only mode: the first sheet;
  numbers typed as numbers (101, 1203.0) read as "101", "1203".
- Anything else is CSV: UTF-8 with or without a BOM, else CP949 (what Korean spreadsheets
  export); comma, semicolon or tab separated (sniffed).
- Columns: 동, 호 and optionally 세대명. A first row naming the columns (동/호/세대명,
  building/unit/name, 세대) is a header and skipped; blank rows are skipped.
A file that is neither is `TableError("household.file_unreadable")`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

from core.errors import DomainError
from core.identity.households import ImportRow

HEADER_WORDS = {"동", "호", "세대명", "세대", "이름", "building", "unit", "name", "동호수", "호수"}


class TableError(DomainError):
    """The file cannot be read as a 세대 table."""


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else CP949."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        raise TableError("household.file_unreadable") from None


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_header(cells: list[str]) -> bool:
    words = {c.strip().lower() for c in cells if c.strip()}
    return bool(words) and words <= HEADER_WORDS


def _csv_cells(text: str) -> Iterator[list[str]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(text, newline=""), dialect)


def _xlsx_cells(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise TableError("household.file_unreadable") from None
    try:
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [cell(v) for v in values]
    finally:
        book.close()


def read_rows(data: bytes, filename: str = "") -> list[ImportRow]:
    """The file's household rows, with their line numbers (see the module's rules)."""
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04"
    cells = _xlsx_cells(data) if is_xlsx else _csv_cells(decode(data))
    rows: list[ImportRow] = []
    first = True
    for line, values in enumerate(cells, start=1):
        values = [cell(v) for v in values]
        if not any(values):
            continue
        if first and is_header(values):
            first = False
            continue
        first = False
        padded = [*values, "", "", ""]
        rows.append(ImportRow(line, padded[0], padded[1], padded[2]))
    return rows
