"""Storing extraction results: articles, parties, merged events, people, relations."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import hoptac
from hoptac.models import ArticleResult, DateValue, Event, Evidence, Party, Person, Relation
from hoptac.store import overlay, syndication
from hoptac.store.models import (
    Alias,
    Article,
    ArticleSearch,
    EventParty,
    EventPerson,
    EventRow,
    EventSource,
    PartyRow,
    PersonAlias,
    PersonRow,
    ProposalRow,
    RelationRow,
    RelationSource,
)
from hoptac.textnorm import fold, squeeze

Status = Literal["new", "unchanged", "updated"]
_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class IngestOutcome:
    """What storing one article did. `events`/`relations` count the facts written this time
    (0 when unchanged); `merged` counts the events that joined an event already reported elsewhere."""

    status: Status
    article_id: int
    events: int = 0
    relations: int = 0
    merged: int = 0


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_stored(session: Session, text: str) -> bool:
    """An article of exactly this clean text is stored: ingesting it again would change nothing."""
    return session.scalar(select(Article.id).where(Article.content_hash == content_hash(text))) is not None


def ingest_result(session: Session, result: ArticleResult, *, retries: int = 3) -> IngestOutcome:
    """Store one article and its facts in one transaction, committed before returning.

    The same text (by hash) is left alone; the same source with new text has its
    facts replaced. A unique-constraint clash means another writer stored the same
    thing meanwhile: roll back and redo, which then finds the other writer's rows.
    """
    for attempt in range(retries):
        try:
            outcome = _ingest(session, result)
            session.commit()
            return outcome
        except IntegrityError:
            session.rollback()
            if attempt == retries - 1:
                raise
    raise AssertionError("unreachable")


def _ingest(session: Session, result: ArticleResult) -> IngestOutcome:
    meta = result.article
    digest = content_hash(meta.text)
    same = session.scalar(select(Article).where(Article.content_hash == digest))
    if same is not None:
        return IngestOutcome("unchanged", same.id)
    article = session.scalar(select(Article).where(Article.source == result.source))
    status: Status = "new"
    if article is None:
        article = Article(source=result.source)
        session.add(article)
    else:
        status = "updated"
        clear_facts(session, article)
    article.url = meta.url
    article.content_hash = digest
    article.title = meta.title
    published = meta.published
    article.published_value = published.value if published else None
    article.published_precision = published.precision if published else None
    article.published_inferred = published.inferred if published else None
    article.outlet = meta.outlet
    article.authors = list(meta.authors)
    article.text = meta.text
    article.ingested_at = datetime.now(UTC)
    article.extractor_version = hoptac.__version__
    session.flush()
    folded = _index_for_search(session, article)
    overlay.bump_generation(session)
    # After the bump: on PostgreSQL that waits for any writer that bumped first, whose article is then seen.
    syndication.record(session, article, folded, index=bool(result.events))
    merged = add_facts(session, article, result.events, result.relations)
    return IngestOutcome(status, article.id, len(result.events), len(result.relations), merged)


def _index_for_search(session: Session, article: Article) -> str:
    """Store the folded title and text; returns the folded text, which near-copy detection reuses."""
    # Folded apart, then joined: the line break stops case context, so this equals folding the whole.
    text = fold(article.text)
    folded = f"{fold(article.title or '')}\n{text}"
    row = session.get(ArticleSearch, article.id)
    if row is None:
        session.add(ArticleSearch(article_id=article.id, folded=folded))
    elif row.folded != folded:
        row.folded = folded
    session.flush()
    return text


# --- parties -------------------------------------------------------------------------


def upsert_party(session: Session, party: Party) -> PartyRow:
    row = session.get(PartyRow, party.id)
    if row is None:
        row = PartyRow(
            id=party.id,
            name=party.name,
            name_vi=party.name_vi,
            kind=party.kind,
            country=party.country,
            successor=party.successor,
        )
        session.add(row)
        session.flush()
    else:
        row.name_vi = row.name_vi or party.name_vi
        row.successor = row.successor or party.successor
    for surface in (party.id, party.name, party.name_vi):
        if surface:
            add_alias(session, row.id, surface)
    return row


def add_alias(session: Session, party_id: str, surface: str) -> None:
    surface = squeeze(surface)
    exists = session.scalar(select(Alias.id).where(Alias.party_id == party_id, Alias.surface == surface))
    if exists is None:
        session.add(Alias(party_id=party_id, surface=surface, folded=fold(surface)))


# --- events --------------------------------------------------------------------------


def fingerprint(event: Event) -> str | None:
    """kind + the sorted ids of the non-country parties; None when there are none."""
    ids = sorted({p.id for p in event.parties if p.kind != "country"})
    return f"{event.kind}|{','.join(ids)}" if ids else None


def fingerprint_of(kind: str, party_ids: list[str], session: Session) -> str | None:
    """`fingerprint` for stored parties, looking up which are countries."""
    kinds = dict(session.execute(select(PartyRow.id, PartyRow.kind).where(PartyRow.id.in_(party_ids))).all())
    ids = sorted({p for p in party_ids if kinds.get(p) != "country"})
    return f"{kind}|{','.join(ids)}" if ids else None


def dates_compatible(a: str, b: str) -> bool:
    """Equal, or one a less precise form of the other ("2018-03" and "2018-03-07")."""
    return a == b or b.startswith(a + "-") or a.startswith(b + "-")


def _merge_target(session: Session, fp: str | None, date: DateValue | None) -> EventRow | None:
    if fp is None or date is None:
        return None
    # An event whose date an editor corrected is still found under the date its articles give.
    keyed = session.scalar(select(EventRow).where(EventRow.key == f"{fp}@{date.value}"))
    if keyed is not None:
        return keyed
    candidates = session.scalars(select(EventRow).where(EventRow.fingerprint == fp)).all()
    exact = [e for e in candidates if e.date_value == date.value]
    if exact:
        return exact[0]
    compatible = [e for e in candidates if e.date_value and dates_compatible(e.date_value, date.value)]
    # Two compatible events ("2018-03-07" and "2018-03-09" for a "2018-03") leave it undecided.
    return compatible[0] if len(compatible) == 1 else None


def _spans(evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [e.model_dump() for e in evidence]


def _union(lists: list[list[Any]]) -> list[Any]:
    out: list[Any] = []
    for items in lists:
        for item in items:
            if item not in out:
                out.append(item)
    return out


def recompute_event(session: Session, event: EventRow) -> None:
    """Derive the merged event's date, parties, fields and amounts from its sources."""
    sources = sorted(event.sources, key=lambda s: s.article_id)
    dates = [s.date for s in sources if s.date]
    if dates:
        best = dates[0]
        for date in dates[1:]:
            if _PRECISION_RANK[date["precision"]] > _PRECISION_RANK[best["precision"]]:
                best = date
        value = best["value"]
        clash = (
            session.scalar(
                select(EventRow).where(
                    EventRow.fingerprint == event.fingerprint,
                    EventRow.date_value == value,
                    EventRow.id != event.id,
                )
            )
            if event.fingerprint and value != event.date_value
            else None
        )
        if clash is not None:
            _absorb(session, event, clash)
            recompute_event(session, event)
            return
        event.date_value, event.date_precision, event.date_inferred = (
            value,
            best["precision"],
            best["inferred"],
        )
    else:
        event.date_value = event.date_precision = event.date_inferred = None
    event.mode = next((s.mode for s in sources if s.mode), None)
    # A planned event that a later article reports as held is past.
    event.status = "past" if any(s.status == "past" for s in sources) else "planned"
    event.place_party_id = next((s.place_party_id for s in sources if s.place_party_id), None)
    event.fields = _union([s.fields for s in sources])
    event.amounts = _union([s.amounts for s in sources])
    roles: dict[str, str | None] = {}
    for source in sources:
        for party_id, role in source.parties:
            roles.setdefault(party_id, role)
    current = {ep.party_id: ep for ep in event.parties}
    for party_id in set(current) - set(roles):
        event.parties.remove(current[party_id])
    for position, (party_id, role) in enumerate(roles.items()):
        link = current.get(party_id)
        if link is None:
            event.parties.append(EventParty(party_id=party_id, role=role, position=position))
        else:
            link.role, link.position = role, position
    session.flush()
    overlay.apply_to_event(session, event)


