"""Coreference: event mentions that tell the same event become one cluster.

Two mentions are one event when their kinds agree (meetings, conferences,
cultural events and other activities of one day are told with each other's
words; a signing or a gift stands apart), their dates do not conflict, and
they share a foreign party or the later one names none of its own. The title's
event and the lead's are one. A mention outside the lead with neither a date
nor a party of its own only adds evidence to the event it repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hoptac.extract import dates
from hoptac.extract.actors import LEADERS_OF_LIST, Actor, unique
from hoptac.extract.context import is_venue
from hoptac.extract.mentions import NEXT_SESSION, Candidate

_TOGETHER = {"meeting", "conference", "cultural_event", "other"}
# "ký kết thỏa thuận ... tài trợ 5 triệu USD": a grant is signed.
_AID_AGREEMENT = {"signing", "aid"}


@dataclass
class Cluster:
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def first(self) -> Candidate:
        return self.mentions[0]

    @property
    def kind(self) -> str:
        # A cue in reported speech names the event's kind only when nothing else does.
        return next((m.kind for m in self.mentions if not m.said), self.first.kind)

    @property
    def date(self) -> tuple[int | None, int | None] | None:
        d = next((m.date for m in self.mentions if m.date is not None), None)
        return (d.month, d.day) if d else None

    @property
    def actors(self) -> list[Actor]:
        return unique([a for m in self.mentions for a in m.actors])

    def foreign_ids(self) -> set[str]:
        return {a.id for a in self.actors if not a.vietnamese}


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or (a in _TOGETHER and b in _TOGETHER) or {a, b} == _AID_AGREEMENT


# "ký thỏa thuận tài trợ", "ký hiệp định vay vốn": a signing that is the grant's own.
_GRANT_SIGNED = re.compile(
    r"(?<!\w)ký(?!\w).*(?:tài trợ|viện trợ|vay|không hoàn lại)|(?:tài trợ|viện trợ|vay).*(?<!\w)ký(?!\w)"
)


def _same_kind(cluster: Cluster, m: Candidate) -> bool:
    """Kinds agree; a signing and a gift are one only where one of them tells the signing of the grant."""
    if {cluster.kind, m.kind} != _AID_AGREEMENT:
        return _kinds_agree(cluster.kind, m.kind)
    return any(_GRANT_SIGNED.search(x.sentence.text) for x in (*cluster.mentions, m))


# A sentence that opens with a part of the day and its date: "Tối 11-4,", "Chiều 15/3,".
_PART_OF_DAY = re.compile(
    r"(?:[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối)\s+(?:(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}|cùng ngày(?!\w))"
)


def _another_of_the_day(cluster: Cluster, m: Candidate) -> bool:
    """ "Tối 11-4, ... tổ chức Chương trình giao lưu văn hóa nghệ thuật", "Tối cùng ngày, ... khai mạc Tuần lễ Văn
    hóa" after the day's reception: an event of its own kind at its own hour."""
    return (
        m.kind not in (cluster.kind, "other")
        and m.date is not None
        and cluster.date is not None  # not the lead telling the title's event
        and bool(_PART_OF_DAY.match(m.sentence.text))
    )


def _dates_agree(cluster: Cluster, m: Candidate) -> bool:
    if m.date is None or cluster.date is None:
        return True
    return (m.date.month, m.date.day) == cluster.date


def _trip_start(cluster: Cluster) -> int | None:
    """Where the cluster's date is told, when that date starts a trip: "Từ ngày 4 đến 7/12"."""
    for m in cluster.mentions:
        if m.date is not None:
            return m.date.start if dates.TRIP.match(m.sentence.text, m.date.start - m.sentence.start) else None
    return None


def _stop_of_trip(cluster: Cluster, m: Candidate) -> bool:
    """A day of its own told after the trip's span: "Ngày 4/12, đoàn làm việc với lãnh đạo tỉnh Xiêng Khoảng"."""
    start = _trip_start(cluster)
    return start is not None and m.date is not None and m.date.start != start


_SIDELINES = re.compile(r"\s*(?:Cũng\s+)?(?:[Bb]ên lề|[Nn]hân dịp)\s")


