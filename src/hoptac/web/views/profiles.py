"""A party's profile and timeline, the list of parties, and one partnership."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hoptac import gazetteer
from hoptac.store import overlay
from hoptac.store.models import (
    EventParty,
    EventPerson,
    EventRow,
    PartyRow,
    PersonRow,
    ProposalRow,
    RelationRow,
)
from hoptac.store.pairs import REGISTRY
from hoptac.store.queries import TYPE_ORDER, Relationship, relationships
from hoptac.web.views.base import (
    Page,
    article_ref,
    coordinates,
    correction_dict,
    corrections_for,
    gazetteer_party,
    get_party,
    paged,
    party_dict,
)
from hoptac.web.views.cache import Index
from hoptac.web.views.finding import find_parties
from hoptac.web.views.listing import EventFilter, event_details, list_events

# --- party profile ---------------------------------------------------------------------


def relationship_dict(rel: Relationship) -> dict[str, Any]:
    """A stated relationship with each source that states it; `years` holds more than one
    year when the sources disagree."""
    return {
        "type": rel.type,
        "since": rel.since,
        "human": rel.human,
        "years": rel.sinces,
        "sources": [
            {"kind": o.kind, "since": o.since, "source": o.source, "article_id": o.article_id, "title": o.title}
            for o in rel.origins
        ],
    }


def profile(session: Session, index: Index, party_id: str) -> dict[str, Any]:
    me = get_party(session, party_id)
    stated = {
        key: [relationship_dict(r) for r in rels] for key, rels in relationships(session, party_id=party_id).items()
    }
    partners = []
    for a, b in index.neighbours.get(party_id, []):
        pair = index.pairs[(a, b)]
        other = b if a == party_id else a
        fields: Counter[str] = Counter()
        years = [y for y, _ in pair.events if y]
        for _, event_fields in pair.events:
            fields.update(event_fields)
        partners.append(
            {
                "party": index.parties.get(other),
                "relations": stated.get((a, b))
                or [{"type": t, "since": v, "sources": [], "years": []} for t, v in sorted(pair.relations.items())],
                "registry": pair.registry,
                "human": pair.human,
                "events": len(pair.events),
                "first_year": min(years) if years else None,
                "last_year": max(years) if years else None,
                "fields": [f for f, _ in fields.most_common()],
            }
        )
    partners.sort(key=lambda p: (-p["events"], -len(p["relations"]), p["party"]["name"] if p["party"] else ""))
    event_ids = select(EventParty.event_id).where(EventParty.party_id == party_id)
    rows = session.execute(
        select(EventRow.date_value, EventRow.fields).where(EventRow.id.in_(event_ids), EventRow.hidden.is_(False))
    ).all()
    by_year: dict[str, Counter[str]] = defaultdict(Counter)
    for value, fields in rows:
        if value and value[:4].isdigit():
            by_year[value[:4]].update(fields or [])
    # The units it absorbed in the 2025 reform: the gazetteer's, and any stored party pointing here.
    stored = session.scalars(select(PartyRow).where(PartyRow.successor == party_id)).all()
    predecessors = {p.id: party_dict(p) for p in stored}
    for entity in gazetteer.load().predecessors(party_id):
        predecessors.setdefault(entity.id, gazetteer_party(entity.id))
    merged = session.scalars(select(PartyRow).where(PartyRow.merged_into == party_id)).all()
    return {
        "party": {
            **(party_dict(me) or {}),
            "events": index.event_counts.get(party_id, 0),
            "coordinates": coordinates(party_id),
            "merged_into": party_dict(session.get(PartyRow, me.merged_into)) if me.merged_into else None,
        },
        "successor": (party_dict(session.get(PartyRow, me.successor)) or gazetteer_party(me.successor))
        if me.successor
        else None,
        "predecessors": [predecessors[i] for i in sorted(predecessors)],
        "merged_from": [party_dict(p) for p in merged],
        "partners": partners,
        "fields_by_year": [{"year": y, "fields": dict(c.most_common())} for y, c in sorted(by_year.items())],
        "officials_met": officials_met(session, party_id),
        "proposals": proposals_of(session, party_id),
    }


def party_timeline(session: Session, party_id: str, page: Page) -> dict[str, Any]:
    get_party(session, party_id)
    return list_events(session, EventFilter(party=party_id), page)


def officials_met(session: Session, party_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """People of other parties present at this party's events, most often met first."""
    event_ids = select(EventParty.event_id).where(EventParty.party_id == party_id)
    met = func.count(EventPerson.event_id.distinct())
    counts = session.execute(
        select(EventPerson.person_id, met)
        .join(PersonRow, PersonRow.id == EventPerson.person_id)
        .where(EventPerson.event_id.in_(event_ids), or_(PersonRow.party_id != party_id, PersonRow.party_id.is_(None)))
        .group_by(EventPerson.person_id)
        .order_by(met.desc(), EventPerson.person_id)
        .limit(limit)
    ).all()
    people = {p.id: p for p in session.scalars(select(PersonRow).where(PersonRow.id.in_([i for i, _ in counts])))}
    return [
        {
            "id": person_id,
            "name": people[person_id].name,
            "party": people[person_id].party_id,
            "title": people[person_id].titles[-1] if people[person_id].titles else None,
            "events": n,
        }
        for person_id, n in counts
    ]


