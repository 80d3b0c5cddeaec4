"""One article through every stage that needs no database: clean -> metadata -> extract."""

from __future__ import annotations

from hoptac import clean, metadata, timelimit
from hoptac.extract import extract_facts
from hoptac.models import ArticleMeta, ArticleResult, Document

# Seconds one article may take: normal ones take milliseconds, and a pathological text must be
# rejected rather than hold up a corpus run.
TIME_LIMIT = 60.0


def process(doc: Document, time_limit: float | None = TIME_LIMIT, prepared: ArticleMeta | None = None) -> ArticleResult:
    """Turn one ingested document into the contract's article object.

    `prepared` is `prepare(doc)` when the caller already has it. Raises
    `timelimit.TimeLimitExceeded` after `time_limit` seconds (None: no bound).
    """
    with timelimit.within(time_limit):
        article = prepared or prepare(doc)
        events, relations = extract_facts(article.text, published=article.published)
        return ArticleResult(source=doc.source, article=article, events=events, relations=relations)


def prepare(doc: Document) -> ArticleMeta:
    """The clean text and metadata of one document: enough to tell whether it is stored already."""
    cleaned = clean.clean(doc)
    meta = metadata.extract_metadata(doc, cleaned)
    text = cleaned.title + "\n\n" + cleaned.body if cleaned.title else cleaned.body
    return ArticleMeta(
        title=cleaned.title,
        published=meta.published,
        outlet=meta.outlet,
        authors=meta.authors,
        url=doc.url,
        text=text,
    )
