"""Data shapes of the extraction contract (JSON Lines, one object per article).

Every stage speaks in these: ingest yields `Document`, extraction returns
`ArticleResult`, the store persists it and the exports print it back. Field
names are the contract's; extra keys are allowed by the contract and added
only where a user needs them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

Precision = Literal["year", "month", "day"]
EventKind = Literal["meeting", "conference", "signing", "cultural_event", "aid", "other"]
PartyKind = Literal["country", "province", "city", "district", "commune", "organisation", "agency", "company"]
Role = Literal["host", "guest", "participant", "organiser", "funder", "recipient"]
RelationType = Literal["sister", "friendship", "cooperation", "membership"]
Act = Literal["request", "offer", "agree", "commit"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


_DATE_SHAPES = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"(?:\d{4}|-)-\d{2}-\d{2}"),
}


def _real_date(value: str, precision: str | None = None) -> str:
    """`value` is a date the calendar has, of `precision` (any when None): no "2018-04-31" is ever stored."""
    shapes = [precision] if precision else list(_DATE_SHAPES)
    if not any(_DATE_SHAPES[p].fullmatch(value) for p in shapes):
        raise ValueError(f"not a date of {precision or 'year, month or day'} precision: {value[:40]!r}")
    year, month, day = (value.replace("--", "2000-", 1) + "-01-01")[:10].split("-")
    try:
        date(int(year), int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"no such date: {value!r} ({exc})") from None
    return value


class DateValue(_Model):
    """A date of year, month or day precision; `--MM-DD` when no year is known."""

    value: str
    precision: Precision
    inferred: bool = False

    @model_validator(mode="after")
    def _calendar(self) -> DateValue:
        _real_date(self.value, self.precision)
        return self


class Evidence(_Model):
    """A span of the clean article text: `text == article.text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


# Bounds of the store's columns, checked here so that both databases take or refuse the same values.
MAX_SOURCE, MAX_URL, MAX_OUTLET = 1000, 2000, 200
PartyId = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Name = Annotated[str, StringConstraints(max_length=300)]


class Party(_Model):
    id: PartyId
    name: Name
    name_vi: str | None = None
    kind: PartyKind
    country: str | None
    role: Role | None = None
    successor: PartyId | None = Field(default=None, description="id of the unit that absorbed it in 2025")
    aliases: list[str] = Field(default=[], description="the forms the article writes it in")


class Person(_Model):
    name: Name
    title: str | None = None
    party: PartyId | None = None


class Amount(_Model):
    value: float = Field(allow_inf_nan=False)
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
    since: Annotated[str, AfterValidator(_real_date)] | None = None
    evidence: list[Evidence] = []


class ArticleMeta(_Model):
    title: str | None = None
    published: DateValue | None = None
    outlet: Annotated[str, StringConstraints(max_length=MAX_OUTLET)] | None = None
    authors: list[str] = []
    url: Annotated[str, StringConstraints(max_length=MAX_URL)] | None = None
    text: str


def _has_nul(node: object) -> bool:
    if isinstance(node, str):
        return "\x00" in node
    if isinstance(node, dict):
        return any(_has_nul(value) for value in node.values())
    if isinstance(node, list):
        return any(_has_nul(value) for value in node)
    return False


class ArticleResult(_Model):
    source: Annotated[str, StringConstraints(min_length=1, max_length=MAX_SOURCE)]
    article: ArticleMeta
    events: list[Event] = []
    relations: list[Relation] = []

    @model_validator(mode="after")
    def _evidence_in_text(self) -> ArticleResult:
        """Every evidence span quotes the article's text at its offsets; no string holds a NUL."""
        if _has_nul(self.model_dump()):
            raise ValueError("a NUL character in a string (no database stores it as text)")
        text = self.article.text
        spans = [ev for e in self.events for ev in (*e.evidence, *(x for p in e.proposals for x in p.evidence))]
        spans += [ev for r in self.relations for ev in r.evidence]
        for ev in spans:
            if not ev.start <= ev.end <= len(text) or text[ev.start : ev.end] != ev.text:
                raise ValueError(f"evidence {ev.start}-{ev.end} does not quote the article text")
        return self


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
