"""Every rule core can refuse with has a sentence: a code raised in `core/` (`raise
InvalidInput("shop.bad_price")`) is worded in bot/handlers/errors.py, so neither the chat nor the
command line ever falls back to "입력한 내용을 확인해 주세요." for a known rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bot.handlers.errors import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)*$")


def raised_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                first = node.exc.args[0]
                # A rule's code ("shop.bad_price"), not a programmer's message with spaces.
                if isinstance(first, ast.Constant) and CODE.match(str(first.value)):
                    codes.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return codes


def test_core_raises_coded_refusals():
    assert len(raised_codes()) > 100


def test_every_code_core_raises_has_wording():
    missing = {code: where for code, where in raised_codes().items() if code not in MESSAGES}
    assert missing == {}