def _absorb(session: Session, keep: EventRow, other: EventRow) -> None:
    """Move every source, person and proposal of `other` into `keep`, then drop `other`."""
    by_article = {s.article_id: s for s in keep.sources}
    for source in list(other.sources):
        mine = by_article.get(source.article_id)
        if mine is None:
            source.event = keep
        else:
            _extend_source(mine, source.parties, source.fields, source.amounts, source.evidence)
            session.delete(source)
    seen = {(p.person_id, p.article_id) for p in keep.people}
    for link in list(other.people):
        if (link.person_id, link.article_id) in seen:
            session.delete(link)
        else:
            link.event = keep
    for proposal in list(other.proposals):
        proposal.event = keep
    # The children point at `keep` in the database before `other` goes, so the foreign keys'
    # ON DELETE CASCADE cannot take them along.
    session.flush()
    session.delete(other)
    session.flush()


def _extend_source(
    source: EventSource, parties: list[Any], fields: list[Any], amounts: list[Any], evidence: list[Any]
) -> None:
    # JSON columns are reassigned, not mutated, so the change is seen and written.
    known = {p[0] for p in source.parties}
    source.parties = source.parties + [p for p in parties if p[0] not in known]
    source.fields = _union([source.fields, fields])
    source.amounts = _union([source.amounts, amounts])
    source.evidence = _union([source.evidence, evidence])


