"""Mentions that can be parties to an event: who acts, not what is merely named.

A gazetteer place is an actor when it is a locality, an organisation or an
agency. A country is one only where the text makes it act: an official's title
("Thủ tướng Campuchia", "Đại sứ Việt Nam tại Mỹ"), its government, embassy,
delegation, navy or investors ("Đại sứ quán Ấn Độ", "đoàn Nhật Bản", "doanh
nghiệp Pháp"). A visa to the United States, a Japanese fireworks team or
Chinese defendants do not make their country a party. Vietnam itself acts
through its national leaders ("Thủ tướng Nguyễn Xuân Phúc tiếp ...") and
bodies ("Bộ Ngoại giao"). Where an official is posted ("... tại TP HCM") is no
party, and a foreign company named with its country ("Tập đoàn Hyosung (Hàn
Quốc)") is one.
"""

from __future__ import annotations

import bisect
import collections
import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from hoptac import gazetteer, resolve
from hoptac.extract.context import Context, Place
from hoptac.extract.parties import Mention
from hoptac.textnorm import fold


@dataclass(frozen=True)
class Actor:
    place: Place
    start: int
    end: int
    national: bool = False  # Vietnam acting through a national leader or body
    led: bool = False  # a locality whose own leader or government the text names: "Thống đốc tỉnh Aichi"
    escort: bool = False  # led only by those listed as attending: "Tham dự có Bí thư Thành ủy Hà Nội ..."

    @property
    def id(self) -> str:
        return self.place.entity.id

    @property
    def vietnamese(self) -> bool:
        return self.place.vietnamese

    @property
    def country(self) -> str | None:
        return self.place.entity.country

    @property
    def kind(self) -> str:
        return self.place.entity.kind


