"""What every extractor of one article shares: sentences, resolved places, people, dates."""

from __future__ import annotations

import bisect
import collections
import csv
import itertools
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources

from hoptac import gazetteer, resolve
from hoptac.extract import dates
from hoptac.extract.parties import LEADER_BEFORE, Mention, find_mentions
from hoptac.extract.people import PersonMention, find_people
from hoptac.extract.text import WORD, Span, first_word_index, sentences
from hoptac.gazetteer import Entity
from hoptac.models import DateValue
from hoptac.textnorm import fold

# "Bà Rịa - Vũng Tàu, Việt Nam" / "Gyeongju (Hàn Quốc)": a country right after a place.
_COUNTRY_AFTER = re.compile(r"^\s*(?:[,(–-]\s*|của\s+)")
# "tại thành phố Nam Ninh", "ở TP. Huế", "tại xã Ia Lốp, huyện Ea Súp": the place is where something happens,
# not a party to it.
_AT_VENUE = re.compile(
    r"(?<!\w)(?:tại|ở)\s+"
    r"(?:(?:xã|phường|thị trấn)\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2},\s+)?"
    r"(?:(?:thành phố|thủ đô|thủ phủ|tỉnh|tp\.?|quận|huyện|thị xã|bang|vùng|khu tự trị|đặc khu)\s+)*$",
    re.IGNORECASE,
)


_NAME_WORD = re.compile(r"[\w’'-]+")
# No title runs longer than this many characters (the people stage cuts titles at a few dozen words).
_LONGEST_TITLE = 2000
_COUNTY = re.compile(r"(?:huyện|quận|thị xã|thị trấn|hạt)\s", re.IGNORECASE)
_LOCATED_IN = re.compile(r"\s*(?:,|\(|[-–])\s*")


def is_venue(text: str, offset: int) -> bool:
    """Whether the place named at `offset` of `text` follows "tại"/"ở" (a designator may come between)."""
    return _AT_VENUE.search(text, max(0, offset - 40), offset) is not None


@dataclass(frozen=True)
class Place:
    mention: Mention
    entity: Entity

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def vietnamese(self) -> bool:
        return self.entity.country == "VN"

    @property
    def subnational(self) -> bool:
        return self.entity.kind in ("province", "city", "district", "commune")


@dataclass
class Context:
    text: str
    title_end: int
    published: DateValue | None
    year_hint: int | None
    sentences: list[Span]
    places: list[Place]
    people: list[PersonMention]
    date_mentions: list[dates.DateMention] = field(default_factory=list)

    @property
    def reference_day(self) -> str | None:
        if self.published:
            return self.published.value
        return str(self.year_hint) if self.year_hint else None

    def places_a_city(self, place: Place) -> bool:
        """A foreign region named right after a city of its country: "thành phố Sacramento, bang California"; or
        a city right after a county of its: "huyện Long Châu, thành phố Sùng Tả"."""
        if place.vietnamese or place.entity.kind not in ("province", "city"):
            return False
        i = bisect.bisect_left(self.places, place.start, key=lambda p: p.start)
        if i == 0:
            return False
        city = self.places[i - 1]
        if place.entity.kind == "city" and not _COUNTY.match(city.mention.text):
            return False
        return (
            city.entity.kind in ("city", "district")
            and city.entity.country == place.entity.country
            and _LOCATED_IN.fullmatch(self.text, city.end, place.start) is not None
        )

    def places_in(self, start: int, end: int) -> list[Place]:
        places = self.places
        i = bisect.bisect_left(places, start, key=lambda p: p.start)
        out = []
        while i < len(places) and places[i].start < end:
            if places[i].end <= end:
                out.append(places[i])
            i += 1
        return out

    def title_holding(self, place: Place) -> PersonMention | None:
        """The person in whose title this mention lies ("Tổng Lãnh sự Hoa Kỳ tại TP HCM"), if any."""
        spans = self._title_spans
        # Titles are a few dozen words at most: only those starting shortly before the place can hold it.
        i = bisect.bisect_right(spans, (place.start, len(self.people)))
        held = [
            order
            for start, order in spans[bisect.bisect_left(spans, (place.start - _LONGEST_TITLE, -1)) : i]
            if place.end <= (self.people[order].title_end or 0)
        ]
        return self.people[min(held)] if held else None

    # The people are found before the context is built and never change after: both are read once.
    @cached_property
    def person_names(self) -> frozenset[tuple[str, ...]]:
        """Every name and short form of the article's people, as tuples of words."""
        return frozenset(tuple(_NAME_WORD.findall(name)) for p in self.people for name in (p.name, *p.variants))

    @cached_property
    def _title_spans(self) -> list[tuple[int, int]]:
        """(title start, order) of every titled person, by start."""
        return sorted(
            (p.title_start, order)
            for order, p in enumerate(self.people)
            if p.title_start is not None and p.title_end is not None
        )

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence an offset lies in, if any."""
        i = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        return self.sentences[i] if i >= 0 and offset < self.sentences[i].end else None

    def in_a_title(self, place: Place) -> bool:
        """Whether this mention lies inside an official's title."""
        return self.title_holding(place) is not None


