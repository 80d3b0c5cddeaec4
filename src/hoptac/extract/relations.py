"""Standing relationships stated in the text: sister cities, friendship, cooperation, membership.

A sentence with a relationship cue ("kết nghĩa", "quan hệ hợp tác hữu nghị",
"biên bản ghi nhớ") names the pair, or refers to it as "hai địa phương",
"hai thành phố", "hai bên", in which case the main event's Vietnamese and
foreign parties are meant. The year comes from the same sentence ("vào năm
1995", "ký kết trong dịp ... 2017") or from "sau 23 năm thiết lập quan hệ".
"""

from __future__ import annotations

import itertools
import re

from hoptac import resolve
from hoptac.extract import dates
from hoptac.extract.actors import Actor, in_a_body_name, is_capital
from hoptac.extract.context import Context, Place, find_cues, is_venue
from hoptac.extract.text import Span
from hoptac.models import Evidence, Relation

# "hai thành phố", "hai quận": the pair of localities a sentence speaks of; "hai bên" may be any pair.
_LOCALITIES = "địa phương|thành phố|tỉnh|thủ đô|quận|huyện|thị xã"
_LOCAL_PAIR = re.compile(rf"hai (?:{_LOCALITIES})", re.I)
_PAIR_WORDS = re.compile(rf"hai (?:bên|{_LOCALITIES})", re.I)
# "sau 23 năm kết nghĩa", "kỷ niệm 25 năm thiết lập quan hệ kết nghĩa": counted back from the article's year.
_YEARS_AGO = re.compile(
    r"(?:sau|qua|tròn|hơn|kỷ niệm)\s+(\d{1,2})\s+năm\s+(?:ngày\s+)?(?:quan hệ\s+)?"
    r"(?:thiết lập|kết nghĩa|ký kết|hợp tác)",
    re.I,
)
# "mong muốn hai địa phương sớm ký kết thỏa thuận": a wish, not a standing relationship.
_WISHED = re.compile(
    r"(?:mong muốn|sẽ|sớm|dự kiến|đề nghị|hướng tới|tiến tới|xem xét|phấn đấu|dự thảo)\s+(?:\S+\s+){0,6}?"
    r"(?:ký kết|ký|thiết lập|kết nghĩa|nâng cấp)",
    re.I,
)
_SIGNED = re.compile(r"(?<!\w)(?:ký kết|ký)(?!\w)", re.I)
_JOINED = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*)?(?:và|với|cùng|cùng với|phối hợp với)\s+(?:các\s+)?")
# "giữa tỉnh Fukuoka và các thành phố Hà Nội, Hải Phòng": the list goes on after the first partner.
_LISTED = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_BOND = re.compile(r"(?<!\w)(?:hợp tác|triển khai|giao lưu|quan hệ|phối hợp|ký kết|thỏa thuận|ghi nhớ)(?!\w)", re.I)
# "Từ năm 2005 đến nay, tỉnh Điện Biên đã phối hợp với các tỉnh Phông Sa Lỳ, Luông Pha Băng ...": years of work
# together make a standing cooperation, since the year told.
_SUSTAINED = re.compile(r"\s*(?:[Tt]ừ|[Kk]ể từ) năm (?:19|20)\d\d(?: đến nay| tới nay)?\s*,")
_WORKED_WITH = re.compile(
    r"\s+(?:đã\s+|đang\s+|luôn\s+)*(?:phối hợp với|hợp tác với|hỗ trợ|giúp đỡ|tài trợ cho)\s+(?:các\s+)?"
    r"(?:(?:tỉnh|thành phố|huyện|địa phương)\s+)?"
)
_RANK = {"sister": 0, "friendship": 1, "membership": 2, "cooperation": 3}
# "Sở Công Thương phối hợp với JETRO tổ chức hội nghị": one event organised together, not a standing bond.
_CO_ORGANISED = re.compile(r"(?<!\w)phối hợp(?:\s+(?:với|cùng)\s+[^.;]{0,80}?)?\s+tổ chức(?!\w)", re.I)
# "hợp tác giữa hai nước": the pair meant is the two nations, not the localities of the event.
_NATIONS_ONLY = re.compile(
    r"(?<!\w)hai (?:nước|quốc gia)(?!\w)(?![^.]*hai (?:địa phương|thành phố|tỉnh|quận|huyện))", re.I
)
_SELF = re.compile(r"(?<!\w)(?:thành phố|tỉnh)\s+(?:đã|đang|cũng|vừa|luôn|hiện|kết nghĩa|có quan hệ)(?!\w)", re.I)
# "kết nghĩa anh em", "nhận làm con nuôi", "mẹ đỡ đầu": people's bonds; "quê hương đất mẹ" is none.
_PERSONAL = re.compile(
    r"(?<!\w)(?:kết nghĩa|nhận)\s+(?:làm\s+)?(?:anh em|chị em|mẹ con|cha con|bố con|mẹ|cha|con)(?!\w)|"
    r"(?<!\w)(?:anh em|chị em|mẹ con|cha con|gia đình) kết nghĩa(?!\w)|"
    r"(?<!\w)(?:con|mẹ|cha|bố) (?:nuôi|đỡ đầu)(?!\w)|kết nghĩa với (?:ông|bà|anh|chị|em|cháu)(?!\w)",
    re.I,
)


