"""Events: summaries, filtered lists and one event with its sources."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from hoptac.store.models import (
    Article,
    Correction,
    EventParty,
    EventPerson,
    EventRow,
    EventSource,
    PartyRow,
    PersonRow,
    ProposalRow,
)
from hoptac.store.queries import NotFound
from hoptac.web.views.base import Page, article_ref, correction_dict, paged, party_dict

# --- events ----------------------------------------------------------------------------


def event_summaries(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """Events in the order of `ids`, each with its parties, place and number of sources."""
    if not ids:
        return []
    rows = {row.id: row for row in session.scalars(select(EventRow).where(EventRow.id.in_(ids)))}
    links: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for link, party in session.execute(
        select(EventParty, PartyRow)
        .join(PartyRow, PartyRow.id == EventParty.party_id)
        .where(EventParty.event_id.in_(ids))
        .order_by(EventParty.event_id, EventParty.position)
    ):
        links[link.event_id].append({**(party_dict(party) or {}), "role": link.role})
    places = {
        row.id: row
        for row in session.scalars(
            select(PartyRow).where(PartyRow.id.in_({r.place_party_id for r in rows.values() if r.place_party_id}))
        )
    }
    sources = dict(
        session.execute(
            select(EventSource.event_id, func.count())
            .where(EventSource.event_id.in_(ids))
            .group_by(EventSource.event_id)
        ).all()
    )
    out = []
    for event_id in ids:
        row = rows.get(event_id)
        if row is None:
            continue
        out.append(
            {
                "id": row.id,
                "kind": row.kind,
                "status": row.status,
                "mode": row.mode,
                "date": {"value": row.date_value, "precision": row.date_precision, "inferred": bool(row.date_inferred)}
                if row.date_value
                else None,
                "place": party_dict(places.get(row.place_party_id)) if row.place_party_id else None,
                "parties": links.get(event_id, []),
                "fields": list(row.fields),
                "amounts": list(row.amounts),
                "sources": sources.get(event_id, 0),
                "curated": list(row.curated),
                "hidden": row.hidden,
            }
        )
    return out


def field_filter(field: str) -> Any:
    """Events in the cooperation field `field`."""
    # Field codes are plain words, so the quoted code only matches as a whole list item.
    return cast(EventRow.fields, String).like(f'%"{field}"%')


@dataclass
class EventFilter:
    party: str | None = None
    country: str | None = None
    field: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None

    def apply(self, stmt: Any) -> Any:
        stmt = stmt.where(EventRow.hidden.is_(False))
        if self.party:
            stmt = stmt.where(EventRow.id.in_(select(EventParty.event_id).where(EventParty.party_id == self.party)))
        if self.country:
            in_country = (
                select(EventParty.event_id)
                .join(PartyRow, PartyRow.id == EventParty.party_id)
                .where(PartyRow.country == self.country.upper())
            )
            stmt = stmt.where(EventRow.id.in_(in_country))
        if self.field:
            stmt = stmt.where(field_filter(self.field))
        if self.kind:
            stmt = stmt.where(EventRow.kind == self.kind)
        if self.since:
            stmt = stmt.where(EventRow.date_value >= self.since[:10])
        if self.until:
            # "2019" as an upper bound includes every date within 2019.
            stmt = stmt.where(EventRow.date_value <= self.until[:10] + "\uffff")
        return stmt


def list_events(session: Session, filters: EventFilter, page: Page, *, newest_first: bool = True) -> dict[str, Any]:
    stmt = filters.apply(select(EventRow.id))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    order = (EventRow.date_value.desc(), EventRow.id.desc()) if newest_first else (EventRow.date_value, EventRow.id)
    ids = session.scalars(stmt.order_by(*order).limit(page.per_page).offset(page.offset)).all()
    return paged(event_summaries(session, list(ids)), total, page)


def event_detail(session: Session, event_id: int) -> dict[str, Any]:
    """One event with every article that reports it, its people, proposals and corrections."""
    found = event_details(session, [event_id])
    if not found:
        raise NotFound(f"no event {event_id}")
    return found[0]


def event_details(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """`event_detail` of many events in a few queries (a partnership lists hundreds), in the order of `ids`."""
    summaries = event_summaries(session, ids)
    if not summaries:
        return []
    people = event_people(session, ids)
    sources: dict[int, list[tuple[EventSource, Article]]] = defaultdict(list)
    for source, article in session.execute(
        select(EventSource, Article)
        .join(Article, Article.id == EventSource.article_id)
        .where(EventSource.event_id.in_(ids))
    ):
        sources[source.event_id].append((source, article))
    proposals: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in session.scalars(select(ProposalRow).where(ProposalRow.event_id.in_(ids)).order_by(ProposalRow.id)):
        proposals[p.event_id].append(
            {"by": p.by, "to": p.to, "act": p.act, "text": p.text, "fields": p.fields, "article_id": p.article_id}
        )
    keys = dict(session.execute(select(EventRow.id, EventRow.key).where(EventRow.id.in_(ids))).all())
    corrections: dict[str, list[dict[str, Any]]] = defaultdict(list)
    wanted = {k for k in keys.values() if k}
    if wanted:
        for c in session.scalars(
            select(Correction).where(Correction.target == "event", Correction.key.in_(wanted)).order_by(Correction.id)
        ):
            corrections[c.key].append(correction_dict(c))
    for summary in summaries:
        event_id = summary["id"]
        summary["people"] = people.get(event_id, [])
        summary["sources"] = [
            {"article": article_ref(article), "date": source.date, "fields": source.fields, "evidence": source.evidence}
            for source, article in sorted(sources[event_id], key=lambda x: (x[1].published_value or "", x[1].id))
        ]
        summary["proposals"] = proposals.get(event_id, [])
        summary["corrections"] = corrections.get(keys.get(event_id) or "", [])
    return summaries


def event_people(session: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for link, person in session.execute(
        select(EventPerson, PersonRow)
        .join(PersonRow, PersonRow.id == EventPerson.person_id)
        .where(EventPerson.event_id.in_(ids))
        .order_by(EventPerson.event_id, EventPerson.article_id, EventPerson.position)
    ):
        if (link.event_id, person.id) in seen:
            continue
        seen.add((link.event_id, person.id))
        out[link.event_id].append({"id": person.id, "name": person.name, "title": link.title, "party": person.party_id})
    return out
