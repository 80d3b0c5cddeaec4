"""Sentences and paragraphs with their offsets in the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … before a capital or an opening quote, except after an
# abbreviation such as "TP." or "Q." which is followed by a name.
_UPPER = "".join(chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[{_UPPER}0-9])")
_ABBREV = re.compile(r"(?:\b[A-ZĐ][A-ZĐa-z]{0,3}|\b[A-Za-z])\.$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    paragraph: int


def sentences(text: str) -> list[Span]:
    """Split into sentences; every paragraph (line) ends one."""
    out: list[Span] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start = 0
        for m in _END.finditer(line):
            piece = line[start : m.start()]
            if _ABBREV.search(piece.rstrip()):
                continue
            _add(out, line, start, m.start(), offset, number)
            start = m.end()
        _add(out, line, start, len(line), offset, number)
        offset += len(line) + 1
    return out


def _add(out: list[Span], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = offset + start + lead
    out.append(Span(s, s + len(stripped), stripped, paragraph))
