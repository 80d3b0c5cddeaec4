"""What the dashboard and the API show, as JSON-ready dicts, computed from the store.

Whole-database views (the partner network, the map, the overview) come from
an `Index` built once per store generation (see `StoreState`): one pass over
events and parties, then every request filters it in memory. Per-party and
per-article views query the database directly with bounded result sizes.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from hoptac import gazetteer
from hoptac.store import curation
from hoptac.store.models import (
    Alias,
    Article,
    ArticleSearch,
    Correction,
    EventParty,
    EventPerson,
    EventRow,
    EventSource,
    PartyRow,
    PersonRow,
    ProposalRow,
    RelationRow,
    RelationSource,
)
from hoptac.store.queries import NotFound, counterpart_ids
from hoptac.textnorm import fold, normalize, squeeze


@dataclass
class Page:
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paged(items: list[Any], total: int, page: Page) -> dict[str, Any]:
    pages = max(1, -(-total // page.per_page))
    return {"items": items, "total": total, "page": page.page, "per_page": page.per_page, "pages": pages}


# --- parties -------------------------------------------------------------------------


def party_dict(row: PartyRow | None, *, events: int | None = None) -> dict[str, Any] | None:
    if row is None:
        return None
    out: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "name_vi": row.name_vi,
        "kind": row.kind,
        "country": row.country,
    }
    if events is not None:
        out["events"] = events
    return out


def _coordinates(party_id: str) -> tuple[float, float] | None:
    return gazetteer.load().position(party_id)


# --- the whole-database index ----------------------------------------------------------


@dataclass
class Pair:
    a: str
    b: str
    relations: dict[str, str | None] = field(default_factory=dict)  # type -> since
    human: bool = False
    # (year or None, fields) per shared event
    events: list[tuple[int | None, tuple[str, ...]]] = field(default_factory=list)


@dataclass
class Index:
    generation: int
    parties: dict[str, dict[str, Any]]
    event_counts: Counter[str]
    pairs: dict[tuple[str, str], Pair]
    months: Counter[str]
    countries: Counter[str]
    fields: Counter[str]
    totals: dict[str, int]
    # party id -> the keys of its pairs, so a profile need not scan every pair.
    neighbours: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def build_index(session: Session) -> Index:
    generation = curation.generation(session)
    parties = {row.id: party_dict(row) for row in session.scalars(select(PartyRow))}
    events: dict[int, tuple[str | None, list[str]]] = {}
    for event_id, value, fields in session.execute(
        select(EventRow.id, EventRow.date_value, EventRow.fields).where(EventRow.hidden.is_(False))
    ):
        events[event_id] = (value, list(fields or []))
    members: dict[int, list[str]] = defaultdict(list)
    for event_id, party_id in session.execute(
        select(EventParty.event_id, EventParty.party_id).order_by(EventParty.event_id, EventParty.position)
    ):
        if event_id in events:
            members[event_id].append(party_id)
    counts: Counter[str] = Counter()
    pairs: dict[tuple[str, str], Pair] = {}
    months: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    field_counts: Counter[str] = Counter()
    for event_id, (value, fields) in events.items():
        ids = members.get(event_id, [])
        counts.update(ids)
        field_counts.update(fields)
        if value and not value.startswith("--") and len(value) >= 7:
            months[value[:7]] += 1
        year = int(value[:4]) if value and value[:4].isdigit() else None
        described = [(i, parties[i]["kind"], parties[i]["country"]) for i in ids if i in parties]
        foreign = {c for _, _, c in described if c and c != "VN"}
        countries.update(foreign)
        for key in counterpart_ids(described):
            pair = pairs.get(key)
            if pair is None:
                pair = pairs[key] = Pair(*key)
            pair.events.append((year, tuple(fields)))
    for row in session.scalars(select(RelationRow).where(RelationRow.hidden.is_(False))):
        key = (row.a_id, row.b_id)
        pair = pairs.get(key)
        if pair is None:
            pair = pairs[key] = Pair(*key)
        pair.relations[row.type] = row.since
        pair.human = pair.human or row.human
    totals = {
        "articles": session.scalar(select(func.count()).select_from(Article)) or 0,
        "events": len(events),
        "parties": len(parties),
        "relations": sum(len(p.relations) for p in pairs.values()),
        "countries": len(countries),
        "corrections": session.scalar(select(func.count()).select_from(Correction)) or 0,
    }
    neighbours: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in pairs:
        neighbours[key[0]].append(key)
        neighbours[key[1]].append(key)
    return Index(generation, parties, counts, pairs, months, countries, field_counts, totals, dict(neighbours))


class IndexCache:
    """The current `Index` and the answers computed from it, per store generation.

    The generation is checked at most once a second. When another process changed
    the data (an ingest running beside the server), the new index is built in the
    background while the previous one keeps answering, so a busy ingest never
    stalls readers; after a write through this server (`invalidate`) the next
    request waits for the new index, so an editor sees their change at once.
    Each answer is computed once however many clients ask for it at the same time,
    and at most two are computed at once.
    """

    def __init__(self, sessions: Callable[[], Any] | None = None) -> None:
        self._sessions = sessions
        self._index: Index | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._rebuilding = False
        self._dirty = False
        self._key_locks: dict[Any, threading.Lock] = defaultdict(threading.Lock)
        self._computing = threading.BoundedSemaphore(2)
        self.responses: dict[Any, Any] = {}

    def invalidate(self) -> None:
        """Data changed through this process: the next `get` rebuilds before answering."""
        self._dirty = True
        self._checked = 0.0

    def warm(self) -> None:
        """Build the index now, in the background (at start-up)."""
        if self._sessions is not None:
            threading.Thread(target=self._build_detached, daemon=True).start()

    def get(self, session: Session) -> Index:
        if self._index is not None and time.monotonic() - self._checked < 1.0:
            return self._index
        with self._lock:
            current = curation.generation(session)
            self._checked = time.monotonic()
            if self._index is not None and self._index.generation == current:
                self._dirty = False
                return self._index
            if self._index is None or self._dirty or self._sessions is None:
                self._install(build_index(session))
                self._dirty = False
            elif not self._rebuilding:
                self._rebuilding = True
                threading.Thread(target=self._build_detached, daemon=True).start()
            return self._index  # type: ignore[return-value]

    def _build_detached(self) -> None:
        try:
            with self._sessions() as session:  # type: ignore[misc]
                index = build_index(session)
            with self._lock:
                if self._index is None or index.generation >= self._index.generation:
                    self._install(index)
        finally:
            self._rebuilding = False

    def _install(self, index: Index) -> None:
        self._index = index
        self.responses = {}

    def peek(self, key: Any) -> bytes | None:
        """A cached JSON body, when one is there and the generation was checked within the second."""
        index = self._index
        if index is None or time.monotonic() - self._checked >= 1.0:
            return None
        hit = self.responses.get(("json", key))
        return hit[1] if hit is not None and hit[0] == index.generation else None

    def cached_json(self, session: Session, key: Any, compute: Any) -> bytes:
        """`cached`, kept as the JSON body: a hit then costs no encoding at all."""
        return self.cached(
            session, ("json", key), lambda: json.dumps(compute(), ensure_ascii=False, separators=(",", ":")).encode()
        )

    def cached(self, session: Session, key: Any, compute: Any) -> Any:
        """`compute()` once per generation and key: for whole-database answers shared by many clients."""
        index = self.get(session)
        hit = self.responses.get(key)
        if hit is not None and hit[0] == index.generation:
            return hit[1]
        with self._key_locks[key]:
            hit = self.responses.get(key)
            if hit is not None and hit[0] == index.generation:
                return hit[1]
            with self._computing:
                value = compute()
            if len(self.responses) > 5000:
                self.responses = {}
                self._key_locks = defaultdict(threading.Lock)
            self.responses[key] = (index.generation, value)
            return value


# --- overview --------------------------------------------------------------------------


def overview(session: Session, index: Index, today: date | None = None) -> dict[str, Any]:
    today_text = (today or date.today()).isoformat()
    latest_ids = session.scalars(
        select(EventRow.id)
        .where(EventRow.hidden.is_(False), EventRow.date_value.isnot(None), EventRow.status == "past")
        .order_by(EventRow.date_value.desc(), EventRow.id.desc())
        .limit(10)
    ).all()
    upcoming_ids = session.scalars(
        select(EventRow.id)
        .where(
            EventRow.hidden.is_(False),
            EventRow.status == "planned",
            or_(EventRow.date_value.is_(None), EventRow.date_value >= today_text[:4]),
        )
        .order_by(EventRow.date_value, EventRow.id)
        .limit(10)
    ).all()
    return {
        "totals": index.totals,
        "events_per_month": _every_month(index.months),
        "top_countries": [
            {"country": c, **_country_names(index, c), "events": n} for c, n in index.countries.most_common(10)
        ],
        "top_fields": [{"field": f, "events": n} for f, n in index.fields.most_common(10)],
        "latest": event_summaries(session, list(latest_ids)),
        "upcoming": event_summaries(session, list(upcoming_ids)),
    }


def _country_names(index: Index, code: str) -> dict[str, str | None]:
    party = index.parties.get(code)
    if party:
        return {"name": party["name"], "name_vi": party["name_vi"]}
    entity = gazetteer.load().get(code)
    return {"name": entity.name if entity else code, "name_vi": entity.name_vi if entity else None}


def _every_month(months: Counter[str]) -> list[dict[str, Any]]:
    """Counts per month from the first to the last, months without events included as 0."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append({"month": key, "events": months.get(key, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


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
                "date": {"value": row.date_value, "precision": row.date_precision} if row.date_value else None,
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
            # Field codes are plain words, so the quoted code only matches as a whole list item.
            stmt = stmt.where(cast(EventRow.fields, String).like(f'%"{self.field}"%'))
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
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFound(f"no event {event_id}")
    summary = event_summaries(session, [event_id])[0]
    summary["people"] = _event_people(session, [event_id]).get(event_id, [])
    summary["sources"] = [
        {
            "article": _article_ref(source.article),
            "date": source.date,
            "fields": source.fields,
            "evidence": source.evidence,
        }
        for source in sorted(row.sources, key=lambda s: (s.article.published_value or "", s.article_id))
    ]
    summary["proposals"] = [
        {"by": p.by, "to": p.to, "act": p.act, "text": p.text, "fields": p.fields, "article_id": p.article_id}
        for p in sorted(row.proposals, key=lambda p: p.id)
    ]
    summary["corrections"] = [correction_dict(c) for c in _corrections_for(session, "event", row.key)]
    return summary


