"""Find the places and organisations a text names, with their candidate entities.

Matching runs over word tokens against every surface form in the gazetteer:
longest match first, capitalised words must be capitalised in the text, and a
match never crosses a comma or a sentence end. Phrases that look like places
but are not ("Thái Bình Dương") are listed in `data/not_places.csv` and consume
their words. Foreign places missing from the gazetteer are still caught when
the text types them ("thành phố Jeonju", "tỉnh Kanagawa") and given an id of
the project's scheme.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from hoptac import gazetteer
from hoptac.extract.people import surnames
from hoptac.textnorm import fold, normalize

_TOKEN = re.compile(r"\w+(?:['’]\w+)?")
_JOINABLE = re.compile(r"[ \t]*(?:[-–—.][ \t]*)?\Z")
_MAX_TOKENS = 12
# Single-syllable names that are also parts of personal names (Nguyễn Minh Đức, Lê Thị Nga).
_PERSONAL_SYLLABLES = {"anh", "nga", "đức", "mỹ", "ý", "úc", "bỉ", "séc", "lào", "pháp", "hàn", "nhật", "hoa"}
_HONORIFICS = {"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "ngài", "cháu", "cụ"}
# "U23 Malaysia", "đội tuyển Nhật Bản", "CLB Hà Nội": a team bears the place's name, not the place.
_TEAM_BEFORE = re.compile(r"(?:\bU[.\-]?\d{2}|\b[Đđ]ội tuyển|\b[Tt]uyển|\bĐT|\bĐTQG|\bCLB|\b[Đđ]ội)[ \t]*\Z")
# A word spelled like a Vietnamese syllable without tone marks: "Trang" (a Thai province, and a
# given name, "trang trí"), "Nan", "Mau", "Van". Such a foreign place needs its country in the text.
_VIETNAMESE_SYLLABLE = re.compile(
    r"(?:b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?"
    r"(?:a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uy|yeu|ieu|oai|oay|uoi|uya|uye)"
    r"(?:c|ch|m|n|ng|nh|p|t|i|y|o|u)?"
)
# Letters of European names that Vietnamese spelling shares or lacks: "Châtellerault", "Göttingen", "Logroño".
_ACCENTED = "àâäçéèêëîïôöùûüÿñœæáíóúßåãõłśżźćńąęčšžřďťňőűěůø"
# Capitals of those letters that begin a name: "Łódzkie", "Šumava", "Østfold".
_ACCENTED_CAPITALS = "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑŒÆÁÍÓÚÅÃÕŁŚŻŹĆŃĄĘČŠŽŘĎŤŇŐŰĚŮØ"
_FOREIGN_PREFIX = re.compile(
    r"(?P<prefix>\b(?:[Tt]hành phố|TP\.?|[Tt]ỉnh|[Bb]ang|[Tt]iểu bang|[Qq]uận|[Hh]uyện|[Vv]ùng|[Tt]hị trấn|"
    r"[Đđ]ặc khu|[Kk]hu tự trị|[Kk]hu tự quản|[Cc]hâu|[Hh]ạt|[Tt]hủ phủ|[Tt]hủ đô))[ \t]+"
    # "tỉnh Đông Flanders": a point of the compass in Vietnamese before a foreign name.
    r"(?P<name>(?:(?:Đông|Tây|Nam|Bắc)\s+(?=[A-Z][a-z]))?"
    # "Mai-xơ", "Xắc-xô-ni": a first syllable in Vietnamese letters when hyphenated syllables follow.
    r"(?:[A-Z" + _ACCENTED_CAPITALS + r"][a-zA-Z" + _ACCENTED + r"'’]+|[A-ZÀ-Ỹ][^\W\d_]*(?=-[a-zà-ỹđ]))(?![\w’'])"
    # Lower-case words only after a hyphen ("Ki-ta-kiu-siu") or as a name's particles ("Frankfurt am Main"), not
    # "Jecheon trao".
    r"(?:(?:[- ][A-Z][a-z" + _ACCENTED + r"'’]+|-(?=[a-zà-ỹđ'’])[^\W\d_]+|"
    r" (?:am|an|im|de|du|des|la|le|les|en|sur|on|upon|del|di|da|van|von|der)(?=[- ][A-Z]))(?![\w’'])){0,3})"
)
_PREFIX_KIND = {
    "thành phố": "city",
    "tp": "city",
    "tp.": "city",
    "tỉnh": "province",
    "bang": "province",
    "tiểu bang": "province",
    "quận": "district",
    "huyện": "district",
    "vùng": "province",
    "thị trấn": "city",
    "đặc khu": "province",
    "khu tự trị": "province",
    "khu tự quản": "city",
    "châu": "province",
    "hạt": "district",
    "thủ phủ": "city",
    "thủ đô": "city",
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    ids: tuple[str, ...]  # candidate entity ids, best first is decided by the resolver
    kind_hint: str | None = None  # from a prefix such as "tỉnh", "thành phố"
    adhoc: bool = False  # a foreign place found by its prefix, not in the gazetteer


@dataclass(frozen=True)
class _Form:
    tokens: tuple[str, ...]  # as written in the gazetteer
    ids: tuple[str, ...]


def _ends_sentence(word: str) -> bool:
    """A dot after a lower-case word ends its sentence ("hợp tác tại tỉnh. Hải Dương hiện ..."); after an
    abbreviation ("TP. Huế", "St. Petersburg", "tp. Vinh") it joins a name."""
    return word.islower() and len(word) > 2


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], list[_Form]], dict[str, int]]:
    """Surface forms keyed by their lower-cased tokens, and the longest form per first token."""
    forms: dict[tuple[str, ...], list[_Form]] = {}
    longest: dict[str, int] = {}

    def add(surface: str, ids: tuple[str, ...]) -> None:
        toks = tuple(m.group(0) for m in _TOKEN.finditer(normalize(surface)))
        if not toks or len(toks) > _MAX_TOKENS:
            return
        key = tuple(t.lower() for t in toks)
        forms.setdefault(key, []).append(_Form(toks, ids))
        longest[key[0]] = max(longest.get(key[0], 0), len(key))

    for surface, ids in gazetteer.load().surface_forms().items():
        add(surface, tuple(ids))
    data = resources.files("hoptac.extract").joinpath("data/not_places.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(data.splitlines()):
        add(row["phrase"], ())
    return forms, longest


@lru_cache(maxsize=1)
def _spelled_index() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Names written syllable by syllable with hyphens ("Xa-la-van"), keyed without tone marks: the press spells
    them with other tones ("Sả-la-van", "Sa-la-văn")."""
    out: dict[tuple[str, ...], dict[str, None]] = {}
    for surface, ids in gazetteer.load().surface_forms().items():
        if surface.count("-") < 2 or " " in surface.strip():
            continue
        key = tuple(fold(t) for t in _TOKEN.findall(normalize(surface)))
        out.setdefault(key, {}).update(dict.fromkeys(ids))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _toneless_index() -> dict[tuple[str, ...], list[_Form]]:
    """Foreign names of two syllables or more keyed without tone marks: the press writes them with other tones
    ("Luông Pha Bang" for "Luông Pha Băng")."""
    gaz = gazetteer.load()
    out: dict[tuple[str, ...], list[_Form]] = {}
    for surface, ids in gaz.surface_forms().items():
        toks = tuple(_TOKEN.findall(normalize(surface)))
        if len(toks) < 2 or not all(t[:1].isupper() for t in toks):
            continue
        if any((e := gaz.get(x)) is None or e.country in ("VN", None) for x in ids):
            continue
        out.setdefault(tuple(fold(t) for t in toks), []).append(_Form(toks, tuple(ids)))
    return out


