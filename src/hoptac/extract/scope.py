"""The contract's scope rule over one event's own parties."""

from __future__ import annotations

from collections.abc import Iterable

from hoptac.extract.actors import Actor

_LOCAL = ("province", "city", "district", "commune")


def is_actor_kind(kind: str, country: str | None) -> bool:
    """The rule's second clause: a local government, a city network or international body, or an agency."""
    return kind in _LOCAL or kind == "agency" or (kind == "organisation" and country is None)


def in_scope(actors: Iterable[Actor]) -> bool:
    """Two countries or more, one of them Vietnam, and a local government or agency among the parties."""
    actors = list(actors)
    countries = {a.country for a in actors}
    return (
        any(a.vietnamese for a in actors)
        and any(not a.vietnamese for a in actors)
        and len(countries) >= 2
        and any(is_actor_kind(a.kind, a.country) for a in actors)
    )
