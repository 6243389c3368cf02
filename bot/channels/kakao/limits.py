"""The hard limits of a KakaoTalk SkillResponse 2.0, and a strict validator for them.

`validate_skill_response` returns human-readable violations (an empty list when the response is
valid). It checks every limit and required field documented in
shared/reference/kakao-skill-protocol.md §2–3, so that tests can run it on every answer of every
dialog. Lengths are counted in code points (a Korean syllable counts 1), which is at least as
strict as Kakao's own count (without spaces). `encode_response` is the one serialisation the
size limit is measured on: the adapter must send exactly these bytes.
"""

from __future__ import annotations

import json
from typing import Any

from bot.channels.kakao.caps import MAX_OUTPUTS, MAX_QUICK_REPLIES, RESPONSE_BYTES_MAX, VERSION
from bot.channels.kakao.checks import ComponentChecker, is_int

_TOP_KEYS = frozenset({"version", "template", "context", "data", "useCallback"})
_TEMPLATE_KEYS = frozenset({"outputs", "quickReplies"})


def encode_response(resp: dict[str, Any]) -> bytes:
    """The wire form of a SkillResponse: compact UTF-8 JSON (Korean is 3 bytes, not 6); a
    stray lone surrogate becomes "?" rather than failing the whole answer."""
    return json.dumps(resp, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")


def validate_skill_response(resp: object) -> list[str]:
    """Every way `resp` breaks the SkillResponse 2.0 format or its limits; [] when valid."""
    if not isinstance(resp, dict):
        return ["response: not a JSON object"]
    check = ComponentChecker()
    for key in sorted(resp.keys() - _TOP_KEYS, key=str):
        check.add(str(key), "unknown top-level key")
    if resp.get("version") != VERSION:
        check.add("version", f'must be "{VERSION}", got {resp.get("version")!r}')
    use_callback = resp.get("useCallback", False)
    if not isinstance(use_callback, bool):
        check.add("useCallback", "must be a boolean")
    if "template" in resp:
        _check_template(check, resp["template"])
    elif use_callback is not True:
        check.add("template", "missing (required unless useCallback is true)")
    if "context" in resp:
        _check_context(check, resp["context"])
    if "data" in resp and not isinstance(resp["data"], dict):
        check.add("data", "must be an object")
    _check_size(check, resp)
    return check.errors


def _check_template(check: ComponentChecker, template: object) -> None:
    if not isinstance(template, dict):
        check.add("template", "must be an object")
        return
    for key in sorted(template.keys() - _TEMPLATE_KEYS, key=str):
        check.add(f"template.{key}", "unknown key")
    outputs = template.get("outputs")
    if not isinstance(outputs, list):
        check.add("template.outputs", "missing or not a list")
    else:
        if not 1 <= len(outputs) <= MAX_OUTPUTS:
            check.add("template.outputs", f"{len(outputs)} outputs, must be 1 to {MAX_OUTPUTS}")
        for i, output in enumerate(outputs):
            check.output(output, f"template.outputs[{i}]")
    replies = template.get("quickReplies")
    if replies is None:
        return
    if not isinstance(replies, list):
        check.add("template.quickReplies", "must be a list")
        return
    if len(replies) > MAX_QUICK_REPLIES:
        check.add("template.quickReplies", f"{len(replies)} quick replies > {MAX_QUICK_REPLIES}")
    for i, reply in enumerate(replies):
        check.quick_reply(reply, f"template.quickReplies[{i}]")


def _check_context(check: ComponentChecker, context: object) -> None:
    values = context.get("values") if isinstance(context, dict) else None
    if not isinstance(values, list):
        check.add("context.values", "missing or not a list")
        return
    for i, value in enumerate(values):
        path = f"context.values[{i}]"
        if not isinstance(value, dict):
            check.add(path, "must be an object")
            continue
        check.text(value, "name", path, required=True)
        life = value.get("lifeSpan")
        if not is_int(life) or life < 0:
            check.add(f"{path}.lifeSpan", "required non-negative integer")
        if "ttl" in value and not is_int(value["ttl"]):
            check.add(f"{path}.ttl", "must be an integer")
        params = value.get("params")
        if params is not None and not (
            isinstance(params, dict) and all(isinstance(v, str) for v in params.values())
        ):
            check.add(f"{path}.params", "must map names to strings")


def _check_size(check: ComponentChecker, resp: dict[str, Any]) -> None:
    try:
        size = len(encode_response(resp))
    except (TypeError, ValueError) as exc:
        check.add("response", f"not JSON-serialisable ({exc})")
        return
    if size > RESPONSE_BYTES_MAX:
        check.add("response", f"{size} bytes > {RESPONSE_BYTES_MAX}")