@cache
def _words(name: str) -> tuple[str, ...]:
    data = resources.files("hoptac.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(sorted((row["phrase"] for row in csv.DictReader(data.splitlines())), key=len, reverse=True))


@lru_cache(maxsize=1)
def _country_agent() -> re.Pattern[str]:
    """The words before a country that make it act: "Đại sứ quán", "đoàn", "Thủ tướng"."""
    alts = "|".join(re.escape(w) for w in _words("country_agents.csv"))
    # "đoàn công tác đặc biệt nước bạn Lào": a word that says what kind of delegation may come between.
    kind = r"(?:(?:đặc biệt|cấp cao|liên ngành|hỗn hợp|chuyên trách)\s+)?"
    # "tập đoàn đóng tàu Hà Lan": a shipbuilder's trade, not the nation's ships.
    return re.compile(
        rf"(?<!\w)(?<!đóng )(?<!Đóng )(?:{alts})\s+{kind}(?:của\s+|đến từ\s+)?(?:các\s+)?(?:nước\s+)?"
        # "Đại sứ Vương quốc Hà Lan", "Đại sứ quán Cộng hòa Pháp": the state's style before its name.
        r"(?:(?:Vương quốc|Cộng hòa|Cộng hoà|Liên bang|Đại Công quốc|Công quốc|CHDCND|CHND)"
        r"(?:\s+(?:dân chủ|nhân dân|xã hội chủ nghĩa|Dân chủ|Nhân dân|Xã hội chủ nghĩa))*\s+)?\Z",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _national_head() -> re.Pattern[str]:
    """Titles and bodies of Vietnam's State: "Thủ tướng", "Chủ tịch nước", "Bộ Ngoại giao"."""
    alts = "|".join(re.escape(w) for w in _words("national_heads.csv"))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def unique(actors: list[Actor]) -> list[Actor]:
    """One actor per party, its first mention kept; led if any of its mentions is ("UBND tỉnh" after "Bình Phước")."""
    seen: dict[str, Actor] = {}
    for a in actors:
        first = seen.setdefault(a.id, a)
        if a.led and not first.led:
            seen[a.id] = replace(first, led=True, escort=first.escort and a.escort)
    return list(seen.values())


# "Tập đoàn Hyosung", "Công ty Samsung Display": a company by its head noun and a romanised name.
_COMPANY = re.compile(
    r"(?<!\w)(?P<head>[Tt]ập đoàn|[Cc]ông ty|[Cc]ty|[Tt]ổng công ty|[Nn]gân hàng|[Qq]uỹ|[Hh]ãng|[Nn]hà đầu tư|"
    r"[Ll]iên danh(?:\s+nhà thầu)?|[Nn]hà thầu|"
    r"[Dd]oanh nghiệp|[Tt]ổ chức|[Tt]rường [Đđ]ại học|[Đđ]ại học|[Hh]ọc viện)\s+"
    r"(?:(?:TNHH|Cổ phần|cổ phần|CP|[Tt]rách nhiệm hữu hạn)\s+)?"
    # A name stays on its line: "... dự án tỷ USD" ends a title, "Hyosung Corporation" opens the body.
    r"(?P<name>[A-Z][A-Za-z0-9&'’.-]+(?!\w)(?:[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z0-9&'’.-]+(?!\w)){0,3})"
    r"|(?P<bare>[A-Z][A-Za-z0-9&'’-]+(?!\w)(?:[ \t]+[A-Z][A-Za-z0-9&'’-]+(?!\w)){0,2})[ \t]+"
    r"(?:Corporation|Corp\.|Group|Company|Holdings|Inc\.|Ltd\.?)(?!\w)"
)
_NOT_FIRMS = ("tổ chức", "quỹ", "trường đại học", "đại học", "học viện")
# Vietnamese legal forms and brand stems written without diacritics: "Công ty TNHH MTV ...", "Vinamilk", "Viettel".
_DOMESTIC_FIRM = re.compile(r"(?:TNHH|MTV|CP|TM|DV|XNK|SX|XD|TMDV|CTCP|JSC|Vina|Viet|VN|Petro|Sai ?gon|Ha ?Noi)", re.I)
# Service clubs are private, whatever they give: "tổ chức Rotary International D-3600".
_SERVICE_CLUB = re.compile(r"(?<!\w)(?:Rotary|Lions|Kiwanis|Zonta)(?!\w)", re.I)
_VIETNAM_IN_NAME = re.compile(r"(?<!\w)(?:Vietnam|Viet Nam|Saigon|Hanoi|TP\.?\s?HCM|HCMC?)(?!\w)", re.I)


@cache
def _plain_syllables() -> frozenset[str]:
    """Vietnamese syllables that carry no diacritics ("sao", "mai", "trung", "nam"), as news writes them.

    Counted in the 2017 news corpus: lower-case tokens seen 100 times or more that are well-formed
    syllables, less English loanwords. "Công ty Sao Mai", "Tập đoàn Trung Nam" are Vietnamese firms.
    """
    data = resources.files("hoptac.extract").joinpath("data/plain_syllables.csv").read_text(encoding="utf-8")
    return frozenset(row["syllable"] for row in csv.DictReader(data.splitlines()))


@cache
def _domestic_firms() -> frozenset[str]:
    """Vietnamese firms that write their names in Latin letters ("Sun Group", "Viglacera"), folded."""
    data = resources.files("hoptac.extract").joinpath("data/domestic_firms.csv").read_text(encoding="utf-8")
    return frozenset(fold(row["name"]) for row in csv.DictReader(data.splitlines()))


def may_name_firm(text: str) -> bool:
    """Whether the text may name a company or a world body, the only foreign party of an article that names no
    foreign place."""
    return (
        _COMPANY.search(text) is not None
        or _WORLD_BODY.search(text) is not None
        or _bare_firm_names().search(text) is not None
        or _subsidiary_names().search(text) is not None
    )


@cache
def _foreign_firm_rows() -> tuple[tuple[str, str, bool], ...]:
    """(name as the firm writes it, country code, named alone) of the multinationals of `data/foreign_firms.csv`.

    "Named alone" marks the names news writes for nothing but the firm ("Alstom", "ExxonMobil"), not "LG" or
    "Honda", which name products too.
    """
    data = resources.files("hoptac.extract").joinpath("data/foreign_firms.csv").read_text(encoding="utf-8")
    return tuple((row["name"], row["country"], row["alone"] == "yes") for row in csv.DictReader(data.splitlines()))


@cache
def _foreign_firms() -> dict[str, str]:
    """Multinationals Vietnamese news names without their country ("Tập đoàn Hyosung"), folded, with its code."""
    return {fold(name): country for name, country, _ in _foreign_firm_rows()}


@cache
def _legal_forms() -> dict[str, str]:
    """Legal forms that tell a company's country: "GmbH", "Pte. Ltd.", "Sdn Bhd"."""
    data = resources.files("hoptac.extract").joinpath("data/legal_forms.csv").read_text(encoding="utf-8")
    return {row["suffix"]: row["country"] for row in csv.DictReader(data.splitlines())}


def _firm_country(name: str) -> str | None:
    """The country of a firm known by its first words or by its legal form, if either tells it."""
    words = fold(name).split()
    firms = _foreign_firms()
    for n in range(min(len(words), 3), 0, -1):
        if (country := firms.get(" ".join(words[:n]))) is not None:
            return country
    return next((c for suffix, c in _legal_forms().items() if name.endswith(" " + suffix)), None)


_CORPORATE_SUFFIX = re.compile(r"\s+(?:Corporation|Corp\.?|Group|Holdings|Co\.?,?\s*Ltd\.?|Ltd\.?|Inc\.?|Company)\Z")


def _known_name(name: str) -> str:
    """ "Hyosung Corporation" is the firm the news also calls "Hyosung": one entity, named as the list knows it."""
    short = _CORPORATE_SUFFIX.sub("", name)
    return short if short != name and fold(short) in _foreign_firms() else name


def _domestic_firm(name: str) -> bool:
    words = fold(name).split()
    firms = _domestic_firms()
    return any(" ".join(words[:n]) in firms for n in range(1, min(len(words), 3) + 1))


def _vietnamese_word(word: str) -> bool:
    """A syllable written without diacritics, or two run together as brands do ("Trungnam", "Hoaphat")."""
    syllables = _plain_syllables()
    if word in syllables:
        return True
    return len(word) >= 6 and any(word[:i] in syllables and word[i:] in syllables for i in range(2, len(word) - 1))


_NEXT_WORD = re.compile(r" (\w+)")
_COUNTRY_NEXT = re.compile(r"\s*(?:\(|,|của|đến từ)\s*\Z")
_POSTED_AT = re.compile(r"(?<!\w)tại(?!\w)")
_TAIL_WORD = re.compile(r"[^\W\d_][\w'’-]*|[,;:.()\n]")


# "Hải quân Việt Nam - Nhật Bản diễn tập chung", "Đại sứ quán Việt Nam và Hàn Quốc".
_PAIRED_COUNTRY = re.compile(
    r"(?:[Hh]ải quân|[Qq]uân đội|[Cc]hính phủ|[Ll]ực lượng|[Cc]ảnh sát biển|[Bb]iên phòng)\s+\w+(?:\s+\w+)?\s*[-–]\s*\Z"
)


_GIVES = re.compile(
    r"\s+(?:đã\s+|sẽ\s+|cũng\s+|tiếp tục\s+)*"
    r"(?:trao tặng|tặng|tài trợ|viện trợ|cho vay|hỗ trợ vốn|cam kết hỗ trợ)(?!\w)"
)


def find_actors(ctx: Context) -> list[Actor]:
    """Every mention of the article that can be a party, in text order."""
    out: list[Actor] = []
    led: set[str] = set()
    leading: set[str] = set()  # led somewhere other than in a list of those who attend
    for p in ctx.places:
        if p.entity.id not in leading and _led(ctx, p):
            led.add(p.entity.id)
            if not _in_escort(ctx, p):
                leading.add(p.entity.id)
    named = _led_by_bare_title(ctx)
    led |= named
    leading |= named
    ships = _ships(ctx)
    stems = _firm_stems(ctx)
    for p in map(_city_state, ctx.places):
        if not p.vietnamese and p.entity.id not in led and _in_private_name(ctx, p):
            continue  # "Quỹ khuyến học ... của tỉnh Kiengky": a fund or club named after a foreign town, not the town
        if _acts(ctx, p, ships, stems):
            ident = p.entity.id
            out.append(Actor(p, p.start, p.end, national=ident == "VN", led=ident in led, escort=ident not in leading))
    bodies = _bodies(ctx) + _societies(ctx)
    bodies += [i for i in _institutions(ctx) if not any(b.start < i.end and i.start < b.end for b in bodies)]
    if bodies:
        # The places inside a body's name ("vùng Paris Île-de-France"), wherever its short name recurs
        # ("của CCI Paris Ile-de- France"), are the body's, not parties.
        spans = [(b.start, b.end) for b in bodies]
        again: list[Actor] = []
        for b in bodies:
            for m in _named_again(ctx, b):
                spans.append((m.start(), m.end()))
                if b.place.mention.kind_hint == "company" and not b.start <= m.start() < b.end:
                    # "do ACIAR tài trợ" after "Trung tâm Nghiên cứu Nông nghiệp Quốc tế Australia (ACIAR)".
                    mention = replace(b.place.mention, start=m.start(), end=m.end(), text=m.group())
                    again.append(Actor(Place(mention, b.place.entity), m.start(), m.end(), led=b.led))
        out = [a for a in out if not any(start <= a.start < end for start, end in spans)]
        out.extend(a for a in again if not any(x.start <= a.start < x.end for x in out))
    out.extend(bodies)
    subsidiaries = _subsidiaries(ctx) + _schools_of_vietnam(ctx) + _registered_abroad(ctx)
    out = [a for a in out if not any(s.start <= a.start < s.end for s in subsidiaries)]
    out.extend(_implied_province(ctx, out))
    out.extend(_national(ctx, out))
    companies = _companies(ctx)
    # "Tập đoàn đóng tàu Hà Lan Damen": the country inside a firm's name is the firm's, it does not act itself.
    out = [a for a in out if not (a.kind == "country" and any(c.start <= a.start < c.end for c in companies))]
    out.extend(companies)
    out.extend(s for s in subsidiaries if not any(a.start < s.end and s.start < a.end for a in out))
    out.extend(_friend_country(ctx))
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(ctx.text)]
    out = [a for a in out if not any(start < a.start and a.end < end for start, end in quoted)]
    out.sort(key=lambda a: a.start)
    return out


# The title of a programme, an exhibition or a work: “Hà Nội - Berlin: Đối thoại đô thị” names no side.
_QUOTED = re.compile(r"“[^“”\n]{3,80}”")


# "tiếp nhận 11 nạn nhân từ phía nước bạn", "chính quyền nước bạn đã giúp đỡ": the neighbour the article is about.
_FRIEND_COUNTRY = re.compile(
    r"(?<!\w)(?:phía|chính quyền|cơ quan chức năng|lực lượng chức năng|nhà chức trách|công an|quân đội|"
    r"Chính phủ|lãnh đạo|đoàn)\s+(?:của\s+)?(?:nước bạn|phía bạn)(?!\s+(?-i:[A-ZĐ]))(?!\w)"
    # "Đại sứ quán sẽ phối hợp với UBND tỉnh tổ chức hội thảo ...": the embassy the article is about, named bare.
    r"|(?<!\w)(?P<mission>(?-i:Đại sứ quán|Tổng Lãnh sự quán))(?=\s+(?:sẽ|đã|cũng|vừa)\s)",
    re.IGNORECASE,
)


# "Singapore Cooperation Enterprise - SCE": a name in full and its acronym, both used alone later.
_NAME_AND_ACRONYM = re.compile(r"^(.+?)\s*-\s*([A-Z]{2,8})$")


def _named_again(ctx: Context, body: Actor) -> Iterator[re.Match[str]]:
    """Where a body is named again, by its short name or its Vietnamese name in full ("Tổ chức Hợp tác Singapore"
    in the title, "(Singapore Cooperation Enterprise - SCE)" in the lead)."""
    entity = body.place.entity
    names = {entity.name, entity.name_vi} - {""}
    for name in list(names):
        if (pair := _NAME_AND_ACRONYM.match(name)) is not None:
            names |= set(pair.groups())
    for name in sorted(names, key=len, reverse=True):
        parts = name.split("-")
        short = r"\s*-\s*".join(r"\s+".join(map(re.escape, part.split())) for part in parts)
        yield from re.finditer(r"(?<![\w-])" + short + r"(?![\w-])", ctx.text)


# "Tổng Lãnh sự Australia", "Đại sứ quán Nhật Bản": a mission named with its country.
_MISSION_BEFORE = re.compile(r"(?<!\w)(?:Đại sứ|Lãnh sự)(?:\s+quán)?\s+\Z")


def _friend_country(ctx: Context) -> list[Actor]:
    """The one foreign country an article names, where it is called "nước bạn" and acts; and the country of the
    mission named before, where an embassy or consulate is named bare ("Tổng Lãnh sự quán sẽ phối hợp ...")."""
    foreign = {p.entity.id: p.entity for p in ctx.places if p.entity.kind == "country" and not p.vietnamese}
    only = next(iter(foreign.values())) if len(foreign) == 1 else None
    missions = [
        p
        for p in ctx.places
        if p.entity.kind == "country"
        and not p.vietnamese
        and _MISSION_BEFORE.search(ctx.text, max(0, p.start - 20), p.start)
    ]
    out = []
    for m in _FRIEND_COUNTRY.finditer(ctx.text):
        entity = only
        if m.group("mission"):
            entity = next((p.entity for p in reversed(missions) if p.start < m.start()), only)
        if entity is None:
            continue
        mention = Mention(m.start(), m.end(), m.group(0), (entity.id,))
        out.append(Actor(Place(mention, entity), m.start(), m.end()))
    return out


# A local leader's title with no place in it: "gặp Thống đốc Saito Motohiko".
_BARE_LEADER = re.compile(r"(?:Phó\s+)?(?:Thống đốc|Thị trưởng|Tỉnh trưởng|Thủ hiến|Chủ huyện|Đô trưởng)")


def _led_by_bare_title(ctx: Context) -> set[str]:
    """The one foreign locality of a sentence in which its leader is named by a bare title:
    "thăm và làm việc tại tỉnh Hyogo, gặp Thống đốc Saito Motohiko"."""
    out = set()
    for person in ctx.people:
        if not person.title or not _BARE_LEADER.fullmatch(person.title):
            continue
        sentence = ctx.sentence_at(person.start)
        if sentence is None:
            continue
        local = {
            p.entity.id
            for p in ctx.places_in(sentence.start, sentence.end)
            if not p.vietnamese and p.entity.kind in ("province", "city", "district")
        }
        if len(local) == 1:
            out |= local
    return out


# "Chủ tịch UBND tỉnh đã tiếp ...", "tại trụ sở UBND tỉnh": a province's paper or portal names its own
# government without its name.
_OWN_GOVERNMENT = re.compile(
    # "..., tỉnh đã trao tặng tỉnh Tbong Khmum": the province itself as the subject.
    r"(?:(?<=, )|(?<=^))tỉnh(?=\s+(?:đã|sẽ|cũng|vừa)\s)|"
    # "đoàn công tác của tỉnh do đồng chí ... làm trưởng đoàn": the province's own delegation.
    r"(?:(?<=oàn công tác của )|(?<=oàn công tác )|(?<=oàn đại biểu của )|(?<=oàn đại biểu ))tỉnh"
    r"(?=\s+(?:do|đã|đang|sẽ|vừa)\s)|"
    r"(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)"
    r"(?:\s+(?:tỉnh|thành phố|TP))?(?!\s*\.\s*[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])(?!\w)"
    # "Chủ tịch UBND huyện": a district's or a commune's government, not the province's.
    r"(?!\s+(?:huyện|quận|xã|phường|thị xã|thị trấn)(?!\w))|"
    # "Sở Nông nghiệp và Phát triển nông thôn tỉnh phối hợp với GIZ": a department of the province itself.
    r"(?<!\w)Sở\s+[A-ZĐ][^,.;:()\n]{1,60}?\s+(?:tỉnh|thành phố)(?=\s+[a-zđà-ỹ]|\s*[,.;])|"
    # "Sở Văn hóa, Thể thao và Du lịch phối hợp với Đại sứ quán Ấn Độ tổ chức ...": named without its province.
    r"(?<!\w)Sở\s+[A-ZĐ][^.;:()\n]{1,60}?(?=\s+(?:đã\s+|vừa\s+|sẽ\s+)?(?:phối hợp với|tổ chức|tiếp|làm việc với)(?!\w))"
)


def _posted_at(ctx: Context, p: Place) -> bool:
    """ "Tổng Lãnh sự Hàn Quốc tại TP Hồ Chí Minh": where an official is posted."""
    if _MISSION_AT.search(ctx.text, max(0, p.start - 60), p.start):
        return True  # a headline names the post without the person: "Tiếp Tổng Lãnh sự Nhật Bản tại TP Hồ Chí Minh"
    holder = ctx.title_holding(p)
    return (
        holder is not None
        and holder.title_start is not None
        and _POSTED_AT.search(ctx.text, holder.title_start, p.start) is not None
    )


_MISSION_AT = re.compile(
    r"(?<!\w)(?:Tổng Lãnh sự|Lãnh sự|Đại sứ|Tham tán|Trưởng đại diện|Văn phòng đại diện)(?:\s+quán)?"
    r"(?:\s+[^\s,.;:()]+){0,4}?\s+tại\s+(?:(?:TP\.?|thành phố|tỉnh)\s*)?\Z"
)


def _one_country_before(ctx: Context, at: int) -> str | None:
    """The foreign country of the places named in a firm's paragraph or the one before, where they are all of one
    country: on a trip to two countries, "Công ty TNHH Hinode Foods" signs at the conference held in Japan."""
    sentence = ctx.sentence_at(at)
    if sentence is None:
        return None
    here = sentence.paragraph
    spans = [(s.start, s.end) for s in ctx.sentences if s.paragraph in (here - 1, here) and s.start <= at]
    countries = {p.entity.country for p in ctx.places if not p.vietnamese and any(a <= p.start < b for a, b in spans)}
    return countries.pop() if len(countries) == 1 and None not in countries else None


def _dominant(ids: Iterable[str]) -> str | None:
    """The one the article names, or the one it names at least twice as often as any other."""
    ranked = collections.Counter(ids).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _implied_province(ctx: Context, named: list[Actor]) -> list[Actor]:
    """The article's Vietnamese province, wherever its government is named without its name: its only one, or
    the one it names at least twice as often as any other ("Tổng Lãnh sự ... tại TP.Hồ Chí Minh" at Đồng Nai)."""
    provinces = [p for p in ctx.places if p.vietnamese and p.entity.kind == "province" and not _posted_at(ctx, p)]
    ident = _dominant(p.entity.id for p in provinces)
    if ident is None:
        return []
    place = next(p for p in provinces if p.entity.id == ident)
    taken = sorted((a.start, a.end) for a in named)
    starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))  # furthest end of the first k mentions
    out = []
    for m in _OWN_GOVERNMENT.finditer(ctx.text):
        before = bisect.bisect_left(starts, m.end())
        if before and reach[before - 1] > m.start():
            continue  # inside a mention already read
        if any(m.end() <= p.start <= m.end() + 2 for p in ctx.places_in(m.end(), m.end() + 80)):
            continue  # the government of a locality named next: "UBND tỉnh Quảng Nam"
        mention = Mention(m.start(), m.end(), m.group(0), (place.entity.id,))
        out.append(Actor(Place(mention, place.entity), m.start(), m.end(), led=True))
    return out


