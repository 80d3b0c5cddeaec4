"""Reading the database: partners of a party, filtered events, one article with its evidence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from hoptac import gazetteer
from hoptac.gazetteer import Entity
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
from hoptac.sample import is_sample
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
from hoptac.store.pairs import REGISTRY, counterpart_ids, is_counterpart, registry, registry_by_party, registry_party
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
        listed = _registry_only(query)
        if listed is not None:
            return listed
        raise NotFound(f"no party matches '{name}'")
    rows = [session.get(PartyRow, i) for i in sorted(ids)]
    return max(rows, key=lambda r: (r.kind != "country", _event_count(session, r.id)))


def _gazetteer_ids(session: Session, name: str) -> set[str]:
    """Stored parties the gazetteer knows under `name` ("TP HCM" for VN-SG) though no article printed it."""
    for entity in gazetteer.load().lookup(name):
        if session.get(PartyRow, entity.id) is not None:
            return {entity.id}
    return set()


def _registry_only(name: str) -> PartyRow | None:
    """A party no article named that the partnership registry lists, as an unsaved row."""
    for entity in gazetteer.load().lookup(name):
        if entity.id in registry_by_party():
            return party_row(entity)
    return None


def party_row(entity: Entity) -> PartyRow:
    """A gazetteer entity as an unsaved party row: a party no article named yet."""
    return PartyRow(
        id=entity.id,
        name=entity.name,
        name_vi=entity.name_vi,
        kind=entity.kind,
        country=entity.country,
        successor=entity.successor,
    )


def coordinates(party_id: str) -> tuple[float, float] | None:
    """Latitude and longitude of a party from the gazetteer, when it has them."""
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


def counterparts(parties: list[PartyRow]) -> list[tuple[PartyRow, PartyRow]]:
    """`counterpart_ids` for stored parties."""
    rows = {p.id: p for p in parties}
    return [(rows[a], rows[b]) for a, b in counterpart_ids([(p.id, p.kind, p.country) for p in parties])]


# --- partners ------------------------------------------------------------------------


@dataclass
class Origin:
    """Where a relationship is stated: the registry (its source URL) or an article."""

    kind: str  # "registry" or "article"
    since: str | None
    source: str
    article_id: int | None = None
    title: str | None = None


@dataclass
class Relationship:
    a: str
    b: str
    type: str
    since: str | None
    origins: list[Origin] = field(default_factory=list)
    # Added or changed by an editor.
    human: bool = False
    relation_id: int | None = None

    @property
    def sinces(self) -> list[str]:
        """The distinct years the sources give; more than one means they disagree."""
        return sorted({o.since for o in self.origins if o.since})


def _earliest(a: str | None, b: str | None) -> str | None:
    given = [d for d in (a, b) if d]
    return min(given) if given else None


def relationships(
    session: Session, party_id: str | None = None, pair: tuple[str, str] | None = None
) -> dict[tuple[str, str], list[Relationship]]:
    """Stated relationships, from articles, editors and the registry, by sorted pair of party ids.

    Only international pairs count; an editor's deletion also hides the registry's row.
    """
    stmt = select(RelationRow).options(
        selectinload(RelationRow.sources).selectinload(RelationSource.article),
        selectinload(RelationRow.a),
        selectinload(RelationRow.b),
    )
    if party_id is not None:
        stmt = stmt.where(or_(RelationRow.a_id == party_id, RelationRow.b_id == party_id))
    if pair is not None:
        stmt = stmt.where(RelationRow.a_id == min(pair), RelationRow.b_id == max(pair))
    found: dict[tuple[str, str, str], Relationship] = {}
    hidden: set[tuple[str, str, str]] = set()
    for row in session.scalars(stmt):
        key = (row.a_id, row.b_id, row.type)
        if row.hidden:
            hidden.add(key)
            continue
        if not is_counterpart(row.a.country, row.b.country):
            continue
        origins = [
            Origin("article", s.since, s.article.source, s.article_id, s.article.title)
            for s in sorted(row.sources, key=lambda s: (s.article.published_value or "", s.article_id))
        ]
        found[key] = Relationship(row.a_id, row.b_id, row.type, row.since, origins, row.human, row.id)
    if pair is not None:
        keys = [(min(pair), max(pair))]
    elif party_id is not None:
        keys = registry_by_party().get(party_id, [])
    else:
        keys = list(registry())
    for key in keys:
        for listed in registry().get(key, []):
            full = (listed.a_id, listed.b_id, listed.type)
            if full in hidden:
                continue
            entry = found.get(full)
            if entry is None:
                entry = found[full] = Relationship(listed.a_id, listed.b_id, listed.type, None)
            if not entry.human:
                entry.since = _earliest(entry.since, listed.since)
            entry.origins.insert(0, Origin(REGISTRY, listed.since, listed.source))
    out: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
    for rel in sorted(found.values(), key=lambda r: (r.a, r.b, TYPE_ORDER.get(r.type, 9))):
        out[(rel.a, rel.b)].append(rel)
    return dict(out)


TYPE_ORDER = {"sister": 0, "friendship": 1, "cooperation": 2, "membership": 3}


@dataclass
class Partner:
    party: Party
    relations: list[str] = field(default_factory=list)
    since: str | None = None
    events: int = 0
    last_event: str | None = None
    fields: list[str] = field(default_factory=list)
    stated: list[Relationship] = field(default_factory=list)


def _later(a: str | None, b: str | None) -> str | None:
    # "--MM-DD" dates carry no year and cannot say which is later.
    dated = [d for d in (a, b) if d and not d.startswith("--")]
    return max(dated) if dated else None


def _party_of(session: Session, party_id: str) -> Party | None:
    row = session.get(PartyRow, party_id)
    if row is not None:
        return to_party(row)
    listed = registry_party(party_id)
    return Party(**listed) if listed else None  # type: ignore[arg-type]


def partners(session: Session, party: str) -> tuple[Party, list[Partner]]:
    """Everyone `party` cooperated with: shared events, stated relationships and the registry's."""
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
    for (a, b), stated in relationships(session, party_id=me.id).items():
        other = b if a == me.id else a
        if other not in found:
            party_of = _party_of(session, other)
            if party_of is None:
                continue
            found[other] = Partner(party=party_of)
        partner = found[other]
        for rel in stated:
            partner.stated.append(rel)
            if rel.type not in partner.relations:
                partner.relations.append(rel.type)
            partner.since = _earliest(partner.since, rel.since)
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
    # Every source is an invented sample article bundled with hoptac.
    sample: bool = False


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
                bool(articles) and all(is_sample(a.outlet) for a in articles),
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
    # An invented sample article bundled with hoptac.
    sample: bool = False


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
    return ArticleView(row.id, row.source, row.title, row.text, facts, is_sample(row.outlet))


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
    # Where the relationships are stated: "registry" and/or article sources.
    sources: list[str] = field(default_factory=list)
    # Every shared event and article comes from the invented sample articles.
    sample: bool = False


