"""One article with every fact's evidence, and the editors' log."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hoptac.store import curation
from hoptac.store.models import (
    Article,
    Correction,
    EventSource,
    ProposalRow,
    RelationSource,
)
from hoptac.store.queries import NotFound
from hoptac.web.views.base import Page, article_ref, correction_dict, paged, party_dict, party_named
from hoptac.web.views.listing import event_people, event_summaries

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
    people = event_people(session, [s.event_id for s in sources])
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
                    "merged": {
                        "by": proposal.by,
                        "to": proposal.to,
                        "by_party": party_named(session, proposal.by),
                        "to_party": party_named(session, proposal.to),
                        "act": proposal.act,
                        "text": proposal.text,
                    },
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
        "article": {**article_ref(article), "authors": article.authors, "text": article.text},
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