def _fits(cluster: Cluster, m: Candidate) -> bool:
    if not _same_kind(cluster, m) or not _dates_agree(cluster, m) or _stop_of_trip(cluster, m):
        return False
    if m.kind == "meeting" != cluster.kind and _SIDELINES.match(m.sentence.text):
        return False  # "Bên lề hội nghị, Chủ tịch UBND tỉnh đã tiếp ...": a meeting of its own beside the gathering
    if _another_of_the_day(cluster, m):
        return False
    if m.planned and NEXT_SESSION.search(m.sentence.text) and not cluster.first.planned:
        return False  # "hội nghị lần sau sẽ được tổ chức ... vào năm 2026": the next session, not this one
    if m.planned and all(x.history for x in cluster.mentions):
        return False  # "Hai bên thống nhất ký Phụ lục ... vào tháng 3/2022" after the agreement signed in 2014
    if (m.companion or m.at_event) and not m.history and all(x.history for x in cluster.mentions):
        return False  # "Cuối buổi làm việc, ... đã ký kết Biên bản ghi nhớ" after "Từ khi hai quận ký kết ... 2016"
    foreign = {a.id for a in m.actors if not a.vietnamese}
    if m.same_day:
        # "Chiều cùng ngày, ...": the next thing done that day, unless it is the signing the lead told already, or
        # what the lead told as done later that day ("Chiều cùng ngày, lãnh đạo UBND tỉnh Thái Bình đã tiếp đoàn").
        told = any(
            x.same_day and x.in_lead and x.kind == m.kind and x.sentence.paragraph < m.sentence.paragraph
            for x in cluster.mentions
        )
        # "Cũng trong sáng 7-6, ... USAID đã trao tặng ..." retells the gift the title told.
        titled = cluster.kind == m.kind and all(x.sentence.paragraph == 0 and x.date is None for x in cluster.mentions)
        return ((m.kind == "signing" == cluster.kind or titled) and bool(foreign & cluster.foreign_ids())) or (
            told and bool({a.id for a in m.actors} & {a.id for x in cluster.mentions for a in x.actors})
        )
    local = {a.id for a in m.actors if a.vietnamese}
    if _national_apart(cluster, m):
        return False
    if not foreign:
        return not local or bool(local & {a.id for a in cluster.actors}) or m.in_lead
    shared = foreign & cluster.foreign_ids()
    if _one_of_the_day_s_hosts(cluster, m, foreign):
        return False
    venues = {a.id for a in m.actors if not a.vietnamese and _at_venue(m, a)}
    hosts = {a.id for a in m.actors if not a.vietnamese and a.kind in ("company", "organisation", "agency")}
    if shared <= venues and hosts - cluster.foreign_ids():
        # "Trong thời gian ở Tokyo, đoàn cũng đã làm việc với Công ty Kyowa Denso": the same city, another host.
        return False
    # A country's id is two letters: sharing only the nation is sharing no signatory.
    if m.kind == "signing" and m.companion and len(foreign) > 1 and all(len(i) == 2 for i in shared):
        # "Cũng tại hội nghị, ... trao biên bản ghi nhớ đầu tư cho 3 doanh nghiệp Nhật Bản": other signatories
        # of the same nation sign an agreement of their own.
        return False
    return bool(shared)


def _one_of_the_day_s_hosts(cluster: Cluster, m: Candidate, foreign: set[str]) -> bool:
    """ "Ngày 12/9, Đoàn ... làm việc với chính quyền tỉnh Gyeongsangnam, thành phố Changwon và Tập đoàn Doosan", then
    "Chiều 12/9, đoàn làm việc với UBND thành phố Changwon": one of the hosts the lead lists, at its own hour."""
    if not _PART_OF_DAY.match(m.sentence.text) or not cluster.first.in_lead:
        return False
    listed = {a.id for x in cluster.mentions if x.in_lead for a in x.actors if not a.vietnamese and a.kind != "country"}
    return len(listed) > 1 and bool(foreign) and foreign < listed