def _article_ref(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "source": article.source,
        "published": article.published_value,
    }


def _event_people(session: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
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


def _corrections_for(session: Session, target: str, key: str | None) -> list[Correction]:
    if not key:
        return []
    return list(
        session.scalars(
            select(Correction).where(Correction.target == target, Correction.key == key).order_by(Correction.id)
        )
    )


def correction_dict(c: Correction) -> dict[str, Any]:
    return {
        "id": c.id,
        "target": c.target,
        "key": c.key,
        "action": c.action,
        "payload": c.payload,
        "before": c.before,
        "source": c.source,
        "note": c.note,
        "author": c.author,
        "created_at": c.created_at.isoformat(),
        "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
        "revoked_by": c.revoked_by,
    }


# --- search ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")


def search_tokens(query: str) -> list[str]:
    return _TOKEN.findall(fold(squeeze(normalize(query))))


def find_parties(session: Session, index: Index, query: str, limit: int = 20) -> list[dict[str, Any]]:
    tokens = search_tokens(query)
    if not tokens:
        return []
    stmt = select(Alias.party_id).distinct()
    for token in tokens:
        stmt = stmt.where(Alias.folded.like(f"%{token}%"))
    ids = [i for i in session.scalars(stmt.limit(500)) if i in index.parties]
    ids.sort(key=lambda i: (-index.event_counts.get(i, 0), i))
    return [{**index.parties[i], "events": index.event_counts.get(i, 0)} for i in ids[:limit]]


def _matching_articles(session: Session, tokens: list[str]) -> Any:
    """A select of ids of articles whose folded text holds the tokens as a phrase.

    Vietnamese syllables are short, so only a long last token matches as a prefix
    ("gyeongsang" finds "Gyeongsangbuk-do"); "can tho" must not find "cán bộ ... thông".
    """
    if session.get_bind().dialect.name == "sqlite":
        from sqlalchemy import text

        match = '"' + " ".join(tokens) + '"' + ("*" if len(tokens[-1]) >= 5 else "")
        return text("SELECT rowid FROM article_fts WHERE article_fts MATCH :match").bindparams(match=match)
    phrase = " ".join(tokens)
    return select(ArticleSearch.article_id).where(
        or_(ArticleSearch.folded.like(f"%{phrase}%"), ArticleSearch.folded.like(f"%{phrase.replace(' ', '-')}%"))
    )


def search(session: Session, index: Index, query: str, filters: EventFilter, page: Page) -> dict[str, Any]:
    """Parties named like the query, events of those parties or reported by matching articles, and the articles."""
    tokens = search_tokens(query)
    parties = find_parties(session, index, query) if tokens else []
    stmt = filters.apply(select(EventRow.id))
    article_ids: Any = None
    if tokens:
        article_ids = _matching_articles(session, tokens)
        party_ids = [p["id"] for p in parties]
        in_articles = select(EventSource.event_id).where(EventSource.article_id.in_(article_ids))
        # A query that names parties asks for their events; folded words also match other text
        # ("da nang" is "đã nâng" too), so article matches count only when no party is named.
        if party_ids:
            stmt = stmt.where(EventRow.id.in_(select(EventParty.event_id).where(EventParty.party_id.in_(party_ids))))
        else:
            stmt = stmt.where(EventRow.id.in_(in_articles))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    ids = session.scalars(
        stmt.order_by(EventRow.date_value.desc(), EventRow.id.desc()).limit(page.per_page).offset(page.offset)
    ).all()
    events = paged(event_summaries(session, list(ids)), total, page)
    articles = _article_hits(session, tokens, article_ids, filters, page) if tokens else paged([], 0, page)
    return {"query": query, "tokens": tokens, "parties": parties, "events": events, "articles": articles}


def _article_hits(session: Session, tokens: list[str], article_ids: Any, filters: EventFilter, page: Page) -> Any:
    stmt = select(Article.id).where(Article.id.in_(article_ids))
    if any((filters.party, filters.country, filters.field, filters.kind, filters.since, filters.until)):
        with_events = filters.apply(select(EventSource.article_id).join(EventRow, EventRow.id == EventSource.event_id))
        stmt = stmt.where(Article.id.in_(with_events))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    ids = session.scalars(
        stmt.order_by(Article.published_value.desc(), Article.id.desc()).limit(page.per_page).offset(page.offset)
    ).all()
    rows = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(ids)))}
    items = []
    for article_id in ids:
        article = rows[article_id]
        ref = _article_ref(article)
        ref["snippet"] = snippet(article.text, tokens)
        items.append(ref)
    return paged(items, total, page)