def find_relations(ctx: Context, main_places: list[Place], actors: list[Actor]) -> list[Relation]:
    """Standing relationships the text states; `actors` tells which places are named inside a firm's or a body's
    name, and so no side."""
    best: dict[tuple[str, str], Relation] = {}
    main_ids = {p.entity.id for p in main_places}
    for s in ctx.sentences:
        for start, end in _clauses(s):
            text = ctx.text[start:end]
            if _PERSONAL.search(text) or _WISHED.search(text):
                continue
            own = [
                p
                for p in ctx.places_in(start, end)
                if p.entity.kind != "country"
                and not ctx.places_a_city(p)
                and not _BELONGS_TO.search(ctx.text, max(start, p.start - 12), p.start)
                and not in_a_body_name(ctx, p, actors)
            ]
            sustained = bool(_SUSTAINED.match(text))
            pairs = _conjoined(ctx, own, sustained) + _nation_with_locality(ctx, start, end)
            cues = find_cues("relation_cues.csv", text)
            rtype = _type_of(cues) or ("cooperation" if sustained and pairs else None)
            if rtype is None:
                # "thành phố Kitakyushu và thành phố Hải Phòng đang cùng triển khai các dự án ...". A title's "TPHCM
                # và bang Washington thúc đẩy hợp tác" heads a story of what was done, not a bond it states; its
                # "Thừa Thiên Huế và Gyeongju ký kết hợp tác" does state one.
                title = s.start < ctx.title_end and not _SIGNED.search(text)
                if not pairs or not _BOND.search(_CO_ORGANISED.sub(" ", text)) or title:
                    continue
                rtype = "cooperation"
            if not pairs:
                pairs = _pair_of(ctx, s, own, main_places, main_ids)
            told = _each_partner(ctx, start, end, pairs, rtype, cues)
            for a, b in pairs:
                if a.entity.kind == "country" and b.entity.kind == "company":
                    continue  # the State and a firm: no local government, no public agency, no bond in scope
                if rtype == "membership" and b.entity.kind != "organisation":
                    continue
                if rtype != "membership" and b.entity.kind == "organisation" and not _BOND_WITH_BODY.search(text):
                    continue  # a body's programme told in passing is no bond; "hợp tác với tỉnh ... từ năm 2012" is
                kind, since = told[b.start]
                if (kind == "membership") != (rtype == "membership"):
                    kind = rtype
                _keep(best, a, b, kind, since, Evidence(start=s.start, end=s.end, text=s.text))
    return list(best.values())


def _clauses(s: Span) -> list[tuple[int, int]]:
    """A sentence cut at semicolons: lists of agreements name one pair a clause."""
    out, start = [], s.start
    for m in re.finditer(";", s.text):
        out.append((start, s.start + m.start()))
        start = s.start + m.end()
    out.append((start, s.end))
    return out


def _conjoined(ctx: Context, own: list[Place], sustained: bool = False) -> list[tuple[Place, Place]]:
    """A Vietnamese locality and a foreign party joined by "và"/"với": "Rotterdam và Thành phố Hồ Chí Minh"; in a
    sentence on years of work together, also by what one has done with or for the other."""
    pairs = []
    for i, (x, y) in enumerate(itertools.pairwise(own)):
        between = ctx.text[x.end : y.start]
        if x.vietnamese == y.vietnamese or not (
            _JOINED.fullmatch(between) or (sustained and _WORKED_WITH.fullmatch(between))
        ):
            continue
        if is_venue(ctx.text, x.start):
            continue  # "giao lưu ... tại tỉnh Lai Châu (VN) và tỉnh Vân Nam (TQ)": where, not who
        partners = [y]
        for prev, nxt in itertools.pairwise(own[i + 1 :]):
            if nxt.vietnamese != y.vietnamese or not _LISTED.fullmatch(ctx.text[prev.end : nxt.start]):
                break
            partners.append(nxt)
        for z in partners:
            a, b = (x, z) if x.vietnamese else (z, x)
            if a.subnational and b.subnational and not is_venue(ctx.text, b.start) and not _metonyms(ctx, a, b):
                pairs.append((a, b))
    return pairs