# A foreign unit's designator before a name written with other tones: "tỉnh Luông Pha Bang".
_UNIT_BEFORE = re.compile(
    r"(?<!\w)(?:tỉnh|thành phố|TP\.?|huyện|bang|thủ đô|khu tự trị|châu|thị trấn|[Tt]ỉnh (?:ủy|uỷ)|[Tt]hành (?:ủy|uỷ))"
    r"\s+\Z",
    re.I,
)


def _other_tones(text: str, toks: list[re.Match[str]], i: int, reach: int) -> tuple[int, list[_Form]] | None:
    """A foreign name after its unit's designator, written with other tones than the gazetteer's."""
    if not _UNIT_BEFORE.search(text, max(0, toks[i].start() - 15), toks[i].start()):
        return None
    index = _toneless_index()
    for n in range(min(reach, 4), 1, -1):
        words = [t.group(0) for t in toks[i : i + n]]
        if not all(w[:1].isupper() for w in words):
            continue
        forms = index.get(tuple(fold(w) for w in words))
        if forms:
            return n, forms
    return None


def _spelled(text: str, toks: list[re.Match[str]], i: int) -> tuple[int, tuple[str, ...]] | None:
    """The hyphenated name starting at token `i` spelled with other tones, as (tokens, ids)."""
    n = 1
    while i + n < len(toks) and text[toks[i + n - 1].end() : toks[i + n].start()] == "-":
        n += 1
    if n < 3 or not toks[i].group(0)[:1].isupper():
        return None
    ids = _spelled_index().get(tuple(fold(t.group(0)) for t in toks[i : i + n]))
    return (n, ids) if ids else None


