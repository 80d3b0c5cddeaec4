"""Saved web pages: main text and page metadata through trafilatura.

The bytes are decoded by `hoptac.ingest.encoding.decode_html`, so pages in
Windows-1258, VISCII or TCVN3, or with a wrong or missing charset, read as
the Vietnamese they are.
"""

from __future__ import annotations

from collections.abc import Callable

import trafilatura

from hoptac.ingest.common import Rejected, is_utf16, is_vietnamese, looks_binary
from hoptac.ingest.encoding import decode_html
from hoptac.ingest.language import could_be_vietnamese, visible_text
from hoptac.models import Document
from hoptac.textnorm import normalize, squeeze


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = squeeze(normalize(value))
    return value or None


def document_from_html(
    source: str,
    data: bytes,
    *,
    charset: str | None = None,
    language: Callable[[str], str] | None = None,
) -> Document | Rejected:
    """The main text and metadata of one page.

    `charset` is what the server declared (HTTP Content-Type), if known.
    `language`, when given, names the language of the main text and anything
    but "vi" is rejected with that code (a page with too few Vietnamese
    letters is named by its visible text, before the costly extraction);
    without it the letter profile of `is_vietnamese` decides.
    """
    if not data.strip():
        return Rejected(source, "empty file")
    if not is_utf16(data) and looks_binary(data):
        return Rejected(source, "binary content")
    page, _ = decode_html(data, charset)
    if language is not None and not could_be_vietnamese(page):
        lang = language(visible_text(page))
        if lang != "vi":  # a Vietnamese page without diacritics still goes on to extraction
            return Rejected(source, f"not Vietnamese ({lang})")
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        return Rejected(source, f"cannot parse HTML ({type(exc).__name__})")
    text = normalize(found.text or "") if found is not None else ""
    if not text.strip():
        return Rejected(source, "no main text found in HTML")
    if language is None:
        if not is_vietnamese(text):
            return Rejected(source, "not Vietnamese")
    else:
        lang = language(text)
        if lang != "vi":
            return Rejected(source, f"not Vietnamese ({lang})")
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