# "Thống đốc tỉnh Aichi", "Thủ hiến bang Hessen", "lãnh đạo thành phố Rotterdam", "chính quyền Vientiane".
# "tỉnh Quảng Nam đã tiếp Đại sứ ...", "TP.HCM cũng đang nghiên cứu triển khai dự án ...": a locality that is the
# subject of a meeting, funding or project verb acts itself.
_ACTS_AFTER = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?(?:(?:đã|sẽ|vừa|cũng|đang|muốn)\s+)*"
    r"(?:tiếp(?!\s+(?:tục|theo|cận|diễn|thị|tế))|đón|làm việc với|hội đàm|hội kiến|ký kết|ký|phối hợp|tổ chức|"
    r"trao tặng|tặng|vay|kêu gọi|tiếp nhận|(?:nghiên cứu\s+)?triển khai)(?!\w)"
)
# The words that may stand between a leader or a body and its locality: "Chủ tịch UBND tỉnh", "Bí thư Khu
# ủy Khu tự trị dân tộc Choang", "đoàn công tác của tỉnh". A verb between them ("đoàn ... rời Hà Nội") does not.
_DESIGNATORS = (
    r"(?:\s*,|\s+(?:tỉnh|thành phố|TP\.?|Tp\.?|huyện|quận|xã|thị xã|thị trấn|bang|[Nn]hân dân|UBND|HĐND|công tác|"
    r"đại biểu|cấp cao|của|[Tt]hường trực|[Tt]ỉnh [uủ]ỷ?|[Tt]hành [uủ]ỷ?|[Kk]hu [uủ]ỷ?|[Hh]uyện [uủ]ỷ?|[Cc]hính quyền|"
    r"[Kk]hu tự trị|dân tộc|Choang|dân biểu|[Đđ]ảng bộ|[Ll]ãnh đạo|[Cc]ác|[Ss]ở \w+(?: \w+)?|[Pp]hó|,|và|"
    r"tầng lớp|nhân dân|người dân|một số|ngành|[Ss]ở|ban))*\s*"
)
_LEADER_BEFORE = re.compile(
    r"(?:[Tt]hống đốc|[Tt]hị trưởng|[Tt]ỉnh trưởng|[Bb]í thư|[Cc]hủ tịch|[Tt]hủ hiến|[Tt]hủ tướng bang|"
    r"[Ll]ãnh đạo|[Cc]hính quyền|[Cc]hính phủ bang|[Hh]ội đồng|[Đđ]oàn|[Pp]hái đoàn|[Đđ]ại diện|[Uu]ỷ ban|[Ủủ]y ban|"
    r"[Ss]ở|[Cc]ảnh sát|[Cc]ông an|[Bb]iên phòng|[Qq]uân sự|UBND|HĐND|[Tt]ỉnh ủy|[Tt]hành ủy|[Hh]uyện ủy|[Tt]ỉnh uỷ|"
    r"[Tt]hành uỷ|[Bb]ộ [Cc]hỉ huy|[Tt]hị xã ủy|[Kk]hu ủy)" + _DESIGNATORS + r"\Z"
    # The one a gift or a grant is for: "xây trường cho Đà Nẵng", "tài trợ tỉnh Quảng Nam".
    r"|(?<!\w)(?:cho|giúp|tặng|tài trợ|viện trợ|hỗ trợ)\s+(?:(?:tỉnh|thành phố|TP\.?|huyện|xã|người dân)\s+)?\Z"
)
# "Ngày 9 tháng 5 năm 2017, Hà Nội, Việt Nam", "Hà Nội, ngày 9/5": a dateline tells where the news was written.
# "APEC 2017", "ASEAN 2020": a year after an organisation's name makes it the name of its year's meetings.
_YEAR_AFTER = re.compile(r"\s*(?:19|20)\d\d(?!\d)")
_DATELINE_BEFORE = re.compile(
    r"(?:[Nn]gày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}|[/.-]\d{1,2})(?:(?:\s+năm\s+|[/.-])\d{4})?,\s*)\Z"
)
_DATELINE_AFTER = re.compile(r",\s*[Nn]gày\s+\d")
# "Hội nghị APEC 2017", "Liên hoan thiếu nhi ASEAN", "Hoa hậu Hữu nghị ASEAN": an organisation's name
# inside an event's or a prize's name does not make it take part.
_BRAND_BEFORE = re.compile(
    r"(?:[Nn]ăm|[Tt]uần lễ|[Ll]iên hoan|[Hh]oa hậu|[Hh]ữu nghị|[Hh]ội chợ|[Tt]riển lãm|"
    r"[Gg]iải|[Cc]úp|[Ff]estival|[Cc]ộng đồng|[Kk]hối|[Cc]ác nước|[Tt]hiếu nhi|[Vv]ườn [Dd]i sản|[Kk]hu vực|"
    r"[Tt]iêu chuẩn|[Tt]hị trường)\s+(?:\S+\s+){0,2}\Z"
)


