"""Publication date, outlet and authors of an article.

They come from what the page prints as metadata: the date line at the top
("Cập nhật: 18:36, 16/03/2023 (GMT+7)"), the byline ("Tin, ảnh: Thanh Hương",
"Xuân Khu (TTXVN)"), the outlet's dateline before the lead ("(NLĐO) -") or
the fields an HTML page or a corpus supplies. Dates inside the body ("sáng
3-12") are events, not publication dates, and are left to the extractor.

The line classifiers live here because the cleaner uses them to recognise
the same lines as furniture and hands them back in `Cleaned.bylines` and
`Cleaned.dates`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from hoptac.models import DateValue, Document
from hoptac.textnorm import fold, squeeze


# What the cleaner (hoptac.clean) hands on: defined here, where it is read, so neither module imports the other.
@dataclass(frozen=True)
class Cleaned:
    title: str | None
    body: str  # the article's own paragraphs, one per line ("\n"-joined), title not repeated
    bylines: tuple[str, ...] = ()  # author/source lines removed from the text, for metadata
    dates: tuple[str, ...] = ()  # date lines printed as page metadata, for metadata


@dataclass(frozen=True)
class Metadata:
    published: DateValue | None
    outlet: str | None
    authors: list[str]


@cache
def patterns(section: str) -> tuple[str, ...]:
    """The patterns of one `[section]` of data/boilerplate.txt."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    text = resources.files("hoptac").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return tuple(sections[section])


@cache
def _outlets() -> tuple[tuple[str, str], ...]:
    text = resources.files("hoptac").joinpath("data/outlets.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple((row["marker"], row["outlet"]) for row in rows)


def find_outlet(text: str) -> str | None:
    """The outlet named by the first (most specific) marker found in `text`."""
    for marker, outlet in _outlets():
        if marker in text:
            return outlet
    return None


# --- bylines -----------------------------------------------------------------


@cache
def _fold_table() -> dict[int, str]:
    # textnorm.fold char by char is too slow for whole corpora; a translation
    # table of every Latin letter with diacritics gives the same result.
    chars = (chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
    return {ord(ch): fold(ch) for ch in chars if fold(ch) != ch}


def quick_fold(text: str) -> str:
    """`textnorm.fold` for NFC Latin text, at C speed."""
    return text.lower().translate(_fold_table())


_EDGE = " \t.,;:!?-–—|*•·\"'“”()[]"


def folded_key(line: str) -> str:
    """A line folded and trimmed of edge punctuation, as data-file patterns see it."""
    return quick_fold(line).strip(_EDGE)


@cache
def _label_re() -> re.Pattern[str]:
    labels = "|".join(sorted(patterns("byline_label"), key=len, reverse=True))
    return re.compile(rf"^(?:{labels})\s*:\s*")


_AGENCY_RE = re.compile(
    r"\s*(?:\(([^()]{1,30})\)|/\s*([^/]{2,30})|\s*[-–]\s*(TTXVN|VNA|VOV|\S+\.(?:vn|VN|com|net)))\s*$"
)
_THEO_RE = re.compile(r"^\(?(?:theo|nguon)\s*:?\s+[^,;:]{2,40}\)?$")


def _is_name(text: str) -> bool:
    """Two to five capitalised words ("Xuân Khu", "BẢO KHÁNH", "H.Vũ Hà")."""
    if len(text) > 40:
        return False
    words = [w for w in re.split(r"[\s.]+", text) if w]
    return 2 <= len(words) <= 5 and all(w.replace("-", "").isalpha() and w[0].isupper() for w in words)


def _proper_case(name: str) -> str:
    if name.isupper():
        return " ".join(w.capitalize() for w in name.split())
    return name


def _names(text: str) -> list[str] | None:
    """Names in "A - B", "A, B" or "A"; None when any part is not a name."""
    names = []
    for part in re.split(r"\s+[-–]\s+|\s*,\s*|\s+và\s+", text):
        label = _label_re().match(quick_fold(part)) if ":" in part else None
        part = part[label.end() :] if label else part
        part = squeeze(part.strip(_EDGE))
        if not part:
            continue
        if not _is_name(part):
            return None
        names.append(_proper_case(part))
    return names or None


def byline_names(line: str) -> list[str] | None:
    """Authors named by a byline line, [] for a source line ("Theo TTXVN"); None if not a byline."""
    line = squeeze(line)
    if not line or len(line) > 90:
        return None
    key = quick_fold(line)
    if _THEO_RE.match(key):
        # "Theo Vietnamplus" names a source; "Theo kế hoạch" opens a sentence.
        source = re.sub(r"^\(?\w+\s*:?\s+", "", line)
        return [] if source[:1].isupper() else None
    label = _label_re().match(key)
    if label:
        line = line[label.end() :]
    agency = _AGENCY_RE.search(line)
    if agency:
        line = line[: agency.start()]
    return _names(line)


def is_labelled_byline(line: str) -> bool:
    """A byline that says who wrote it ("Tin, ảnh: ..."), not a bare photo credit."""
    key = quick_fold(squeeze(line))
    return bool(_label_re().match(key)) and not re.match(r"^(?:anh|video|clip)\s*:", key)


# --- dates -------------------------------------------------------------------

_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[tT ][\d:.]+(?:[zZ]|[+-]\d{2}:?\d{2})?)?(?!\d)")
_WORDY = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})")
_MONTH = re.compile(r"thang\s+(\d{1,2})\s*(?:/|nam)\s*(\d{4})")
_TOKENS = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
    r"|\d{1,2}\s*[:hg]\s*\d{2}(?:\s*(?:am|pm))?"
    r"|[\W_]+"
)


