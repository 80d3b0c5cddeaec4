"""Exports of the database: CSV of events, JSON Lines of articles, GraphML of partners.

- csv: one row per merged event; multi-valued cells (parties, people, fields,
  sources) are joined with "; " in the same order in every column, so
  `party_ids`, `party_names`, `roles` and `countries` line up item by item.
- jsonl: one object per article in the extraction contract's shape, with the
  facts as that article stated them.
- graphml: nodes are parties (name, kind, country, lat/lon when known), edges
  are partner pairs (relation types, since, shared events, fields). Opens in
  Gephi, yEd and networkx.
- geojson: parties with known coordinates as points, partner pairs between
  them as lines. Opens in QGIS.

The csv `first_report` column names the source published first (undated sources
count last) and `copies` the sources that republish another source of the same
event in nearly the same words (see `hoptac.store.syndication`).

Editors' work is marked wherever it shows: the csv `curated` column and the
jsonl events' `curated` list name the attributes an editor set; graphml and
geojson edges carry `human` when an editor added or changed the relationship.

Partner pairs join a Vietnamese and a foreign party; the partnership registry's
relationships are included, and graphml and geojson edges list the `sources`
that state them (the registry's URL, the articles). The invented sample
articles bundled with hoptac are flagged: the csv `sample` column, `"sample":
true` on their jsonl records, and `sample` on edges that rest on them alone.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from hoptac.sample import is_sample
from hoptac.store.models import EventRow, EventSource, PartyRow
from hoptac.store.pairs import registry_party
from hoptac.store.queries import all_articles, article_result, events, partner_pairs

FORMATS = ("csv", "jsonl", "graphml", "geojson")
Coordinates = Callable[[str], tuple[float, float] | None]

CSV_COLUMNS = [
    "event_id",
    "kind",
    "mode",
    "status",
    "date",
    "date_precision",
    "place",
    "party_ids",
    "party_names",
    "roles",
    "countries",
    "people",
    "fields",
    "amounts",
    "sources",
    "curated",
    "first_report",
    "copies",
    "sample",
]


def _join(items: list[str | None]) -> str:
    return "; ".join(item or "" for item in items)


def write_csv(session: Session, out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = events(session)
    for stored in rows:
        event = stored.event
        writer.writerow(
            [
                stored.id,
                event.kind,
                event.mode or "",
                event.status,
                event.date.value if event.date else "",
                event.date.precision if event.date else "",
                event.place.id if event.place else "",
                _join([p.id for p in event.parties]),
                _join([p.name_vi or p.name for p in event.parties]),
                _join([p.role for p in event.parties]),
                _join([p.country for p in event.parties]),
                _join([f"{p.name} ({p.title})" if p.title else p.name for p in event.people]),
                _join(list(event.fields)),
                _join([a.text for a in event.amounts]),
                _join(list(stored.sources)),
                _join(list(stored.curated)),
                stored.first_report or "",
                _join(list(stored.copies)),
                "true" if stored.sample else "",
            ]
        )
    return len(rows)


def write_jsonl(session: Session, out: TextIO) -> int:
    articles = all_articles(session)
    for article in articles:
        record = article_result(session, article).model_dump(mode="json")
        edited = session.execute(
            select(EventRow.curated)
            .join(EventSource, EventSource.event_id == EventRow.id)
            .where(EventSource.article_id == article.id)
            .order_by(EventSource.position)
        ).all()
        for event, (curated,) in zip(record["events"], edited, strict=False):
            if curated:
                event["curated"] = list(curated)
        if is_sample(article.outlet):
            record["sample"] = True
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(articles)


_NODE_KEYS = [
    ("name", "string"),
    ("name_vi", "string"),
    ("kind", "string"),
    ("country", "string"),
    ("lat", "double"),
    ("lon", "double"),
]
_EDGE_KEYS = [
    ("relation", "string"),
    ("since", "string"),
    ("events", "int"),
    ("fields", "string"),
    ("human", "boolean"),
    ("sources", "string"),
    ("sample", "boolean"),
]


def _parties(session: Session, ids: set[str]) -> list[dict[str, str | None]]:
    """The parties of `ids`, by id: stored ones, and registry partners no article named yet."""
    stored = {
        p.id: {"id": p.id, "name": p.name, "name_vi": p.name_vi, "kind": p.kind, "country": p.country}
        for p in session.scalars(select(PartyRow).where(PartyRow.id.in_(ids)))
    }
    out = [stored.get(i) or registry_party(i) for i in sorted(ids)]
    return [p for p in out if p is not None]


def write_graphml(session: Session, out: TextIO, coordinates: Coordinates | None = None) -> int:
    """Partner graph; returns the number of edges."""
    pairs = partner_pairs(session)
    used = {party_id for pair in pairs for party_id in pair}
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for owner, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": name, "for": owner, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="partners", edgedefault="undirected")
    for party in _parties(session, used):
        node = ET.SubElement(graph, "node", id=party["id"])
        place = coordinates(party["id"]) if coordinates else None
        values = {
            "name": party["name"],
            "name_vi": party["name_vi"],
            "kind": party["kind"],
            "country": party["country"],
            "lat": place[0] if place else None,
            "lon": place[1] if place else None,
        }
        for key, value in values.items():
            if value is not None:
                ET.SubElement(node, "data", key=key).text = str(value)
    for number, ((a, b), stats) in enumerate(sorted(pairs.items())):
        edge = ET.SubElement(graph, "edge", id=f"e{number}", source=a, target=b)
        values = {
            "relation": ";".join(stats.relations) or None,
            "since": stats.since,
            "events": stats.events,
            "fields": ";".join(stats.fields) or None,
            "human": "true" if stats.human else None,
            "sources": " ".join(stats.sources) or None,
            "sample": "true" if stats.sample else None,
        }
        for key, value in values.items():
            if value is not None:
                ET.SubElement(edge, "data", key=key).text = str(value)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")
    return len(pairs)


def write_geojson(session: Session, out: TextIO, coordinates: Coordinates | None = None) -> int:
    """Parties as points and partner pairs as lines, where the gazetteer places both; returns features."""
    pairs = partner_pairs(session)
    used = sorted({party_id for pair in pairs for party_id in pair})
    rows = {p["id"]: p for p in _parties(session, set(used))}
    placed = {party_id: coordinates(party_id) for party_id in used} if coordinates else {}
    features = []
    for party_id in used:
        where, party = placed.get(party_id), rows.get(party_id)
        if where is None or party is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [where[1], where[0]]},
                "properties": party,
            }
        )
    for (a, b), stats in sorted(pairs.items()):
        pa, pb = placed.get(a), placed.get(b)
        if pa is None or pb is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[pa[1], pa[0]], [pb[1], pb[0]]]},
                "properties": {
                    "source": a,
                    "target": b,
                    "relation": ";".join(stats.relations) or None,
                    "since": stats.since,
                    "events": stats.events,
                    "fields": ";".join(stats.fields) or None,
                    "human": stats.human,
                    "sources": stats.sources,
                    "sample": stats.sample,
                },
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def export(session: Session, fmt: str, out: TextIO, coordinates: Coordinates | None = None) -> int:
    """Write the database in `fmt` (see FORMATS); returns rows, articles, edges or features written."""
    if fmt == "csv":
        return write_csv(session, out)
    if fmt == "jsonl":
        return write_jsonl(session, out)
    if fmt == "graphml":
        return write_graphml(session, out, coordinates)
    if fmt == "geojson":
        return write_geojson(session, out, coordinates)
    raise ValueError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