@cache
def _ids(name: str) -> frozenset[str]:
    """The `id` column of a data file."""
    data = resources.files("hoptac.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(row["id"] for row in csv.DictReader(data.splitlines()))


def is_city_network(entity_id: str) -> bool:
    """A network of cities (TPO, C40): its members are local governments."""
    return entity_id in _ids("city_networks.csv")


def is_forum(entity_id: str) -> bool:
    """A forum of national governments (APEC, ASEAN, IPU): a city that hosts its meeting is only the venue."""
    return entity_id in _ids("forums.csv")


def is_capital(entity_id: str) -> bool:
    """A national capital: "Washington", "Bắc Kinh" often stand for their governments."""
    return entity_id in _ids("capitals.csv")


def _city_state(p: Place) -> Place:
    """Singapore the city is Singapore the country: a city named as its country stands for it."""
    if p.entity.kind != "city" or not p.entity.country:
        return p
    country = gazetteer.load().get(p.entity.country)
    if country is None or fold(country.name) != fold(p.entity.name):
        return p
    return Place(p.mention, country)


# "Tham dự hội đàm về phía Việt Nam có ...", "tháp tùng Thủ tướng có ...": those listed after attend.
_ESCORT = re.compile(
    r"(?<!\w)(?:[Tt]ham dự|[Tt]ham gia|[Cc]ùng dự|[Tt]háp tùng|[Cc]ùng đi|[Cc]ó mặt|về phía Việt Nam có|[Đđ]oàn gồm|"
    r"thành viên [Đđ]oàn|[Tt]hành phần [Đđ]oàn)(?:\s+(?:hội đàm|hội kiến|buổi \w+|lễ \w+))?(?!\w)"
)
# "... ; gặp Bí thư Thành ủy TP HCM": the one met.
_MET = re.compile(r"(?<!\w)(?:gặp|tiếp|hội kiến|hội đàm với|làm việc với|chào xã giao|đón)(?!\w)")


def _in_escort(ctx: Context, p: Place) -> bool:
    """The place is named in the title of someone listed as attending another's meeting."""
    holder = ctx.title_holding(p)
    if holder is None or holder.title_start is None:
        return False
    start = max(0, holder.title_start - 1000)  # a delegation's list of members runs long, across full stops
    escort = [m.end() for m in _ESCORT.finditer(ctx.text, start, holder.title_start)]
    met = [m.end() for m in _MET.finditer(ctx.text, start, holder.title_start)]
    return bool(escort) and (not met or escort[-1] >= met[-1])


# "Sở Kế hoạch và Đầu tư tỉnh Phú Yên", "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh": a province's department.
_DEPARTMENT_OF = re.compile(
    r"(?<!\w)(?:Sở|Ban [Qq]uản lý|Chi cục|Cục|Trung tâm Xúc tiến)\s+[^.,;:()\n]{1,50}?\s+"
    r"(?:(?:tỉnh|thành phố|TP\.?)\s+)?\Z"
)
_CITED = re.compile(r"(?<!\w)(?:[Tt]heo|[Ss]ố liệu|[Tt]hống kê|[Bb]áo cáo)(?:\s+\w+){0,3}?\s+(?:của\s+)?\Z")
_PRIVATE_BODY = re.compile(
    # "Hội Hữu nghị", not "Hội nghị", "Hội chợ", "Hội đàm": gatherings and talks named after a place are no bodies.
    r"(?<!\w)(?:Hội(?! đồng| nghị| thảo| chợ| diễn| thi| báo| trại| đàm| kiến| ngộ| quân| họp| nhập| viên)|Hiệp hội|"
    r"Công ty|Tập đoàn|Trường|Bệnh viện|"
    r"Câu lạc bộ|CLB|Ngân hàng|Báo|Đài|Khách sạn|Doanh nghiệp|Hợp tác xã|Quỹ|Ủy ban Đoàn kết|Ủy ban Hữu nghị|"
    r"Rotary|Lions)(?!\w)"
)


_SHIP_BEFORE = re.compile(
    r"(?<!\w)(?:[Tt]àu|[Cc]hiến hạm|[Kk]hu trục hạm|[Tt]àu khu trục|[Tt]àu sân bay|[Tt]àu hộ vệ|[Tt]àu ngầm)"
    r"\s+(?:(?:JS|USS|USNS|HMS|HMAS|INS|KRI|HQ|BRP|RSS)\s+)?\Z"
)


_RECOGNISES = re.compile(r"\s*(?:đã\s+)?(?:công nhận|vinh danh|ghi danh|xếp hạng)(?!\w)")
_CLUB_BEFORE = re.compile(r"(?<!\w)(?:Câu lạc bộ|CLB|Rotary|Lions|FC|đội bóng)(?:\s+[^\s,.;]+){0,2}?\s+\Z")
_HULL_AFTER = re.compile(r"\s*\(\s*[A-Z]{1,5}-?\d{1,4}\s*\)")


def _ships(ctx: Context) -> set[str]:
    """Places whose name the article gives a ship: after "tàu", or before a hull number."""
    out = set()
    for p in ctx.places:
        ship = _SHIP_BEFORE.search(ctx.text, max(0, p.start - 30), p.start)
        if ship and any(q.start <= ship.start() < q.end for q in ctx.places):
            ship = None  # "Bà Rịa-Vũng Tàu Bà Rịa-Vũng Tàu": the "Tàu" of a place's own name
        if ship or _HULL_AFTER.match(ctx.text, p.end):
            out.add(p.entity.id)
    return out


def _in_private_name(ctx: Context, p: Place) -> bool:
    return p.entity.kind in ("province", "city", "district", "commune") and bool(
        _PRIVATE_BODY.search(ctx.text, _clause_start(ctx.text, p.start, 60), p.start)
    )


def _clause_start(text: str, at: int, reach: int) -> int:
    """Where the clause holding `at` begins, at most `reach` characters back."""
    start = max(0, at - reach)
    cut = max(text.rfind("\n", start, at), text.rfind(". ", start, at), text.rfind(", ", start, at))
    return cut + 1 if cut >= 0 else start


_POSTED_IN = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:thành phố|TP\.?|bang|tỉnh)\s+)?\Z")


def _led(ctx: Context, p: Place) -> bool:
    if is_forum(p.entity.id):
        return ctx.title_holding(p) is not None  # "Tổng thư ký IPU Martin Chungong": the forum takes part
    if p.entity.kind not in ("province", "city", "district", "commune"):
        return p.entity.kind == "agency"
    if _PRIVATE_BODY.search(ctx.text, _clause_start(ctx.text, p.start, 60), p.start):
        return False  # "Ủy ban Đoàn kết Ấn Độ - Việt Nam bang Tây Bengal": a society named after its state
    department = _DEPARTMENT_OF.search(ctx.text, max(0, p.start - 80), p.start)
    if department and _CITED.search(ctx.text, max(0, department.start() - 40), department.start()):
        department = None  # "Theo số liệu của Sở Công Thương tỉnh Bến Tre": a source of figures, not a side
    leader = _LEADER_BEFORE.search(ctx.text, max(0, p.start - 60), p.start) or department
    holder = ctx.title_holding(p)
    if holder and holder.title_start is not None and _PRIVATE_BODY.search(ctx.text, holder.title_start, p.start):
        holder = None  # "Chủ tịch Hội lữ hành thành phố Đà Nẵng" heads an association, not the city
    if holder and holder.title_start is not None and _POSTED_IN.search(ctx.text, holder.title_start, p.start):
        holder = None  # "Tổng Lãnh sự Việt Nam tại Frankfurt": where an envoy sits, not what he leads
    return (
        holder is not None
        or leader is not None
        or (not p.vietnamese and _visited_by_name(ctx, p))
        or _ACTS_AFTER.match(ctx.text, p.end) is not None
        or _listed_under_leaders(ctx, p)
        or _CULTURE_DAYS_OF.search(ctx.text, max(0, p.start - 60), p.start) is not None
    )


# "Chủ tịch nước còn đi thăm tỉnh Phúc Kiến": a province abroad visited by name receives the visitor.
_VISITED = re.compile(
    r"(?<!\w)(?:đi thăm|đến thăm|thăm và làm việc tại|thăm)\s+(?:(?P<unit>tỉnh|bang)\s+)?\Z"
)
_DESIGNATED = re.compile(r"(?:tỉnh|bang)\s", re.I)


# "Ngày hội văn hóa Huế tại Gyeongju", "Tuần Văn hóa - Du lịch Đà Nẵng": a locality holding its culture days.
_CULTURE_DAYS_OF = re.compile(
    r"(?:[Nn]gày hội|[Tt]uần lễ|[Tt]uần|[Nn]hững ngày|[Nn]gày|[Ll]iên hoan)\s+[Vv]ăn hóa"
    r"(?:\s*(?:,|và|-|–)?\s*(?:[Dd]u lịch|[Ẩẩ]m thực|[Tt]hể thao))*\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?\Z"
)


