"""One article through every stage that needs no database: clean -> metadata -> extract."""

from __future__ import annotations

from functools import lru_cache

from hoptac import clean, metadata, timelimit
from hoptac.extract import extract_facts
from hoptac.models import ArticleMeta, ArticleResult, Document
from hoptac.sample import SAMPLE_OUTLET, is_sample_path

# Seconds one article may take: normal ones take milliseconds, and a pathological text must be
# rejected rather than hold up a corpus run.
TIME_LIMIT = 60.0


def process(doc: Document, time_limit: float | None = TIME_LIMIT, prepared: ArticleMeta | None = None) -> ArticleResult:
    """Turn one ingested document into the contract's article object.

    `prepared` is `prepare(doc)` when the caller already has it. Raises
    `timelimit.TimeLimitExceeded` after `time_limit` seconds (None: no bound).
    """
    if time_limit:
        _load_once()
    with timelimit.within(time_limit):
        article = prepared or prepare(doc)
        events, relations = extract_facts(article.text, published=article.published)
        return ArticleResult(source=doc.source, article=article, events=events, relations=relations)


@lru_cache(maxsize=1)
def _load_once() -> None:
    """Read the gazetteer and the extractor's data files before the first bound starts, not within it."""
    sample = "Chiều 3/4/2019, ông Nguyễn Văn An, Chủ tịch UBND TP Đà Nẵng, tiếp Thị trưởng Daegu (Hàn Quốc)."
    extract_facts(prepare(Document(source="-", raw=sample)).text)


def prepare(doc: Document) -> ArticleMeta:
    """The clean text and metadata of one document: enough to tell whether it is stored already."""
    doc = _without_nul(doc)
    cleaned = clean.clean(doc)
    meta = metadata.extract_metadata(doc, cleaned)
    text = cleaned.title + "\n\n" + cleaned.body if cleaned.title else cleaned.body
    return ArticleMeta(
        title=cleaned.title,
        published=meta.published,
        # A bundled sample is invented: its outlet says so, whatever the text looks like.
        outlet=SAMPLE_OUTLET if is_sample_path(doc.source) else meta.outlet,
        authors=meta.authors,
        url=doc.url,
        text=text,
    )


def _without_nul(doc: Document) -> Document:
    """NUL characters dropped: a page may hold a few past the binary sniff, and no database stores them in text."""
    fields = ("raw", "title", "summary", "published", "url", "outlet")
    changed: dict[str, object] = {
        name: value.replace("\x00", "") for name in fields if "\x00" in (value := getattr(doc, name) or "")
    }
    if any("\x00" in author for author in doc.authors):
        changed["authors"] = [author.replace("\x00", "") for author in doc.authors]
    return doc.model_copy(update=changed) if changed else doc
