"""One article through every stage that needs no database: clean -> metadata -> extract."""

from __future__ import annotations

from hoptac import clean, metadata
from hoptac.extract import extract_facts
from hoptac.models import ArticleMeta, ArticleResult, Document


def process(doc: Document) -> ArticleResult:
    """Turn one ingested document into the contract's article object."""
    cleaned = clean.clean(doc)
    meta = metadata.extract_metadata(doc, cleaned)
    text = cleaned.title + "\n\n" + cleaned.body if cleaned.title else cleaned.body
    article = ArticleMeta(
        title=cleaned.title,
        published=meta.published,
        outlet=meta.outlet,
        authors=meta.authors,
        url=doc.url,
        text=text,
    )
    events, relations = extract_facts(text, published=meta.published)
    return ArticleResult(source=doc.source, article=article, events=events, relations=relations)