# "gặp Thủ hiến, Thị trưởng của 4 bang lớn của Đức là Berlin, Hessen, Rheinland Pfalz và Hamburg".
LEADERS_OF_LIST = re.compile(
    r"(?<!\w)(?:Thủ hiến|Thị trưởng|Thống đốc|Tỉnh trưởng|Chủ tịch|lãnh đạo)(?!\w)[^.;:]{0,60}?(?:\s+là|\s+gồm|:)\s+"
)
_LIST_GLUE = re.compile(r"(?:\s*(?:,|và)\s*)+")


def _visited_by_name(ctx: Context, p: Place) -> bool:
    """ "còn đi thăm tỉnh Phúc Kiến": a foreign province or state visited, named with its designator; a city so
    visited is more often where a nation's leader goes ("thăm thành phố New York")."""
    visited = _VISITED.search(ctx.text, max(0, p.start - 40), p.start)
    return visited is not None and (visited.group("unit") is not None or _DESIGNATED.match(p.mention.text) is not None)


def _listed_under_leaders(ctx: Context, p: Place) -> bool:
    """A foreign locality in a list whose leaders the sentence names before it."""
    if p.vietnamese:
        return False
    intro = None
    for m in LEADERS_OF_LIST.finditer(ctx.text, max(0, p.start - 200), p.start):
        intro = m
    if intro is None:
        return False
    # Nothing but other places, commas and "và" between the list's start and this place.
    at = intro.end()
    for q in ctx.places_in(intro.end(), p.start):
        if q.start != at and not _LIST_GLUE.fullmatch(ctx.text, at, q.start):
            return False
        at = q.end
    return at == p.start or _LIST_GLUE.fullmatch(ctx.text, at, p.start) is not None


def _acts(ctx: Context, p: Place, ships: set[str], stems: dict[str, set[str]]) -> bool:
    if ctx.text[max(0, p.start - 5) : p.start].lower().endswith("giờ "):
        return False  # "19h (giờ Hà Nội)" tells a time zone
    if p.entity.kind == "organisation" and _RECOGNISES.match(ctx.text, p.end):
        return False  # "được UNESCO công nhận là di sản": a title the body once gave, not the body taking part
    if not p.vietnamese and p.entity.kind != "country" and _CLUB_BEFORE.search(ctx.text, max(0, p.start - 40), p.start):
        return False  # "Câu lạc bộ Rotary Kiengky": a club named after its city
    if p.entity.kind != "country" and p.entity.id in ships:
        return False  # "tàu khu trục Izumo", "Izumo (DDH-183)": a ship's name, wherever the article names it
    if p.vietnamese and (
        _DATELINE_BEFORE.search(ctx.text, max(0, p.start - 40), p.start) or _DATELINE_AFTER.match(ctx.text, p.end)
    ):
        return False
    if p.vietnamese and _MERGED_FROM.search(ctx.text, max(0, p.start - 60), p.start):
        return False  # "sau khi hợp nhất ba tỉnh Hà Nam, Nam Định và Ninh Bình": what a province was made of
    if (
        p.vietnamese
        and p.entity.kind in ("province", "city", "district")
        and _WARD_BEFORE.search(ctx.text, max(0, p.start - 12), p.start)
    ):
        return False  # "tại phường Long An", "phường Thủ Dầu Một": a ward named after a province or a town
    if p.vietnamese and p.entity.kind != "province" and _ADDRESS_BEFORE.search(ctx.text, max(0, p.start - 30), p.start):
        return False  # "tại Cửa khẩu quốc tế Xa Mát (huyện Tân Biên)": where a place is, not who acts
    if _in_firm_name(ctx, p):
        return False  # a firm, not the city
    if p.vietnamese and any(ctx.text.endswith(stem, 0, p.start) for stem in stems.get(p.entity.id, ())):
        return False  # "Dệt may Nam Định ký hợp đồng" after "Công ty CP Dệt may Nam Định": the firm's short name
    if not p.vietnamese and _LINK_POINT.search(ctx.text, max(0, p.start - 80), p.start):
        return False  # "tham dự tại các điểm cầu ở Seoul, Suwon, Cheongju": where an online meeting's guests sit
    if not p.vietnamese and p.entity.kind != "country" and _parent_in_brackets(ctx, p):
        return False  # "Phó Thị trưởng thành phố Bằng Tường (Quảng Tây)": where the city is, not a side
    if p.vietnamese and _FEATURE_BEFORE.search(ctx.text, max(0, p.start - 8), p.start):
        return False  # "sông Sài Gòn", "cầu Phú Mỹ", "vịnh Hạ Long": a river, a bridge or a bay, not the locality
    if (
        p.vietnamese
        and p.mention.text.isascii()
        and _NEXT_NAME.match(ctx.text, p.end)
        and not any(q.start == p.end + 1 for q in ctx.people)
    ):
        return False  # "Saigon Peninsula", "Hanoi Tower": a project or a brand; not "UBND TP HCM Nguyễn Thành Phong"
    if _in_pair_name(ctx, p):
        return False  # "Tổ hợp Đa chức năng Hà Nội - Moscow", "Trường Cao đẳng Việt Nam - Hàn Quốc": a name
    if p.vietnamese and _SITE_NAMED_BY.search(ctx.text, max(0, p.start - 60), p.start):
        return False  # "Bảo tàng Chiến thắng lịch sử Điện Biên Phủ": a memorial named after a battle there
    if ctx.in_a_title(p):
        # Before "tại" a title names the official's own side; after it, where they are posted.
        return not _posted_at(ctx, p)
    if p.entity.kind == "organisation" and (
        _BRAND_BEFORE.search(ctx.text, max(0, p.start - 40), p.start)
        or (_YEAR_AFTER.match(ctx.text, p.end) and not is_city_network(p.entity.id))
    ):
        return False  # "Hội chợ ASEAN", "(APEC 2017)": the name of an event, not the body taking part
    if p.entity.kind != "country":
        return True
    if _GIVES.match(ctx.text, p.end):
        return True  # "Bulgaria sẽ tặng ... cho TP Hà Nội": the country gives
    if _PAIRED_COUNTRY.search(ctx.text, max(0, p.start - 30), p.start):
        return True  # "Hải quân Việt Nam - Nhật Bản": the second country of a pair acts like the first
    if _POLITICAL_PARTY.search(ctx.text, max(0, p.start - 40), p.start):
        return True  # "Đoàn đại biểu Đảng Dân tiến Nhật Bản": a foreign party's delegation
    agent = _country_agent().search(ctx.text, max(0, p.start - 40), p.start)
    # "Cựu quân tình nguyện Việt Nam giúp bạn Campuchia": the friend helped names a veterans' body.
    return agent is not None and not _HELPED.search(ctx.text, max(0, agent.start() - 10), agent.start() + 4)


_LINK_POINT = re.compile(
    r"(?<!\w)điểm cầu\s+(?:(?:ở|tại)\s+)?(?:[^.;:()\n]{0,50}?(?:,|\svà)\s+)?"
    r"(?:(?:thành phố|thủ đô|thủ phủ|tỉnh|TP\.?|quận|huyện|bang)\s+)?\Z",
    re.IGNORECASE,
)


def _parent_in_brackets(ctx: Context, p: Place) -> bool:
    return any(
        (_parent_of(q, p) and _OPEN_BRACKET.fullmatch(ctx.text, q.end, p.start))
        or _BELONGS_TO.fullmatch(ctx.text, q.end, p.start)
        for q in ctx.places
        if 0 <= p.start - q.end <= 25
    )


def _parent_of(q: Place, p: Place) -> bool:
    """`p` holds `q`; a town the gazetteer lacks is filed under its country: "huyện Chantrea (tỉnh Svay Rieng)",
    "xã Prasat (huyện Chantrea)"."""
    if q.entity.parent == p.entity.id:
        return True
    return (
        q.mention.adhoc
        and p.entity.kind in ("province", "district")
        and p.entity.kind != q.entity.kind
        and q.entity.country == p.entity.country is not None
    )


_OPEN_BRACKET = re.compile(r"\s*\(\s*(?:tỉnh|bang|khu tự trị|vùng)?\s*", re.IGNORECASE)
# "thành phố Đông Hưng (thuộc thành phố Phòng Thành Cảng)": what a town belongs to, whatever the gazetteer files it
# under.
_BELONGS_TO = re.compile(
    r"\s*\(\s*thuộc\s+(?:tỉnh|bang|khu tự trị|vùng|thành phố|TP\.?|châu|quận|huyện)?\s*", re.IGNORECASE
)


def _firm_stems(ctx: Context) -> dict[str, set[str]]:
    """Per Vietnamese place, the words a registered firm's name puts before it ("Dệt may " of "Công ty CP Dệt may
    Nam Định")."""
    stems: dict[str, set[str]] = {}
    for q in ctx.places:
        if not q.vietnamese:
            continue
        firm = _IN_FIRM_NAME.search(ctx.text, max(0, q.start - 100), q.start)
        if firm is not None:
            words = _LEGAL_FORM.sub("", firm.group(), count=1).strip()
            if words:
                stems.setdefault(q.entity.id, set()).add(words + " ")
    return stems


