"""Reading the database: partners of a party, filtered events, one article with its evidence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from hoptac.models import (
    Amount,
    ArticleMeta,
    ArticleResult,
    DateValue,
    Event,
    Evidence,
    Party,
    Person,
    Proposal,
    Relation,
)
from hoptac.store.models import (
    Alias,
    Article,
    ArticleCopy,
    EventParty,
    EventPerson,
    EventRow,
    EventSource,
    PartyRow,
    ProposalRow,
    RelationRow,
    RelationSource,
)
from hoptac.textnorm import fold, normalize, squeeze


class NotFound(LookupError):
    """A party or article the user named is not in the database; the message is for the user."""


# --- parties -------------------------------------------------------------------------


def _event_count(session: Session, party_id: str) -> int:
    return session.scalar(select(func.count()).select_from(EventParty).where(EventParty.party_id == party_id)) or 0


def resolve_party(session: Session, name: str) -> PartyRow:
    """A party by id or by any name it was printed under, ignoring case and diacritics.

    A name that is the tail of a stored one ("Đà Nẵng" of "thành phố Đà Nẵng") matches
    too, then any name the gazetteer has for a stored party; among several matches
    the party with the most events wins.
    """
    query = squeeze(normalize(name))
    row = session.get(PartyRow, query) or session.get(PartyRow, query.upper())
    if row is not None:
        return row
    folded = fold(query)
    ids = set(session.scalars(select(Alias.party_id).where(Alias.folded == folded)))
    if not ids:
        tail = select(Alias.party_id).where(
            or_(Alias.folded.endswith(" " + folded), Alias.folded.endswith("." + folded))
        )
        ids = set(session.scalars(tail))
    if not ids:
        ids = _gazetteer_ids(session, query)
    if not ids:
        raise NotFound(f"no party matches '{name}'")
    rows = [session.get(PartyRow, i) for i in sorted(ids)]
    return max(rows, key=lambda r: (r.kind != "country", _event_count(session, r.id)))


def _gazetteer_ids(session: Session, name: str) -> set[str]:
    """Stored parties the gazetteer knows under `name` ("TP HCM" for VN-SG) though no article printed it."""
    from hoptac import gazetteer

    for entity in gazetteer.load().lookup(name):
        if session.get(PartyRow, entity.id) is not None:
            return {entity.id}
    return set()


def coordinates(party_id: str) -> tuple[float, float] | None:
    """Latitude and longitude of a party from the gazetteer, when it has them."""
    from hoptac import gazetteer

    return gazetteer.load().position(party_id)


def to_party(row: PartyRow, role: str | None = None) -> Party:
    return Party(
        id=row.id,
        name=row.name,
        name_vi=row.name_vi,
        kind=row.kind,
        country=row.country,
        role=role,
        successor=row.successor,
    )


def _date(value: str | None, precision: str | None, inferred: bool | None) -> DateValue | None:
    if value is None or precision is None:
        return None
    return DateValue(value=value, precision=precision, inferred=bool(inferred))


def counterpart_ids(parties: list[tuple[str, str, str | None]]) -> list[tuple[str, str]]:
    """The international partner pairs of one event, from its parties' (id, kind, country).

    A country listed beside one of its own localities is context, not a partner
    of its own; pairs join parties of different countries (an international
    organisation, with no country, counts as one of its own). Each pair comes
    sorted by id.
    """
    local_countries = {country for _, kind, country in parties if kind != "country"}
    kept = [p for p in parties if p[1] != "country" or p[2] not in local_countries]
    return [
        (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
        for a, b in combinations(kept, 2)
        if a[2] != b[2] or (a[2] is None and a[0] != b[0])
    ]


def counterparts(parties: list[PartyRow]) -> list[tuple[PartyRow, PartyRow]]:
    """`counterpart_ids` for stored parties."""
    rows = {p.id: p for p in parties}
    return [(rows[a], rows[b]) for a, b in counterpart_ids([(p.id, p.kind, p.country) for p in parties])]


# --- partners ------------------------------------------------------------------------


@dataclass
class Partner:
    party: Party
    relations: list[str] = field(default_factory=list)
    since: str | None = None
    events: int = 0
    last_event: str | None = None
    fields: list[str] = field(default_factory=list)


def _later(a: str | None, b: str | None) -> str | None:
    # "--MM-DD" dates carry no year and cannot say which is later.
    dated = [d for d in (a, b) if d and not d.startswith("--")]
    return max(dated) if dated else None


def partners(session: Session, party: str) -> tuple[Party, list[Partner]]:
    """Everyone `party` cooperated with: shared events and stated relationships."""
    me = resolve_party(session, party)
    found: dict[str, Partner] = {}

    def entry(row: PartyRow) -> Partner:
        if row.id not in found:
            found[row.id] = Partner(party=to_party(row))
        return found[row.id]

    events = session.scalars(
        select(EventRow)
        .join(EventParty)
        .where(EventParty.party_id == me.id, EventRow.hidden.is_(False))
        .options(selectinload(EventRow.parties).selectinload(EventParty.party))
    ).unique()
    for event in events:
        rows = [link.party for link in event.parties]
        for a, b in counterparts(rows):
            if me.id not in (a.id, b.id):
                continue
            partner = entry(b if a.id == me.id else a)
            partner.events += 1
            partner.last_event = _later(partner.last_event, event.date_value)
            partner.fields += [f for f in event.fields if f not in partner.fields]
    relations = session.scalars(
        select(RelationRow).where(
            or_(RelationRow.a_id == me.id, RelationRow.b_id == me.id), RelationRow.hidden.is_(False)
        )
    )
    for relation in relations:
        partner = entry(relation.b if relation.a_id == me.id else relation.a)
        if relation.type not in partner.relations:
            partner.relations.append(relation.type)
        if relation.since and (partner.since is None or relation.since < partner.since):
            partner.since = relation.since
    ordered = sorted(found.values(), key=lambda p: (-p.events, -len(p.relations), fold(p.party.name)))
    return to_party(me), ordered


# --- events --------------------------------------------------------------------------


@dataclass
class StoredEvent:
    """A merged event: `event.evidence` is empty since spans belong to single articles (see `sources`)."""

    id: int
    event: Event
    sources: list[str]
    # What editors changed ("date", "fields", ...); empty for pure machine output.
    curated: list[str] = field(default_factory=list)
    # The source published first (see `first_report`), and the sources that republish another of them.
    first_report: str | None = None
    copies: list[str] = field(default_factory=list)


def _published_order(article: Article) -> tuple[bool, str, int]:
    # Undated articles (and "--MM-DD", which has no year) come last; among equal dates the one stored first.
    value = article.published_value
    dated = bool(value) and not value.startswith("--")
    return (not dated, value if dated else "", article.id)


def first_report(articles: list[Article]) -> Article | None:
    """The article published first; a date of month precision ("2024-04") goes before the month's days."""
    return min(articles, key=_published_order, default=None)


