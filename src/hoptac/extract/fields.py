"""Cooperation fields (the contract's codes) from the cue phrases in `data/fields.csv`."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from hoptac.extract.text import WORD, first_word_index

FIELD_ORDER = tuple(
    (
        "tourism culture heritage sports festivals_events people_to_people trade investment economy finance "
        "industrial_zones logistics seaports_maritime urban_development smart_city digital science_technology "
        "biotechnology education training_hr labor health environment water energy agriculture_food "
        "media_communication governance"
    ).split()
)


@dataclass(frozen=True)
class _Cue:
    field: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[_Cue, ...]]:
    """The cues by their first word, lower case."""
    return first_word_index((text, cue) for cue, text in _cues())


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[_Cue, str], ...]:
    rows = resources.files("hoptac.extract").joinpath("data/fields.csv").read_text(encoding="utf-8")
    cues = []
    for row in csv.DictReader(rows.splitlines()):
        after = "|".join(re.escape(x) for x in row["unless_followed_by"].split("|") if x)
        before = [re.escape(x) for x in row["unless_preceded_by"].split("|") if x]
        pattern = r"(?<!\w)" + re.escape(row["cue"]) + r"(?!\w)"
        if after:
            pattern += r"(?!\s*(?:" + after + r"))"
        if before:
            pattern = "".join(r"(?<!" + b + r" )" for b in before) + pattern
        cues.append((_Cue(row["field"], re.compile(pattern, re.IGNORECASE)), row["cue"]))
    return tuple(cues)


# "Bộ Khoa học và Công nghệ", "Ngân hàng Thế giới", "Sở Văn hóa, Thể thao và Du lịch", "Đại học Huế": a body's
# name holds field words that say nothing of what the event is about.
_BODY = re.compile(
    r"(?<!\w)(?:Bộ|Sở|Ngân hàng|Trường|Đại học|Học viện|Viện|Trung tâm|Tổng cục|Cục|Ủy ban|Uỷ ban|Ban|Hiệp hội|"
    r"Hội|Quỹ|Liên minh|Tổ chức|Cơ quan|Chương trình|Phòng|Khoa|Vụ|Diễn đàn)"
    r"(?:\s+(?:cao đẳng|trung cấp|đại học|quốc tế|quốc gia))?"  # "Trường cao đẳng Công nghệ, Kinh tế ..."
    r"(?:(?:\s+|\s*,\s*|\s+và\s+|\s*-\s*)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\w]*(?:\s+[a-zđ\u00e0-\u1ef9][\w]*){0,2})+"
)


def find_fields(text: str) -> list[str]:
    """Field codes whose cues occur in `text`, in the contract's order; bodies' names are not read."""
    text = _BODY.sub(" ", text)
    index = _by_first_word()
    found = {
        cue.field
        for word in WORD.finditer(text)
        for cue in index.get(word.group(0).lower(), ())
        if cue.pattern.match(text, word.start())
    }
    return [f for f in FIELD_ORDER if f in found]
