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


# --- features as packages ------------------------------------------------------------------
# A feature lives in bot/handlers/<f>/ and bot/dialogs/<f>/. Handlers and dialogs read and
# write only through core (no `ctx.uow.` access: core's use cases and `reading.py` functions
# take the unit of work and check role and scope). Dialogs never import handler modules, only
# a feature's leaf modules (typed actions, wording, rendering). Nothing is imported inside a
# function to dodge an import cycle, and no module adds to another module's registry when it
# is imported (menus and kinds are declared in each feature's `register(app)`).

LEAVES = {"actions", "words", "render", "errors"}
FEATURES = sorted(
    p.name for p in (ROOT / "bot" / "handlers").iterdir() if (p / "__init__.py").exists()
)


def feature_files(feature: str) -> list[Path]:
    return sorted(
        path
        for folder in ("bot/handlers", "bot/dialogs")
        for path in (ROOT / folder / feature).rglob("*.py")
    )


def test_the_features_are_packages():
    assert {"defects", "share", "shop", "points", "notices", "votes"} <= set(FEATURES)
    loose = sorted(
        p.name
        for folder in ("bot/handlers", "bot/dialogs")
        for p in (ROOT / folder).glob("*.py")
        if p.name not in ("__init__.py", "errors.py")
    )
    assert loose == []


@pytest.mark.parametrize("feature", FEATURES)
def test_handlers_and_dialogs_reach_the_database_only_through_core(feature):
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in feature_files(feature)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "ctx.uow." in line
    ]
    assert found == []


def handler_imports(path: Path) -> set[str]:
    imported = imports_of(path.read_text(encoding="utf-8"), module_name(path))
    return {name for name in imported if name.startswith("bot.handlers.")}


def non_leaf(names: set[str]) -> list[str]:
    """Handler modules other than leaves among imported names: in `bot.handlers.f.mod[.X]`
    `mod` must be a leaf (`bot.handlers.errors` counts as one: it is wording only)."""
    bad = []
    for name in sorted(names):
        parts = name.split(".")
        if len(parts) >= 3 and parts[2] in LEAVES:
            continue
        if len(parts) >= 4 and parts[3] not in LEAVES:
            bad.append(name)
    return bad


@pytest.mark.parametrize("feature", FEATURES)
def test_dialogs_import_only_the_leaf_modules_of_handlers(feature):
    bad = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "bot" / "dialogs" / feature).rglob("*.py"))
        for name in non_leaf(handler_imports(path))
    ]
    assert bad == []


def test_leaf_modules_import_no_handler_module():
    bad = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "bot" / "handlers").rglob("*.py"))
        if path.stem in LEAVES
        for name in non_leaf(handler_imports(path))
    ]
    assert bad == []


def local_imports(path: Path) -> list[str]:
    """Imports inside functions (TYPE_CHECKING blocks are module level, so they pass)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    return found


@pytest.mark.parametrize("feature", FEATURES)
def test_no_import_inside_a_function_in_handlers_and_dialogs(feature):
    assert [line for path in feature_files(feature) for line in local_imports(path)] == []


def registry_mutations(path: Path) -> list[str]:
    """Module-level statements that change a name imported from another module:
    `X += …`, `X[k] = …`, `X.append/extend/update/setdefault(…)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name.split(".")[0]
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }

    def root(node: ast.AST) -> str | None:
        while isinstance(node, ast.Attribute | ast.Subscript):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None

    found = []
    for node in tree.body:
        targets: list[ast.AST] = []
        if isinstance(node, ast.AugAssign):
            targets = [node.target]
        elif isinstance(node, ast.Assign):
            targets = [t for t in node.targets if isinstance(t, ast.Subscript | ast.Attribute)]
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and func.attr in (
                "append",
                "extend",
                "update",
                "setdefault",
                "register",
                "insert",
            ):
                targets = [func.value]
        for target in targets:
            if root(target) in imported:
                found.append(
                    f"{path.name}:{node.lineno}"
                    if ROOT not in path.parents
                    else f"{path.relative_to(ROOT)}:{node.lineno}"
                )
    return found


def test_no_module_changes_another_modules_registry_when_imported():
    found = [
        line
        for folder in ("bot", "core", "storage")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line in registry_mutations(path)
    ]
    assert found == []


def test_the_registry_check_sees_an_import_time_mutation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from bot.handlers.coordinator.menu import ENTRIES\nimport kinds\n"
        "ENTRIES += [1]\nkinds.REGISTRY['x'] = 1\nkinds.KINDS.append(2)\nLOCAL = []\n"
        "LOCAL.append(3)\n"
    )
    assert [line.split(":")[1] for line in registry_mutations(bad)] == ["3", "4", "5"]


@pytest.mark.parametrize("folder", ["bot/handlers", "bot/dialogs"])
def test_feature_packages_import_nothing_so_their_leaves_stand_alone(folder):
    """Importing `bot.handlers.f.actions` must not drag in the whole feature (that made
    cycles): a feature's `__init__.py` is a docstring; `feature.py` holds `register(app)`."""
    busy = [
        str(init.relative_to(ROOT))
        for init in sorted((ROOT / folder).glob("*/__init__.py"))
        if any(
            isinstance(node, ast.Import | ast.ImportFrom)
            for node in ast.walk(ast.parse(init.read_text(encoding="utf-8")))
        )
    ]
    assert busy == []


def test_every_feature_registers_itself_in_its_feature_module():
    from bot.app import FEATURES as REGISTERED

    names = {module.__name__ for module in REGISTERED}
    assert names == {f"bot.handlers.{f}.feature" for f in FEATURES}
    assert all(callable(getattr(module, "register", None)) for module in REGISTERED)


def test_dialogs_are_started_by_their_named_constant():
    literal = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "bot").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", None) == "start_dialog"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    assert literal == []


def test_tests_mirror_the_feature_packages():
    with_rules = sorted(p.parent.name for p in (ROOT / "core").glob("*/__init__.py"))
    assert with_rules and [f for f in with_rules if not (ROOT / "tests" / f).is_dir()] == []