def snippet(text: str, tokens: list[str], width: int = 220) -> dict[str, Any]:
    """Text around the first token found, with the matched spans relative to the snippet."""
    folded = fold(text)
    start = min((i for i in (folded.find(t) for t in tokens) if i >= 0), default=0)
    begin = max(0, start - width // 3)
    piece = text[begin : begin + width]
    piece_folded = folded[begin : begin + width]
    marks = []
    for token in tokens:
        for m in re.finditer(re.escape(token), piece_folded):
            marks.append([m.start(), m.end()])
    return {"text": piece, "prefix": begin > 0, "suffix": begin + width < len(text), "marks": _merge_spans(marks)}


def _merge_spans(spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


# --- party profile ---------------------------------------------------------------------


def get_party(session: Session, party_id: str) -> PartyRow:
    row = session.get(PartyRow, party_id)
    if row is None:
        raise NotFound(f"no party {party_id}")
    return row


def profile(session: Session, index: Index, party_id: str) -> dict[str, Any]:
    me = get_party(session, party_id)
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
                "relations": [{"type": t, "since": s} for t, s in sorted(pair.relations.items())],
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
    predecessors = session.scalars(select(PartyRow).where(PartyRow.successor == party_id)).all()
    merged = session.scalars(select(PartyRow).where(PartyRow.merged_into == party_id)).all()
    return {
        "party": {
            **(party_dict(me) or {}),
            "events": index.event_counts.get(party_id, 0),
            "coordinates": _coordinates(party_id),
            "merged_into": party_dict(session.get(PartyRow, me.merged_into)) if me.merged_into else None,
        },
        "successor": (party_dict(session.get(PartyRow, me.successor)) or _gazetteer_party(me.successor))
        if me.successor
        else None,
        "predecessors": [party_dict(p) for p in predecessors],
        "merged_from": [party_dict(p) for p in merged],
        "partners": partners,
        "fields_by_year": [{"year": y, "fields": dict(c.most_common())} for y, c in sorted(by_year.items())],
        "officials_met": officials_met(session, party_id),
        "proposals": proposals_of(session, party_id),
    }


def _gazetteer_party(party_id: str | None) -> dict[str, Any] | None:
    if party_id is None:
        return None
    entity = gazetteer.load().get(party_id)
    if entity is None:
        return {"id": party_id, "name": party_id, "name_vi": None, "kind": None, "country": None}
    return {
        "id": entity.id,
        "name": entity.name,
        "name_vi": entity.name_vi,
        "kind": entity.kind,
        "country": entity.country,
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
    rows = session.scalars(
        select(ProposalRow)
        .where(or_(ProposalRow.by == party_id, ProposalRow.to == party_id))
        .order_by(ProposalRow.id.desc())
        .limit(limit)
    ).all()
    return [
        {
            "event_id": p.event_id,
            "article_id": p.article_id,
            "by": p.by,
            "to": p.to,
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
    for row in session.scalars(select(RelationRow).where(RelationRow.a_id == low, RelationRow.b_id == high)):
        relations.append(
            {
                "id": row.id,
                "type": row.type,
                "since": row.since,
                "human": row.human,
                "hidden": row.hidden,
                "sources": [
                    {"article": _article_ref(s.article), "since": s.since, "evidence": s.evidence}
                    for s in sorted(row.sources, key=lambda s: (s.article.published_value or "", s.article_id))
                ],
                "corrections": [
                    correction_dict(c)
                    for c in _corrections_for(session, "relation", curation.relation_key(low, high, row.type))
                ],
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
    events = [event_detail(session, i) for i in ids]
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
        where = _coordinates(node["id"])
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


# --- article ---------------------------------------------------------------------------


def article_view(session: Session, article_id: int) -> dict[str, Any]:
    """The clean text cut into segments, each listing the facts whose evidence covers it."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article {article_id}")
    facts: list[dict[str, Any]] = []
    sources = session.scalars(
        select(EventSource).where(EventSource.article_id == article_id).order_by(EventSource.position)
    ).all()
    summaries = {e["id"]: e for e in event_summaries(session, [s.event_id for s in sources])}
    people = _event_people(session, [s.event_id for s in sources])
    for source in sources:
        event = summaries[source.event_id]
        facts.append(
            {
                "id": f"e{source.event_id}",
                "type": "event",
                "event_id": source.event_id,
                "as_stated": {"date": source.date, "fields": source.fields, "parties": source.parties},
                "merged": {**event, "people": people.get(source.event_id, [])},
                "evidence": source.evidence,
            }
        )
        for proposal in session.scalars(
            select(ProposalRow).where(ProposalRow.event_id == source.event_id, ProposalRow.article_id == article_id)
        ):
            facts.append(
                {
                    "id": f"p{proposal.id}",
                    "type": "proposal",
                    "event_id": source.event_id,
                    "merged": {"by": proposal.by, "to": proposal.to, "act": proposal.act, "text": proposal.text},
                    "evidence": proposal.evidence,
                }
            )
    for rsource in session.scalars(
        select(RelationSource).where(RelationSource.article_id == article_id).order_by(RelationSource.position)
    ):
        rel = rsource.relation
        a, b = (rel.b, rel.a) if rsource.swapped else (rel.a, rel.b)
        facts.append(
            {
                "id": f"r{rel.id}",
                "type": "relation",
                "relation_id": rel.id,
                "merged": {
                    "a": party_dict(a),
                    "b": party_dict(b),
                    "type": rel.type,
                    "since": rel.since,
                    "stated_since": rsource.since,
                    "human": rel.human,
                    "hidden": rel.hidden,
                },
                "evidence": rsource.evidence,
            }
        )
    return {
        "article": {**_article_ref(article), "authors": article.authors, "text": article.text},
        "facts": facts,
        "segments": segments(article.text, facts),
    }


def segments(text: str, facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """`text` cut at every evidence boundary; each piece lists the facts covering it."""
    cuts = {0, len(text)}
    spans = []
    for fact in facts:
        for span in fact["evidence"]:
            start, end = max(0, span["start"]), min(len(text), span["end"])
            if start < end:
                cuts.update((start, end))
                spans.append((start, end, fact["id"]))
    points = sorted(cuts)
    out = []
    for start, end in pairwise(points):
        covering = sorted({fid for s, e, fid in spans if s <= start and end <= e})
        out.append({"text": text[start:end], "facts": covering})
    return out


def corrections_page(session: Session, page: Page) -> dict[str, Any]:
    total = session.scalar(select(func.count()).select_from(Correction)) or 0
    rows = curation.history(session, limit=page.per_page, offset=page.offset)
    return paged([correction_dict(c) for c in rows], total, page)