def _national_apart(cluster: Cluster, m: Candidate) -> bool:
    """ "Trong khuôn khổ hội đàm, Thủ tướng đã tiếp xã giao Bí thư Khu ủy Quảng Tây": a national leader's
    reception is a meeting of its own, apart from the provinces' talks."""
    if not m.kind == cluster.kind == "meeting" or any(a.national for a in cluster.actors):
        return False
    vietnamese = [a for a in m.actors if a.vietnamese]
    return bool(vietnamese) and all(a.national for a in vietnamese)


# "Tại buổi làm việc, hai bên đã ký kết ...": the pair of the event told just before.
# Not "biên bản ghi nhớ giữa doanh nghiệp hai thành phố đã được trao đổi": the firms' agreements, exchanged.
_BOTH = re.compile(
    r"(?<!doanh nghiệp )(?<!\w)(?:hai bên|hai địa phương|hai tỉnh|hai thành phố)\s+(?:\w+\s+){0,3}?"
    r"(?:ký kết|ký|trao tặng|tặng|trao(?!\s+đổi))(?!\w)",
    re.IGNORECASE,
)
# "Chiều cùng ngày, hai đoàn đã dự lễ khánh thành ...", "Chiều cùng ngày 21/5, các đại biểu đã đi tham quan thực tế
# ...": the sides of the event told before, at another event.
_PAIR = re.compile(
    r"(?<!\w)(?:hai bên|hai đoàn|hai địa phương|hai tỉnh|hai thành phố|hai quận|hai huyện|các đại biểu)(?!\w)",
    re.IGNORECASE,
)


# "đã ký Biên bản hội đàm": an agreement signed, not one named ("Biên bản ghi nhớ ... giữa hai nước").
_SIGNED = re.compile(r"(?<!\w)(?:đã|vừa|cùng)\s+ký(?!\w)")


def _at_venue(m: Candidate, a: Actor) -> bool:
    """Whether the mention names the actor as where it happens ("tại Đài Bắc")."""
    return is_venue(m.sentence.text, a.start - m.sentence.start)


def _both_sides(m: Candidate) -> bool:
    return any(a.vietnamese for a in m.actors) and any(not a.vietnamese for a in m.actors)


def _both_sides_named(m: Candidate) -> bool:
    # "tổ chức Hội nghị xúc tiến đầu tư tỉnh Bình Dương tại Đài Bắc": where it is to be held takes no side.
    return any(a.vietnamese for a in m.actors) and any(
        not a.vietnamese and not _at_venue(m, a) for a in m.actors
    )


_INVESTORS = re.compile(r"(?<!\w)(?:doanh nghiệp|nhà đầu tư|công ty|tập đoàn)\s+\Z", re.IGNORECASE)


def _investors(m: Candidate, a: Actor) -> bool:
    """A nation named through its firms: "nhà đầu tư Hàn Quốc"."""
    at = a.start - m.sentence.start
    return a.kind == "country" and _INVESTORS.search(m.sentence.text, max(0, at - 30), at) is not None


def _leaders_of_list_met(m: Candidate) -> bool:
    """ "Thủ tướng còn trực tiếp gặp Thủ hiến, Thị trưởng của 4 bang lớn của Đức là Berlin, Hessen, ...": not the
    trip's main event, though its nation is the same."""
    led = {a.id for a in m.actors if not a.vietnamese and a.led and a.kind in ("province", "city")}
    return m.kind == "meeting" and len(led) > 1 and LEADERS_OF_LIST.search(m.sentence.text) is not None