# "giữa Việt Nam và bang Hessen", "Ý định thư giữa Bộ Y tế Việt Nam và Bộ Y tế bang Mecklenburg-Vorpommern".
_BETWEEN = re.compile(r"(?<!\w)giữa\s+(?:Bộ\s+[^,.;()]{1,30}?\s+)?\Z")
_AND_ITS_MINISTRY = re.compile(r"\s*(?:và|với)\s+(?:Bộ|Sở|Cơ quan)\s+[^,.;()]{1,30}?\s+")
# What binds them, not "tiềm năng hợp tác giữa Việt Nam với bang Maryland".
_BOUND = re.compile(r"(?<!\w)(?:đã ký|ghi nhớ|thỏa thuận|ý định thư|khuôn khổ hợp tác|quan hệ)(?!\w)", re.I)


def _nation_with_locality(ctx: Context, start: int, end: int) -> list[tuple[Place, Place]]:
    """ "hai bên đã ký Bản ghi nhớ ..., tạo khuôn khổ hợp tác ... giữa Việt Nam và bang Hessen": the nation itself
    bound to a foreign locality."""
    if not _BOUND.search(ctx.text, start, end):
        return []
    places = ctx.places_in(start, end)
    return [
        (x, y)
        for x, y in itertools.pairwise(places)
        if x.entity.id == "VN"
        and not y.vietnamese
        and y.subnational
        and not is_capital(y.entity.id)  # "giữa Việt Nam và Singapore": the nations
        and _BETWEEN.search(ctx.text, max(start, x.start - 45), x.start)
        and (_JOINED.fullmatch(ctx.text[x.end : y.start]) or _AND_ITS_MINISTRY.fullmatch(ctx.text[x.end : y.start]))
    ]


# "thành phố Washington", "chính quyền thủ đô Viêng Chăn": the capital as a city, not its government.
_AS_CITY = re.compile(
    r"(?:thành phố|TP\.?|thủ đô|chính quyền|[Tt]hị trưởng|[Tt]hống đốc|UBND|[Đđ]ô trưởng)\s+\Z", re.IGNORECASE
)


# "thành phố Hà Nội", "thủ đô Viêng Chăn": a mention that names itself a city.
_CITY_NAMED = re.compile(r"(?:thành phố|TP\.?|thủ đô)\s", re.IGNORECASE)
_TWO_CITIES = re.compile(r"hai (?:thủ đô|thành phố)", re.IGNORECASE)


def _metonyms(ctx: Context, a: Place, b: Place) -> bool:
    """ "Washington và Hà Nội", "quan hệ Hà Nội - Mátxcơva": two capitals standing for their governments."""
    if a.entity.id != "VN-HN" or not is_capital(b.entity.id) or _TWO_CITIES.search(ctx.text):
        return False
    ids = {a.entity.id, b.entity.id}
    # Anywhere in the article: "UBND thành phố Hà Nội" makes the Hà Nội of "Hà Nội và Mát-xcơ-va" the city.
    return not any(
        _AS_CITY.search(ctx.text, max(0, p.start - 20), p.start) or _CITY_NAMED.match(p.mention.text)
        for p in ctx.places
        if p.entity.id in ids
    )