def _near(a: str, b: str, days: int = 45) -> bool:
    """Whether two dates of any precision can lie within `days` of each other."""
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:] or a.startswith("--") != b.startswith("--")

    def bounds(value: str) -> tuple[date, date]:
        parts = [int(x) for x in value[:10].split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)

    (a_lo, a_hi), (b_lo, b_hi) = bounds(a), bounds(b)
    gap = max((b_lo - a_hi).days, (a_lo - b_hi).days, 0)
    return gap <= days


def _copy_target(
    session: Session, article: Article, position: int, event: Event, fp: str | None, copies: list[int]
) -> EventRow | None:
    """The event of a near-copy of this article (see `syndication`) that `event` restates.

    A republished story reports the same events, but its date may be inferred differently
    or a party missed, so the fingerprint need not match: the same kind and one shared
    non-country party suffice when the dates agree (or one is missing); when they
    disagree, one event's parties must all be among the other's, so two meetings of one
    province with two different delegations stay apart. Among several, the compatible
    date, the same fingerprint, more shared parties and the nearer place in the article
    win. An event another event of this article already joined is left to it.
    """
    mine = {p.id for p in event.parties if p.kind != "country"}
    if not mine or not copies:
        return None
    everyone = {p.id for p in event.parties}
    sources = session.scalars(
        select(EventSource)
        .join(EventRow, EventRow.id == EventSource.event_id)
        .where(EventSource.article_id.in_(copies), EventRow.kind == event.kind)
    ).all()
    best, best_rank = None, None
    for source in sources:
        row = source.event
        if any(s.article_id == article.id for s in row.sources):
            continue
        shared = len(mine & {link.party_id for link in row.parties if link.party.kind != "country"})
        if not shared:
            continue
        dated = bool(event.date and row.date_value and dates_compatible(row.date_value, event.date.value))
        theirs = {link.party_id for link in row.parties}
        # Copies disagree on a date by days (one infers it, one prints it), never by months.
        nested = everyone <= theirs or theirs <= everyone
        if event.date and row.date_value and not dated and not (nested and _near(row.date_value, event.date.value)):
            continue
        rank = (dated, row.fingerprint == fp, shared, -abs(source.position - position), -row.id)
        if best_rank is None or rank > best_rank:
            best, best_rank = row, rank
    return best