def partner_pairs(session: Session) -> dict[tuple[str, str], PairStats]:
    """Every partner pair in the database and the registry, keyed by sorted party ids."""
    pairs: dict[tuple[str, str], PairStats] = defaultdict(PairStats)
    # Per pair: whether each event or stating article behind it is an invented sample.
    samples: dict[tuple[str, str], list[bool]] = defaultdict(list)
    stmt = (
        select(EventRow)
        .where(EventRow.hidden.is_(False))
        .options(
            selectinload(EventRow.parties).selectinload(EventParty.party),
            selectinload(EventRow.sources).selectinload(EventSource.article),
        )
    )
    for event in session.scalars(stmt):
        sample = all(is_sample(s.article.outlet) for s in event.sources)
        for a, b in counterparts([link.party for link in event.parties]):
            pair = pairs[(a.id, b.id)]
            pair.events += 1
            pair.fields += [f for f in event.fields if f not in pair.fields]
            samples[(a.id, b.id)].append(sample)
    outlets = dict(session.execute(select(Article.source, Article.outlet)).all())
    for key, stated in relationships(session).items():
        pair = pairs[key]
        for rel in stated:
            if rel.type not in pair.relations:
                pair.relations.append(rel.type)
            pair.since = _earliest(pair.since, rel.since)
            pair.human = pair.human or rel.human
            for origin in rel.origins:
                pair.sources.append(origin.source)
                samples[key].append(origin.kind != REGISTRY and is_sample(outlets.get(origin.source)))
        pair.sources = list(dict.fromkeys(pair.sources))
    for key, flags in samples.items():
        pairs[key].sample = all(flags)
    return dict(pairs)
