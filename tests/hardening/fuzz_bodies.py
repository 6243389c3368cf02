"""Hypothesis strategies for hostile and clumsy request bodies (test_fuzz_parsers.py and
bench/fuzz_kakao.py): a real KakaoTalk or Telegram payload with one place replaced by an odd
value (deep nesting, an integer of thousands of digits, lone surrogates, wrong types), or a
body that is not JSON at all."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import strategies as st


class Huge:
    """An integer written with `digits` digits (Python refuses to print it as an int)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


class Deep:
    """Lists and objects nested `depth` times around 1 (written flat, without recursion)."""

    def __init__(self, depth: int) -> None:
        self.depth = depth


def dumps(value: Any) -> str:
    """JSON text; Huge becomes its digits, Deep its nesting; strings keep lone surrogates as
    \\udXXX escapes."""
    if isinstance(value, Huge):
        return "9" * value.digits
    if isinstance(value, Deep):
        opens = "".join("[" if n % 2 else '{"a":' for n in range(value.depth))
        closes = "".join("]" if n % 2 else "}" for n in reversed(range(value.depth)))
        return opens + "1" + closes
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value)


surrogates = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.sampled_from("가나다 abc/\n\t\\\"'"),
    ),
    max_size=12,
)
odd_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=4_200, max_value=6_000).map(Huge),
    surrogates,
    st.text(max_size=40),
    st.integers(min_value=30, max_value=3_000).map(Deep),
)
odd_value = st.recursive(
    odd_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


def _paths(value: Any, at: tuple = ()) -> list[tuple]:
    found = [at]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*at, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*at, index))
    return found


def _replace(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


garbage = st.one_of(
    st.binary(max_size=200),
    st.integers(min_value=1, max_value=60_000).map(lambda n: ("[" * n).encode()),
    st.integers(min_value=1, max_value=60_000).map(lambda n: ("[" * n + "]" * n).encode()),
    st.integers(min_value=4_200, max_value=9_000).map(lambda n: b'{"a":' + b"7" * n + b"}"),
    st.sampled_from([b"", b"null", b"[]", b"{}", b'"\\ud800"', b"\xff\xfe", b'{"a":1}}']),
)


@st.composite
def mutated(draw, base: dict) -> bytes:
    """The base payload with one place (or a few) replaced by an odd value, as bytes."""
    payload: Any = base
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(payload)))
        payload = _replace(payload, path, draw(odd_value))
    return dumps(payload).encode("utf-8", "surrogatepass")


def bodies(base: dict) -> st.SearchStrategy[bytes]:
    return st.one_of(mutated(base), garbage)


def sample(base: dict, rng: random.Random) -> bytes:
    """One odd body from a seeded generator (bench/fuzz_kakao.py's 20,000 requests, where
    Hypothesis' engine would be too slow): the same kinds of oddity as `bodies`."""
    kind = rng.randrange(6)
    if kind == 0:
        n = rng.randrange(1, 60_000)
        return ("[" * n).encode()
    if kind == 1:
        return b'{"a":' + b"7" * rng.randrange(4_200, 9_000) + b"}"
    paths = _paths(base)
    payload: Any = base
    for _ in range(rng.randrange(1, 4)):
        path = rng.choice(paths)
        payload = _replace(payload, path, _odd(rng))
        paths = _paths(payload)
    return dumps(payload).encode("utf-8", "surrogatepass")


def _odd(rng: random.Random) -> Any:
    kind = rng.randrange(8)
    if kind == 0:
        return Huge(rng.randrange(4_200, 6_000))
    if kind == 1:
        return "".join(rng.choice(["\ud800", "\udfff", "가", "a", "\\"]) for _ in range(6))
    if kind == 2:
        return Deep(rng.randrange(30, 3_000))
    if kind == 3:
        return rng.choice([None, True, 0, -1, 2**63, 1.5, [], {}])
    if kind == 4:
        return "".join(chr(rng.randrange(0x20, 0x10FFFF)) for _ in range(rng.randrange(0, 30)))
    if kind == 5:
        return {"id": _odd(rng), "type": "botUserKey"}
    if kind == 6:
        return [_odd(rng) for _ in range(rng.randrange(0, 3))]
    return "안녕 " * rng.randrange(0, 500)
