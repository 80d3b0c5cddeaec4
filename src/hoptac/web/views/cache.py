"""The whole-database index: built once per store generation (see `StoreState`) in one pass
over events and parties; the network, the map and the overview filter it in memory."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hoptac.store import overlay
from hoptac.store.models import (
    Article,
    Correction,
    EventParty,
    EventRow,
    PartyRow,
    RelationRow,
)
from hoptac.store.pairs import counterpart_ids, is_counterpart, registry, registry_party
from hoptac.web.views.base import party_dict

# --- the whole-database index ----------------------------------------------------------


@dataclass
class Pair:
    a: str
    b: str
    relations: dict[str, str | None] = field(default_factory=dict)  # type -> since
    human: bool = False
    # (year or None, fields) per shared event
    events: list[tuple[int | None, tuple[str, ...]]] = field(default_factory=list)
    # The partnership registry lists at least one of the relationships.
    registry: bool = False


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
    # Dated events per year, and among them those dated by their year alone.
    years: Counter[str] = field(default_factory=Counter)
    year_only: Counter[str] = field(default_factory=Counter)


def build_index(session: Session) -> Index:
    generation = overlay.generation(session)
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
    years: Counter[str] = Counter()
    year_only: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    field_counts: Counter[str] = Counter()
    for event_id, (value, fields) in events.items():
        ids = members.get(event_id, [])
        counts.update(ids)
        field_counts.update(fields)
        if value and not value.startswith("--") and len(value) >= 7:
            months[value[:7]] += 1
        if value and value[:4].isdigit():
            years[value[:4]] += 1
            if len(value) == 4:
                year_only[value] += 1
        year = int(value[:4]) if value and value[:4].isdigit() else None
        described = [(i, parties[i]["kind"], parties[i]["country"]) for i in ids if i in parties]
        foreign = {c for _, _, c in described if c and c != "VN"}
        countries.update(foreign)
        for key in counterpart_ids(described):
            pair = pairs.get(key)
            if pair is None:
                pair = pairs[key] = Pair(*key)
            pair.events.append((year, tuple(fields)))
    deleted: set[tuple[str, str, str]] = set()
    for row in session.scalars(select(RelationRow)):
        if row.hidden:
            deleted.add((row.a_id, row.b_id, row.type))
            continue
        a, b = parties.get(row.a_id), parties.get(row.b_id)
        if a is None or b is None or not is_counterpart(a["country"], b["country"]):
            continue
        pair = pairs.get((row.a_id, row.b_id))
        if pair is None:
            pair = pairs[(row.a_id, row.b_id)] = Pair(row.a_id, row.b_id)
        pair.relations[row.type] = row.since
        pair.human = pair.human or row.human
    for key, listed in registry().items():
        for row in listed:
            if (row.a_id, row.b_id, row.type) in deleted:
                continue
            for party_id in key:
                if party_id not in parties:
                    parties[party_id] = registry_party(party_id)  # type: ignore[assignment]
            pair = pairs.get(key)
            if pair is None:
                pair = pairs[key] = Pair(*key)
            known = pair.relations.get(row.type)
            if row.type not in pair.relations or (
                row.since and not pair.human and (known is None or row.since < known)
            ):
                pair.relations[row.type] = row.since
            pair.registry = True
    partnered = {party_id for key in pairs for party_id in key}
    totals = {
        "articles": session.scalar(select(func.count()).select_from(Article)) or 0,
        "events": len(events),
        # Parties with a partner: a country beside its own locality, a venue, are not counted.
        "parties": len(partnered),
        "relations": sum(len(p.relations) for p in pairs.values()),
        "countries": len(countries),
        "corrections": session.scalar(select(func.count()).select_from(Correction)) or 0,
    }
    neighbours: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in pairs:
        neighbours[key[0]].append(key)
        neighbours[key[1]].append(key)
    return Index(
        generation, parties, counts, pairs, months, countries, field_counts, totals, dict(neighbours), years, year_only
    )


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
        self._warming: threading.Thread | None = None

    def invalidate(self) -> None:
        """Data changed through this process: the next `get` rebuilds before answering."""
        self._dirty = True
        self._checked = 0.0

    def warm(self) -> None:
        """Build the index now, in the background (at start-up)."""
        if self._sessions is not None:
            self._warming = threading.Thread(target=self._build_detached, daemon=True)
            self._warming.start()

    def settle(self, timeout: float = 30.0) -> None:
        """Wait for the start-up build, so that closing the store does not pull a connection from under it."""
        if self._warming is not None:
            self._warming.join(timeout)

    def get(self, session: Session) -> Index:
        if self._index is not None and time.monotonic() - self._checked < 1.0:
            return self._index
        with self._lock:
            current = overlay.generation(session)
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
        return self.fresh(("json", key))

    def fresh(self, key: Any) -> Any:
        """A cached answer (`cached`), when one is there and the generation was checked within the second."""
        index = self._index
        if index is None or time.monotonic() - self._checked >= 1.0:
            return None
        hit = self.responses.get(key)
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