def _caps_ok(form: tuple[str, ...], found: list[str]) -> bool:
    return all(got[:1].isupper() or not want[:1].isupper() for want, got in zip(form, found, strict=True))


def find_mentions(text: str, masked: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every gazetteer place/organisation named in `text`, left to right, without overlaps.

    `masked` spans (personal names found earlier) are never matched.
    """
    forms, longest = _index()
    toks = _tokens(text)
    lowered = [t.group(0).lower() for t in toks]
    blocked = masked or []
    # How many tokens from each one are joined by spaces or dashes only: a name never spans more.
    reach = [1] * len(toks)
    for k in range(len(toks) - 2, -1, -1):
        gap = text[toks[k].end() : toks[k + 1].start()]
        if _JOINABLE.match(gap) and not ("." in gap and _ends_sentence(toks[k].group(0))):
            reach[k] = reach[k + 1] + 1
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        first = lowered[i]
        span = longest.get(first, 0)
        hit: tuple[int, list[_Form]] | None = None
        for n in range(min(span, reach[i]), 0, -1):
            cands = forms.get(tuple(lowered[i : i + n]))
            if not cands:
                continue
            found = [t.group(0) for t in toks[i : i + n]]
            ok = [f for f in cands if _caps_ok(f.tokens, found)]
            if ok:
                hit = (n, ok)
                break
        if hit is None and toks[i].group(0)[:1].isupper():
            hit = _other_tones(text, toks, i, reach[i])
        if hit is None and text.startswith("-", toks[i].end()):
            spelled = _spelled(text, toks, i)
            if spelled is not None:
                n, ids = spelled
                start, end = toks[i].start(), toks[i + n - 1].end()
                if not any(s < end and start < e for s, e in blocked):
                    out.append(Mention(start, end, text[start:end], ids, None))
                i += n
                continue
        if hit is None:
            i += 1
            continue
        n, ok = hit
        start, end = toks[i].start(), toks[i + n - 1].end()
        ids = tuple(dict.fromkeys(x for f in ok for x in f.ids))
        if (
            ids
            and not any(s < end and start < e for s, e in blocked)
            and not _after_surname(text, toks, i)
            and not _personal(text, toks, i, n)
            and not _TEAM_BEFORE.search(text, max(0, start - 20), start)
            and not _first_name(text, toks, i, n, ids)
            and not _surname_after_a_place(text, toks, i, n, ids)
            and not _vietnamese_word(text, toks, i, n, ids)
            and not _unaccented_name_end(text, toks, i, n, ids)
            and not _HYPHENATED_ON.match(text, end)
        ):
            city = _CITY_DESIGNATOR.search(text, max(0, start - 12), start)
            if city and all(len(x) == 2 for x in ids) and not set(ids) & _CITY_STATES:
                # "thành phố Armenia, thủ phủ tỉnh Quindío (Colombia)": a city that bears a country's name.
                out.append(Mention(city.start(), end, text[city.start() : end], (), "city", True))
            else:
                out.append(Mention(start, end, text[start:end], ids, _kind_hint(text[start:end])))
        i += n
    adhoc = _adhoc_places(text, out, blocked)
    adhoc += _communes(text, out + adhoc, blocked)
    # "tỉnh Hajdú-Bihar": a known name inside a foreign compound is the compound's.
    out = [m for m in out if not any(a.start < m.start and m.end <= a.end for a in adhoc)]
    out.extend(adhoc)
    out.sort(key=lambda m: m.start)
    if _PERSON_HO_CHI_MINH.search(text) and not _CITY_HO_CHI_MINH.search(text):
        # One sense per article: where the man is named and the city never is, "tiểu sử Hồ Chí Minh", "đưa Hồ Chí
        # Minh đến với chủ nghĩa Mác" and "hội thảo 'Hồ Chí Minh và ...'" are the man too.
        out = [m for m in out if m.text not in ("Hồ Chí Minh", "Ho Chi Minh")]
    return out


_PERSON_HO_CHI_MINH = re.compile(
    r"(?:Chủ tịch|[Ll]ãnh tụ|Bác)\s+Hồ Chí Minh|(?<!\w)Bác Hồ(?!\w)|[Tt]ư tưởng Hồ Chí Minh"
)
_CITY_HO_CHI_MINH = re.compile(
    r"(?:TP\.?|Tp\.?|[Tt]hành phố)\s*(?:Hồ Chí Minh|HCM)|TPHCM|HCMC|Sài Gòn|Ho Chi Minh City"
)


_CITY_DESIGNATOR = re.compile(r"(?<!\w)(?:[Tt]hành phố|TP\.?)\s+\Z")
_CITY_STATES = frozenset({"SG", "MC", "VA", "HK", "MO"})


# "Kim Dong-hyun": a word that goes on after a hyphen in lower case is a name of its own, not the place.
_HYPHENATED_ON = re.compile(r"-[a-z]")


def _after_surname(text: str, toks: list[re.Match[str]], i: int) -> bool:
    """ "Phó Thủ tướng Trương Hòa Bình", "bà Lê Thị Nga": a place's name right after a family name is a given name."""
    if i == 0 or text[toks[i - 1].end() : toks[i].start()] != " ":
        return False
    before = toks[i - 1].group(0)
    if toks[i].group(0).islower():
        return False  # "Đoàn tỉnh Gunma": a designator in lower case goes on no one's name
    return before[:1].isupper() and not before.isupper() and before.lower() in surnames()


# A foreign local leader's title right before a place: "Phó Thị trưởng Yokohama", "Thống đốc Aichi".
LEADER_BEFORE = re.compile(r"(?:Thị trưởng|Thống đốc|Tỉnh trưởng|Thủ hiến|Đô trưởng)\s+\Z")


def _first_name(text: str, toks: list[re.Match[str]], i: int, n: int, ids: tuple[str, ...]) -> bool:
    """ "Vladimir Putin", "Formosa Hà Tĩnh": a one-word foreign city glued to a capitalised word that is
    no place is a name's first part, not the city."""
    if n != 1 or i + 1 >= len(toks) or text[toks[i].end() : toks[i + 1].start()] != " ":
        return False
    if LEADER_BEFORE.search(text, max(0, toks[i].start() - 30), toks[i].start()):
        return False  # "Phó Thị trưởng Yokohama Hirano Nobuya": the city, then its leader's name
    nxt = toks[i + 1].group(0)
    if not nxt[:1].isupper() or nxt.isupper():
        return False
    places = [gazetteer.load().get(x) for x in ids]
    if not all(p is not None and p.kind == "city" and p.country not in (None, "VN") for p in places):
        return False
    forms, _ = _index()
    return (nxt.lower(),) not in forms


_GIVEN_NAMES = re.compile(r" [A-ZĐ][a-zà-ỹđ]+ [A-ZĐ][a-zà-ỹđ]+(?!\w)")


def _personal(text: str, toks: list[re.Match[str]], i: int, n: int) -> bool:
    """A one-syllable country name glued to a capitalised word is part of a personal name; so is a one-syllable
    place that is a family name followed by given names ("Chu Hải Binh", not the town of Chũ)."""
    if n != 1:
        return False
    if toks[i].group(0).lower() in surnames() and _GIVEN_NAMES.match(text, toks[i].end()):
        return True
    if toks[i].group(0).lower() not in _PERSONAL_SYLLABLES:
        return False
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and prev.group(0).lower() in _HONORIFICS:
        return True
    # An acronym beside it is a name of a ship, a unit or a firm, not of a person: "hải quân Mỹ USNS".
    glued_prev = (
        prev is not None
        and text[prev.end() : toks[i].start()] == " "
        and prev.group(0)[:1].isupper()
        and not prev.group(0).isupper()
    )
    # "Ngoại trưởng Mỹ John Kerry": a foreign name after it, not a Vietnamese one, is someone of that country.
    glued_next = (
        nxt is not None
        and text[toks[i].end() : nxt.start()] == " "
        and nxt.group(0)[:1].isupper()
        and not nxt.group(0).isupper()
        and bool(_VIETNAMESE_SYLLABLE.fullmatch(fold(nxt.group(0))))
    )
    return glued_prev or glued_next


def _surname_after_a_place(text: str, toks: list[re.Match[str]], i: int, n: int, ids: tuple[str, ...]) -> bool:
    """ "Phó Thống đốc tỉnh Osaka Yamaguchi Nobuhiko": a Japanese or Korean place's name between a title's place
    and a given name is the person's family name."""
    if n != 1 or i == 0 or i + 1 >= len(toks) or not all(x[:3] in ("JP-", "JP:", "KR-", "KR:") for x in ids):
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    return (
        text[prev.end() : toks[i].start()] == " "
        and text[toks[i].end() : nxt.start()] == " "
        and prev.group(0)[:1].isupper()
        and nxt.group(0)[:1].isupper()
        and nxt.group(0).isascii()
        and not nxt.group(0).isupper()
        and nxt.group(0) not in ("City", "Prefecture", "Province")
    )


def _vietnamese_word(text: str, toks: list[re.Match[str]], i: int, n: int, ids: tuple[str, ...]) -> bool:
    """A lone foreign place name spelled like a Vietnamese word, with no sign that the place is meant.

    "Hiền Trang", "Trang trí", "Cẩm Trang" are not Trang province of Thailand: the name must stand
    apart from other capitalised words and its country must follow it ("Trang (Thái Lan)").
    """
    word = toks[i].group(0)
    if n != 1 or word.isupper() or not _VIETNAMESE_SYLLABLE.fullmatch(fold(word)):
        return False
    places = [gazetteer.load().get(x) for x in ids]
    if any(p is None or p.country in (None, "VN") or p.kind in ("country", "organisation") for p in places):
        return False

    def glued(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].group(0)[:1].isupper() and text[
            min(toks[k].end(), toks[i].end()) : max(toks[k].start(), toks[i].start())
        ] == " "

    before, after = glued(i - 1), glued(i + 1)
    if before or after:
        return True
    # "- Trang trí nội thất" in an article that names Thailand elsewhere: the name must carry its country,
    # or the article must name the place with its designator somewhere ("Tỉnh Trang của Thái Lan ...").
    near = text[toks[i].end() : toks[i].end() + 30]
    if any(_country_next(near, p.country) for p in places if p is not None):
        return False
    designated = re.search(rf"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+{re.escape(word)}(?!\w)", text)
    return designated is None or not any(_country_named(text, p.country) for p in places if p is not None)


def _unaccented_name_end(text: str, toks: list[re.Match[str]], i: int, n: int, ids: tuple[str, ...]) -> bool:
    """ "Bí thư Bành Thanh Hoa": a Vietnamese place written without its accents, right after a
    capitalised word, ends a personal name (Peng Qinghua), not Thanh Hóa province."""
    if i == 0 or not toks[i - 1].group(0)[:1].isupper() or text[toks[i - 1].end() : toks[i].start()] != " ":
        return False
    written = text[toks[i].start() : toks[i + n - 1].end()]
    if not written.isascii():
        return False  # accents or "đ": written as Vietnamese, the place itself
    if not all(t.group(0).istitle() for t in toks[i : i + n]):
        return False  # "LĐLĐ TP HCM": an abbreviation, not a name's last syllables
    names = [(p.name_vi or "") if p is not None and p.country == "VN" else "" for p in map(gazetteer.load().get, ids)]
    return all(fold(name) != name.lower() for name in names)


@lru_cache(maxsize=256)
def _country_pattern(code: str) -> re.Pattern[str] | None:
    country = gazetteer.load().get(code)
    if country is None:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in country.forms) + r")(?!\w)")


