"""Saved web pages: main text and page metadata through trafilatura."""

from __future__ import annotations

import trafilatura

from hoptac.ingest.common import Rejected, check_bytes, is_vietnamese
from hoptac.models import Document
from hoptac.textnorm import normalize, squeeze


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = squeeze(normalize(value))
    return value or None


def document_from_html(source: str, data: bytes) -> Document | Rejected:
    page = check_bytes(source, data)
    if isinstance(page, Rejected):
        return page
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        return Rejected(source, f"cannot parse HTML ({type(exc).__name__})")
    text = normalize(found.text or "") if found is not None else ""
    if not text.strip():
        return Rejected(source, "no main text found in HTML")
    if not is_vietnamese(text):
        return Rejected(source, "not Vietnamese")
    author = _field(found.author)
    return Document(
        source=source,
        raw=text,
        title=_field(found.title),
        summary=_field(found.description),
        published=_field(found.date),
        url=_field(found.url),
        outlet=_field(found.sitename),
        authors=[a.strip() for a in author.split(";") if a.strip()] if author else [],
        html=True,
    )
