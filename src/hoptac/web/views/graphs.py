"""The partner network and the map, filtered from the index."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from hoptac.web.views.base import coordinates
from hoptac.web.views.cache import Index, Pair

# --- network and map -------------------------------------------------------------------


@dataclass
class GraphFilter:
    country: str | None = None
    field: str | None = None
    since: int | None = None
    until: int | None = None
    party: str | None = None
    limit: int = 300

    def key(self) -> tuple[Any, ...]:
        return (self.country, self.field, self.since, self.until, self.party, self.limit)


def _pair_weight(pair: Pair, flt: GraphFilter) -> tuple[int, set[str]]:
    events = 0
    fields: set[str] = set()
    for year, event_fields in pair.events:
        if flt.since and (year is None or year < flt.since):
            continue
        if flt.until and (year is None or year > flt.until):
            continue
        if flt.field and flt.field not in event_fields:
            continue
        events += 1
        fields.update(event_fields)
    return events, fields


def graph(index: Index, flt: GraphFilter) -> dict[str, Any]:
    """Nodes (parties, sized by events) and edges (partner pairs, by relationship type)."""
    edges = []
    weight: Counter[str] = Counter()
    for (a, b), pair in index.pairs.items():
        pa, pb = index.parties.get(a), index.parties.get(b)
        if pa is None or pb is None:
            continue
        if flt.country and flt.country.upper() not in (pa["country"], pb["country"]):
            continue
        if flt.party and flt.party not in (a, b):
            continue
        events, fields = _pair_weight(pair, flt)
        # A stated relationship shows even without events in the chosen years, unless a field is asked for.
        if not events and (flt.field or not pair.relations):
            continue
        relation = _strongest(pair.relations)
        edges.append(
            {
                "source": a,
                "target": b,
                "events": events,
                "relation": relation,
                "since": pair.relations.get(relation) if relation else None,
                "human": pair.human,
                "fields": sorted(fields),
            }
        )
        weight[a] += events + 1
        weight[b] += events + 1
    kept = {party_id for party_id, _ in weight.most_common(flt.limit)}
    edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
    nodes = [
        {**index.parties[i], "events": index.event_counts.get(i, 0)}
        for i in sorted(kept, key=lambda i: -index.event_counts.get(i, 0))
    ]
    return {"nodes": nodes, "edges": edges, "truncated": len(weight) > len(kept)}


_RELATION_STRENGTH = ("sister", "friendship", "cooperation", "membership")


def _strongest(relations: dict[str, str | None]) -> str | None:
    return next((t for t in _RELATION_STRENGTH if t in relations), None)


def geojson(index: Index, flt: GraphFilter) -> dict[str, Any]:
    """Localities as points and partnerships as lines, for the map and for GIS tools."""
    network = graph(index, flt)
    features: list[dict[str, Any]] = []
    placed: dict[str, tuple[float, float]] = {}
    for node in network["nodes"]:
        where = coordinates(node["id"])
        if where is None:
            continue
        placed[node["id"]] = where
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [where[1], where[0]]},
                "properties": {**node, "feature": "party"},
            }
        )
    for edge in network["edges"]:
        if edge["source"] in placed and edge["target"] in placed:
            (lat1, lon1), (lat2, lon2) = placed[edge["source"]], placed[edge["target"]]
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [[lon1, lat1], [lon2, lat2]]},
                    "properties": {**edge, "fields": ", ".join(edge["fields"]), "feature": "partnership"},
                }
            )
    return {"type": "FeatureCollection", "features": features}