def _country_next(text: str, code: str | None) -> bool:
    """Whether `text` opens with the country: "(Thái Lan)", ", Thái Lan"."""
    pattern = _country_pattern(code) if code else None
    opening = re.match(r"\s*[(,]\s*(?:nước\s+)?", text)
    return pattern is not None and opening is not None and pattern.match(text, opening.end()) is not None


def _country_named(text: str, code: str | None) -> bool:
    pattern = _country_pattern(code) if code else None
    return pattern is not None and pattern.search(text) is not None


_PREFIXES_LONGEST_FIRST = sorted(_PREFIX_KIND, key=len, reverse=True)


_PREFIX_FIRST_WORDS = frozenset(p.split()[0] for p in _PREFIX_KIND)


def _kind_hint(surface: str) -> str | None:
    low = surface.lower()
    if low.split(" ", 1)[0] not in _PREFIX_FIRST_WORDS and not low.startswith("tp"):
        return None
    for prefix in _PREFIXES_LONGEST_FIRST:
        if low.startswith(prefix + " ") or (prefix.endswith(".") and low.startswith(prefix)):
            return _PREFIX_KIND[prefix]
    if low.startswith("tp"):
        return "city"
    return None


class _Spans:
    """Spans to test for overlap in logarithmic time: sorted by start, with the furthest end so far."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.reach = list(itertools.accumulate((e for _, e in self.spans), max))

    def overlap(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.spans, (end,)) - 1  # the spans that start before `end`
        return i >= 0 and self.reach[i] > start


# The capitalised word right before a designator: "Phan" in "Trường THPT Phan Châu Trinh".
_NAME_GOES_ON = re.compile(r"(?<!\w)([A-ZÀ-ỸĐ][^\W\d_]*) \Z")
# "tỉnh Đông Flanders": the point of the compass is Vietnamese, the name after it foreign.
_COMPASS = re.compile(r"^(?:Đông|Tây|Nam|Bắc)\s+")
# "bang Rai-lan Phan-xờ", "thành phố Mai-xơ": a name spelt out in Vietnamese syllables joined by hyphens.
_TRANSLITERATED = re.compile(r"\w-[a-zà-ỹđ]")


def _romanised(name: str) -> bool:
    """A foreign name in Latin letters: plain, or with European accents on words that are no Vietnamese syllables
    ("Châtellerault", not "Ho Chí Minh")."""
    name = _COMPASS.sub("", name)
    lowered = name.lower()
    if fold(name) == lowered or _TRANSLITERATED.search(name):
        return True
    if any(not ch.isascii() and ch not in _ACCENTED for ch in lowered):
        return False
    accented = [w for w in name.split() if not w.isascii()]
    return not any(_VIETNAMESE_SYLLABLE.fullmatch(fold(w)) for w in accented)


# "UBND xã Thanh Thủy", "chính quyền phường Hội An Tây": a commune or ward, which the gazetteer does not list, that
# acts through its government; not a school's or a clinic's address ("trạm y tế xã Phước Hòa").
_COMMUNE = re.compile(
    r"(?:(?<=UBND )|(?<=HĐND )|(?<=Ủy ban nhân dân )|(?<=Uỷ ban nhân dân )|(?<=Đảng ủy )|(?<=Đảng uỷ )|"
    r"(?<=chính quyền )|(?<=Chính quyền )|(?<=lãnh đạo )|(?<=Lãnh đạo ))"
    r"(?P<unit>xã|phường|thị trấn)\s+(?P<name>[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,2})(?![\w-])"
)


# "chính quyền trấn Thiên Bảo": a Chinese town (zhen) by its Sino-Vietnamese name; no Vietnamese unit is a "trấn"
# today ("Dinh trấn Thanh Chiêm" is a garrison of old).
_ZHEN = re.compile(
    r"(?<!\w)(?<!thị )(?<!Thị )(?<!inh )trấn\s+(?P<name>[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,2})(?![\w-])"
)


def _communes(text: str, known: list[Mention], blocked: list[tuple[int, int]]) -> list[Mention]:
    """Vietnamese communes and wards by their designator, and Chinese towns by theirs; a foreign "thị trấn
    Zermatt" is found as a foreign town."""
    taken = _Spans([(k.start, k.end) for k in known] + list(blocked))
    out = []
    for m in _COMMUNE.finditer(text):
        if taken.overlap(m.start(), m.end()):
            continue
        if m["unit"] == "thị trấn" and _romanised(m["name"]):
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), (), "commune", True))
    for m in _ZHEN.finditer(text):
        if not taken.overlap(m.start(), m.end()):
            out.append(Mention(m.start(), m.end(), m.group(0), (), "city", True))
    return out


