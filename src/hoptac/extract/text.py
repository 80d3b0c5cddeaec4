"""Sentences and paragraphs with their offsets in the article text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")
WORD = re.compile(r"\w+")

# A sentence ends at . ! ? … before a capital or an opening quote, except after an
# abbreviation such as "TP." or "Q." which is followed by a name ("... 2,7 tỷ USD. Kết thúc" ends one).
_UPPER = "".join(chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[{_UPPER}0-9])")
# A bullet that opens the next item of a digest: "... có đúng không. * Cùng ngày, tại Quảng Ninh ...".
_BULLET = re.compile(rf"\s+[*•●■▪►]\s*(?=[{_UPPER}])")
_LIST_NUMBER = re.compile(r"(?:\d{1,2}|[IVX]{1,4})[.)]")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|TX|Tx|TT|Q|P|H|X|GS|PGS|TS|ThS|BS|NSND|NSƯT|Mr|Mrs|Ms|Dr|St|Th)|\b[A-Za-zĐ])\.$")


# A photo credit glued to the next sentence in scraped text: "... bắt tay Đại sứ -Ảnh: Hùng Lê Thông tin trên
# được ghi nhận ...". The credit's name is capitalised words; the next sentence opens with a capitalised word
# followed by a lower-case one.
_CREDIT = re.compile(
    rf"(?:[-–]\s*)?\b(?:Ảnh|Nguồn|Video)\s*:\s*(?:[{_UPPER}][\w./]*\s+){{0,4}}?(?=[{_UPPER}]\w*\s+[a-zđ\u00e0-\u1ef90-9])"
)


# A caption glued to the lead with no full stop: "... cách đây 40 năm Sáng 21.6, Thủ tướng ...". Mid-sentence
# these words are written in lower case, so a capitalised one followed by a day opens a sentence.
_DATED_OPENING = re.compile(
    r"(?<=[\w)])\s+(?=(?:Sáng|Trưa|Chiều|Tối|Đêm)(?: nay| qua| mai)?,?\s+(?:ngày\s+)?\(?\d{1,2}[./-]\d{1,2}\b|"
    r"Ngày\s+\d{1,2}[./-]\d{1,2}\b)"
)


@lru_cache(maxsize=4096)
def whole_words(phrase: str) -> re.Pattern[str]:
    """`phrase` where it stands as whole words, compiled once: names are looked for again in every sentence."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


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
        for end, after in _boundaries(line):
            if end <= start:
                continue
            if _ABBREV.search(line[start:end].rstrip()) or _LIST_NUMBER.fullmatch(line[start:end].strip()):
                continue  # "TP. Hồ Chí Minh"; "1. Thỏa thuận hợp tác ...": an item's number begins its sentence
            _add(out, line, start, end, offset, number)
            start = after
        _add(out, line, start, len(line), offset, number)
        offset += len(line) + 1
    return out


def _boundaries(line: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next): at sentence ends, bullets, after photo credits glued on and before
    a dated opening glued to a caption."""
    ends = [(m.start(), m.end()) for m in _END.finditer(line)]
    credits = [(m.end(), m.end()) for m in _CREDIT.finditer(line)]
    bullets = [(m.start(), m.end()) for m in _BULLET.finditer(line)]
    openings = [(m.start(), m.end()) for m in _DATED_OPENING.finditer(line)]
    return sorted(ends + credits + bullets + openings)


def _add(out: list[Span], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = offset + start + lead
    out.append(Span(s, s + len(stripped), stripped, paragraph))


def first_word_index(rows: Iterable[tuple[str, T]]) -> dict[str, tuple[T, ...]]:
    """(phrase, item) rows by the phrase's first word, lower case, in row order: a text is then read once,
    whatever the number of phrases, by looking each of its words up."""
    index: dict[str, list[T]] = {}
    for phrase, item in rows:
        first = WORD.search(phrase.lower())
        if first:
            index.setdefault(first.group(0), []).append(item)
    return {word: tuple(items) for word, items in index.items()}