def _copy_links(session: Session, ids: set[int]) -> list[tuple[int, int]]:
    if len(ids) < 2:
        return []
    stmt = select(ArticleCopy.article_id, ArticleCopy.original_id)
    if len(ids) <= 500:
        stmt = stmt.where(ArticleCopy.article_id.in_(ids), ArticleCopy.original_id.in_(ids))
    # Past that, reading every link is cheaper than a long IN list (and stays under SQLite's limit).
    return [(a, b) for a, b in session.execute(stmt) if a in ids and b in ids]


def republished(articles: list[Article], links: list[tuple[int, int]]) -> list[Article]:
    """The articles that republish another of `articles`: in each group of near-copies, all but the first published."""
    group = {a.id: a.id for a in articles}

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for a, b in links:
        if a in group and b in group:
            group[root(a)] = root(b)
    groups: dict[int, list[Article]] = defaultdict(list)
    for article in articles:
        groups[root(article.id)].append(article)
    first = {min(members, key=_published_order).id for members in groups.values()}
    return [a for a in sorted(articles, key=lambda a: a.id) if a.id not in first]


@dataclass
class Copy:
    """A stored article that tells the same story as another in nearly the same words."""

    id: int
    source: str
    title: str | None
    published: str | None
    similarity: float


def copies_of(session: Session, article_id: int) -> list[Copy]:
    """The near-copies of one article, most similar first."""
    rows = session.execute(
        select(ArticleCopy.article_id, ArticleCopy.original_id, ArticleCopy.similarity).where(
            or_(ArticleCopy.article_id == article_id, ArticleCopy.original_id == article_id)
        )
    ).all()
    out = []
    for a, b, score in rows:
        other = session.get(Article, b if a == article_id else a)
        if other is not None:
            out.append(Copy(other.id, other.source, other.title, other.published_value, score))
    return sorted(out, key=lambda c: (-c.similarity, c.id))


