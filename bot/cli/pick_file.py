"""An outside-picks file as rows for core's import (core.shop.pick_import).

- JSON: a list of objects, or {"picks": [...]}; item n is "line" n.
- Anything else is CSV (UTF-8 with or without a BOM, else CP949; comma, semicolon or tab)
  with a header row naming the columns, in English or Korean:
  title/상품명, price/가격, link_url/link/url/링크, image_url/image/이미지, source/출처.
  Blank rows are skipped; line numbers are the file's.
A file that cannot be read this way is `PickFileError("pick.file_unreadable")`.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from bot.households.table import decode
from core.errors import DomainError
from core.shop.pick_import import PickRow

COLUMNS = {
    "title": "title",
    "상품명": "title",
    "제목": "title",
    "price": "price",
    "가격": "price",
    "link_url": "link_url",
    "link": "link_url",
    "url": "link_url",
    "링크": "link_url",
    "image_url": "image_url",
    "image": "image_url",
    "이미지": "image_url",
    "source": "source",
    "출처": "source",
    "쇼핑몰": "source",
}


class PickFileError(DomainError):
    """The file cannot be read as a list of picks."""


def _row(line: int, item: dict[str, Any]) -> PickRow:
    fields: dict[str, Any] = {}
    for key, value in item.items():
        name = COLUMNS.get(str(key).strip().lower())
        if name is not None and name not in fields:
            fields[name] = value
    text = {k: "" if v is None else str(v) for k, v in fields.items() if k != "price"}
    price = fields.get("price", "")
    return PickRow(
        line=line,
        title=text.get("title", ""),
        price="" if price is None else price,
        link_url=text.get("link_url", ""),
        image_url=text.get("image_url", ""),
        source=text.get("source", ""),
    )


def _json_rows(text: str) -> list[PickRow]:
    try:
        data = json.loads(text)
    except ValueError:
        raise PickFileError("pick.file_unreadable") from None
    if isinstance(data, dict):
        data = data.get("picks")
    if not isinstance(data, list):
        raise PickFileError("pick.file_unreadable")
    return [_row(n, item if isinstance(item, dict) else {}) for n, item in enumerate(data, 1)]


def _csv_rows(text: str) -> list[PickRow]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, [])
    names = [COLUMNS.get(h.strip().lower()) for h in header]
    if "title" not in names or "link_url" not in names:
        raise PickFileError("pick.file_unreadable")
    rows = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        item = {n: v for n, v in zip(names, cells, strict=False) if n is not None}
        rows.append(_row(reader.line_num, item))
    return rows


def read_picks(data: bytes, filename: str) -> list[PickRow]:
    try:
        text = decode(data)
    except DomainError:  # neither UTF-8 nor CP949
        raise PickFileError("pick.file_unreadable") from None
    if filename.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{"):
        return _json_rows(text)
    return _csv_rows(text)
