"""Invite codes: random, readable, and stored only as a keyed hash.

Rules:
- 10 characters from an alphabet without 0/O/1/I (5 bits each, 50 bits in all), shown as
  two groups of five ("K7XMP-4QRTW"); typing is forgiving: case, spaces and hyphens are ignored.
- Only HMAC-SHA256(server key, code) is stored, so a leaked table reveals no usable code.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code: str) -> str:
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalize_code(raw: str) -> str | None:
    """The code as stored, or None when the text cannot be a code at all."""
    cleaned = "".join(ch for ch in raw.upper() if ch not in " -_.\t\n")
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def hash_code(key: bytes, code: str) -> str:
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()