_DATE_LABEL_START = re.compile(r"^(?:cap nhat|ngay dang|dang luc|dang ngay|published|updated|xuat ban)")


@cache
def _date_label_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns("date_label")) + r")\b")


def is_date_line(line: str) -> bool:
    """A line that only prints a date or time with its labels ("ClockThứ Hai, 31/05/2021 21:45")."""
    if len(line) > 120:
        return False
    key = quick_fold(squeeze(line))
    if len(key) > 80 or not re.search(r"\d{4}|\d{1,2}\s*:\s*\d{2}", key):
        return False
    rest = _date_label_re().sub(" ", re.sub(r"^clock", " ", key))
    rest = _TOKENS.sub(" ", rest)
    return len(rest.split()) <= 1


def is_labelled_date(line: str) -> bool:
    """A short line announcing the publication date ("Ngày đăng: 05/10/2019", "Published ...")."""
    if len(line) > 120:
        return False
    key = quick_fold(squeeze(line))
    return len(key) <= 80 and bool(_DATE_LABEL_START.match(key))


def parse_date(text: str) -> DateValue | None:
    """The first dated day (or month) in `text`, when it prints its year."""
    key = quick_fold(text)
    found: list[tuple[int, DateValue]] = []
    for regex, order in ((_YMD, "ymd"), (_DMY, "dmy"), (_WORDY, "dmy")):
        for m in regex.finditer(key):
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                day = date(y, mo, d)
            except ValueError:
                continue
            found.append((m.start(), DateValue(value=day.isoformat(), precision="day")))
            break
    if found:
        return min(found, key=lambda f: f[0])[1]
    m = _MONTH.search(key)
    if m and 1 <= int(m.group(1)) <= 12:
        return DateValue(value=f"{int(m.group(2)):04d}-{int(m.group(1)):02d}", precision="month")
    return None


# --- the stage ---------------------------------------------------------------


def extract_metadata(doc: Document, cleaned: Cleaned) -> Metadata:
    """Date, outlet and authors from the document's own fields, then its printed lines."""
    published = parse_date(doc.published) if doc.published else None
    if published is None:
        for line in cleaned.dates:
            published = parse_date(line)
            if published:
                break

    outlet = doc.outlet
    if not outlet:
        lead = cleaned.body[:200]
        outlet = find_outlet("\n".join(cleaned.bylines)) or find_outlet(lead)

    authors = list(doc.authors)
    if not authors:
        for line in cleaned.bylines:
            for name in byline_names(line) or []:
                if name not in authors:
                    authors.append(name)
    return Metadata(published=published, outlet=outlet, authors=authors)
