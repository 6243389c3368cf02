"""Typed button actions and the router that maps each action type to its handler.

A feature module declares its actions as small frozen dataclasses next to its handlers:

    @dataclass(frozen=True)
    class OpenReport(Action, kind="defect.open"):
        report_id: int

and registers a handler with `router.on(OpenReport)`. The engine stores the action server-side
and gives the channel only an opaque token, so a person can never forge or alter it; handlers
still check scope in core (a token proves who was shown the button, not what is allowed now).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from bot.engine.context import Ctx
    from bot.screens import Screen


class Action:
    """Base of all button actions. `single_use` actions (접수, 참여, 투표, 수락) work once."""

    kind: ClassVar[str]
    single_use: ClassVar[bool] = False

    def __init_subclass__(cls, *, kind: str = "", single_use: bool = False, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if kind:
            cls.kind = kind
        cls.single_use = single_use

    def dump(self) -> dict[str, Any]:
        data: dict[str, Any] = {"k": self.kind}
        for name in (f.name for f in dataclasses.fields(self)):  # type: ignore[arg-type]
            value = getattr(self, name)
            if not isinstance(value, _PLAIN):  # nested dataclasses, lists: asdict's copies
                data = {"k": self.kind, **dataclasses.asdict(self)}  # type: ignore[call-overload]
                break
            data[name] = value
        if self.single_use:
            data["_once"] = True  # the engine gives it a fresh token that works once
        return data


_PLAIN = (str, int, float, bool, type(None))


A = TypeVar("A", bound=Action)
Handler = Callable[["Ctx", Any], Awaitable["Screen"]]


class UnknownAction(Exception):
    pass


class Router:
    """Handlers of one feature, keyed by action type. The composition root merges routers."""

    def __init__(self) -> None:
        self.handlers: dict[str, tuple[type[Action], Handler]] = {}

    def on(self, action_type: type[A]) -> Callable[[Handler], Handler]:
        def register(func: Handler) -> Handler:
            if action_type.kind in self.handlers:
                raise ValueError(f"action {action_type.kind} registered twice")
            self.handlers[action_type.kind] = (action_type, func)
            return func

        return register

    def include(self, *routers: Router) -> Router:
        for router in routers:
            for kind, entry in router.handlers.items():
                if kind in self.handlers:
                    raise ValueError(f"action {kind} registered twice")
                self.handlers[kind] = entry
        return self

    def load(self, data: dict[str, Any]) -> tuple[Action, Handler]:
        """Rebuild a stored action; UnknownAction if its kind or fields no longer fit."""
        entry = self.handlers.get(str(data.get("k")))
        if entry is None:
            raise UnknownAction(data.get("k"))
        action_type, handler = entry
        fields = {k: v for k, v in data.items() if k not in ("k", "_once")}
        try:
            return action_type(**fields), handler
        except TypeError as exc:
            raise UnknownAction(data.get("k")) from exc