_LEGAL_FORM = re.compile(r"^(?:Công ty|Tổng [Cc]ông ty)\s+(?:TNHH|CP|Cổ phần|cổ phần)(?:\s+MTV)?")
_FEATURE_BEFORE = re.compile(r"(?<!\w)(?:[Ss]ông|[Cc]ầu|[Kk]ênh|[Rr]ạch|[Vv]ịnh|[Đđ]èo|[Nn]úi)\s+\Z")
_HELPED = re.compile(r"(?<!\w)giúp\s+bạn(?!\w)", re.IGNORECASE)
_ADDRESS_BEFORE = re.compile(r"\(\s*(?:[^()]{0,25},\s*)?(?:huyện|xã|phường|quận|thị xã|thị trấn)\s+\Z")
_MERGED_FROM = re.compile(r"(?<!\w)(?:hợp nhất|sáp nhập)(?!\w)(?:\s+(?:từ|của))?[^.;:!?()]{0,50}\Z", re.I)
_WARD_BEFORE = re.compile(r"(?<!\w)(?:[Pp]hường|[Xx]ã|[Tt]hị trấn|[Đđ]ặc khu)\s+\Z")
# A Vietnamese firm's registered name ends with its place: "Công ty Cổ phần Cấp nước Thừa Thiên Huế".
_IN_FIRM_NAME = re.compile(
    r"(?<!\w)(?:Công ty|Tổng [Cc]ông ty)\s+(?:TNHH|CP|Cổ phần|cổ phần)(?!\w)"
    r"(?:\s+(?!(?:với|tại|ở|cho|của|đã|sẽ|ký|tiếp|cùng|và UBND)(?!\w))[^\s,.;:()“”\"]+){0,10}\s+\Z"
)


def _in_firm_name(ctx: Context, p: Place) -> bool:
    """ "Công ty TNHH MTV Thoát nước và Xử lý nước thải Đà Nẵng": a Vietnamese place ending a firm's name."""
    return p.vietnamese and _IN_FIRM_NAME.search(ctx.text, max(0, p.start - 100), p.start) is not None


def in_a_body_name(ctx: Context, p: Place, actors: list[Actor]) -> bool:
    """Whether a place is named inside a firm's or a body's name ("Công ty CP Cảng Quảng Ninh", "Công ty TNHH Vận tải
    biển Vịnh Bắc Bộ Quảng Tây (Trung Quốc)"): the firm's, not a side."""
    if any(a.start <= p.start < a.end and a.place.mention is not p.mention for a in actors if a.id != p.entity.id):
        return True
    return _in_firm_name(ctx, p)


# A building, school or body named after two places: "Tổ hợp Đa chức năng Hà Nội - Moscow".
_PAIR_NAMED_BY = re.compile(
    r"(?<!\w)(?:Tổ hợp|Trường|Bệnh viện|Khách sạn|Cung|Nhà|Công viên|Làng|Khu|Tòa nhà|Hội|Quỹ|Công ty|Câu lạc bộ|"
    r"Trung tâm|Học viện|Viện|Đại học|Liên doanh)(?:\s+[^\W\d_]+){0,5}\s+\Z"
)
_PAIR_DASH = re.compile(r"\s*[-–]\s*")
# A museum, memorial or battlefield named after a place: "Bảo tàng Chiến thắng lịch sử Điện Biên Phủ".
_SITE_NAMED_BY = re.compile(
    r"(?<!\w)(?:Bảo tàng|Tượng đài|Đài tưởng niệm|Khu di tích|Di tích|Nghĩa trang|Chiến thắng)"
    r"(?:\s+[^\W\d_]+){0,4}\s+\Z"
)


def _in_pair_name(ctx: Context, p: Place) -> bool:
    i = bisect.bisect_left(ctx.places, p.start, key=lambda q: q.start)
    first = p
    if i and _PAIR_DASH.fullmatch(ctx.text, ctx.places[i - 1].end, p.start):
        first = ctx.places[i - 1]
    elif not (i + 1 < len(ctx.places) and _PAIR_DASH.fullmatch(ctx.text, p.end, ctx.places[i + 1].start)):
        return False
    return _PAIR_NAMED_BY.search(ctx.text, max(0, first.start - 60), first.start) is not None


# A party of a foreign country by its name: "Đảng Dân tiến Nhật Bản", "Đảng Nhân dân Campuchia".
_POLITICAL_PARTY = re.compile(r"(?<!\w)Đảng(?: [A-ZĐÂƠƯ][^\W\d_]*(?: [a-zđà-ỹ]+)?){1,3}\s+\Z")


_NAME_NEXT = re.compile(r"\s+[A-ZĐ]")


def _foreign_holder_before(ctx: Context, m: re.Match[str]) -> bool:
    """A title told bare ("của Thủ tướng.") after its sentence named a foreign holder of it ("Thủ tướng Hun Sen")."""
    if _NAME_NEXT.match(ctx.text, m.end()):
        return False
    sentence = ctx.sentence_at(m.start())
    if sentence is None:
        return False
    title = re.escape(m.group(0))
    return any(
        _foreign_name_follows(ctx, earlier.end())
        for earlier in re.finditer(rf"(?<!\w){title}(?!\w)", ctx.text[: m.start()])
        if earlier.start() >= sentence.start
    )


def _national(ctx: Context, actors: list[Actor]) -> list[Actor]:
    """Vietnam where a national leader or body of its own acts: no country or locality in the title."""
    vietnam = gazetteer.load().get("VN")
    if vietnam is None:
        return []
    found = []
    for m in _national_head().finditer(ctx.text):
        tail_end = _title_tail(ctx, m.end())
        if any(m.end() <= p.start < tail_end for p in ctx.places if p.entity.id != "VN"):
            continue  # "Thủ tướng Campuchia", "Bộ trưởng Quốc phòng Mỹ", "Chủ tịch Quốc hội Cuba"
        if _foreign_name_follows(ctx, m.end()):
            continue  # "Thủ tướng Hun Sen"
        if any(p.start <= m.start() < p.end and not p.vietnamese for p in ctx.places):
            continue  # "Bộ Ngoại giao và Thương mại Australia": a foreign body's name
        styled = _STATE_STYLE.match(ctx.text, m.end())
        if styled and any(p.start == styled.end() and not p.vietnamese for p in ctx.places):
            continue  # "Bộ Quốc phòng Cộng hòa dân chủ nhân dân Lào"
        owner = _OWNER.match(ctx.text, m.end())
        if owner and any(p.start == owner.end() and not p.vietnamese for p in ctx.places):
            continue  # "Bộ Ngoại giao của Nhật Bản", "Bộ Quốc phòng (Mỹ)"
        if _foreign_holder_before(ctx, m):
            continue  # "Thủ tướng Hun Sen đã cắt băng ..., con đường cách mạng của Thủ tướng": Hun Sen again
        mention = Mention(m.start(), m.end(), m.group(0), ("VN",))
        found.append(Actor(Place(mention, vietnam), m.start(), m.end(), national=True))
    return found


_STATE_STYLE = re.compile(
    r"\s+(?:nước\s+)?(?:Cộng hòa|Cộng hoà|CHDCND|CHND|Vương quốc|Liên bang)(?:\s+(?:dân chủ|nhân dân|xã hội chủ nghĩa|"
    r"Dân chủ|Nhân dân|Xã hội chủ nghĩa))*\s+",
)
_OWNER = re.compile(r"\s*(?:của\s+|\(\s*)(?:nước\s+)?")


def _title_tail(ctx: Context, offset: int) -> int:
    """Where the title that ends a national head goes on to: up to the person it names, else a few words.

    "Thủ tướng | Nguyễn Xuân Phúc", "Bộ trưởng Quốc phòng Mỹ | James Mattis", "Phó Thủ tướng | tiếp".
    """
    person = next((p for p in ctx.people if offset <= p.start <= offset + 60), None)
    end = offset
    previous_capital = False
    for count, w in enumerate(_TAIL_WORD.finditer(ctx.text, offset, min(len(ctx.text), offset + 60))):
        word = w.group(0)
        if person is not None and w.start() >= person.start:
            break
        # "Thủ tướng Chính phủ nước CHDCND Lào", "Bộ Ngoại giao và Thương mại Australia": these lead on.
        leads_on = word in ("nước", "và")
        if count >= 5 or not word[0].isalpha() or (word[0].islower() and not previous_capital and not leads_on):
            break
        previous_capital = word[0].isupper() or leads_on
        end = w.end()
    return end


_ROMAN_NAME = re.compile(r"\s+([A-Z][a-z]+)(?!\w)")


def _foreign_name_follows(ctx: Context, offset: int) -> bool:
    roman = _ROMAN_NAME.match(ctx.text, offset)
    if roman and roman.group(1).lower() not in _plain_syllables():
        return True  # "Thủ tướng Abe", "Tổng thống Putin": a foreign surname alone
    person = next((p for p in ctx.people if offset <= p.start <= offset + 3), None)
    if person is None:
        person = next((p for p in ctx.people if p.title_start is not None and p.title_start < offset <= p.start), None)
    return person is not None and not person.vietnamese


# "Phòng Thương mại và Công nghiệp vùng Paris Île-de-France (CCI Paris Ile-de- France)": a foreign body
# named in full with its short name in brackets.
_BODY_HEADS = r"Phòng Thương mại|Hiệp hội|Liên đoàn|Hội đồng|Cơ quan|Tổng cục|Cục|Tổ chức|Quỹ|Viện|Trung tâm|Văn phòng"
_BODY = re.compile(
    r"(?<!\w)(?P<full>(?:" + _BODY_HEADS + r")"
    r"[^()\n.;,]{3,90}?)[ \t]*\((?P<short>[A-Z][A-Za-z0-9&' .-]{1,40})\)"
)


_BODY_HEAD = re.compile(r"^(?:" + _BODY_HEADS + r")\s+")


