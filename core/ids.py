"""Entities get their id when stored: `id: int | None` until then. Code that handles a stored
entity says so with `saved(entity.id)` (an `int`), rather than assuming it silently."""

from __future__ import annotations


def saved(entity_id: int | None) -> int:
    """The id of an entity that was loaded from or added to a repository."""
    if entity_id is None:
        raise ValueError("the entity has not been stored yet")
    return entity_id
