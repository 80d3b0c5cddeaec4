"""The article's own title and paragraphs, without page furniture or teasers.

Scraped pages carry menus, login and payment boxes, share widgets, photo
captions printed twice, bylines and, worst of all, teasers of other articles
after the end. A teaser that reaches the body becomes false facts downstream,
so the cleaner stops at the first sign that the article is over: a teaser
heading, the closing byline, or a headline printed twice before another
story's dated lead. The patterns are in data/boilerplate.txt.

Corpus articles arrive as one long line (title and summary apart); they are
cut at inline related-link markers and split where the scraper left runs of
spaces between paragraphs and captions.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from hoptac.metadata import (
    Cleaned,
    byline_names,
    find_outlet,
    folded_key,
    is_date_line,
    is_labelled_byline,
    is_labelled_date,
    patterns,
    quick_fold,
)
from hoptac.models import Document
from hoptac.textnorm import squeeze


@cache
def _whole(section: str) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(patterns(section)) + ")")


@cache
def _inline_stop() -> re.Pattern[str]:
    return re.compile("|".join(patterns("inline_stop")))


# Furniture lines are short; a paragraph is never tested against the patterns.
_FURNITURE_MAX = 300


def _is_stop(line: str) -> bool:
    return len(line) <= _FURNITURE_MAX and bool(_whole("stop").fullmatch(folded_key(line)))


# "[Cao Bằng tiếp Đoàn công tác huyện Tĩnh Tây (Quảng Tây, Trung Quốc)]": another article's headline on a line
# of its own, in brackets.
_BRACKETED_HEADLINE = re.compile(r"\[[^\[\]\n]{10,250}\]")


def _is_drop(line: str) -> bool:
    if _BRACKETED_HEADLINE.fullmatch(line.strip()):
        return True
    return len(line) <= _FURNITURE_MAX and bool(_whole("drop").fullmatch(folded_key(line)))


def _is_punct(line: str) -> bool:
    return not any(ch.isalnum() for ch in line)


_GLUED_MAX = 800


def _glued_headlines(line: str) -> bool:
    """Related headlines run together: "...phòng dịchThành phố Huế...rơmBiến..."."""
    if len(line) > _GLUED_MAX:
        return False
    glued = 0
    for i in range(2, len(line)):
        if line[i].isupper() and line[i - 1].islower() and line[i - 2].islower():
            glued += 1
            if glued >= 2:
                return True
    return False


# A different story's lead: "Ngày 1/3, ...", "Sáng 4/2, tại ..."
_DATED_LEAD = re.compile(r"^(?:ngay|sang|trua|chieu|toi|dem|hom nay)\s+\d{1,2}\s*[/-]\s*\d{1,2}\b")
_CREDIT = re.compile(r"(?<=[.!?)])\s*\(?(?:Ảnh|Ảnh minh họa|Nguồn ảnh)\s*:\s*[^.:()]{1,60}\)?\.?$")
_TITLE_MAX = 250
# Captions printed twice are short; long paragraphs are compared exactly.
_CAPTION_MAX = 400


def _same(a: str, b: str) -> bool:
    """Two printings of one caption: equal, one cut short, or a word apart."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 20 or len(short) > _CAPTION_MAX:
        return a == b
    fs, fl = quick_fold(short).strip(" ."), quick_fold(long_).strip(" .")
    if fl.startswith(fs):
        return True
    if len(fs) < 0.8 * len(fl):
        return False
    matcher = SequenceMatcher(None, fs, fl, autojunk=False)
    return matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


def _bare_name(line: str, names: list[str]) -> bool:
    """A name alone ("Xuân Khu"), which may also be a caption or a subheading."""
    return bool(names) and not is_labelled_byline(line) and not re.search(r"[(/]|[-–]\s*TTXVN", line)


def _tail_follows(lines: list[str], i: int) -> bool:
    """Whether lines[i:] look like the end of a page: nothing, an outlet, furniture or a teaser."""
    following = lines[i : i + 3]
    if not following:
        return True
    for j, line in enumerate(following):
        if _is_stop(line) or _is_drop(line) or (len(line) < 60 and find_outlet(line)):
            return True
        if j + 1 < len(following) and line == following[j + 1]:
            return True
    return False