def _add_event(session: Session, article: Article, position: int, event: Event, copies: list[int]) -> bool:
    """Store one event of the article; True when it joined an event already stored."""
    for party in event.parties:
        upsert_party(session, party)
    if event.place is not None:
        upsert_party(session, event.place)
    fp = fingerprint(event)
    target = _copy_target(session, article, position, event, fp, copies) or _merge_target(session, fp, event.date)
    merged = target is not None and any(s.article_id != article.id for s in target.sources)
    if target is None:
        key = f"{fp}@{event.date.value if event.date else ''}" if fp else f"{article.source}#{position}"
        target = EventRow(
            kind=event.kind, status=event.status, fingerprint=fp, key=key, fields=[], amounts=[], curated=[]
        )
        session.add(target)
        session.flush()
    parties = [[p.id, p.role] for p in event.parties]
    amounts = [a.model_dump() for a in event.amounts]
    mine = next((s for s in target.sources if s.article_id == article.id), None)
    if mine is None:
        target.sources.append(
            EventSource(
                article_id=article.id,
                position=position,
                mode=event.mode,
                status=event.status,
                place_party_id=event.place.id if event.place else None,
                date=event.date.model_dump() if event.date else None,
                parties=parties,
                fields=list(event.fields),
                amounts=amounts,
                evidence=_spans(event.evidence),
            )
        )
    else:
        # The article reports the same event twice: one source row, everything it said.
        _extend_source(mine, parties, list(event.fields), amounts, _spans(event.evidence))
    session.flush()
    recompute_event(session, target)
    for order, person in enumerate(event.people):
        _add_event_person(session, target, article, order, person)
    for proposal in event.proposals:
        target.proposals.append(
            ProposalRow(
                article_id=article.id,
                by=proposal.by,
                to=proposal.to,
                act=proposal.act,
                text=proposal.text,
                fields=list(proposal.fields),
                evidence=_spans(proposal.evidence),
            )
        )
    session.flush()
    return merged


# --- people --------------------------------------------------------------------------


def _name_key(name: str) -> list[str]:
    # Hyphens and spacing in romanised names vary between outlets: "Kyung-ha" / "Kyungha".
    return [token.replace("-", "") for token in fold(squeeze(name)).split()]


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]
    return True


def same_person(a: str, b: str) -> bool:
    """Equal after folding, or one edit apart on the last syllable ("Oh Keo-don" / "Oh Keo-dong").

    The edit rule needs a last syllable of at least four letters: short Vietnamese
    given names one letter apart ("An" / "Anh") are different people.
    """
    ka, kb = _name_key(a), _name_key(b)
    if ka == kb:
        return True
    if len(ka) != len(kb) or len(ka) < 2 or ka[:-1] != kb[:-1]:
        return False
    last_a, last_b = ka[-1], kb[-1]
    return min(len(last_a), len(last_b)) >= 4 and _edit_distance_at_most_one(last_a, last_b)


def resolve_person(session: Session, person: Person) -> PersonRow:
    party_filter = PersonRow.party_id == person.party if person.party else PersonRow.party_id.is_(None)
    rows = session.execute(
        select(PersonRow, PersonAlias.name).join(PersonAlias, PersonAlias.person_id == PersonRow.id).where(party_filter)
    ).all()
    row = next((r for r, alias in rows if same_person(alias, person.name)), None)
    if row is None:
        row = PersonRow(name=squeeze(person.name), party_id=person.party, titles=[])
        session.add(row)
        session.flush()
    if person.title and person.title not in row.titles:
        row.titles = [*row.titles, person.title]
    surface = squeeze(person.name)
    if not any(r.id == row.id and alias == surface for r, alias in rows):
        session.add(PersonAlias(person_id=row.id, name=surface))
    return row


def _add_event_person(session: Session, event: EventRow, article: Article, order: int, person: Person) -> None:
    row = resolve_person(session, person)
    session.flush()
    if any(link.person_id == row.id and link.article_id == article.id for link in event.people):
        return
    event.people.append(
        EventPerson(person_id=row.id, article_id=article.id, name=person.name, title=person.title, position=order)
    )


# --- relations -----------------------------------------------------------------------


