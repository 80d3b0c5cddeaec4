"""Database tables.

Facts are kept once and linked to every article that reports them: an event
seen by three outlets is one `events` row with three `event_sources`. What
each article said on its own (its date, fields, evidence, people, proposals)
stays on the link rows, so replacing one article's facts can recompute the
merged event from the sources that remain. Evidence spans are JSON lists of
`{"start", "end", "text"}` with offsets into `articles.text`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hoptac.store.base import Base


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_published_id", "published_value", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(1000), unique=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published_value: Mapped[str | None] = mapped_column(String(10))
    published_precision: Mapped[str | None] = mapped_column(String(5))
    published_inferred: Mapped[bool | None] = mapped_column(Boolean)
    outlet: Mapped[str | None] = mapped_column(String(200))
    authors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str] = mapped_column(String(40))


class PartyRow(Base):
    __tablename__ = "parties"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_vi: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    successor: Mapped[str | None] = mapped_column(String(100))
    # Set when an editor merged this party into another; facts now name the other.
    merged_into: Mapped[str | None] = mapped_column(String(100))


class Alias(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("party_id", "surface", name="uq_alias_party_surface"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    surface: Mapped[str] = mapped_column(String(300))
    # Lower-case, no diacritics: lets "da nang" find "Đà Nẵng".
    folded: Mapped[str] = mapped_column(String(300), index=True)


class EventRow(Base):
    __tablename__ = "events"
    # Two rows with one fingerprint and one date would be the same event; the
    # constraint stops concurrent writers from creating both.
    __table_args__ = (
        UniqueConstraint("fingerprint", "date_value", name="uq_event_fingerprint_date"),
        # Newest-first pages of events.
        Index("ix_events_date_id", "date_value", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(5))
    date_inferred: Mapped[bool | None] = mapped_column(Boolean)
    place_party_id: Mapped[str | None] = mapped_column(ForeignKey("parties.id"))
    fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    amounts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # kind + sorted non-country party ids; NULL when the event has no such party.
    fingerprint: Mapped[str | None] = mapped_column(String(1000), index=True)
    # What editors' corrections find the event by: fingerprint@first machine date, or, for an
    # event without a local party, article source#position. Unlike `id` it survives re-extraction.
    key: Mapped[str | None] = mapped_column(String(1100), index=True)
    # Attributes an editor set ("kind", "date", "fields", ...); empty for pure machine output.
    curated: Mapped[list[Any]] = mapped_column(JSON, default=list)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    place: Mapped[PartyRow | None] = relationship()
    parties: Mapped[list[EventParty]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventParty.position"
    )
    sources: Mapped[list[EventSource]] = relationship(back_populates="event", cascade="all, delete-orphan")
    people: Mapped[list[EventPerson]] = relationship(back_populates="event", cascade="all, delete-orphan")
    proposals: Mapped[list[ProposalRow]] = relationship(back_populates="event", cascade="all, delete-orphan")


class EventParty(Base):
    __tablename__ = "event_parties"
    # A party's events: the profile, the timeline and every filter by party.
    __table_args__ = (Index("ix_event_parties_party_event", "party_id", "event_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), primary_key=True)
    role: Mapped[str | None] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[EventRow] = relationship(back_populates="parties")
    party: Mapped[PartyRow] = relationship()


class EventSource(Base):
    __tablename__ = "event_sources"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)
    # Order of the event within its article, so exports give events back in reading order.
    position: Mapped[int] = mapped_column(Integer, default=0)
    # What this article said; the event row holds the merge over all its sources.
    mode: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="past")
    place_party_id: Mapped[str | None] = mapped_column(ForeignKey("parties.id"))
    date: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # [[party id, role], ...] as this article listed them.
    parties: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    amounts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)

    event: Mapped[EventRow] = relationship(back_populates="sources")
    article: Mapped[Article] = relationship()


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # The party id the extractor gave; not a foreign key, since a person's party need not
    # be among the parties of any stored event.
    party_id: Mapped[str | None] = mapped_column(String(100), index=True)
    titles: Mapped[list[Any]] = mapped_column(JSON, default=list)


class PersonAlias(Base):
    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "name", name="uq_person_alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))


class EventPerson(Base):
    __tablename__ = "event_people"
    __table_args__ = (UniqueConstraint("event_id", "person_id", "article_id", name="uq_event_person"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    # The name and title exactly as this article printed them.
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[EventRow] = relationship(back_populates="people")
    person: Mapped[PersonRow] = relationship()


class ProposalRow(Base):
    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    by: Mapped[str | None] = mapped_column(String(100))
    to: Mapped[str | None] = mapped_column(String(100))
    act: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)

    event: Mapped[EventRow] = relationship(back_populates="proposals")


class RelationRow(Base):
    __tablename__ = "relations"
    # a_id < b_id always, so the pair is unordered.
    __table_args__ = (UniqueConstraint("a_id", "b_id", "type", name="uq_relation_pair_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    a_id: Mapped[str] = mapped_column(ForeignKey("parties.id"))
    b_id: Mapped[str] = mapped_column(ForeignKey("parties.id"))
    type: Mapped[str] = mapped_column(String(20))
    since: Mapped[str | None] = mapped_column(String(10))
    # Added or changed by an editor (see corrections); kept when no article supports it.
    human: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    a: Mapped[PartyRow] = relationship(foreign_keys=[a_id])
    b: Mapped[PartyRow] = relationship(foreign_keys=[b_id])
    sources: Mapped[list[RelationSource]] = relationship(back_populates="relation", cascade="all, delete-orphan")


class RelationSource(Base):
    __tablename__ = "relation_sources"

    relation_id: Mapped[int] = mapped_column(ForeignKey("relations.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # True when this article named the pair in the other order, to give it back as printed.
    swapped: Mapped[bool] = mapped_column(Boolean, default=False)
    since: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)

    relation: Mapped[RelationRow] = relationship(back_populates="sources")
    article: Mapped[Article] = relationship()


class ArticleSearch(Base):
    """Each article's title and text folded (lower case, no diacritics) for search.

    On SQLite an FTS5 index over it is kept by triggers (see migration 0002).
    """

    __tablename__ = "article_search"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    folded: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    # Argon2id, via argon2-cffi.
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Sessions carry the epoch they were signed in at; raising it ends them all (sign-out, new password).
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # SHA-256 of the token: the token itself is shown once and never stored.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class Correction(Base):
    """One editor's change, kept apart from machine output and never updated in place.

    The table is also the audit log: who (`author`), when (`created_at`), what
    (`target`, `key`, `action`, `payload`, and `before`, the state it replaced).
    A revoked correction stays, with `revoked_at` and `revoked_by`.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(20))  # event | relation | party
    key: Mapped[str] = mapped_column(String(1100), index=True)
    action: Mapped[str] = mapped_column(String(20))  # edit | delete | merge | add
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(String(100))


class StoreState(Base):
    """Counters kept by the store; `generation` grows with every committed change of facts,
    so readers (the web app's caches) know when what they computed is stale."""

    __tablename__ = "store_state"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


# Defined apart; imported so that Base.metadata (Alembic, the schema test) includes its tables.
from hoptac.store import crawl_models  # noqa: E402,F401
from hoptac.store.syndication_models import ArticleCopy, ArticleSignature  # noqa: E402,F401
