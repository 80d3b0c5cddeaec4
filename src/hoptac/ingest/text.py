"""Scraped plain-text pages, read as they are (furniture is the cleaner's job)."""

from __future__ import annotations

from hoptac.ingest.common import Rejected, check_bytes, is_vietnamese
from hoptac.models import Document
from hoptac.textnorm import normalize


def document_from_text(source: str, data: bytes) -> Document | Rejected:
    text = check_bytes(source, data)
    if isinstance(text, Rejected):
        return text
    text = normalize(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not is_vietnamese(text):
        return Rejected(source, "not Vietnamese")
    return Document(source=source, raw=text)
