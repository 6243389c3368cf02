"""The dependency rule of the ports-and-adapters design, read from the source with `ast`:

- core/ (the domain) imports no adapter and no framework: not bot, storage, telegram, aiohttp,
  SQLAlchemy, APScheduler, Babel, aiogram, asyncpg, aiosqlite or httpx;
- storage/ never imports bot (the application depends on storage, not the reverse);
- handlers and dialogs (bot/handlers, bot/dialogs) reach the database only through core and
  the unit of work they are given: never sqlalchemy or storage directly.

Every import counts, including those under `if TYPE_CHECKING:` and inside functions.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CORE_FORBIDDEN = {
    "bot",
    "storage",
    "telegram",
    "aiohttp",
    "sqlalchemy",
    "apscheduler",
    "babel",
    "aiogram",
    "asyncpg",
    "aiosqlite",
    "httpx",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module `source` imports, as absolute dotted names (relative imports resolved)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def violations(folder: str, forbidden: set[str]) -> list[str]:
    bad = []
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, f"no Python files under {folder}/"
    for path in files:
        imported = imports_of(
            path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
        )
        for name in sorted(imported):
            if name.split(".")[0] in forbidden:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_core_imports_no_adapter_and_no_framework():
    assert violations("core", CORE_FORBIDDEN) == []


def test_storage_never_imports_the_application():
    assert violations("storage", {"bot"}) == []


@pytest.mark.parametrize("folder", ["bot/handlers", "bot/dialogs"])
def test_handlers_and_dialogs_never_touch_the_database_directly(folder):
    assert violations(folder, {"sqlalchemy", "storage"}) == []


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import sqlalchemy.orm", "core.x", "sqlalchemy.orm"),
        ("from sqlalchemy import select", "core.x", "sqlalchemy"),
        ("if TYPE_CHECKING:\n    from storage.uow import U", "core.x", "storage.uow"),
        ("def f():\n    import babel.dates", "core.x", "babel.dates"),
        ("from ..storage import uow", "bot.handlers.home", "bot.storage.uow"),
        ("from . import tables", "storage.db", "storage.tables"),
    ],
)
def test_the_checker_sees_every_kind_of_import(source, module, expected):
    assert expected in imports_of(source, module)


def test_the_checker_reports_a_forbidden_import(tmp_path, monkeypatch):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text("import httpx\nfrom core.clock import Clock\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert violations("core", CORE_FORBIDDEN) == ["core/bad.py imports httpx"]