def _bodies(ctx: Context) -> list[Actor]:
    """Foreign bodies named in full with a short name in brackets, in the country of the places they name."""
    out = []
    for m in _BODY.finditer(ctx.text):
        full_start, full_end = m.start("full"), m.end("full")
        inside = [p for p in ctx.places if full_start <= p.start < full_end]
        countries = {p.entity.country for p in inside}
        if not countries and (firm := _firm_country(_BODY_HEAD.sub("", m.group("full")).strip())) is not None:
            countries = {firm}  # "Quỹ Toyota Mobility Foundation (TMF)": a multinational's foundation
        if len(countries) != 1 or None in countries or "VN" in countries:
            continue  # a Vietnamese body, or one the text ties to no single foreign country
        if any(p.entity.kind in ("organisation", "agency") for p in inside):
            continue  # the gazetteer knows it: "Tổ chức Xúc tiến thương mại Nhật Bản (JETRO)"
        short = " ".join(m.group("short").replace("- ", "-").split())
        mention = Mention(m.start(), m.end(), short, (), "company", True)
        known = [e for e in gazetteer.load().lookup(short) if e.kind in ("organisation", "agency")]
        if known:
            # "Tổ chức Xúc tiến ngoại thương Nhật Bản (JETRO)": the gazetteer knows it by its short name.
            out.append(Actor(Place(mention, known[0]), m.start(), m.end(), led=known[0].kind == "agency"))
            continue
        entity = resolve.adhoc(mention, countries.pop())
        if entity is not None:
            full = m.group("full").strip()
            # A government's own agency: "Cơ quan Phát triển Pháp (AFD)", "Cục Năng lượng Đan Mạch (DEA)".
            kind = "agency" if full.startswith(("Cơ quan", "Cục", "Tổng cục")) else "organisation"
            entity = replace(entity, kind=kind, name=short, name_vi=full, aliases=(short, full))
            out.append(Actor(Place(mention, entity), m.start(), m.end()))
    return out + _world_bodies(ctx, out) + _public_bodies(ctx)


# "Hội đồng quản lý nước Delfland (Hà Lan)", "Cơ quan xúc tiến đầu tư Wallonie (Bỉ)": a foreign public body, named by
# what it does and the name of its area, with its country in brackets.
_PUBLIC_BODY = re.compile(
    r"(?<!\w)(?P<full>(?:Hội đồng|Ủy ban|Cơ quan|Sở|Cục)(?P<what>(?:\s+[^\W\d_]+){1,6}?)"
    r"\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s*\((?P<country>[^()\n]{2,30})\)"
)


def _public_bodies(ctx: Context) -> list[Actor]:
    out = []
    for m in _PUBLIC_BODY.finditer(ctx.text):
        if not all(w.islower() for w in m.group("what").split()):
            continue
        if any(m.start() <= p.start < m.end("full") for p in ctx.places):
            continue  # named after a place the gazetteer knows: the place's own body, found as such
        inside = ctx.places_in(m.start("country"), m.end("country"))
        nation = next((p for p in inside if p.entity.kind == "country"), None)
        if nation is None or nation.vietnamese or ctx.text[nation.start : nation.end] != m.group("country").strip():
            continue
        mention = Mention(m.start(), m.end("full"), m.group("full"), (), "company", True)
        entity = resolve.adhoc(mention, nation.entity.id)
        if entity is not None:
            entity = replace(entity, kind="agency", name=m.group("full"), name_vi=m.group("full"))
            out.append(Actor(Place(mention, entity), m.start(), m.end("full"), led=True))
    return out


# "Tổ chức Du lịch Golf Thế giới IAGTO": a world body the gazetteer lacks, named in full then by its acronym.
_WORLD_BODY = re.compile(
    r"(?<!\w)(?P<full>(?:Tổ chức|Hiệp hội|Liên đoàn|Hội đồng|Diễn đàn|Trung tâm)(?:\s+[^\s,.;:()]+){1,6}?\s+"
    # "Trung tâm Phát triển nghề cá Đông Nam Á (SEAFDEC/AQD)": a regional body is of no one country either.
    r"(?:Thế giới|thế giới|Quốc tế|quốc tế|Đông Nam Á|châu Á|Châu Á))\s+"
    r"\(?(?P<short>[A-Z]{3,8})(?:/[A-Z]{2,6})?\)?(?!\w)"
)


def _world_bodies(ctx: Context, found: list[Actor]) -> list[Actor]:
    """World bodies of no one country, named in full with their acronym: an organisation of their own."""
    out = []
    for m in _WORLD_BODY.finditer(ctx.text):
        if any(a.start < m.end() and m.start() < a.end for a in found) or any(
            p.start < m.end() and m.start() < p.end for p in ctx.places
        ):
            continue  # a body the gazetteer or the text ties to a country already
        if gazetteer.load().lookup(m.group("short")):
            continue
        mention = Mention(m.start(), m.end(), m.group("short"), (), "company", True)
        entity = resolve.international_body(mention, m.group("full"))
        out.append(Actor(Place(mention, entity), m.start(), m.end()))
    return out


@cache
def _institution_head(vietnamese: bool, words: int) -> re.Pattern[str]:
    data = resources.files("hoptac.extract").joinpath("data/institutions.csv").read_text(encoding="utf-8")
    phrases = [row["phrase"] for row in csv.DictReader(data.splitlines()) if row["home"] == "any" or not vietnamese]
    heads = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    glue = r"(?!(?:với|tại|ở|của|cho|và|đã|đến|thăm|cùng|là|do)(?!\w))"
    return re.compile(r"(?<!\w)(?:" + heads + r")(?:\s+" + glue + r"[^\s,.;:()“”\"]+){0," + str(words) + r"}?\s+\Z")


_DESIGNATOR_BEFORE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|TP\.?|bang|quận|huyện|châu|vùng)\s+\Z")


def _institutions(ctx: Context) -> list[Actor]:
    """Institutions named after their city: "Trường Đại học Tours", "Công ty Quản lý cảng Incheon"; in Vietnam
    only universities, institutes and hospitals ("Trường Đại học Đà Lạt"), not its ports or centres.

    The city is one the article names as a foreign place, here or elsewhere ("tại thành phố Tours").
    """
    cities: dict[str, Place] = {}
    for p in ctx.places:
        if p.subnational:
            for name in (p.entity.name, p.mention.text, *p.entity.aliases):
                cities.setdefault(name, p)
    if not cities:
        return []
    out = []
    for m in _CAPITALISED.finditer(ctx.text):
        start, name = m.start(), m.group()
        first, _, rest = name.partition(" ")
        if rest and first.isupper() and rest in cities:
            start, name = start + len(first) + 1, rest  # "ĐH Hà Nội": the city after the head's abbreviation
        city = cities.get(name)
        if city is None or _NEXT_NAME.match(ctx.text, m.end()):
            continue
        # "Viện nghiên cứu phát triển môi trường năng lượng Seoul" is a name of many words; "Trung tâm Nghiên cứu
        # phát triển nông-lâm nghiệp tỉnh Fukuoka" is the prefecture's own body, which acts for it.
        words = 4 if _DESIGNATOR_BEFORE.search(ctx.text, max(0, start - 15), start) else 8
        head = _institution_head(city.vietnamese, words).search(ctx.text, max(0, start - 70), start)
        if head is None:
            continue
        mention = Mention(head.start(), m.end(), ctx.text[head.start() : m.end()], (), "company", True)
        entity = resolve.named_body(mention, city.entity.country)
        if entity is not None:
            out.append(Actor(Place(mention, entity), head.start(), m.end()))
    return out


# "Hội Hữu nghị Nhật - Việt tỉnh Shizuoka", "Hội hữu nghị Hàn - Việt thành phố Busan": a society of the foreign place
# it is named after, not that place's government.
_SOCIETY_BEFORE = re.compile(
    r"(?<!\w)Hội\s+[Hh]ữu nghị\s+[^.,;:()\n]{2,30}?\s+(?:(?:tỉnh|thành phố|TP\.?|quận|huyện|bang|vùng|khu vực)\s+)?\Z"
)


def _societies(ctx: Context) -> list[Actor]:
    """Foreign friendship societies named after their locality, each an organisation of that locality's country."""
    out = []
    for p in ctx.places:
        if p.vietnamese or p.entity.kind not in ("province", "city", "district"):
            continue
        head = _SOCIETY_BEFORE.search(ctx.text, max(0, p.start - 80), p.start)
        if head is None:
            continue
        mention = Mention(head.start(), p.end, ctx.text[head.start() : p.end], (), "company", True)
        entity = resolve.named_body(mention, p.entity.country)
        if entity is not None:
            out.append(Actor(Place(mention, entity), head.start(), p.end))
    return out


_CAPITALISED = re.compile(r"(?<!\w)[A-ZĐ][^\W\d_]*(?:[ -][A-ZĐ][^\W\d_]*){0,2}(?!\w)")


# The name goes on after the place: "Đại học Kagoshima Kenritsu".
_NEXT_NAME = re.compile(r"\s+[A-ZĐ][a-z]")


_SEATED_AT = re.compile(r"\s+(?:tại|ở|có trụ sở tại)\s+(?:(?:thành phố|TP\.?|bang|tỉnh|vùng)\s+)?")


