"""Data shapes of the extraction contract (JSON Lines, one object per article).

Every stage speaks in these: ingest yields `Document`, extraction returns
`ArticleResult`, the store persists it and the exports print it back. Field
names are the contract's; extra keys are allowed by the contract and added
only where a user needs them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["year", "month", "day"]
EventKind = Literal["meeting", "conference", "signing", "cultural_event", "aid", "other"]
PartyKind = Literal["country", "province", "city", "district", "commune", "organisation", "agency", "company"]
Role = Literal["host", "guest", "participant", "organiser", "funder", "recipient"]
RelationType = Literal["sister", "friendship", "cooperation", "membership"]
Act = Literal["request", "offer", "agree", "commit"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DateValue(_Model):
    """A date of year, month or day precision; `--MM-DD` when no year is known."""

    value: str
    precision: Precision
    inferred: bool = False


class Evidence(_Model):
    """A span of the clean article text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


class Party(_Model):
    id: str
    name: str
    name_vi: str | None = None
    kind: PartyKind
    country: str | None
    role: Role | None = None
    successor: str | None = Field(default=None, description="id of the unit that absorbed it in 2025")
    aliases: list[str] = Field(default=[], description="the forms the article writes it in")


class Person(_Model):
    name: str
    title: str | None = None
    party: str | None = None


class Amount(_Model):
    value: float
    currency: str
    text: str


class Proposal(_Model):
    by: str | None
    to: str | None
    act: Act
    text: str
    fields: list[str] = []
    evidence: list[Evidence] = []


class Event(_Model):
    kind: EventKind
    mode: Literal["in_person", "online"] | None = None
    status: Literal["past", "planned"] = "past"
    date: DateValue | None = None
    place: Party | None = None
    parties: list[Party]
    people: list[Person] = []
    fields: list[str] = []
    amounts: list[Amount] = []
    proposals: list[Proposal] = []
    evidence: list[Evidence] = []


class Relation(_Model):
    a: Party
    b: Party
    type: RelationType
    since: str | None = None
    evidence: list[Evidence] = []


class ArticleMeta(_Model):
    title: str | None = None
    published: DateValue | None = None
    outlet: str | None = None
    authors: list[str] = []
    url: str | None = None
    text: str


class ArticleResult(_Model):
    source: str
    article: ArticleMeta
    events: list[Event] = []
    relations: list[Relation] = []


class Document(_Model):
    """One article as read from its source, before cleaning.

    `raw` is the scraped text (page furniture included) or, for HTML, the
    main text trafilatura found; fields a corpus supplies separately (title,
    summary, date) come in beside it.
    """

    source: str
    raw: str
    title: str | None = None
    summary: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = []
    html: bool = False