def resolve_pairs(candidates: list[Candidate]) -> list[Candidate]:
    """A signing or a gift of "hai bên", or what "hai đoàn" do later that day, short of a side takes the sides of
    the mention before it, and its day."""
    out: list[Candidate] = []
    last: Candidate | None = None
    for m in candidates:
        group = _GROUP.search(m.sentence.text)
        if group is not None and not (m.history or m.proposed) and (told := _group_told(out, _count(group))):
            # "lãnh đạo 4 địa phương đã ký Biên bản ghi nhớ": the four that the gathering before named.
            m = replace(m, actors=unique([*told.actors, *m.actors]), date=m.date or told.date)
        elif (
            last is not None
            and m.kind in _AID_AGREEMENT
            and not _both_sides(m)
            and _BOTH.search(m.sentence.text)
            and not (m.history or m.proposed or m.planned)
        ):
            m = replace(m, actors=unique([*_sides(last), *m.actors]), date=m.date or last.date, companion=True)
        elif last is not None and m.same_day and not _both_sides(m) and _PAIR.search(m.sentence.text):
            m = replace(m, actors=unique([*last.actors, *m.actors]), date=m.date or last.date)
        elif (
            last is not None
            and m.planned
            and not _both_sides_named(m)
            and m.date is not None
            and m.date.month
            and _PAIR.search(m.sentence.text)
            and not (m.history or m.proposed)
        ):
            # "hai bên thống nhất ... dự kiến trong tháng 5/2022 sẽ tổ chức hội đàm trực tiếp": the pair's plan, not
            # where they met or where an office sits ("Văn phòng ... Đài Bắc tại TP. Hồ Chí Minh").
            where = [a for a in last.actors if _at_venue(last, a)]
            m = replace(m, actors=unique([*(a for a in last.actors if a not in where), *m.actors]))
        elif (
            last is not None
            and m.kind == "signing"
            and m.companion
            and not m.actors
            and _SIGNED.search(m.sentence.text)
            and not (m.history or m.proposed or m.planned)
        ):
            # "Kết thúc hội đàm, ông Trương Công Đạt và ông Sok Chanthy đã ký Biên bản hội đàm": signed at the
            # event told before, by its sides.
            m = replace(m, actors=unique([*_sides(last), *m.actors]), date=m.date or last.date)
        if m.history or m.planned or m.proposed or m.said or m.attending:
            pass  # those attending, and the topics of what is said ("thông quan tại ... Móng Cái"), are no pair
        elif _both_sides(m):
            last = m
        elif last is not None and m.date is not None and m.date.day and _new_local_host(m, last):
            # "Ngày 15/3, đoàn di chuyển sang tỉnh Salavan": the delegation's next host, with the same home.
            last = replace(m, actors=unique([*(a for a in last.actors if a.vietnamese), *m.actors]))
        out.append(m)
    return out


def _sides(m: Candidate) -> list[Actor]:
    """The sides of a mention: "tại thành phố Mông Tự, đoàn làm việc với Chính quyền ... Hồng Hà" is not Mông Tự's."""
    venues = [a for a in m.actors if not a.vietnamese and _at_venue(m, a)]
    others = [a for a in m.actors if not a.vietnamese and a not in venues]
    return [a for a in m.actors if a not in venues] if others else list(m.actors)