def _pair_of(
    ctx: Context, s: Span, own: list[Place], main_places: list[Place], main_ids: set[str]
) -> list[tuple[Place, Place]]:
    # "Ngày 15/10, tại TP Hạ Long, ...": where a deal is signed is not a side of it.
    vn = [p for p in own if p.vietnamese and p.subnational and not is_venue(s.text, p.start - s.start)]
    if not vn and _SELF.search(s.text):
        # "Theo đó, thành phố đã tham gia hoạt động của Tổ chức C40": the city the article is about.
        vn = [p for p in main_places if p.vietnamese and p.subnational][:1]
    foreign = [p for p in own if not p.vietnamese and not is_venue(s.text, p.start - s.start)]
    foreign.sort(key=lambda p: p.entity.id not in main_ids)
    vn.sort(key=lambda p: p.entity.id not in main_ids)
    if _PAIR_WORDS.search(s.text) and not _NATIONS_ONLY.search(s.text):
        # "giữa hai địa phương" refers to the pair the article is about, whatever else the sentence names.
        vn = [p for p in main_places if p.vietnamese and p.subnational][:1] or vn
        # "Hai bên đã ký Tuyên bố chung" after the Prime Minister met the state of Hessen: Vietnam is one side.
        vn = vn or [p for p in main_places if p.entity.id == "VN"][:1]
        partner = [p for p in foreign if p.subnational and _WITH_BEFORE.search(ctx.text, s.start, p.start)]
        if partner:
            # "quan hệ hữu nghị đặc biệt với tỉnh Hủa Phăn (Lào) ... luôn được hai bên vun đắp": its own partner.
            return [(vn[0], partner[0])] if vn else []
        foreign = [p for p in main_places if not p.vietnamese and p.entity.kind != "country"][:1] or foreign
        local_pair = _LOCAL_PAIR.search(s.text) is not None
        last = _last_foreign_locality(ctx, s) if local_pair else []
        if last and foreign and (_kin(last[0], foreign[0]) or _address_of(ctx, last[0], foreign[0])):
            last = []  # a town of the partner, or the partner's own city or province: the pair is still the article's
        if local_pair and (last or not (foreign and foreign[0].subnational)):
            # "mà hai thành phố ký kết từ năm 2013" after "đoàn làm việc với Thị trưởng Yokohama", "Hai tỉnh có quan hệ
            # hợp tác từ năm 2012" after the call on Luang Prabang: the foreign locality told last.
            foreign = last or [p for p in foreign if p.subnational]
        return [(vn[0], foreign[0])] if vn and foreign else []
    if len(vn) == 1:
        foreign = [f for f in foreign if not _metonyms(ctx, vn[0], f)]
        # "với tỉnh Nara, tỉnh Tottori và thành phố Kitakyushu": every partner of a list.
        return [(vn[0], f) for f in _unique(foreign)]
    if len(foreign) == 1:
        return [(v, foreign[0]) for v in _unique(vn)]
    return [(vn[0], foreign[0])] if vn and foreign else []


# "UNICEF bắt đầu hợp tác với tỉnh Lai Châu từ năm 2012", "đã hợp tác với tỉnh Sơn La từ năm 2016".
_STARTED = re.compile(r"(?<!\w)hợp tác với\s[^.;]{0,60}?(?:từ|kể từ|từ năm|năm)\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)", re.I)
# "Tỉnh có quan hệ hợp tác với ... các tổ chức quốc tế lớn như UNESCO, WB, ADB": a bond with a body, named as one.
_BOND_WITH_BODY = re.compile(
    _STARTED.pattern + r"|(?<!\w)(?:có|thiết lập|duy trì|tăng cường|củng cố)\s+(?:mối\s+)?quan hệ hợp tác(?!\w)", re.I
)
# "huyện Phú Quốc (thuộc tỉnh Kiên Giang cũ)": where a partner lies, not a partner.
_BELONGS_TO = re.compile(r"(?<!\w)thuộc\s+(?:tỉnh|thành phố|TP\.?|bang)?\s*\Z")
_WITH_BEFORE = re.compile(r"(?<!\w)với\s+(?:tỉnh|thành phố|TP\.?|bang|quận|huyện|vùng)?\s*\Z", re.I)


def _kin(a: Place, b: Place) -> bool:
    """The same place, or one a town or district of the other."""
    return a.entity.id == b.entity.id or a.entity.parent == b.entity.id or b.entity.parent == a.entity.id


def _address_of(ctx: Context, where: Place, partner: Place) -> bool:
    """ "quận Shinjuku, thủ đô Tokyo": a place named right after the partner says where the partner is."""
    return any(p.entity.id == partner.entity.id and 0 <= where.start - p.end <= 25 for p in ctx.places)


def _last_foreign_locality(ctx: Context, s: Span) -> list[Place]:
    """The foreign locality named last in the two sentences before this one."""
    before = [x for x in ctx.sentences if x.end <= s.start][-2:]
    if not before:
        return []
    named = [p for p in ctx.places_in(before[0].start, s.start) if not p.vietnamese and p.subnational]
    return named[-1:]


def _unique(places: list[Place]) -> list[Place]:
    """One place per entity, and no city beside its own province ("tỉnh Gyeongsangbuk ... Gyeongju")."""
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.entity.id, p)
    return [p for p in seen.values() if p.entity.parent not in seen]