def _add_relation(session: Session, article: Article, position: int, relation: Relation) -> None:
    upsert_party(session, relation.a)
    upsert_party(session, relation.b)
    swapped = relation.b.id < relation.a.id
    a_id, b_id = (relation.b.id, relation.a.id) if swapped else (relation.a.id, relation.b.id)
    row = session.scalar(
        select(RelationRow).where(RelationRow.a_id == a_id, RelationRow.b_id == b_id, RelationRow.type == relation.type)
    )
    if row is None:
        row = RelationRow(a_id=a_id, b_id=b_id, type=relation.type)
        session.add(row)
        session.flush()
    mine = next((s for s in row.sources if s.article_id == article.id), None)
    if mine is None:
        row.sources.append(
            RelationSource(
                article_id=article.id,
                position=position,
                swapped=swapped,
                since=relation.since,
                evidence=_spans(relation.evidence),
            )
        )
    else:
        mine.since = mine.since or relation.since
        mine.evidence = _union([mine.evidence, _spans(relation.evidence)])
    session.flush()
    recompute_relation(session, row)


def recompute_relation(session: Session, row: RelationRow) -> None:
    # Outlets disagree on founding years; the earliest stated one is kept, the others stay on the sources.
    stated = sorted(s.since for s in row.sources if s.since)
    row.since = stated[0] if stated else None
    overlay.apply_to_relation(session, row)


# --- whole articles ------------------------------------------------------------------


def add_facts(session: Session, article: Article, events: list[Event], relations: list[Relation]) -> int:
    """Store an article's events and relations; returns how many events merged with another outlet's."""
    moved = overlay.redirects(session)
    if moved:
        events = [_redirected(event, moved) for event in events]
        relations = [_redirected(relation, moved) for relation in relations]
    # Re-extraction may give an article its first events, or take its last: index it accordingly.
    syndication.sync(session, article, bool(events))
    # Near-copies either way round, so re-extracting the earlier article keeps the merge too.
    copies = syndication.related(session, article.id) if events else []
    merged = 0
    for position, event in enumerate(events):
        merged += _add_event(session, article, position, event, copies)
    for position, relation in enumerate(relations):
        _add_relation(session, article, position, relation)
    return merged


def _redirected(fact: Any, moved: dict[str, str]) -> Any:
    """The fact with parties an editor merged away replaced by the party they went into."""
    data = fact.model_dump()

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "id" in node and "kind" in node and node["id"] in moved:
                node = {**node, "id": moved[node["id"]]}
            node = {k: walk(v) for k, v in node.items()}
            if isinstance(node.get("parties"), list):
                seen: set[str] = set()
                node["parties"] = [p for p in node["parties"] if not (p["id"] in seen or seen.add(p["id"]))]
            for key in ("party", "by", "to"):
                if isinstance(node.get(key), str) and node[key] in moved:
                    node[key] = moved[node[key]]
            return node
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    return type(fact).model_validate(walk(data))


def clear_facts(session: Session, article: Article) -> None:
    """Remove what this article contributed; facts other articles also report stay, recomputed."""
    session.execute(delete(EventPerson).where(EventPerson.article_id == article.id))
    session.execute(delete(ProposalRow).where(ProposalRow.article_id == article.id))
    session.expire_all()
    sources = session.scalars(select(EventSource).where(EventSource.article_id == article.id)).all()
    for source in sources:
        event = source.event
        event.sources.remove(source)
        session.flush()
        if event.sources:
            recompute_event(session, event)
        else:
            session.delete(event)
    for rsource in session.scalars(select(RelationSource).where(RelationSource.article_id == article.id)).all():
        relation = rsource.relation
        relation.sources.remove(rsource)
        session.flush()
        if relation.sources or relation.human:
            recompute_relation(session, relation)
        else:
            session.delete(relation)
    session.flush()
    # People seen only in the removed facts go too.
    linked = select(EventPerson.person_id)
    session.execute(delete(PersonAlias).where(PersonAlias.person_id.not_in(linked)))
    session.execute(delete(PersonRow).where(PersonRow.id.not_in(linked)))
    session.expire_all()
