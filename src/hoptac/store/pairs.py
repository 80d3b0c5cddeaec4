"""Who is whose partner: the counterparts of an event and the registry of known partnerships.

Cooperation here is international: a Vietnamese party and a foreign one. Two
parties of the same side of an event (three countries speaking at one
dialogue, a city and the province it was carved from) are not partners of each
other. The curated registry (`gazetteer/data/partnerships.csv`) adds the
relationships the news has not (yet) reported, each with its source.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from hoptac import gazetteer

REGISTRY = "registry"
PartyKey = tuple[str, str, str | None]  # id, kind, country


def vietnamese(country: str | None) -> bool:
    return country == "VN"


def counterpart_ids(parties: list[PartyKey]) -> list[tuple[str, str]]:
    """The partner pairs of one event, from its parties' (id, kind, country), each sorted by id.

    Each Vietnamese party pairs with each foreign one (an international
    organisation, with no country, is foreign). A country listed beside one of
    its own provinces or cities is context, not a second partner; it stays
    where it is the only party of its country.
    """
    local_countries = {country for _, kind, country in parties if kind != "country"}
    kept = [p for p in parties if p[1] != "country" or p[2] not in local_countries]
    home = [p[0] for p in kept if vietnamese(p[2])]
    abroad = [p[0] for p in kept if not vietnamese(p[2])]
    return sorted({(a, b) if a < b else (b, a) for a in dict.fromkeys(home) for b in dict.fromkeys(abroad)})


def is_counterpart(a_country: str | None, b_country: str | None) -> bool:
    """Whether a stated relationship between parties of these countries is international."""
    return vietnamese(a_country) != vietnamese(b_country)


@dataclass(frozen=True)
class Listed:
    """A registry row, keyed by the sorted pair like stored relationships."""

    a_id: str
    b_id: str
    type: str
    since: str | None
    source: str


@functools.cache
def registry() -> dict[tuple[str, str], list[Listed]]:
    """Every international partnership of the registry, by sorted pair of gazetteer ids."""
    gaz = gazetteer.load()
    rows = []
    # Per party, the countries of its partners below country level.
    local: dict[str, set[str | None]] = defaultdict(set)
    for row in gaz.all_partnerships():
        a, b = gaz.get(row.a_id), gaz.get(row.b_id)
        if a is None or b is None or not is_counterpart(a.country, b.country):
            continue
        rows.append((row, a, b))
        for me, other in ((a, b), (b, a)):
            if other.kind != "country":
                local[me.id].add(other.country)
    out: dict[tuple[str, str], list[Listed]] = defaultdict(list)
    for row, a, b in rows:
        # As in events: a country is no second partner beside its own province or city.
        if (b.kind == "country" and b.id in local[a.id]) or (a.kind == "country" and a.id in local[b.id]):
            continue
        low, high = sorted((row.a_id, row.b_id))
        out[(low, high)].append(Listed(low, high, row.type, row.since, row.source))
    return dict(out)


@functools.cache
def registry_by_party() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in registry():
        out[key[0]].append(key)
        out[key[1]].append(key)
    return dict(out)


def registry_of(party_id: str) -> list[Listed]:
    return [row for key in registry_by_party().get(party_id, []) for row in registry()[key]]


def registry_party(party_id: str) -> dict[str, str | None] | None:
    """A gazetteer entity in the shape of a stored party, for registry partners no article named."""
    entity = gazetteer.load().get(party_id)
    if entity is None:
        return None
    return {
        "id": entity.id,
        "name": entity.name,
        "name_vi": entity.name_vi,
        "kind": entity.kind,
        "country": entity.country,
    }
