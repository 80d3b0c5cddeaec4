"""Search: parties by any of their names, events, and articles with the matching passage."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hoptac import gazetteer
from hoptac.store.models import (
    Alias,
    Article,
    ArticleSearch,
    EventParty,
    EventRow,
    EventSource,
)
from hoptac.textnorm import fold, normalize, squeeze
from hoptac.web.strings import field_names
from hoptac.web.views.base import Page, article_ref, paged
from hoptac.web.views.cache import Index
from hoptac.web.views.listing import EventFilter, event_summaries, field_filter

# --- search ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")


def search_tokens(query: str) -> list[str]:
    return _TOKEN.findall(fold(squeeze(normalize(query))))


def _words(tokens: list[str]) -> re.Pattern[str]:
    """Every token as a whole word (a long last one also as a word's start, as the article search matches)."""
    last = len(tokens) - 1
    parts = [re.escape(t) + ("" if i == last and len(t) >= 5 else r"(?!\w)") for i, t in enumerate(tokens)]
    return re.compile("|".join(rf"(?<!\w){p}" for p in parts))


def find_parties(session: Session, index: Index, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Parties the query names: any name or alias the gazetteer has for them first ("hcm",
    "Sài Gòn", "Pusan"), then names printed in articles that hold every word of the query."""
    tokens = search_tokens(query)
    if not tokens:
        return []
    named = [e.id for e in gazetteer.load().lookup(squeeze(normalize(query))) if e.id in index.parties]
    stmt = select(Alias.party_id, Alias.folded)
    for token in tokens:
        stmt = stmt.where(Alias.folded.like(f"%{token}%"))
    words = [re.compile(rf"(?<!\w){re.escape(t)}(?!\w)") for t in tokens]
    printed = {i for i, folded in session.execute(stmt.limit(2000)) if all(w.search(folded) for w in words)}
    ids = sorted(
        (i for i in printed if i in index.parties and i not in named), key=lambda i: (-index.event_counts.get(i, 0), i)
    )
    return [{**index.parties[i], "events": index.event_counts.get(i, 0)} for i in [*named, *ids][:limit]]


def find_field(query: str) -> str | None:
    """The cooperation field the query names in Vietnamese or English ("du lịch", "tourism"), if any."""
    return field_names().get(" ".join(search_tokens(query)))


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
    field = find_field(query) if tokens else None
    if tokens:
        article_ids = _matching_articles(session, tokens)
        party_ids = [p["id"] for p in parties]
        # A query that names parties asks for their events; folded words also match other text
        # ("da nang" is "đã nâng" too), so article matches count only when no party is named.
        if party_ids:
            wanted = EventRow.id.in_(select(EventParty.event_id).where(EventParty.party_id.in_(party_ids)))
        else:
            wanted = EventRow.id.in_(select(EventSource.event_id).where(EventSource.article_id.in_(article_ids)))
        if field:
            wanted = or_(wanted, field_filter(field))
        stmt = stmt.where(wanted)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    ids = session.scalars(
        stmt.order_by(EventRow.date_value.desc(), EventRow.id.desc()).limit(page.per_page).offset(page.offset)
    ).all()
    events = paged(event_summaries(session, list(ids)), total, page)
    articles = _article_hits(session, tokens, article_ids, filters, page) if tokens else paged([], 0, page)
    return {
        "query": query,
        "tokens": tokens,
        "parties": parties,
        "field": field,
        "events": events,
        "articles": articles,
    }


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
        ref = article_ref(article)
        ref["snippet"] = snippet(article.text, tokens)
        items.append(ref)
    return paged(items, total, page)


def snippet(text: str, tokens: list[str], width: int = 220) -> dict[str, Any]:
    """Text around the first token found, with the matched whole words relative to the snippet."""
    folded = fold(text)
    if not tokens:
        return {"text": text[:width], "prefix": False, "suffix": width < len(text), "marks": []}
    words = _words(tokens)
    first = words.search(folded)
    start = first.start() if first else 0
    begin = max(0, start - width // 3)
    piece = text[begin : begin + width]
    piece_folded = folded[begin : begin + width]
    marks = [[m.start(), m.end()] for m in words.finditer(piece_folded)]
    return {"text": piece, "prefix": begin > 0, "suffix": begin + width < len(text), "marks": _merge_spans(marks)}


def _merge_spans(spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out