def _keep(
    best: dict[tuple[str, str], Relation], a: Place, b: Place, rtype: str, since: str | None, evidence: Evidence
) -> None:
    key = (a.entity.id, b.entity.id)
    rel = Relation(
        a=resolve.to_party(a.entity, None, [a.mention.text]),
        b=resolve.to_party(b.entity, None, [b.mention.text]),
        type=rtype,
        since=since,
        evidence=[evidence],
    )
    old = best.get(key)
    if old is None:
        best[key] = rel
        return
    # Keep the strongest type and its earliest year stated; collect the evidence.
    if _RANK[rel.type] < _RANK[old.type]:
        since = rel.since or old.since
    elif _RANK[rel.type] > _RANK[old.type]:
        since = old.since or rel.since
    else:
        since = min((y for y in (old.since, rel.since) if y), default=None)
    best[key] = old.model_copy(
        update={
            "type": min(old.type, rel.type, key=_RANK.__getitem__),
            "since": since,
            "evidence": old.evidence if evidence in old.evidence else [*old.evidence, evidence],
        }
    )


def _type_of(cues: list[tuple[str, int]]) -> str | None:
    hits = {label for label, _ in cues}
    return min(hits, key=_RANK.__getitem__) if hits else None


# "Chương trình hợp tác giai đoạn 2022-2025": the years of a programme, not of the bond.
_IN_A_PERIOD = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")


# Partners of one list: "với tỉnh Nara, tỉnh Tottori (Nhật Bản) và thành phố Kitakyushu".
_LIST_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,|và|;)?\s*")


def _each_partner(
    ctx: Context, start: int, end: int, pairs: list[tuple[Place, Place]], rtype: str, cues: list[tuple[str, int]]
) -> dict[int, tuple[str, str | None]]:
    """The type and the year of each partner's bond, by the partner's mention: "hợp tác với tỉnh Jeollanam ..., trong
    đó có quan hệ hữu nghị với tỉnh Kampot từ năm 2008" makes the friendship and the year Kampot's alone; the partners
    of one list share them. `cues` are the clause's relation cues, found once by the caller."""
    partners = sorted({b.start: b for _, b in pairs}.values(), key=lambda b: b.start)
    if len({a.entity.id for a, _ in pairs}) > 1 or len(partners) < 2:
        return dict.fromkeys((b.start for b in partners), (rtype, _since_of(ctx, ctx.text[start:end], rtype, cues)))
    out: dict[int, tuple[str, str | None]] = {}
    group: list[Place] = []
    told_from = start
    for i, b in enumerate(partners):
        group.append(b)
        following = partners[i + 1].start if i + 1 < len(partners) else end
        if following < end and _LIST_GAP.fullmatch(ctx.text, b.end, following):
            continue
        told = ctx.text[told_from:following]
        told_cues = find_cues("relation_cues.csv", told)
        first_at = group[0].start - told_from
        before = [label for label, at in told_cues if at < first_at]
        after = [label for label, at in told_cues if at >= group[-1].end - told_from]
        kind = before[-1] if before else after[0] if after else rtype
        out.update((g.start, (kind, _since_of(ctx, told, kind, told_cues))) for g in group)
        group, told_from = [], b.end
    return out


def _since_of(ctx: Context, text: str, rtype: str, cues: list[tuple[str, int]]) -> str | None:
    """The year told right after the bond's own words (`cues`, offsets into `text`): "quan hệ hữu nghị hợp tác từ
    năm 2009 và chính thức kết nghĩa vào năm 2014" makes the twinning 2014's."""
    for label, at in cues:
        if label == rtype and (year := _since(ctx, text[at : at + _YEAR_WITHIN])):
            return year
    return _since(ctx, text)


# How far after a bond's words its year is told, in characters: "kết nghĩa vào năm 2014".
_YEAR_WITHIN = 40


def _since(ctx: Context, sentence: str) -> str | None:
    ago = _YEARS_AGO.search(sentence)
    if ago and ctx.year_hint:
        return str(ctx.year_hint - int(ago.group(1)))
    # "thiết lập quan hệ hợp tác hữu nghị từ tháng 7/2018": a month's year counts too.
    years = [
        y
        for off, y in dates.years_stated(sentence) + dates.month_years(sentence)
        if (not ctx.year_hint or y <= ctx.year_hint) and not _IN_A_PERIOD.search(sentence, max(0, off - 12), off + 12)
    ]
    if years:
        return str(min(years))
    if _SIGNED.search(sentence):
        # "Ngày 18/10/2023, ... ký kết biên bản ghi nhớ": the signing's date is the start.
        signed = dates.years_in_dates(sentence)
        return str(min(signed)) if signed else None
    return None