@cache
def _cue_rows(name: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(label, cue, compiled cue) rows of a two-column cue file, longest cue first."""
    data = resources.files("hoptac.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = list(csv.reader(data.splitlines()))[1:]
    rows.sort(key=lambda r: len(r[1]), reverse=True)
    return tuple((label, cue, _cue_pattern(cue)) for label, cue in rows)


def cue_table(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(label, compiled cue) rows of a two-column cue file, longest cue first."""
    return tuple((label, pattern) for label, _, pattern in _cue_rows(name))


@cache
def _cue_index(name: str) -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The cues of a file by their first word, lower case, longest first."""
    return first_word_index((cue, (label, pattern)) for label, cue, pattern in _cue_rows(name))


def find_cues(name: str, text: str) -> list[tuple[str, int]]:
    """(label, offset) of every cue of a file in `text`, in text order: one pass over the words."""
    index = _cue_index(name)
    found: list[tuple[str, int]] = []
    covered = 0
    for word in WORD.finditer(text):
        if word.start() < covered:
            continue
        if word.group(0)[:1].isupper() and _IN_A_NAME.search(text, max(0, word.start() - 40), word.start()):
            continue  # "Hiệp hội Giao lưu quốc tế tỉnh Hyogo", "Trung tâm Hội nghị quốc gia": a body's name
        for label, pattern in index.get(word.group(0).lower(), ()):
            m = pattern.match(text, word.start())
            if m:
                found.append((label, m.start()))
                covered = m.end()
                break
    return found


_IN_A_NAME = re.compile(
    r"(?<!\w)(?:Hội|Hiệp hội|Trung tâm|Quỹ|Viện|Ủy ban|Uỷ ban|Liên hiệp|Liên đoàn|Cơ quan|Tổ chức|Văn phòng)"
    r"(?:\s+[A-ZĐÂĂÊÔƠƯ][^\W\d_]*(?:\s+[a-zđà-ỹ][^\W\d_]*){0,2})*\s+\Z"
)


@lru_cache(maxsize=1)
def _not_cues() -> dict[str, str]:
    """Words that contain a cue but mean something else: "tiếp tục", "thăm dò"."""
    data = resources.files("hoptac.extract").joinpath("data/not_cues.csv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(data.splitlines()):
        out.setdefault(row["cue"], []).append(row["before"] + "\x00" + row["after"])
    return {cue: "|".join(v) for cue, v in out.items()}


def _cue_pattern(cue: str) -> re.Pattern[str]:
    # "giúp … xây dựng": up to six words between ("giúp TP Đà Nẵng xây dựng"), none ending a clause.
    gap = r"(?:\s+[^\s,.;:]+){0,6}?\s+"
    pattern = r"(?<!\w)" + gap.join(re.escape(part.strip()) for part in cue.split("…")) + r"(?!\w)"
    for pair in _not_cues().get(cue, "").split("|"):
        if not pair:
            continue
        before, after = pair.split("\x00")
        # Case counts in the word after: "tiếp thị" is marketing, "tiếp Thị trưởng" a reception; not in the one
        # before, where titles are capitalised ("Tổng Thư ký").
        if after:
            pattern += r"(?!\s+(?-i:" + re.escape(after) + r")(?!\w))"
        if before:
            pattern = r"(?<!" + re.escape(before) + r" )" + pattern
    return re.compile(pattern, re.IGNORECASE)


_DESIGNATOR_BEFORE = re.compile(r"(?:TP\.?|[Tt]hành phố|[Tt]ỉnh|[Tt]hủ đô|[Qq]uận|[Hh]uyện|[Bb]ang|[Xx]ã)\s*\Z")


def build(text: str, title_end: int, published: DateValue | None) -> Context:
    title, body = text[:title_end], text[title_end:]
    year_hint = int(published.value[:4]) if published and published.value[:4].isdigit() else None
    if year_hint is None:
        year_hint = dates.article_year(title, body)
    mentions = find_mentions(text)
    people = find_people(text, [(m.start, m.end) for m in mentions])
    # Names do not overlap one another: only the last one starting before a mention's end can overlap it.
    # A person named again in full ("Thị trưởng Yamaguchi Tetsuya" after "ông Yamaguchi Tetsuya"): no place there.
    # Not where a designator makes it a place: "TP Hồ Chí Minh" beside "Chủ tịch Hồ Chí Minh".
    told = {p.name for p in people if " " in p.name}
    again = {
        m.span()
        for n in told
        for m in re.finditer(re.escape(n), text)
        if not _DESIGNATOR_BEFORE.search(text, max(0, m.start() - 12), m.start())
    }
    names = sorted({(p.start, p.end) for p in people} | again)
    before = (bisect.bisect_left(names, (m.end,)) - 1 for m in mentions)
    mentions = [m for m, i in zip(mentions, before, strict=True) if i < 0 or names[i][1] <= m.start]
    ctx = Context(text, title_end, published, year_hint, sentences(text), [], people, dates.find_dates(text, published))
    places = _resolve_all(ctx, mentions)
    places = sorted(places + _adhoc_named_again(text, places, names), key=lambda p: p.start)
    routes = _route_ends(text, places)
    # "cao tốc Hà Nội - Viêng Chăn" names a road: neither city takes part in anything through it.
    # "JETRO Hà Nội", "KOICA Việt Nam": an agency's office, named after where it sits.
    offices = {
        p.start
        for before, p in itertools.pairwise(places)
        if p.vietnamese
        and before.entity.kind in ("agency", "organisation")
        and _OFFICE_GAP.fullmatch(text, before.end, p.start)
    }
    # "sân bay Kansai", "Cảng hàng không quốc tế Đà Nẵng": a facility named after a place is not that place.
    facilities = {p.start for p in places if _FACILITY_BEFORE.search(text, max(0, p.start - 30), p.start)}
    places = [p for p in places if p.start not in routes | offices | facilities]
    groups = _groups_of_localities(text)
    # "các tỉnh Bắc Lào": the provinces of a part of the country, not the country.
    ctx.places = sorted(
        [p for p in places if not any(g.start <= p.start < g.end for g in groups)] + groups, key=lambda p: p.start
    )
    return ctx




# "các tỉnh Bắc Lào", "8 tỉnh phía Bắc Lào", "các tỉnh biên giới của Campuchia": provinces a text names as a
# group, by their part of a country or its border. Not "các tỉnh biên giới Việt Nam - Lào": a pair's border.
_GROUP = re.compile(
    r"(?<!\w)(?:các|những|\d{1,2})\s+(?:tỉnh|địa phương)\s+(?:"
    r"(?:phía\s+|miền\s+|vùng\s+)?(?:Đông Bắc|Tây Bắc|Đông Nam|Tây Nam|Bắc|Nam|Trung|Đông|Tây)"
    r"|(?:có chung\s+)?(?:đường\s+)?biên giới(?:\s+của)?|giáp biên(?:\s+của)?)\s+"
    r"(?P<country>[A-ZĐ][^\W\d_]*(?:\s[A-ZĐ][^\W\d_]*)?)(?!\s*[-–])(?![\w-])"
)


def _groups_of_localities(text: str) -> list[Place]:
    """Provinces a text names as a group of one country ("các tỉnh Bắc Lào"), as one place."""
    out = []
    for m in _GROUP.finditer(text):
        country = next((e for e in gazetteer.load().lookup(m["country"]) if e.kind == "country"), None)
        if country is None:
            continue
        mention = Mention(m.start(), m.end(), m.group(), (), "province", True)
        entity = resolve.group_of_localities(mention, country.id)
        out.append(Place(mention, entity))
    return out


_OFFICE_GAP = re.compile(r"\)?\s+(?:[Vv]ăn phòng(?:\s+đại diện)?\s+(?:tại\s+)?)?")


def _adhoc_named_again(text: str, places: list[Place], names: list[tuple[int, int]]) -> list[Place]:
    """ "thị trấn Chamonix-Mont-Blanc", then "Thị trưởng Chamonix-Mont-Blanc" and "tại Chamonix-Mont-Blanc": a
    foreign place the gazetteer lacks, found by its prefix, is the same place where the article names it bare."""
    taken = [(p.start, p.end) for p in places] + names
    out: list[Place] = []
    for first in {p.entity.id: p for p in places if p.mention.adhoc and p.mention.kind_hint != "company"}.values():
        name = first.entity.name
        if len(name) < 4:
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            # Not inside a longer name: "Công ty Kansai Eco Engineering".
            goes_on = re.match(r" [A-Z]", text[m.end() : m.end() + 2]) is not None
            if not goes_on and not any(start < m.end() and m.start() < end for start, end in taken):
                out.append(Place(Mention(m.start(), m.end(), name, (), first.mention.kind_hint, True), first.entity))
    return out


def _resolve_all(ctx: Context, mentions: list[Mention]) -> list[Place]:
    on = ctx.reference_day
    countries = {"VN"}
    resolved: list[tuple[Mention, Entity | None]] = []
    # Countries first: they tell which foreign places an ambiguous name means. A country's id is two letters.
    country_at: dict[int, str] = {}
    for m in mentions:
        ent = resolve.choose(m, on, countries) if any(len(i) == 2 for i in m.ids) else None
        if ent is not None and ent.kind == "country":
            countries.add(ent.id)
            country_at[m.start] = ent.id
        elif ent is not None and ent.country in m.ids:
            countries.add(ent.country)  # "Singapore": the city-state names its country too
    chosen: dict[tuple[tuple[str, ...], str | None], Entity | None] = {}
    pinned: dict[tuple[str, ...], Entity] = {}
    gaz = gazetteer.load()
    for m in mentions:
        # "TP Trịnh Châu (tỉnh Hà Nam, Trung Quốc)": the country named right after a name tells which place it
        # is, here and wherever the article names it again.
        after = _COUNTRY_AFTER.match(ctx.text[m.end : m.end + 12]) if len(m.ids) > 1 else None
        country = country_at.get(m.end + after.end()) if after else None
        if country is not None:
            own = [e for e in (gaz.get(i) for i in m.ids) if e is not None and e.country == country]
            if own:
                pinned.setdefault(m.ids, own[0])
    for m in mentions:
        key = (m.ids, m.kind_hint)
        if key not in chosen and m.ids in pinned:
            chosen[key] = pinned[m.ids]
        if key not in chosen:
            chosen[key] = resolve.choose(m, on, countries) if m.ids else None
        resolved.append((m, chosen[key]))
    # "Phó Thị trưởng Seoul Oh Shin-hwan": a place whose leader the text names is that place, country or not.
    led = {
        ent.id
        for m, ent in resolved
        if ent is not None and LEADER_BEFORE.search(ctx.text, max(0, m.start - 30), m.start)
    }
    places: list[Place] = []
    for i, (m, ent) in enumerate(resolved):
        if ent is None and m.kind_hint == "commune" and _placed_abroad(ctx.text, resolved, i):
            # "UBND xã Prasat (huyện Chantrea)": a commune of the foreign district named after it.
            ent = resolve.adhoc(m, _country_near(ctx.text, resolved, i, countries, ctx.sentence_at(m.start)))
        elif ent is None and m.kind_hint == "commune":
            within = _commune_within(ctx.text, resolved, i)
            ent = resolve.commune(m, within) if within is not None else None
        elif ent is None and m.adhoc and not _ends_in_a_name(ctx, m):
            ent = resolve.adhoc(m, _country_near(ctx.text, resolved, i, countries, ctx.sentence_at(m.start)))
        if ent is not None and ent.id not in led and _stray(m, ent, countries):
            continue
        if ent is not None:
            places.append(Place(m, ent))
    return _named_as_province(places)


_ADDRESS_GOES_ON = re.compile(r"\s*[,(-]?\s*\Z")


def _placed_abroad(text: str, resolved: list[tuple[Mention, Entity | None]], i: int) -> bool:
    """The place named right after a commune, as its address, is foreign or one the gazetteer lacks."""
    m = resolved[i][0]
    nxt, ent = resolved[i + 1] if i + 1 < len(resolved) else (None, None)
    if nxt is None or nxt.start - m.end > 3 or not _ADDRESS_GOES_ON.match(text[m.end : nxt.start]):
        return False
    return (ent is not None and ent.country != "VN") or (ent is None and nxt.adhoc and nxt.kind_hint != "commune")


def _commune_within(text: str, resolved: list[tuple[Mention, Entity | None]], i: int) -> Entity | None:
    """The district or province named right after a commune ("xã Thanh Thủy, huyện Vị Xuyên"), else the
    Vietnamese province the article names most."""
    m = resolved[i][0]
    local = ("province", "city", "district")
    for nxt, ent in resolved[i + 1 : i + 3]:
        if (
            ent is not None
            and ent.country == "VN"
            and ent.kind in local
            and nxt.start - m.end <= 3
            and _ADDRESS_GOES_ON.match(text[m.end : nxt.start])
        ):
            return ent
    # "tại Nhà văn hóa xã Phong Niên, huyện Bảo Thắng, UBND xã Phong Niên ...": the district named just before.
    for before, ent in reversed(resolved[max(0, i - 3) : i]):
        if ent is not None and ent.country == "VN" and ent.kind in local and m.start - before.end <= 120:
            return ent
    provinces = collections.Counter(
        e for _, e in resolved if e is not None and e.country == "VN" and e.kind == "province"
    )
    return provinces.most_common(1)[0][0] if provinces else None


def _ends_in_a_name(ctx: Context, m: Mention) -> bool:
    """ "Thống đốc TP Saint Peterburg Pontavchenko": a place read up to a person's family name is no place."""
    last = m.text.split()[-1]
    return any(len(name) > 1 and last == name[-1] for name in ctx.person_names) and len(m.text.split()) > 2


def _named_as_province(places: list[Place]) -> list[Place]:
    """ "tỉnh Fukuoka ... giữa Fukuoka và Hà Nội": a bare name shared by a foreign province and its chief city
    is the province where the article has called it one."""
    provinces = {p.entity.id: p.entity for p in places if p.mention.kind_hint == "province" and not p.vietnamese}
    out = []
    for p in places:
        parent = provinces.get(p.entity.parent or "")
        if (
            parent is not None
            and p.mention.kind_hint is None
            and p.entity.kind == "city"
            and parent.name_vi is not None
            and fold(parent.name_vi).endswith(" " + fold(p.mention.text))
        ):
            p = Place(p.mention, parent)
        out.append(p)
    return out


# "cao tốc Hà Nội - Viêng Chăn", "đường bay Đà Nẵng – Osaka", "tuyến đường sắt Lào Cai - Hà Nội - Hải Phòng".
_ROUTE_BEFORE = re.compile(
    r"(?<!\w)(?:đường|cao tốc|tuyến|đường sắt|đường bộ|quốc lộ|đường bay|chuyến bay|bay thẳng|đường ống|"
    r"hành lang|hành trình|xe buýt|tàu|kết nối)(?:\s+\w+){0,3}\s+\Z",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s*[-–—]\s*")
# "sân bay Kansai", and the city told after an airport's own name: "về đến sân bay Nội Bài, Hà Nội".
_FACILITY_BEFORE = re.compile(
    r"(?<!\w)(?:sân bay|cảng hàng không(?: quốc tế)?|nhà ga)\s+(?:(?-i:[A-ZĐ])\w*(?:\s+(?-i:[A-ZĐ])\w*){0,2},\s*)?\Z",
    re.IGNORECASE,
)


def _route_ends(text: str, places: list[Place]) -> set[int]:
    """The starts of places that name a road's, a flight's or a railway's ends."""
    ends: set[int] = set()
    for i, p in enumerate(places):
        if i and places[i - 1].start in ends and _DASH.fullmatch(text, places[i - 1].end, p.start):
            ends.add(p.start)
            continue
        nxt = places[i + 1] if i + 1 < len(places) else None
        if (
            nxt is not None
            and _DASH.fullmatch(text, p.end, nxt.start)
            and _ROUTE_BEFORE.search(text, max(0, p.start - 40), p.start)
        ):
            ends.add(p.start)
    return ends


def _stray(m: Mention, ent: Entity, countries: set[str]) -> bool:
    """A foreign place named bare in an article that never names its country: another thing of that name.

    "Duyên Hải" (a town of Trà Vinh, and Primorsky Krai), "Formosa" (a steel plant), "Tân Cương" (a tea)
    and "Metro" are not places abroad when nothing else in the text is about their country.
    """
    return (
        ent.country not in (None, "VN")
        and ent.kind in ("province", "city", "district")
        and not m.kind_hint
        and ent.country not in countries
    )


_REGION_GOVERNMENT = re.compile(r"(?:[Cc]hính quyền|[Cc]hính phủ|Thủ hiến|Thống đốc|Chủ tịch)\s+\Z")


def _country_near(
    text: str, resolved: list[tuple[Mention, Entity | None]], i: int, countries: set[str], sentence: Span | None
) -> str | None:
    """The country written right after a place ("Jeonju, Hàn Quốc"), else the article's only foreign one."""
    m = resolved[i][0]
    if i + 1 < len(resolved):
        nxt_m, nxt = resolved[i + 1]
        if (
            nxt is not None
            and nxt.kind == "country"
            and _COUNTRY_AFTER.match(text[m.end : nxt_m.start])
            and nxt_m.start - m.end <= 4
        ):
            return nxt.id
        if (
            nxt is not None
            and nxt.kind == "province"
            and nxt.country not in (None, "VN")
            and _COUNTRY_AFTER.match(text[m.end : nxt_m.start])
            and nxt_m.start - m.end <= 4
        ):
            return nxt.country  # "huyện Haenam, tỉnh Jeollanam-do": the foreign province it lies in
    foreign = countries - {"VN"}
    if len(foreign) == 1:
        return next(iter(foreign))
    # "làm việc với chính quyền khu tự quản Westland - trung tâm hoa lớn nhất Hà Lan", "tại thành phố Ghent (Bỉ), ...
    # Thống đốc tỉnh Đông Flanders": among the article's countries, the one its own sentence names.
    if sentence is None or (
        m.text.lower().startswith("vùng") and not _REGION_GOVERNMENT.search(text, max(0, m.start - 25), m.start)
    ):
        return None  # "các địa phương vùng Kyushu": a region told of; "Chính quyền vùng Nam Moravia" acts
    start, end = sentence.start, sentence.end
    named = {
        ent.country
        for other, ent in resolved
        if ent is not None and ent.kind == "country" and start <= other.start < end and ent.id != "VN"
    }
    return next(iter(named)) if len(named) == 1 else None