# "4 địa phương", "bốn tỉnh": a group of three or more localities the text named before ("năm" is also a year).
_GROUP = re.compile(r"(?<!\w)(?P<n>[3-9]|ba|bốn|sáu|bảy|tám|chín)\s+(?:địa phương|tỉnh|thành phố)(?!\w)", re.I)
_NUMBERS = {"ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _count(group: re.Match[str]) -> int:
    word = group["n"].lower()
    return int(word) if word.isdigit() else _NUMBERS[word]


def _group_told(before: list[Candidate], n: int) -> Candidate | None:
    """The latest mention that names exactly `n` localities, at home and abroad, as its sides."""
    for m in reversed(before):
        localities = {a.id: a for a in m.actors if a.kind in ("province", "city", "district")}
        # "tại thành phố Lào Cai" beside "tỉnh Lào Cai": a town of one of them is that one.
        sides = [i for i, a in localities.items() if a.place.entity.parent not in localities]
        if len(sides) == n and any(not a.vietnamese for a in m.actors) and any(a.vietnamese for a in m.actors):
            return m
    return None


def _new_local_host(m: Candidate, last: Candidate) -> bool:
    """A dated mention naming only a foreign locality other than those of the pair told before."""
    foreign = [a for a in m.actors if not a.vietnamese]
    return (
        bool(foreign)
        and not any(a.vietnamese for a in m.actors)
        and all(a.kind in ("province", "city", "district") for a in foreign)
        and not {a.id for a in foreign} & {a.id for a in last.actors}
    )


# How far after an agreement told with a nation's firms its signatories may be told one by one, in characters.
_DETAILS_WITHIN = 800


def detail_signings(candidates: list[Candidate]) -> list[Candidate]:
    """ "UBND tỉnh đã ký biên bản ghi nhớ với 2 doanh nghiệp Nhật Bản. Cụ thể, ... Tập đoàn Sanko Kasei ký kết ...":
    the signings told firm by firm are made where the agreement was, and stand instead of it."""
    out: list[Candidate] = []
    generic: Candidate | None = None
    detailed: set[int] = set()
    for m in candidates:
        if m.kind == "signing" and m.companion and any(not a.vietnamese for a in m.actors):
            generic = m if all(a.kind == "country" for a in m.actors if not a.vietnamese) else None
        elif (
            generic is not None
            and m.kind == "signing"
            and m.date is None
            and not (m.history or m.planned or m.in_lead or m.companion)
            and m.cue_offset - generic.cue_offset < _DETAILS_WITHIN
            and any(
                not a.vietnamese and a.kind != "country" and a.country in {x.country for x in generic.actors}
                for a in m.actors
            )
        ):
            m = replace(m, companion=True)
            detailed.add(id(generic))
        out.append(m)
    return [m for m in out if id(m) not in detailed]


# How far after the dated mention an undated one still goes on telling its event, in characters.
_GOES_ON = 300


def _paragraph_goes_on(clusters: list[Cluster], m: Candidate) -> Cluster | None:
    """The event a dated mention began earlier in the same paragraph, which an undated mention goes on telling:
    "Ngày 16/5, đoàn làm việc với Trường Đại học Đà Lạt. Ông X, Hiệu trưởng, cho biết ... trao đổi ..."."""
    if m.date is not None or m.same_day or not clusters:
        return None
    last = max(clusters, key=lambda c: c.mentions[-1].sentence.start)
    told = last.mentions[-1]
    if told.sentence.paragraph != m.sentence.paragraph or told.date is None or not told.date.day:
        return None
    if m.sentence.start - told.sentence.end > _GOES_ON:
        return None  # a scraped page may hold a whole article in one paragraph
    foreign = {a.id for a in m.actors if not a.vietnamese}
    if not _kinds_agree(last.kind, m.kind) or not foreign <= last.foreign_ids() or _national_apart(last, m):
        return None
    return last


# "Hội nghị xúc tiến đầu tư Việt Nam", "Tuần lễ Văn hóa Nhật Bản": a gathering named by its cue and what follows.
_NAMED_GATHERING = re.compile(
    r"(?:[Hh]ội nghị|[Hh]ội thảo|[Dd]iễn đàn|[Ll]ễ hội|[Ff]estival|[Tt]uần lễ|[Tt]uần văn hóa|[Tt]riển lãm|"
    r"[Nn]gày hội|[Tt]ọa đàm)((?:\s+(?!(?:tại|do|với|được|vào|của|và|là|này|đã|sẽ|diễn ra)(?!\w))[^\W\d_]+){2,6})"
)


def _gathering_names(m: Candidate) -> set[str]:
    return {n.group(0).lower() for n in _NAMED_GATHERING.finditer(m.sentence.text)}


def _same_name(clusters: list[Cluster], m: Candidate) -> Cluster | None:
    """The gathering a later mention names again: "Đây là Hội nghị xúc tiến đầu tư Việt Nam lớn nhất ..., do JETRO
    phối hợp với Bộ Kế hoạch và Đầu tư tổ chức" tells who organised the conference the lead told."""
    if m.kind not in _TOGETHER or m.history or m.planned:
        return None
    names = _gathering_names(m)
    if not names:
        return None
    return next(
        (
            c
            for c in clusters
            if c.kind in _TOGETHER
            and _dates_agree(c, m)
            and not _another_of_the_day(c, m)
            and any(names & _gathering_names(x) for x in c.mentions)
        ),
        None,
    )


def _visit_spanned(clusters: list[Cluster], m: Candidate) -> Cluster | None:
    """ "Đoàn công tác tỉnh Artemisa thăm Việt Nam từ ngày 20 đến 28/5": the visit a meeting told before is part of,
    told by its span, is that meeting's; what is said next is said there."""
    if m.kind != "meeting" or m.date is None or not dates.TRIP.match(m.sentence.text, m.date.start - m.sentence.start):
        return None
    foreign = {a.id for a in m.actors if not a.vietnamese}
    return next((c for c in clusters if c.kind == "meeting" and foreign and foreign <= c.foreign_ids()), None)


def _retells_title(lead: Cluster, m: Candidate) -> bool:
    """Gatherings are told with each other's words; a gift only retells the gift the title alone tells ("Hòa nhạc
    ... quyên góp 1,2 tỷ đồng cho trẻ em nghèo Hà Tĩnh", then "Đại sứ quán ... đã chuyển số tiền ...")."""
    if m.kind in _TOGETHER:
        return True
    return m.kind == "aid" == lead.kind and all(x.sentence.paragraph == 0 for x in lead.mentions)


def cluster(candidates: list[Candidate]) -> list[Cluster]:
    """Group mentions into events, in order of first mention."""
    clusters: list[Cluster] = []
    latest: Cluster | None = None  # the event told last, whether new or told again
    for m in detail_signings(resolve_pairs(candidates)):
        if m.attending:
            # Those who attend take part in the event told just before, and are told as its lead tells it.
            told = [c for c in clusters if not all(x.history for x in c.mentions)]
            before = latest if latest in told else (told[-1] if told else None)
            if before is not None and _dates_agree(before, m):
                before.mentions.append(replace(m, in_lead=before.first.in_lead or m.in_lead))
            continue
        if (m.listed and m.kind == "meeting") or _leaders_of_list_met(m):
            # A stop of a visitor's trip, one of a list; the leaders of several foreign localities met: meetings of
            # their own.
            clusters.append(Cluster([m]))
            continue
        if m.at_event and m.kind in _TOGETHER and not (m.listed or m.companion):
            told = [c for c in clusters if not all(x.history for x in c.mentions) and _kinds_agree(c.kind, m.kind)]
            if told:
                # Its sides take part; a nation's investors named there are only talked about ("đôn đốc nhà đầu
                # tư Hàn Quốc").
                # So are the localities of a foreign side already there: "giới thiệu ... kết quả hợp tác với các tỉnh
                # của Lào (Hủa Phăn, Xiêng Khoảng)" to the Lao ministry's delegation.
                there = {a.country for a in told[-1].actors if not a.vietnamese and a.kind == "country"}
                kept = tuple(
                    a
                    for a in m.actors
                    if not _investors(m, a) and not (a.kind != "country" and not a.vietnamese and a.country in there)
                )
                told[-1].mentions.append(replace(m, actors=kept))
                continue
        beside = m.kind == "meeting" and bool(_SIDELINES.match(m.sentence.text))
        home = (
            (None if beside else _paragraph_goes_on(clusters, m))
            or next((c for c in clusters if _fits(c, m)), None)
            or _same_name(clusters, m)
            or _visit_spanned(clusters, m)
        )
        if home is None and m.in_lead and clusters and _retells_title(clusters[0], m) and not (m.same_day or beside):
            # The lead retells the title's event in other words and with other details.
            lead = clusters[0]
            foreign = {a.id for a in m.actors if not a.vietnamese}
            # Not where its foreign side is another event's: "Trong khuôn khổ hội đàm, Thủ tướng đã tiếp ...".
            elsewhere = any(foreign & c.foreign_ids() for c in clusters[1:])
            agree = (
                _kinds_agree(lead.kind, m.kind)
                and _dates_agree(lead, m)
                and not _another_of_the_day(lead, m)
                and not _stop_of_trip(lead, m)
                and not elsewhere
            )
            if lead.first.in_lead and agree:
                home = lead
        if home is not None:
            home.mentions.append(m)
        else:
            home = Cluster([m])
            clusters.append(home)
        if not m.history:
            latest = home
    return clusters
