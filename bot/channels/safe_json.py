"""Decoding request bodies that anyone can send: a JSON body becomes plain data or a
`BadJson` (the route answers 400 with one log line), never a RecursionError, an integer of
thousands of digits or a string that cannot be stored.

- Nesting deeper than `MAX_DEPTH` is refused (the stdlib decoder's own RecursionError too).
- Integers over Python's 4,300-digit conversion limit are refused (ValueError in the decoder).
- Lone surrogates (`"\\ud800"`, valid JSON, not valid UTF-8) are replaced with U+FFFD, so a
  resident's text or name can be stored and shown; ids are checked by `clean_id`.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")  # how one gets into a UTF-8 body


class BadJson(ValueError):
    """The body is not usable JSON; `str(exc)` is a short reason safe to answer and log."""


def loads(body: bytes | str) -> Any:
    """The decoded body, with lone surrogates replaced; raises BadJson."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        data = json.loads(text)
    except RecursionError:
        raise BadJson("JSON nested too deeply") from None
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError, and the int digit limit
        raise BadJson("malformed JSON") from None
    if (
        isinstance(body, bytes)  # (decoded strictly: no lone surrogate but an escaped one)
        and text.count("{") + text.count("[") <= MAX_DEPTH
        and _ESCAPED_SURROGATE.search(text) is None
    ):
        return data  # nothing to scrub: no escaped surrogate, and never deeper than MAX_DEPTH
    return scrub(data)


def scrub(value: Any, depth: int = 0) -> Any:
    """`value` with every string free of lone surrogates; raises BadJson when too deep."""
    if depth > MAX_DEPTH:
        raise BadJson("JSON nested too deeply")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): scrub(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, depth + 1) for v in value]
    return value


def clean_text(text: str) -> str:
    """The text with lone surrogates replaced by U+FFFD (a fast path when there are none)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def clean_id(value: str) -> bool:
    """True when an id from a channel is printable and had no lone surrogate."""
    return value.isprintable() and "\ufffd" not in value