def merged_event(row: EventRow) -> Event:
    people: dict[int, Person] = {}
    for link in sorted(row.people, key=lambda p: (p.article_id, p.position)):
        person = link.person
        title = link.title or (person.titles[-1] if person.titles else None)
        people.setdefault(person.id, Person(name=person.name, title=title, party=person.party_id))
    return Event(
        kind=row.kind,
        mode=row.mode,
        status=row.status,
        date=_date(row.date_value, row.date_precision, row.date_inferred),
        place=to_party(row.place) if row.place else None,
        parties=[to_party(link.party, link.role) for link in row.parties],
        people=list(people.values()),
        fields=list(row.fields),
        amounts=[Amount(**a) for a in row.amounts],
        proposals=[_proposal(p) for p in row.proposals],
    )


def _proposal(row: ProposalRow) -> Proposal:
    return Proposal(
        by=row.by,
        to=row.to,
        act=row.act,
        text=row.text,
        fields=list(row.fields),
        evidence=[Evidence(**e) for e in row.evidence],
    )


def _overlaps(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date of any precision can fall within [since, until] (either bound optional)."""
    if since is None and until is None:
        return True
    if value is None or value.startswith("--"):
        return False
    # "2018-03" spans "2018-03" .. "2018-03\uffff" in string order.
    if since is not None and value + "\uffff" < since:
        return False
    return until is None or value <= until + "\uffff"


def events(
    session: Session,
    party: str | None = None,
    country: str | None = None,
    field: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[StoredEvent]:
    """Events matching every filter given, oldest first (undated last)."""
    stmt = (
        select(EventRow)
        .options(
            selectinload(EventRow.parties).selectinload(EventParty.party),
            selectinload(EventRow.people).selectinload(EventPerson.person),
            selectinload(EventRow.proposals),
            selectinload(EventRow.sources).selectinload(EventSource.article),
        )
        .where(EventRow.hidden.is_(False))
    )
    if party is not None:
        me = resolve_party(session, party)
        stmt = stmt.where(EventRow.id.in_(select(EventParty.event_id).where(EventParty.party_id == me.id)))
    if country is not None:
        in_country = select(EventParty.event_id).join(PartyRow).where(PartyRow.country == country.upper())
        stmt = stmt.where(EventRow.id.in_(in_country))
    if kind is not None:
        stmt = stmt.where(EventRow.kind == kind)
    rows = [
        row
        for row in session.scalars(stmt)
        if (field is None or field in row.fields) and _overlaps(row.date_value, since, until)
    ]
    links = _copy_links(session, {s.article_id for row in rows for s in row.sources})
    out = []
    for row in rows:
        articles = [s.article for s in sorted(row.sources, key=lambda s: s.article_id)]
        first = first_report(articles)
        out.append(
            StoredEvent(
                row.id,
                merged_event(row),
                [a.source for a in articles],
                list(row.curated),
                first.source if first else None,
                [a.source for a in republished(articles, links)],
            )
        )
    out.sort(key=lambda e: (e.event.date is None, e.event.date.value if e.event.date else "", e.id))
    return out


# --- one article ---------------------------------------------------------------------


def find_article(session: Session, article: str) -> Article:
    """An article by numeric id or by its source (file name or URL)."""
    row = session.scalar(select(Article).where(Article.source == article))
    if row is None and article.isdigit():
        row = session.get(Article, int(article))
    if row is None:
        # A path given as typed on the command line may differ from the stored source in its directory.
        row = session.scalar(select(Article).where(Article.source.endswith("/" + article)))
    if row is None:
        raise NotFound(f"no article matches '{article}'")
    return row


def article_result(session: Session, article: Article) -> ArticleResult:
    """The article as the extraction contract shapes it, with the facts as this article stated them."""
    meta = ArticleMeta(
        title=article.title,
        published=_date(article.published_value, article.published_precision, article.published_inferred),
        outlet=article.outlet,
        authors=list(article.authors),
        url=article.url,
        text=article.text,
    )
    sources = session.scalars(
        select(EventSource).where(EventSource.article_id == article.id).order_by(EventSource.position)
    ).all()
    parties = {p.id: p for p in session.scalars(select(PartyRow))} if sources else {}
    events = []
    for source in sources:
        row = source.event
        people = sorted((p for p in row.people if p.article_id == article.id), key=lambda p: p.position)
        place = parties.get(source.place_party_id) if source.place_party_id else None
        events.append(
            Event(
                kind=row.kind,
                mode=source.mode,
                status=source.status,
                date=DateValue(**source.date) if source.date else None,
                place=to_party(place) if place else None,
                parties=[to_party(parties[pid], role) for pid, role in source.parties],
                people=[Person(name=p.name, title=p.title, party=p.person.party_id) for p in people],
                fields=list(source.fields),
                amounts=[Amount(**a) for a in source.amounts],
                proposals=[
                    _proposal(p) for p in sorted(row.proposals, key=lambda p: p.id) if p.article_id == article.id
                ],
                evidence=[Evidence(**e) for e in source.evidence],
            )
        )
    relations = []
    rsources = session.scalars(
        select(RelationSource).where(RelationSource.article_id == article.id).order_by(RelationSource.position)
    )
    for rsource in rsources:
        rel = rsource.relation
        a, b = (rel.b, rel.a) if rsource.swapped else (rel.a, rel.b)
        relations.append(
            Relation(
                a=to_party(a),
                b=to_party(b),
                type=rel.type,
                since=rsource.since,
                evidence=[Evidence(**e) for e in rsource.evidence],
            )
        )
    return ArticleResult(source=article.source, article=meta, events=events, relations=relations)


@dataclass
class Fact:
    number: int
    label: str
    spans: list[Evidence]


@dataclass
class ArticleView:
    id: int
    source: str
    title: str | None
    text: str
    facts: list[Fact]


def _party_names(parties: list[Party]) -> str:
    return ", ".join(p.name_vi or p.name for p in parties)


def show(session: Session, article: str) -> ArticleView:
    """An article's clean text and each fact drawn from it, with the spans that support it."""
    row = find_article(session, article)
    result = article_result(session, row)
    facts: list[Fact] = []
    for event in result.events:
        date = event.date.value if event.date else "undated"
        label = f"{event.kind} {date}: {_party_names(event.parties)}"
        if event.fields:
            label += f" [{', '.join(event.fields)}]"
        facts.append(Fact(len(facts) + 1, label, event.evidence))
        for proposal in event.proposals:
            label = f"{proposal.act} by {proposal.by or '?'} to {proposal.to or '?'}: {proposal.text}"
            facts.append(Fact(len(facts) + 1, label, proposal.evidence))
    for relation in result.relations:
        since = f" since {relation.since}" if relation.since else ""
        label = f"{relation.type}{since}: {_party_names([relation.a, relation.b])}"
        facts.append(Fact(len(facts) + 1, label, relation.evidence))
    return ArticleView(row.id, row.source, row.title, row.text, facts)


def all_articles(session: Session) -> list[Article]:
    return list(session.scalars(select(Article).order_by(Article.id)))


@dataclass
class PairStats:
    events: int = 0
    relations: list[str] = field(default_factory=list)
    since: str | None = None
    fields: list[str] = field(default_factory=list)
    # A relationship an editor added or changed.
    human: bool = False


def partner_pairs(session: Session) -> dict[tuple[str, str], PairStats]:
    """Every partner pair in the database, keyed by sorted party ids."""
    pairs: dict[tuple[str, str], PairStats] = defaultdict(PairStats)
    stmt = (
        select(EventRow)
        .where(EventRow.hidden.is_(False))
        .options(selectinload(EventRow.parties).selectinload(EventParty.party))
    )
    for event in session.scalars(stmt):
        for a, b in counterparts([link.party for link in event.parties]):
            pair = pairs[(a.id, b.id)]
            pair.events += 1
            pair.fields += [f for f in event.fields if f not in pair.fields]
    for relation in session.scalars(select(RelationRow).where(RelationRow.hidden.is_(False))):
        pair = pairs[(relation.a_id, relation.b_id)]
        if relation.type not in pair.relations:
            pair.relations.append(relation.type)
        if relation.since and (pair.since is None or relation.since < pair.since):
            pair.since = relation.since
        pair.human = pair.human or relation.human
    return dict(pairs)