def _pick_title(lines: list[str]) -> int | None:
    """Index of the first substantive line: not furniture, not a menu entry, not a date."""
    for i, line in enumerate(lines):
        if _is_punct(line) or _is_drop(line) or _is_stop(line):
            continue
        if is_date_line(line) or is_labelled_date(line):
            continue
        if byline_names(line) is not None or len(line.split()) < 4:
            continue  # menu entries and place-name lists are short
        if len(line) > _TITLE_MAX or line.endswith("."):
            return None  # the page starts with its lead: no printed title
        return i
    return None


def _body(lines: list[str], title: str | None) -> tuple[list[str], list[str], list[str]]:
    """Paragraphs, byline lines and date lines of the lines after the title."""
    kept: list[str] = []
    bylines: list[str] = []
    dates: list[str] = []
    title_key = quick_fold(title).strip(" .") if title else None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if _is_stop(line):
            if kept:
                break
            continue
        if is_date_line(line) or is_labelled_date(line):
            if not kept or is_labelled_date(line):
                dates.append(line)
            continue
        if _is_punct(line) or _is_drop(line) or _glued_headlines(line):
            continue
        if title_key and len(line) < len(title_key) + 5 and quick_fold(line).strip(" .") == title_key:
            continue
        names = byline_names(line)
        if names is not None and (not kept or not _bare_name(line, names) or _tail_follows(lines, i)):
            bylines.append(line)
            if kept:
                # The closing byline: what follows is the outlet's footer and
                # teasers, except further byline or outlet lines.
                while (
                    i < len(lines)
                    and not (_is_stop(lines[i]) or _is_drop(lines[i]))
                    and (byline_names(lines[i]) is not None or (len(lines[i]) < 60 and find_outlet(lines[i])))
                ):
                    bylines.append(lines[i])
                    i += 1
                break
            continue
        # A headline printed twice followed by a dated lead is another story.
        if (
            kept
            and i + 1 < len(lines)
            and line == lines[i]
            and not line.endswith(".")
            and _DATED_LEAD.match(quick_fold(lines[i + 1]))
        ):
            break
        if "Ảnh" in line[-90:]:
            line = _CREDIT.sub("", line).strip()
        if kept and _same(kept[-1], line):
            if len(line) > len(kept[-1]):
                kept[-1] = line
            continue
        kept.append(line)
    return kept, bylines, dates


def _split_blob(text: str) -> tuple[list[str], list[str]]:
    """A one-line corpus body: cut at related links, split into parts, detach the closing byline."""
    stop = _inline_stop().search(text)
    if stop:
        text = text[: stop.start()]
    parts = [squeeze(p) for p in re.split(r"\s{2,}", text)]
    parts = [p for p in parts if p]
    bylines: list[str] = []
    if parts:
        last = parts[-1][-200:]
        m = re.search(r"(?:[.!?…\"”]|\./\.)\s+([^.!?…\"”]{2,80})$", last)
        tail = m.group(1) if m else last
        if byline_names(tail) is not None:
            bylines.append(tail)
            head = parts[-1][: len(parts[-1]) - len(last) + m.start(1)].rstrip() if m else ""
            parts[-1:] = [head] if head else []
    return parts, bylines


def clean(doc: Document) -> Cleaned:
    """The title and the article's own paragraphs of one document."""
    raw = doc.raw.replace("\r", "\n")
    if "\n" not in raw.strip() and (doc.title or doc.summary):
        lines, tail_bylines = _split_blob(raw)
    else:
        lines = [squeeze(line) for line in raw.split("\n")]
        lines = [line for line in lines if line]
        tail_bylines = []

    title = squeeze(doc.title) if doc.title else None
    head_dates: list[str] = []
    if title is None:
        index = _pick_title(lines)
        if index is not None:
            title = lines[index]
            head_dates = [line for line in lines[:index] if is_date_line(line) or is_labelled_date(line)]
            lines = lines[index + 1 :]
    elif not doc.html:
        # A page saved as text with a known title: skip what comes before it.
        key = quick_fold(title).strip(" .")
        for j, line in enumerate(lines[:30]):
            if len(line) < len(key) + 5 and quick_fold(line).strip(" .") == key:
                lines = lines[j + 1 :]
                break

    if doc.summary:
        lines.insert(0, squeeze(doc.summary))
    kept, bylines, dates = _body(lines, title)
    return Cleaned(
        title=title,
        body="\n".join(kept),
        bylines=tuple(bylines + tail_bylines),
        dates=tuple(head_dates + dates),
    )