def _companies(ctx: Context) -> list[Actor]:
    """Foreign companies by their head noun or suffix, in the country named beside them or the article's only one."""
    out = []
    countries = [p for p in ctx.places if p.entity.kind == "country"]
    only = _dominant(p.entity.id for p in countries if p.entity.id != "VN")  # the article's foreign country
    for m in _COMPANY.finditer(ctx.text):
        group = "name" if m.group("name") else "bare"
        name = m.group(group).rstrip(".")
        start, end = m.start(group), m.start(group) + len(name)
        known = _firm_country(m.group(group))
        if known is None and (
            fold(name) != name.lower()
            or (name.isupper() and len(name) <= 3)
            or _DOMESTIC_FIRM.match(name)
            or _domestic_firm(name)
            or _SERVICE_CLUB.search(name)
            or _VIETNAM_IN_NAME.search(name)
            or all(_vietnamese_word(w) for w in name.lower().split())
        ):
            continue  # Vietnamese names carry diacritics; "Tập đoàn FLC"-style acronyms are domestic more often
        after = _NEXT_WORD.match(ctx.text, end)
        if after and after.group(1)[:1].isupper() and not after.group(1).isascii():
            continue  # "Công ty Nam Triệu": the name goes on in Vietnamese
        if any(p.start < end and start < p.end for p in ctx.places):
            continue
        after = next((c for c in countries if m.end() <= c.start <= m.end() + 12), None)
        seat = next((p for p in ctx.places if m.end() <= p.start <= m.end() + 20 and not p.vietnamese), None)
        if known is not None:
            country = known
        elif after is not None and _COUNTRY_NEXT.match(ctx.text[m.end() : after.start] + " "):
            country = after.entity.id
        elif seat is not None and _SEATED_AT.fullmatch(ctx.text, m.end(), seat.start):
            country = seat.entity.country  # "Tập đoàn Siemens tại Munich"
        elif only is not None:
            country = only
        elif (near := _one_country_before(ctx, m.start())) is not None:
            country = near
        else:
            continue
        if country == "VN":
            continue
        mention = Mention(start, end, name, (), "company", True)
        entity = resolve.adhoc(replace(mention, text=_known_name(name)), country)
        if entity is not None and (m.group("head") or "").lower() in _NOT_FIRMS:
            # "Tổ chức Plan International (Anh)": a foundation; "Trường Đại học Griffith (Australia)": a university.
            entity = replace(entity, kind="organisation")
        if entity is not None:
            out.append(Actor(Place(mention, entity), m.start(), end))
    out += _firms_of_a_country(ctx, out)
    return out + _multinationals_named_bare(ctx, out)


# "Tập đoàn Tài chính Canada MorFund", "Tập đoàn đóng tàu Hà Lan Damen": a firm named by its trade, its
# country and its own name.
_FIRM_TRADE_BEFORE = re.compile(
    r"(?<!\w)(?:[Tt]ập đoàn|[Cc]ông ty|[Tt]ổng công ty|[Hh]ãng)(?P<trade>(?:\s+[^\s,.;:()]+){1,3})\s+\Z"
)
_OWN_NAME_AFTER = re.compile(
    r"[ \t]+(?P<name>[A-Z][A-Za-z0-9&'’.-]+(?![\w-])(?:[ \t]+[A-Z][A-Za-z0-9&'’.-]+(?![\w-])){0,2})"
)


def _firms_of_a_country(ctx: Context, found: list[Actor]) -> list[Actor]:
    """Firms whose country is told between their trade and their name, in Latin letters."""
    out = []
    taken = [(a.start, a.end) for a in found]
    for p in ctx.places:
        if p.vietnamese or p.entity.kind != "country":
            continue
        trade = _FIRM_TRADE_BEFORE.search(ctx.text, max(0, p.start - 45), p.start)
        # The trade is told in Vietnamese ("Tài chính", "đóng tàu"): "Công ty TNHH Korea Tech" is a name.
        if trade is None or any(w.isascii() and not w.islower() for w in trade["trade"].split()):
            continue
        after = _OWN_NAME_AFTER.match(ctx.text, p.end)
        if after is None:
            continue
        name = after.group("name").rstrip(".")
        start, end = after.start("name"), after.start("name") + len(name)
        if any(s < end and start < e for s, e in taken) or all(_vietnamese_word(w) for w in name.lower().split()):
            continue
        mention = Mention(start, end, name, (), "company", True)
        entity = resolve.adhoc(replace(mention, text=_known_name(name)), p.entity.id)
        if entity is not None:
            out.append(Actor(Place(mention, entity), trade.start(), end))
    return out


def _multinationals_named_bare(ctx: Context, found: list[Actor]) -> list[Actor]:
    """ "ExxonMobil tài trợ 50.000 đô la Mỹ cho chương trình ...": a multinational the news names without a head
    noun, by the name it is known by, written as the firm writes it."""
    out: list[Actor] = []
    taken = [(a.start, a.end) for a in found] + [(p.start, p.end) for p in ctx.places]
    for m in _bare_firm_names().finditer(ctx.text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _IN_A_LIST_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()) or _IN_A_LIST_AFTER.match(
            ctx.text, m.end()
        ):
            continue  # "các tập đoàn hàng đầu ... như Canon, Panasonic, Nipro Corporation, ...": who came, not a side
        country = _foreign_firms()[fold(m.group(0))]
        mention = Mention(m.start(), m.end(), m.group(0), (), "company", True)
        entity = resolve.adhoc(mention, country)
        if entity is not None:
            out.append(Actor(Place(mention, entity), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return out


# A name among others of a list: "như Canon, Panasonic, Idemitsu".
_IN_A_LIST_BEFORE = re.compile(r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*,\s*\Z")
_IN_A_LIST_AFTER = re.compile(r",\s*[A-Z]")


@cache
def _bare_firm_names() -> re.Pattern[str]:
    names = [name for name, _, alone in _foreign_firm_rows() if alone]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")


@cache
def _subsidiary_names() -> re.Pattern[str]:
    # "Ford Việt Nam", "Công ty TNHH Nhà máy bia Heineken Việt Nam-Vũng Tàu": a multinational's Vietnamese arm,
    # whatever its name, with the town of its plant after a dash.
    names = sorted((name for name, _, _ in _foreign_firm_rows()), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?P<firm>" + "|".join(map(re.escape, names)) + r")\s+(?:Việt Nam|Vietnam)"
        r"(?:\s*[-–]\s*[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,2})?(?![\w-])"
    )


# "Đại học Fulbright Việt Nam", "ĐH Fulbright Việt Nam": a Vietnamese school named after a foreign founder.
_SCHOOL_OF_VIETNAM = re.compile(
    r"(?<!\w)(?:(?:Trường\s+)?(?:Đại học|ĐH)|Học viện)\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2}\s+Việt Nam(?![\w-])"
)


def _schools_of_vietnam(ctx: Context) -> list[Actor]:
    """A Vietnamese school whose name ends in "Việt Nam" is that school, not the nation."""
    out = []
    for m in _SCHOOL_OF_VIETNAM.finditer(ctx.text):
        # One school however written: "Trường Đại học", "Đại học" and "ĐH" are the same head.
        name = re.sub(r"^(?:Trường\s+)?(?:Đại học|ĐH)\s", "Đại học ", m.group(0))
        mention = Mention(m.start(), m.end(), name, (), "company", True)
        entity = resolve.named_body(mention, "VN")
        if entity is not None:
            out.append(Actor(Place(mention, entity), m.start(), m.end()))
    return out


# "Công ty TNHH Điện lực Nam Định 1 – (Singapore)": a firm with a Vietnamese name, registered abroad.
_REGISTERED_ABROAD = re.compile(
    r"(?<!\w)(?:[Cc]ông ty|[Tt]ập đoàn|[Tt]ổng công ty)\s+(?P<name>[^()\n.;,:]{3,60}?)"
    r"\s*[-–]?\s*\(\s*(?P<seat>[^()\n]{2,25}?)\s*\)"
)


_LEGAL_FORM_BEFORE = re.compile(r"^(?:(?:TNHH|MTV|Cổ phần|cổ phần|CP)\s+)+")


def _registered_abroad(ctx: Context) -> list[Actor]:
    """A firm whose name is Vietnamese but whose country the brackets after it name: a foreign investor."""
    out = []
    for m in _REGISTERED_ABROAD.finditer(ctx.text):
        seat = [_city_state(p) for p in ctx.places_in(m.start("seat"), m.end("seat"))]
        if len(seat) != 1 or seat[0].vietnamese or seat[0].entity.kind != "country" or seat[0].end != m.end("seat"):
            continue
        name = _LEGAL_FORM_BEFORE.sub("", m.group("name"))
        if fold(name) == name.lower():
            continue  # "Tập đoàn Lotte (Hàn Quốc)": a name without diacritics is read as a foreign firm's already
        start = m.end("name") - len(name)
        mention = Mention(start, m.end("name"), name, (), "company", True)
        entity = resolve.adhoc(mention, seat[0].entity.id)
        if entity is not None:
            out.append(Actor(Place(mention, entity), m.start(), m.end()))
    return out


def _subsidiaries(ctx: Context) -> list[Actor]:
    """A multinational's Vietnamese arm is the firm, of its own country, not Vietnam: "Ford Việt Nam tài trợ"."""
    out = []
    for m in _subsidiary_names().finditer(ctx.text):
        mention = Mention(m.start(), m.end(), m.group(0), (), "company", True)
        entity = resolve.adhoc(mention, _foreign_firms()[fold(m.group("firm"))])
        if entity is not None:
            out.append(Actor(Place(mention, entity), m.start(), m.end()))
    return out