def _compound_around(text: str, start: int, end: int, known: list[Mention], blocked: list[tuple[int, int]]) -> bool:
    """ "tỉnh Hajdú-Bihar", "tỉnh Tây Flanders": the names the span overlaps are all parts of it after a hyphen or a
    point of the compass, not "Bihar" of India or the region of Flanders."""
    inside = [k for k in known if k.start < end and start < k.end]
    compass = _COMPASS.match(text[start:end])
    return not any(s < end and start < e for s, e in blocked) and all(
        start < k.start
        and k.end <= end
        and (text[k.start - 1] == "-" or (compass is not None and k.start == start + compass.end()))
        for k in inside
    )


def _adhoc_places(text: str, known: list[Mention], blocked: list[tuple[int, int]]) -> list[Mention]:
    """Foreign places the gazetteer lacks, typed by a prefix: "thành phố Jeonju"."""
    found = []
    taken = _Spans([(k.start, k.end) for k in known] + list(blocked))
    for m in _FOREIGN_PREFIX.finditer(text):
        start, end = m.start("name"), m.end("name")
        if taken.overlap(start, end) and not _compound_around(text, start, end, known, blocked):
            continue
        name = m.group("name")
        # Romanised foreign names only: Vietnamese names carry diacritics or are Vietnamese syllables,
        # and a name that goes on in Vietnamese letters ("tỉnh Ho Chí ...") is not one.
        if not _romanised(name) or (text[end : end + 1] in " -" and text[end + 1 : end + 2].isupper()):
            continue
        if name.isupper():
            continue  # "TP HCM", "tỉnh BR-VT": abbreviations, not a foreign place's name
        before = _NAME_GOES_ON.search(text, max(0, m.start() - 12), m.start())
        if m.group("prefix")[:1].isupper() and before and before.group(1).lower() in surnames():
            continue  # "Trường THPT Phan Châu Trinh": a capitalised designator inside a person's name
        prefix = m.group("prefix").lower()
        found.append(Mention(m.start(), end, text[m.start() : end], (), _PREFIX_KIND.get(prefix, "city"), True))
    return found