def proposals_of(session: Session, party_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """Requests and offers made by or to the party, newest first, each side with its name."""
    rows = session.scalars(
        select(ProposalRow)
        .where(or_(ProposalRow.by == party_id, ProposalRow.to == party_id))
        .order_by(ProposalRow.id.desc())
        .limit(limit)
    ).all()
    ids = {i for p in rows for i in (p.by, p.to) if i}
    names = {row.id: party_dict(row) for row in session.scalars(select(PartyRow).where(PartyRow.id.in_(ids)))}
    for missing in ids - set(names):
        names[missing] = gazetteer_party(missing)
    return [
        {
            "event_id": p.event_id,
            "article_id": p.article_id,
            "by": p.by,
            "to": p.to,
            "by_party": names.get(p.by) if p.by else None,
            "to_party": names.get(p.to) if p.to else None,
            "act": p.act,
            "text": p.text,
            "fields": p.fields,
            "evidence": p.evidence,
        }
        for p in rows
    ]


def list_parties(
    session: Session, index: Index, query: str | None, kind: str | None, country: str | None, page: Page
) -> dict[str, Any]:
    items = list(index.parties.values())
    if query:
        wanted = {p["id"] for p in find_parties(session, index, query, limit=10_000)}
        items = [p for p in items if p["id"] in wanted]
    if kind:
        items = [p for p in items if p["kind"] == kind]
    if country:
        items = [p for p in items if p["country"] == country.upper()]
    items.sort(key=lambda p: (-index.event_counts.get(p["id"], 0), p["name"]))
    chosen = items[page.offset : page.offset + page.per_page]
    return paged([{**p, "events": index.event_counts.get(p["id"], 0)} for p in chosen], len(items), page)


# --- partnership -----------------------------------------------------------------------


def partnership(session: Session, a_id: str, b_id: str) -> dict[str, Any]:
    a, b = get_party(session, a_id), get_party(session, b_id)
    low, high = sorted((a_id, b_id))
    relations = []
    rows = {
        r.type: r for r in session.scalars(select(RelationRow).where(RelationRow.a_id == low, RelationRow.b_id == high))
    }
    stated = {r.type: r for r in relationships(session, pair=(low, high)).get((low, high), [])}
    for type_ in sorted(set(rows) | set(stated), key=lambda t: TYPE_ORDER.get(t, 9)):
        row, rel = rows.get(type_), stated.get(type_)
        key = overlay.relation_key(low, high, type_)
        relations.append(
            {
                "id": row.id if row else None,
                "type": type_,
                "since": rel.since if rel else row.since if row else None,
                "years": rel.sinces if rel else [],
                "human": bool(row and row.human),
                "hidden": bool(row and row.hidden),
                "sources": [
                    {"article": article_ref(s.article), "since": s.since, "evidence": s.evidence}
                    for s in sorted(row.sources, key=lambda s: (s.article.published_value or "", s.article_id))
                ]
                if row
                else [],
                "registry": [{"since": o.since, "source": o.source} for o in rel.origins if o.kind == REGISTRY]
                if rel
                else [],
                "corrections": [correction_dict(c) for c in corrections_for(session, "relation", key)],
            }
        )
    shared = (
        select(EventParty.event_id)
        .where(EventParty.party_id == a_id)
        .intersect(select(EventParty.event_id).where(EventParty.party_id == b_id))
    )
    ids = session.scalars(
        select(EventRow.id)
        .where(EventRow.id.in_(shared), EventRow.hidden.is_(False))
        .order_by(EventRow.date_value, EventRow.id)
        .limit(500)
    ).all()
    events = event_details(session, list(ids))
    by_year: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        value = (event["date"] or {}).get("value") or ""
        if value[:4].isdigit():
            by_year[value[:4]].update(event["fields"])
    return {
        "a": party_dict(a),
        "b": party_dict(b),
        "relations": relations,
        "events": events,
        "fields_by_year": [{"year": y, "fields": dict(c.most_common())} for y, c in sorted(by_year.items())],
    }
