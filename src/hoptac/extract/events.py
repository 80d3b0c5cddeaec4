"""Events from clusters of event mentions: scope per event, then its own attributes.

The first cluster of the lead is the article's main event: it takes the lead's
date (else the publication date) and the topics of its lead and speakers. Every
other cluster is an event of its own only when it is in scope on its own
parties, is neither history told in passing nor a wish, and has a day of its
own, is one of a list of agreements signed before leaders, is a gift made at
the main event, or a grant whose value is stated.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import replace
from functools import cache
from importlib import resources

from hoptac import resolve
from hoptac.extract import attributes, dates
from hoptac.extract.actors import Actor, is_capital, unique
from hoptac.extract.context import Context, Place, is_venue
from hoptac.extract.coref import Cluster
from hoptac.extract.fields import FIELD_ORDER, find_fields
from hoptac.extract.mentions import (
    AMONG_THEM,
    FRIEND_UNITS,
    INVESTOR_IS,
    ITEM,
    NEXT_SESSION,
    Candidate,
    kind_of,
    lead_end,
    reported_on,
    said,
)
from hoptac.extract.people import PersonMention
from hoptac.extract.scope import JOINT_WORK, LOCAL_KINDS, forum_side_only, in_scope
from hoptac.extract.text import Span, whole_words
from hoptac.models import DateValue, Event, Party, Person
from hoptac.textnorm import fold

_ONLINE = re.compile(r"trực tuyến|online|cầu truyền hình|qua video|hình thức trực tuyến|họp trực tuyến", re.I)


def build_events(ctx: Context, clusters: list[Cluster], actors: list[Actor]) -> list[tuple[Event, list[Place]]]:
    """The article's events in order, each with the places that are its parties."""
    out: list[tuple[Event, list[Place]]] = []
    zones = _zones(ctx, clusters)
    standing = [_stands_alone(c) for c in clusters]
    home = _delegation_home(ctx, actors)
    head = _delegation_head(ctx, home)
    main_done = False
    main_parties: list[Actor] = []
    main_date: DateValue | None = None
    for k, c in enumerate(clusters):
        is_main = not main_done and c.first.in_lead and not c.first.listed and not c.first.companion
        venue = _venue_place(ctx, c)
        # A stop of a visitor's trip ("thăm và làm việc tại TP Hồ Chí Minh, tỉnh Bến Tre"): the place is the host.
        parties = unique(c.actors) if _is_stop(c) else _parties(ctx, c, venue)
        if not is_main and main_parties and _next_session(c.first) is not None:
            # "Các bên thống nhất hội nghị lần sau ...": the next session of the same parties' meeting.
            parties = unique([*main_parties, *parties])
        elif (
            not is_main
            and parties
            and all(a.vietnamese for a in parties)
            and any(FRIEND_UNITS.search(m.sentence.text) for m in c.mentions if not m.history)
        ):
            # "Dịp này, tỉnh Tây Ninh trao tặng mỗi tỉnh bạn 1 tỷ đồng": the partners of the article's event.
            parties += [a for a in main_parties if not a.vietnamese and a.kind in LOCAL_KINDS]
        elif not is_main and not any(a.vietnamese for a in parties) and _ids(parties) & _ids(main_parties):
            # The same partner's next meeting with "us": the article's Vietnamese side is meant.
            parties += [a for a in main_parties if a.vietnamese]
        elif (
            not is_main
            and c.kind == "meeting"
            and parties
            and all(a.vietnamese and a.kind in LOCAL_KINDS for a in parties)
            and _ids(parties) & _ids(main_parties)
            and any(m.same_day and _RECEIVES.search(m.sentence.text) for m in c.mentions)
        ):
            # "Chiều cùng ngày, Phó Chủ tịch UBND tỉnh ... đã tiếp xã giao Thuyền trưởng ...": the guests of the
            # day's event are received.
            parties += [a for a in main_parties if not a.vietnamese]
        elif (
            not is_main
            and c.kind == "meeting"
            and _ids(parties) & _ids(main_parties)
            and all(a.kind == "organisation" for a in parties if a.vietnamese)
        ):
            # "đoàn công tác tỉnh Chungcheongbuk đã đến thăm ... Trường Đại học Thủ Dầu Một": the guest's visit to a
            # body of the province that receives it is that province's too.
            parties += [a for a in main_parties if a.vietnamese and a.kind in LOCAL_KINDS]
        elif (
            (not is_main or not any(a.vietnamese for a in parties))
            and home is not None
            and _delegation_acts(c)
            and home.id not in _ids(parties)
        ):
            # "Ngày 15/6, đoàn làm việc với Trường Đại học Tours": the article's visiting delegation is one side.
            parties.append(home)
        if is_main and c.kind in _GATHERINGS and all(a.vietnamese for a in parties):
            # A multilateral meeting whose foreign delegates speak later on: "Đại diện Thái Lan cho biết".
            # "Ông Phương Đông, Phó Huyện trưởng huyện Hà Khẩu (Trung Quốc) đánh giá ...": an official's own side too;
            # at a festival or a ceremony, only such an official.
            speakers = _titled_ids(ctx) | _lead_guests(ctx)
            nations = c.kind == "conference"
            guests = [a for a in unique(actors) if not a.vietnamese]
            speaking = _speaking_nations(ctx, guests) if nations else set()
            parties += [a for a in guests if a.id in speaking or a.id in speakers]
            parties = _told_once(parties)
        if c.kind == "aid":
            parties = _province_receives(_without_addresses(ctx, parties), actors)
            if owners := _project_owner(c, parties, actors):
                parties = [a for a in parties if a.id != "VN"] + owners
        elif (nation := _official_of_the_nation(ctx, c, parties, actors)) is not None:
            # "đồng chí Võ Văn Thưởng đã có cuộc hội kiến với ... Bí thư Tỉnh ủy tỉnh Hà Nam": a national official
            # named before with his post meets a foreign province's leader.
            parties = [*parties, nation]
        investor = _project_investor(ctx, c, parties, actors) if c.kind == "signing" else None
        if investor is not None:
            parties = [*parties, investor]
        if not in_scope(parties, aid=_received(ctx, c, parties)) or not (investor or _firm_dealt_with(c, parties)):
            continue
        if forum_side_only(parties) and not _local_leader_present(ctx, c, is_main):
            continue  # "Đà Nẵng đảm bảo tiến độ các công trình phục vụ APEC": the city hosts, it meets no one
        if not is_main and not standing[k]:
            continue
        others = [z for j, z in enumerate(zones) if j != k and standing[j] and _apart(ctx, clusters[j], c)]
        event = _event(ctx, c, parties, is_main, actors, venue, zones[k], others)
        if is_main:
            if event.date is None and (year := _year_planned(c)) is not None:
                event = event.model_copy(update={"date": year, "status": "planned"})
            main_done, main_parties, main_date = True, parties, event.date
        elif event.date is None and (carried := _carried_date(ctx, c)) is not None:
            # "Ngày 12/5, đoàn đã hội kiến Thống đốc ... Hai bên ký kết ...": the day told before in the paragraph.
            event = event.model_copy(update={"date": carried})
        elif event.date is None and main_date is not None and _same_day_in_paragraph(ctx, c.first):
            # "Chiều cùng ngày, Đoàn ... làm việc với UBND thành phố Đà Lạt. Dưới sự chứng kiến của ..., đã ký kết":
            # on the day of the article's event.
            event = event.model_copy(update={"date": main_date})
        elif event.date is None and (session := _next_session(c.first) or _year_planned(c)) is not None:
            event = event.model_copy(update={"date": session, "status": "planned"})
        elif event.date is None and c.kind == "aid" and (began := _began(c)) is not None:
            # "Dự án ... do BMZ tài trợ 3,5 triệu euro thông qua GIZ, thực hiện từ năm 2022": since that year.
            event = event.model_copy(update={"date": began})
        elif (
            event.date is None
            and main_date is not None
            and (event.status != "planned" or any(m.companion for m in c.mentions))
            and any(m.listed or m.companion or m.in_lead or m.same_day for m in c.mentions)
        ):
            # Agreements signed before the leaders of a visit, gifts made at an event, what the lead tells
            # besides its main event: on its day.
            event = event.model_copy(update={"date": main_date})
        elif (
            event.date is None
            and main_date is not None
            and event.status == "planned"
            and main_date.value[:4].isdigit()
            and not any(_LATER.search(m.sentence.text) for m in c.mentions)
        ):
            # "Hải quân Hoa Kỳ cũng sẽ giúp TP Đà Nẵng xây dựng trường ...": a plan told with the article's event,
            # in its month.
            event = event.model_copy(
                update={"date": DateValue(value=main_date.value[:7], precision="month", inferred=True)}
            )
        elif event.date is None and main_date is None and any(m.companion for m in c.mentions):
            # Signed at a gathering that is no event of its own ("Cũng tại buổi họp mặt, ..."): on the lead's day.
            event = event.model_copy(update={"date": _date(ctx, c, True)[0]})
        if (
            head is not None
            and home is not None
            and home.id in _ids(parties)
            and _delegation_acts(c)
            and all(p.name != head.name for p in event.people)
        ):
            # "đoàn công tác tỉnh Nghệ An do đồng chí Nguyễn Đức Trung ... làm trưởng đoàn": at each stop.
            met = Person(name=head.name, title=head.title, party=home.id)
            event = event.model_copy(update={"people": [met, *event.people]})
        if (
            event.kind == "signing"
            and not event.people
            and not any(ITEM.match(m.sentence.text) for m in c.mentions)  # an item of a list: no talks' minutes
            and any(m.companion or m.at_event for m in c.mentions)
            and all(
                (m.companion or m.at_event or m.history or not m.actors) and not _WITNESSED.search(m.sentence.text)
                for m in c.mentions
            )
        ):
            # "Kết thúc hội đàm, hai bên đã ký Biên bản hội đàm": the leaders of the talks sign their minutes.
            talks = next((e for e, _ in reversed(out) if e.date == event.date and _ids_of(event) <= _ids_of(e)), None)
            if talks is not None:
                event = event.model_copy(update={"people": talks.people})
        out.append((event, [a.place for a in parties]))
    # Foreign localities named only among those who attend ("về phía bạn có lãnh đạo thành phố Đông Hưng") join a
    # meeting; they are no meeting of their own.
    attending = {a.id for c in clusters for m in c.mentions if m.attending for a in m.actors}
    acting = {
        a.id
        for c in clusters
        for m in c.mentions
        if not (m.attending or m.history or m.proposed or m.said)
        for a in m.actors
    }
    companions = attending - acting
    told: list[tuple[Event, list[Place], bool]] = []
    for found in _without_trip_summary(ctx, clusters, out):
        splits = _one_per_host(ctx, *found, companions)
        told.extend((event, places, len(splits) > 1) for event, places in splits)
    return _told_twice(told)


# "trao Giấy chứng nhận đăng ký đầu tư cho dự án này": the project the article named before.
_THIS_PROJECT = re.compile(r"(?<!\w)cho\s+dự án\s+(?:này|trên|nói trên|nêu trên)(?!\w)")
# "trao 8 giấy chứng nhận đăng ký đầu tư ... cho các chủ đầu tư": the investors the article lists.
_FOR_THE_INVESTORS = re.compile(r"(?<!\w)cho\s+(?:các|\d+)\s+(?:chủ đầu tư|nhà đầu tư|doanh nghiệp|dự án)(?!\w)")
_LIST_ITEM_BEFORE = re.compile(r"(?:^|\s)[-–+•]\s[^-–+•.;:]{0,50}\Z")
_WITH_PROJECT = re.compile(r"\svới\s+dự án(?!\w)")


def _project_investor(ctx: Context, c: Cluster, parties: list[Actor], actors: list[Actor]) -> Actor | None:
    """The foreign firm the article names as the project's investor ("do Công ty ... (Singapore) làm chủ đầu tư"),
    when a Vietnamese locality's act is for "this project" and names no foreign side."""
    if any(not a.vietnamese for a in parties) or not any(a.vietnamese and a.kind != "country" for a in parties):
        return None
    told = [m for m in c.mentions if not m.history]
    if any(_THIS_PROJECT.search(m.sentence.text) for m in told):
        named = [
            a
            for a in actors
            if a.kind == "company"
            and not a.vietnamese
            and (sentence := ctx.sentence_at(a.start)) is not None
            and "chủ đầu tư" in sentence.text
        ]
    elif any(_FOR_THE_INVESTORS.search(m.sentence.text) for m in told):
        # "... cho các chủ đầu tư", then the list: "- Công ty TNHH Nhà máy bia Heineken ... với dự án mở rộng ...".
        named = [
            a
            for a in actors
            if a.kind == "company"
            and not a.vietnamese
            and _LIST_ITEM_BEFORE.search(ctx.text, max(0, a.start - 55), a.start)
            and _WITH_PROJECT.search(ctx.text, a.end, a.end + 80)
        ]
    else:
        return None
    investors = unique(named)
    return investors[0] if len(investors) == 1 else None


def _firm_dealt_with(c: Cluster, parties: list[Actor]) -> bool:
    """A foreign firm as the only foreign side: one sentence names it with the Vietnamese locality it deals
    with ("UBND tỉnh Long An và Tập đoàn Lotte ký kết"), not a locality told of in another ("dự án ... đã được
    UBND TP.HCM chấp thuận") beside a deal between firms."""
    foreign = [a for a in parties if not a.vietnamese]
    if not foreign or any(a.kind != "company" for a in foreign):
        return True
    if any(
        any(a.kind == "company" and not a.vietnamese for a in m.actors)
        and (any(a.vietnamese and a.kind in LOCAL_KINDS for a in m.actors) or _DELEGATION.search(m.sentence.text))
        for m in c.mentions
    ):
        return True  # or the locality's delegation the article follows: "đoàn đến thăm và làm việc với Tập đoàn Doosan"
    # "UBND tỉnh Thanh Hóa ... quyết định chấp thuận đầu tư dự án ... Chủ đầu tư của dự án là Cty BS Heidelberg
    # Solar GmbH": the investor of the project the province's own government approves.
    # "Trong đó, công ty TNHH Nhà máy bia Heineken ... đầu tư dự án ...": one of the projects the province licenses.
    return any(INVESTOR_IS.search(m.sentence.text) or AMONG_THEM.match(m.sentence.text) for m in c.mentions) and any(
        a.vietnamese and a.kind in LOCAL_KINDS and a.led for a in parties
    )


def _told_twice(found: list[tuple[Event, list[Place], bool]]) -> list[tuple[Event, list[Place]]]:
    """ "... hội đàm với lãnh đạo thành phố Sùng Tả và thành phố Bằng Tường", then "Chiều cùng ngày, đoàn ... đến
    thăm ... thành phố Bằng Tường": one host's meeting of a summary of several, told again on its own, is one
    meeting, with the people of both tellings."""
    out: list[tuple[Event, list[Place]]] = []
    summarised: dict[tuple[str, tuple[str, ...]], int] = {}  # meetings split from a summary, by day and parties
    for event, places, split in found:
        key = (event.date.model_dump_json() if event.date else "", tuple(sorted(p.id for p in event.parties)))
        same = summarised.get(key)
        if same is None or event.kind != "meeting" or event.date is None:
            if split:
                summarised.setdefault(key, len(out))
            out.append((event, places))
            continue
        first, first_places = out[same]
        named = {x.name for x in first.people}
        merged = first.model_copy(
            update={
                "people": [*first.people, *(x for x in event.people if x.name not in named)],
                "fields": [*first.fields, *(f for f in event.fields if f not in first.fields)],
                "evidence": [*first.evidence, *(x for x in event.evidence if x not in first.evidence)],
            }
        )
        out[same] = (merged, first_places)
    return out


def _ids_of(event: Event) -> set[str]:
    return {p.id for p in event.parties}


def _one_per_host(
    ctx: Context, event: Event, places: list[Place], companions: set[str]
) -> list[tuple[Event, list[Place]]]:
    """ "Thủ tướng còn gặp Thủ hiến, Thị trưởng của 4 bang là Berlin, Hessen, Rheinland-Pfalz và Hamburg": a
    meeting is between two sides, so one told with several foreign localities is a meeting with each."""
    firms = [p for p in event.parties if p.kind == "company" and p.country != "VN"]
    if event.kind == "signing" and len(firms) > 1:
        # "trao biên bản ghi nhớ hợp tác đầu tư cho 4 doanh nghiệp: Công ty A, ...": an agreement with each firm;
        # their nation beside them is only where they come from.
        sides = [p for p in event.parties if p.kind != "company" and not (p.kind == "country" and p.country != "VN")]
        return [
            (
                event.model_copy(update={"parties": [*sides, firm]}),
                [p for p in places if p.entity.id in {firm.id, *(x.id for x in sides)}],
            )
            for firm in firms
        ]
    hosts = [p for p in event.parties if p.country != "VN" and p.kind in LOCAL_KINDS and p.id not in companions]
    # Localities of one rank only: "thành phố Annapolis, bang Maryland" is one host told twice.
    if event.kind != "meeting" or len(hosts) < 2 or len({p.kind for p in hosts}) > 1:
        return [(event, places)]
    if any(_gathers(e.text, hosts) for e in event.evidence):
        # "tổ chức Hội nghị gặp mặt, hội đàm đầu năm với lãnh đạo các tỉnh Svay Rieng, Prey Veng và Tbong Khmum":
        # one gathering of them all.
        return [(event.model_copy(update={"kind": "conference"}), places)]
    # "Ngoài Bắc Kinh, Chủ tịch nước còn đi thăm tỉnh Phúc Kiến": a capital with no leader of its own named is
    # where the nation receives, no host of its own.
    hosts = [h for h in hosts if not (is_capital(h.id) and not _has_own_leader(ctx, h.id))] or hosts
    out = []
    for host in hosts:
        keep = {p.id for p in event.parties if p.country == "VN"} | {host.id}
        people = [x for x in event.people if x.party is None or x.party in keep]
        # Each takes the fields of the sentences that name its host, and of the paragraphs that name it alone,
        # not those of the whole visit.
        own = " ".join(e.text for e in event.evidence if _names(host, e.text))
        own += " " + " ".join(_paragraphs_of(ctx, host.id, {h.id for h in hosts}))
        fields = [f for f in find_fields(own) if f in event.fields]
        split = event.model_copy(
            update={"parties": [p for p in event.parties if p.id in keep], "people": people, "fields": fields}
        )
        out.append((split, [p for p in places if p.entity.id in keep]))
    return out


def _names(party: Party, text: str) -> bool:
    """Whether the text names the party as printed: its Vietnamese or English name, or an alias."""
    return any(n and n in text for n in (party.name_vi, party.name, *party.aliases))


def _gathers(sentence: str, hosts: list[Party]) -> bool:
    named = [h for h in hosts if _names(h, sentence)]
    cue = kind_of(sentence)
    return len(named) >= 2 and cue is not None and cue[0] == "conference"


def _paragraphs_of(ctx: Context, host: str, hosts: set[str]) -> list[str]:
    """The body's paragraphs that name this host and no other one: where its own talks are told."""
    named: dict[int, set[str]] = {}
    for p in ctx.places:
        if p.start >= ctx.title_end and p.entity.id in hosts:
            sentence = ctx.sentence_at(p.start)
            if sentence is not None:
                named.setdefault(sentence.paragraph, set()).add(p.entity.id)
    own = {k for k, ids in named.items() if ids == {host}}
    return [s.text for s in ctx.sentences if s.paragraph in own]


def _without_trip_summary(
    ctx: Context, clusters: list[Cluster], found: list[tuple[Event, list[Place]]]
) -> list[tuple[Event, list[Place]]]:
    """The lead's summary of a trip is no event of its own where the article tells its dated stops with the
    same hosts: those are the events."""
    if len(found) < 2:
        return found
    # The summary may follow a title of its own ("Khánh Hòa và Phuket ký kết ...", then "Trong chuyến công tác
    # ... từ ngày 11 đến 15/9, đoàn ..."): the lead's first cluster dated by a trip's span.
    main = next((c for c in clusters if c.first.in_lead and _trip_dated(ctx, c)), None)
    if main is None:
        return found
    at = next(
        (i for i, (e, _) in enumerate(found) if any(x.start <= main.first.sentence.start < x.end for x in e.evidence)),
        None,
    )
    if at is None:
        return found  # the summary made no event of its own: the first is a stop
    first, rest = found[at], found[:at] + found[at + 1 :]
    foreign = {p.id for p in first[0].parties if p.country != "VN"}
    # A stop has a day of its own, or is the reception on the trip's first day: a signing the lead tells on that
    # day is part of the trip's telling. It is with a host the lead names, or a town of one ("tỉnh Vân Nam", then
    # "châu Hồng Hà").
    stops = [
        places
        for e, places in rest
        if e.date
        and e.date.precision == "day"
        and (e.date != first[0].date or e.kind == first[0].kind)
        and foreign & {x for p in places for x in (p.entity.id, p.entity.parent)}
    ]
    if not stops:
        return found
    # A host the summary names whose stop the article does not tell: the summary is that host's event.
    visited = {x for places in stops for p in places for x in (p.entity.id, p.entity.parent)}
    left = [p for p in first[0].parties if p.country != "VN" and p.kind in LOCAL_KINDS and p.id not in visited]
    if not left:
        return rest
    keep = {p.id for p in first[0].parties if p.country == "VN"} | {p.id for p in left}
    summary = first[0].model_copy(update={"parties": [p for p in first[0].parties if p.id in keep]})
    return [*rest[:at], (summary, [p for p in first[1] if p.entity.id in keep]), *rest[at:]]


def _trip_dated(ctx: Context, c: Cluster) -> bool:
    dated = [m.date for m in c.mentions if m.date is not None]
    return bool(dated) and dates.TRIP.match(ctx.text, dated[0].start) is not None


# Gatherings whose foreign guests are often named only where they speak: "Tỉnh trưởng tỉnh Luông Nậm Thà bày tỏ".
_GATHERINGS = ("conference", "cultural_event", "other")


# "do Cục Sở hữu trí tuệ phối hợp với Sở KH&CN Quảng Ninh tổ chức": a locality's own body co-hosts.
_LOCAL_BODY_HOSTS = re.compile(
    r"(?<!\w)(?:phối hợp (?:với|cùng)|và)\s+(?:Sở|UBND|Ủy ban [Nn]hân dân)\s[^.;]{0,60}?\s(?:đồng\s+)?tổ chức(?!\w)"
)


def _local_leader_present(ctx: Context, c: Cluster, is_main: bool) -> bool:
    """A leader of a Vietnamese locality is named in the event's own sentences ("Bí thư Thành ủy Đà Nẵng X phát
    biểu"), or speaks anywhere in an article on a conference ("Chủ tịch UBND tỉnh Quảng Ninh X cho biết")."""
    if is_main and c.kind == "conference":
        speakers = _titled_ids(ctx)
        if any(p.vietnamese and p.entity.kind != "country" and p.entity.id in speakers for p in ctx.places):
            return True
    if any(_LOCAL_BODY_HOSTS.search(m.sentence.text) for m in c.mentions if not m.history):
        return True
    spans = [(m.sentence.start, m.sentence.end) for m in c.mentions]
    for person in ctx.people:
        if person.title_start is None or person.title_end is None:
            continue
        if not any(s <= person.start < e for s, e in spans):
            continue
        named = ctx.places_in(person.title_start, person.title_end)
        if any(p.vietnamese and p.entity.kind != "country" for p in named):
            return True
    return False


def _carried_date(ctx: Context, c: Cluster) -> DateValue | None:
    first = c.first
    if first.history or first.listed or any(m.planned for m in c.mentions):
        return None  # a plan ("sẽ ký kết ... trong năm tới") has no day yet
    return _day_told_before(ctx, first)


_SAME_DAY_TOLD = re.compile(r"(?<!\w)(?:[Cc]ùng ngày|[Tt]rong ngày)(?!\w)")


def _same_day_in_paragraph(ctx: Context, first: Candidate) -> bool:
    """Whether the mention's paragraph told "cùng ngày" before it, and no day of its own."""
    if first.history or first.planned or first.date is not None:
        return False
    told = _SAME_DAY_TOLD.search(ctx.text, _paragraph_start(ctx, first), first.cue_offset)
    return told is not None and _day_told_before(ctx, first) is None


def _paragraph_start(ctx: Context, first: Candidate) -> int:
    paragraph = [s for s in ctx.sentences if s.paragraph == first.sentence.paragraph]
    return paragraph[0].start if paragraph else first.sentence.start


def _day_told_before(ctx: Context, first: Candidate) -> DateValue | None:
    """The last day told before the mention in its paragraph."""
    start = _paragraph_start(ctx, first)
    told = [
        d
        for d in ctx.date_mentions
        if d.month
        and d.day
        and start <= d.start < first.cue_offset
        and not reported_on(ctx, d)
        # "nơi 40 năm trước đây, ngày 21/6/1977, ...": a day of history is no day of today's events.
        and (d.year is None or ctx.year_hint is None or d.year >= ctx.year_hint - 1)
    ]
    return dates.resolve(told[-1], ctx.published, ctx.year_hint) if told else None


_RECEIVES = re.compile(r"(?<!\w)(?:tiếp xã giao|tiếp|đón tiếp|hội kiến)(?!\w)")


# A locality's government names the foreign firm it chose for its project.
_CONTRACTOR_CHOSEN = re.compile(
    r"(?<!\w)(?:[Nn]hà thầu|[Đđ]ơn vị tư vấn)\s+(?:\S+\s+){0,3}?được\s+[^.;]{0,60}?(?:lựa\s+)?chọn\s+là\s+"
    r"(?:[Cc]ông ty|[Tt]ập đoàn|[Ll]iên danh)(?!\w)"
)


def _stands_alone(c: Cluster) -> bool:
    # "X cho biết, Nhật Bản là đối tác hàng đầu của Hà Nội về vốn ODA": aid spoken of, with no gift or sum, is
    # no event.
    told = [
        m
        for m in c.mentions
        if not (m.history or m.proposed or (m.said and m.kind == "aid" and not attributes.amounts(m.sentence.text)))
    ]
    if any(m.in_lead or m.listed or m.companion or m.same_day for m in told) or any(
        m.date is not None and m.date.day for m in told
    ):
        return True
    # Undated, outside the lead: only a gift or grant whose value the text states, or a project a development
    # lender or a foreign agency funds ("vốn vay Ngân hàng Thế giới").
    if c.kind == "aid" and any(
        attributes.amounts(m.sentence.text) or _lender(m) or _WORKS.search(m.sentence.text) or _funds_the_project(m)
        for m in told
    ):
        return True
    if c.kind == "aid" and any(
        m.history
        and m.date is None
        and _lender(m)
        and attributes.amounts(m.sentence.text)
        and _BEGAN.search(m.sentence.text)
        for m in c.mentions
    ):
        return True  # "Dự án ... do BMZ tài trợ 3,5 triệu euro thông qua GIZ, thực hiện từ năm 2022": a grant that runs
    if any(
        _planned_in_month(m) or _next_session(m) is not None or _planned_in_year(m) is not None
        for m in c.mentions
        if not m.history
    ):
        return True
    if c.kind == "other" and any(_joint_work(m) for m in told if not (m.planned or m.said)):
        return True
    if c.kind == "other" and any(_CONTRACTOR_CHOSEN.search(m.sentence.text) for m in told if not m.planned):
        return True  # "Nhà thầu được UBND Thành phố Hà Nội lựa chọn là Công ty Nikken Sekkei ...": a choice made
    if c.kind == "signing" and any(_WITNESSED.search(m.sentence.text) for m in told if not (m.planned or m.said)):
        return True  # "Dưới sự chứng kiến của Đại sứ ..., đồng chí ... và bà ... đã ký kết": a ceremony told
    if c.kind == "meeting" and any(_delegation_met(m) or _hears_foreign_side(m) for m in told):
        return True
    # "Thủ tướng còn gặp Thủ hiến bang Hessen Volker Bouffier": a foreign local leader met, told in a summary.
    return c.kind == "meeting" and any(not (m.said or m.planned) and _foreign_leader_met(m) for m in told)


# "Trong thời gian ở Tokyo, đoàn cũng đã làm việc với Công ty Kyowa Denso": a session of the trip, told done.
_DELEGATION_DID = re.compile(r"(?<!\w)[Đđ]oàn(?:\s+công tác)?\s+(?:cũng\s+)?đã\s+(?:làm việc|gặp|thăm|hội đàm)(?!\w)")


# "Sau khi nghe báo cáo đề xuất của ... Tập đoàn Tài chính Canada MorFund, ông Phong bày tỏ đồng thuận": a working
# session where a locality's leader hears a foreign side.
_HEARS = re.compile(r"(?<!\w)nghe(?:\s+[^\s,.;:]+){0,3}?\s+(?:báo cáo|trình bày|đề xuất)(?!\w)")


def _hears_foreign_side(m: Candidate) -> bool:
    return (
        _HEARS.search(m.sentence.text) is not None
        and not (m.planned or m.said)
        and any(not a.vietnamese for a in m.actors)
        and any(a.vietnamese and a.kind in LOCAL_KINDS for a in m.actors)
    )


def _delegation_met(m: Candidate) -> bool:
    """The article's delegation told as having met a named foreign body, a firm or a locality, on its trip."""
    return (
        not (m.said or m.planned or m.history)
        and _DELEGATION_DID.search(m.sentence.text) is not None
        and any(
            not a.vietnamese and a.kind != "country" and not is_venue(m.sentence.text, a.start - m.sentence.start)
            for a in m.actors
        )
    )


# "giúp TP Đà Nẵng xây dựng trường mầm non Hòa Liên và trạm y tế Hòa Hải": a gift of works the text names.
_WORKS = re.compile(
    r"(?<!\w)xây dựng\s+(?:(?:mới|lại)\s+)?"
    r"(?:trường|trạm y tế|bệnh viện|nhà|cầu|công trình|phòng học|điểm trường)(?!\w)",
    re.IGNORECASE,
)


# "Bộ đội Biên phòng Hà Tĩnh cũng phối hợp với nhà chức trách Lào, chặn đứng ...", "Ban Chỉ đạo phân giới cắm mốc
# tỉnh Đác Nông vừa phối hợp Đội Phân giới cắm mốc số 7 của Vương quốc Cam-pu-chia": a local force with a foreign one.
_WORKS_WITH = re.compile(
    r"(?<!\w)phối hợp(?:\s+chặt chẽ)?\s+"
    r"(?:(?:với|cùng)(?!\w)|(?=(?:các\s+)?(?:[Đđ]ội|[Ll]ực lượng|[Cc]ông an|[Bb]ộ đội)\s))"
)


def _joint_work(m: Candidate) -> bool:
    # Forces of both sides working together, told without a day, are the story's operation.
    local = [a for a in m.actors if a.vietnamese and a.kind in LOCAL_KINDS]
    foreign = [a for a in m.actors if not a.vietnamese]
    if JOINT_WORK.search(m.sentence.text):
        return bool(local and foreign)
    joint = _WORKS_WITH.search(m.sentence.text)
    at = m.sentence.start + joint.end() if joint else -1
    # "Hà Tĩnh cần tiếp tục phối hợp với các bộ, ngành ... kiểm soát ... Công ty Formosa": a firm is no force.
    return (
        joint is not None
        and any(a.start < at for a in local)
        and any(a.start > at and a.kind != "company" for a in foreign)
        and not m.planned
        and not _MUST.search(m.sentence.text, 0, joint.start())
    )


_MUST = re.compile(r"(?<!\w)(?:cần|phải|tiếp tục|đề nghị|yêu cầu)(?!\w)")


def _foreign_leader_met(m: Candidate) -> bool:
    return any(not a.vietnamese and a.led and a.kind in LOCAL_KINDS for a in m.actors) and any(
        a.vietnamese and (a.national or a.led) for a in m.actors
    )


_COMING_MONTH = re.compile(r"\s+(?:tới|sắp tới|năm nay)(?!\w)")


def _planned_in_month(m: Candidate) -> bool:
    """ "tỉnh Phú Thọ sẽ phối hợp với tỉnh Gunma tổ chức Hội nghị ... vào tháng 3/2022": a plan with its month,
    between a Vietnamese and a foreign side the sentence names."""
    return (
        m.planned
        and not m.proposed
        and m.date is not None
        and m.date.month is not None
        and (m.date.year is not None or _COMING_MONTH.match(m.sentence.text, m.date.end - m.sentence.start))
        # "JICA sẽ cử đoàn chuyên gia sang khảo sát": a mission to the article's own side, which the sentence
        # need not name.
        and (any(a.vietnamese and a.kind != "country" for a in m.actors) or _SENDS_MISSION.search(m.sentence.text))
        and any(not a.vietnamese for a in m.actors)
    )


_SENDS_MISSION = re.compile(r"(?<!\w)sẽ cử đoàn(?!\w)")


_IN_YEAR = re.compile(r"(?<!\w)(?:vào\s+)?năm\s+((?:19|20)\d\d)(?!\d)")


# "dự kiến ký kết ... vào quý II/2020", "sẽ tổ chức trong năm 2026": a plan whose year the sentence gives.
_PLANNED_YEAR = re.compile(
    r"(?<!\w)(?:(?:vào|trong)\s+)?(?:quý\s+(?:I{1,3}|IV|[1-4])\s*(?:/|năm)\s*|(?:vào|trong)\s+năm\s+)"
    r"((?:19|20)\d\d)(?!\d)"
)


def _planned_in_year(m: Candidate) -> DateValue | None:
    """The year of a plan told between a Vietnamese locality and a foreign side the sentence names."""
    if not m.planned or m.proposed or m.date is not None:
        return None
    if not (any(a.vietnamese and a.kind != "country" for a in m.actors) and any(not a.vietnamese for a in m.actors)):
        return None
    year = _PLANNED_YEAR.search(m.sentence.text, m.cue_offset - m.sentence.start)
    return DateValue(value=year.group(1), precision="year", inferred=False) if year else None


def _year_planned(c: Cluster) -> DateValue | None:
    """The year of the plan the event's first telling states, else the one a later telling states ("Khánh Hòa và
    Ulaanbaatar hướng tới ký kết hợp tác", then "... tiến tới ký kết trong năm 2024")."""
    if not all(m.planned for m in c.mentions):
        return _planned_in_year(c.first)
    return next((year for m in c.mentions if (year := _planned_in_year(m)) is not None), None)


def _next_session(m: Candidate) -> DateValue | None:
    """The year of the next session, when a plan tells it with a place: "Các bên thống nhất hội nghị lần sau sẽ được
    tổ chức tại tỉnh Svay Rieng vào năm 2026"."""
    if not m.planned or m.proposed or not m.actors or not NEXT_SESSION.search(m.sentence.text):
        return None
    year = _IN_YEAR.search(m.sentence.text)
    return DateValue(value=year.group(1), precision="year", inferred=False) if year else None


_BEGAN = re.compile(
    r"(?<!\w)(?:thực hiện|triển khai)\s+(?:từ\s+(?:năm\s+)?|trong giai đoạn\s+)(?P<y>(?:19|20)\d\d)(?!\d)"
    # "Dự án "Nâng cao năng lực chuỗi giá trị rau, hoa" giai đoạn 2018-2022": a project's period.
    r"|(?<!\w)(?:[Dd]ự án|[Cc]hương trình)\s[^.;]{0,120}?giai đoạn\s+(?P<z>(?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d(?!\d)"
)


def _began(c: Cluster) -> DateValue | None:
    """The year a grant that runs began: "thực hiện từ năm 2022 đến năm 2025"."""
    for m in c.mentions:
        began = _BEGAN.search(m.sentence.text)
        if began:
            return DateValue(value=began["y"] or began["z"], precision="year", inferred=False)
    return None


# "sử dụng vốn hỗ trợ kỹ thuật không hoàn lại của Chính phủ Hàn Quốc", "vốn ODA vay Nhật Bản": a state's loan or grant.
_STATE_FUNDS = re.compile(r"(?<!\w)(?:vốn (?:ODA|vay|viện trợ|hỗ trợ)|khoản vay|không hoàn lại)(?!\w)")


def _lender(m: Candidate) -> bool:
    """A development lender, a foreign agency or a foreign state's funds for a Vietnamese locality's project."""
    state_funds = bool(_STATE_FUNDS.search(m.sentence.text))
    return any(
        not a.vietnamese and (a.kind in ("agency", "organisation") or (state_funds and a.kind == "country"))
        for a in m.actors
    ) and any(a.vietnamese and a.kind != "country" for a in m.actors)


def _funds_the_project(m: Candidate) -> bool:
    """A foreign lender or agency funds the article's project: "JICA ... đã cấp đủ vốn ODA cho dự án"."""
    return bool(_FUNDS_THE_PROJECT.search(m.sentence.text)) and any(
        not a.vietnamese and a.kind in ("agency", "organisation") for a in m.actors
    )


# "Châu trưởng Châu Văn Sơn", "Chính quyền nhân dân Châu Văn Sơn": a foreign locality's own leader or government.
_OWN_LEADER = re.compile(
    r"(?:Thị trưởng|Thống đốc|Tỉnh trưởng|Thủ hiến|Đô trưởng|Châu trưởng|Huyện trưởng|Chính quyền nhân dân)\s+\Z"
)


def _has_own_leader(ctx: Context, place_id: str) -> bool:
    return any(
        p.entity.id == place_id and _OWN_LEADER.search(ctx.text, max(0, p.start - 30), p.start) for p in ctx.places
    )


def _parties(ctx: Context, c: Cluster, venue: Place | None) -> list[Actor]:
    # The lead tells who takes part; later sentences retelling the event name more in passing.
    actors = unique([a for m in c.mentions if m.in_lead and not m.history for a in m.actors])
    if not in_scope(actors):
        actors = unique([a for m in c.mentions if m.in_lead for a in m.actors])
    if not in_scope(actors):
        # Those named in what the event's sentences recall ("ông Tâm đề nghị ... các tiểu dự án tại huyện An
        # Biên, An Minh") take no part, unless no one else does.
        told = unique([a for m in c.mentions if not m.history for a in m.actors])
        actors = told if in_scope(told) else c.actors
    located = _located_regions(ctx, actors)
    regions = {a.id: a for a in actors if a.id in located}
    actors = [a for a in actors if a.id not in located]
    if (
        venue is not None
        and not venue.vietnamese
        and venue.entity.kind in ("city", "district")
        and any(a.id == venue.entity.parent and a.kind != "country" for a in actors)
        and not _has_own_leader(ctx, venue.entity.id)
    ):
        # "Hà Giang và Vân Nam hội đàm tại Côn Minh": the province's capital is where, not who; unless its own
        # leaders receive ("Châu trưởng Châu Văn Sơn", then "tại thành phố Văn Sơn").
        actors = [a for a in actors if a.id != venue.entity.id]
    # Those who welcome ("Đón đoàn có Phó Thủ tướng ...") receive; those who attend ("Dự lễ có ...") do not.
    acting = [m for m in c.mentions if not m.attending or _WELCOMING.match(m.sentence.text)]
    told = {(a.id, a.start) for m in acting for a in m.actors}
    if any(a.vietnamese and a.kind != "country" for a in actors) and not any(
        a.national and (a.id, a.start) in told for a in actors
    ):
        # A locality acts for itself; "Việt Nam" beside it is the backdrop, not a second party, and so are the
        # ministries whose envoys only attend ("Dự lễ có ... đại diện Bộ Giao thông vận tải").
        actors = [a for a in actors if a.id != "VN"]
    spans = [(m.sentence.start, m.sentence.end) for m in c.mentions]
    # "Hội nghị APEC tại Hà Nội", "Chủ tịch nước hội đàm ... tại Moskva": a locality named only as the venue
    # is where, not who; its own leader or body would have named it otherwise.
    # A Vietnamese locality's delegation abroad, or its culture week, is received by the city it goes to.
    national = any(a.national for a in actors)
    venues = {
        a.id
        for a in actors
        if a.kind != "country"
        and _only_venue(ctx, a, spans, [x for m in c.mentions for x in m.actors])
        and not (c.kind in ("aid", "signing") and a.vietnamese and _project_site(ctx, a, spans))
    }
    # A venue abroad hosts only when no foreign side takes part otherwise ("với doanh nghiệp Hàn Quốc").
    hosts_abroad = not any(not a.vietnamese and a.id not in venues for a in actors)
    # ... and only a locality that acts through its leaders or bodies, or holds its culture days there, goes
    # abroad: a prize won in Los Angeles by a mural at Đà Nẵng airport is no visit.
    goes = c.kind == "cultural_event" or any(a.vietnamese and a.kind != "country" and a.led for a in actors)
    local_abroad = (not national or c.kind == "cultural_event") and hosts_abroad and goes
    # Where a national host receives the leader, a province on the way is a stop of the State's guest.
    leader_visits = _foreign_leader_visits(ctx, c) if not national else []
    if leader_visits and not venues:
        # "Sáng 21.6, Thủ tướng Hun Sen quay lại Lộc Ninh (Bình Phước) để thăm ...": the province the lead names
        # in the visit receives, where no national host does.
        told = [(m.sentence.start, m.sentence.end) for m in leader_visits if m.in_lead]
        visited = [a for a in actors if a.vietnamese and a.kind in LOCAL_KINDS and _within(a.start, told)]
        actors = [replace(a, led=True, escort=False) if a in visited else a for a in actors]
    if venues and leader_visits:
        # "Thủ tướng Hun Sen đã thăm lại ... tại huyện Lộc Ninh, tỉnh Bình Phước": the place a foreign head of
        # state or government visits receives him.
        # Of a district placed in its province ("huyện Lộc Ninh, tỉnh Bình Phước"), the province receives.
        named = {a.id: a for a in actors} | regions
        hosts = [named.get(a.place.entity.parent or "", a) for a in actors if a.id in venues and a.vietnamese]
        hosts = [a for a in hosts if a.kind != "country"]
        host_ids = {a.id for a in hosts}
        received = [replace(a, led=True, escort=False) for a in hosts]
        actors = unique([*(a for a in actors if a.id not in venues | host_ids), *received])
        venues = {v for v in venues if not v.startswith("VN")}
    actors = [a for a in actors if a.id not in venues or (local_abroad and not a.vietnamese)]
    # Of a city and its own province, the one the event names first acts ("Thành phố Huế và Gyeongju"
    # is the city, "Quảng Ninh ... qua cửa khẩu Móng Cái" the province, "thành phố Gyeongju (tỉnh
    # Gyeongsangbuk)" the city), unless it is only the venue.
    order: dict[str, int] = {}
    for p in ctx.places:
        order.setdefault(p.entity.id, p.start)
    dropped = set()
    for child in (a for a in actors if a.kind in ("city", "district")):
        parent = child.place.entity.parent
        if parent not in {a.id for a in actors if a.kind != "country"}:
            continue  # a city the gazetteer lacks has its country for parent: the country is another matter
        child_first = order.get(child.id, child.start) < order.get(parent, 0) and not _only_venue(ctx, child, spans)
        parent_led = any(a.id == parent and a.led for a in actors)
        if child_first and not child.led and parent_led:
            child_first = False  # "thành phố Quy Nhơn (Bình Định)" hosts; "Chủ tịch UBND tỉnh Bình Định" acts
        elif (
            not child_first
            and child.led
            and (not parent_led or (c.kind == "signing" and _addressed(ctx, child.id, parent, spans)))
        ):
            # "Lạng Sơn: ..." heads the page; "UBND huyện Tràng Định đã tổ chức hội đàm" acts. So does "UBND huyện
            # Bến Cầu (tỉnh Tây Ninh) ... đã ký kết", its province told as its address.
            child_first = True
        dropped.add(parent if child_first else child.id)
    actors = [a for a in actors if a.id not in dropped]
    # At a conference, a nation whose head of state, government or parliament is there stays beside its
    # provinces: "Chủ tịch Quốc hội Lào Pany Yathotou đồng chủ trì hội thảo" with the councils of Xiêng Khoảng.
    headed = {a.id for m in c.mentions for a in m.actors if a.kind == "country" and _headed(ctx, a)}
    headed = headed if c.kind == "conference" else set()
    # "bà Priya Nair, Tổng Lãnh sự Ấn Độ": a nation present through its envoy stays beside an agency of its own
    # it speaks of ("Cục Khảo cổ học Ấn Độ (ASI)").
    headed |= {a.id for m in c.mentions for a in m.actors if a.kind == "country" and _envoy_of(ctx, a)}
    actors = [a for a in _told_once(actors) if a.id not in headed] + [a for a in actors if a.id in headed]
    actors = unique(actors)
    if c.kind == "aid":
        # "trao tặng tỉnh Ratanakiri 500 triệu đồng ... cho Bệnh viện tỉnh Ratanakiri": the body of a locality
        # that takes part is on its side, not a second giver.
        actors = [a for a in actors if not _body_of_party(a, actors)]
    # "các tỉnh giáp biên Campuchia", then "lãnh đạo các tỉnh Takeo và Kandal": the group's members are named.
    actors = [
        a
        for a in actors
        if not (
            resolve.is_group(a.id)
            and sum(b.country == a.country and b.kind in LOCAL_KINDS and not resolve.is_group(b.id) for b in actors)
            > 1
        )
    ]
    # A gift the State's embassy passes through a foreign association is still the province's: "chuyển số tiền ...
    # cho Hiệp hội ... (JIFA)" for schools of Hà Tĩnh. A loan is the State's, whoever lends it.
    given_through = (
        c.kind == "aid"
        and not any(not a.vietnamese and a.kind == "country" for a in actors)
        and not any(_LOAN.search(m.sentence.text) for m in c.mentions)
    )
    if any(a.national for a in actors) and not given_through:
        # Beside the State, a province acts through its own leaders; otherwise it is named in passing
        # ("dự án thoát nước TP. Biên Hòa" among the loans two governments sign).
        actors = [a for a in actors if not (a.vietnamese and a.kind != "country") or a.led]
    return actors


# "sẽ ký kết biên bản ghi nhớ trong năm tới": a plan for a later time than the article's event.
_LATER = re.compile(r"(?<!\w)(?:năm tới|năm sau|thời gian tới|sắp tới|tới đây|tháng tới|sau này|tương lai)(?!\w)")


def _province_receives(parties: list[Actor], actors: list[Actor]) -> list[Actor]:
    """Aid for a project in a district of a province whose own leaders or government act in the article goes to the
    province: "AFD sẽ tài trợ 2,5 triệu euro ... cho Dự án thoát nước khu vực quận Hải An" after Hải Phòng's talks."""
    acting = {a.id: a for a in actors if a.vietnamese and a.kind == "province" and a.led}
    # A district filed under its province's successor ("Huế" for "Thừa Thiên Huế") is the same province's.
    acting |= {a.place.entity.successor: a for a in acting.values() if a.place.entity.successor}
    # "tại huyện Phonthong" on a visit to Champasak: a town abroad the gazetteer files under no province is the
    # visited province's, when the article's foreign side is one province of that country.
    for country in {a.country for a in actors if not a.vietnamese}:
        visited = unique([a for a in actors if a.country == country and a.kind == "province" and a.led])
        if len(visited) == 1:
            acting[country] = visited[0]
    ids = _ids(parties)
    swapped = [
        acting[parent]
        if a.kind in ("city", "district")
        # "Phó Chủ tịch UBND TP. Huế đã tiếp nhận", "trao tặng huyện Koh Nhek 200 triệu đồng": the town receives itself.
        and not a.led
        and (parent := a.place.entity.parent) in acting
        and (a.vietnamese or parent == a.country)
        and acting[parent].id not in ids
        else a
        for a in parties
    ]
    return unique(swapped)


_LOAN = re.compile(r"(?<!\w)(?:vay|ODA|tín dụng)(?!\w)")


# "Dự án có tổng mức đầu tư ..., trong đó vốn vay ODA ... của AFD", "JICA ... đã cấp đủ vốn ODA cho dự án": the
# project the article is about.
_PROJECT_TOTAL = re.compile(r"(?:Dự án|Công trình)\s+(?:này\s+)?(?:có|với)\s+tổng\s+(?:mức\s+)?(?:vốn|đầu tư)")
_FUNDS_THE_PROJECT = re.compile(
    r"(?<!\w)(?:cấp|giải ngân|bố trí)\s+(?:đủ\s+)?vốn\s+(?:ODA|vay)\s+cho\s+(?:dự án|công trình)(?!\w)"
    # "mong muốn tài trợ cho hai dự án này": the projects the article is about.
    r"|(?<!\w)tài trợ\s+cho\s+(?:(?:hai|ba|các|\d+)\s+)?(?:dự án|công trình)\s+(?:này|trên|nói trên)(?!\w)"
)


def _project_owner(c: Cluster, parties: list[Actor], actors: list[Actor]) -> list[Actor]:
    """The one Vietnamese province whose government acts in the article owns the project whose funding a sentence
    tells without naming it, when its funders are development lenders or agencies, with foreign governments or not."""
    # The nation named beside it ("vấn đề nội bộ của phía Việt Nam") is the State the loan is to, not the owner.
    foreign = [a for a in parties if not a.vietnamese]
    if not foreign or any(a.vietnamese and a.kind != "country" for a in parties):
        return []
    # A foreign government funds beside a lender: "Chính phủ Nhật Bản và Ngân hàng phát triển Á Châu (ADB)".
    lenders = [a for a in foreign if a.kind != "country"]
    if not lenders or any(a.kind not in ("agency", "organisation") for a in lenders):
        return []
    if not any(
        _PROJECT_TOTAL.match(m.sentence.text) or _FUNDS_THE_PROJECT.search(m.sentence.text)
        for m in c.mentions
        if not m.history
    ):
        return []
    owners = unique([a for a in actors if a.vietnamese and a.kind == "province" and a.led])
    return owners if len(owners) == 1 else []


# "trao tặng 5 hệ thống lọc nước cho 5 trường mầm non tại Phổ Yên, Thái Nguyên": where the schools are.
_ADDRESS_BEFORE = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,4},\s*)?\Z")


def _without_addresses(ctx: Context, parties: list[Actor]) -> list[Actor]:
    """A firm's or a university's gift to schools or families of a town is no gift to the town's government: the town
    named as their address is no party. A foreign government's or agency's gift is the town's."""
    if any(
        not a.vietnamese and (a.kind in ("country", "agency") or a.country is None or (a.kind in LOCAL_KINDS and a.led))
        for a in parties
    ):
        return parties
    return [
        a
        for a in parties
        if not (
            a.vietnamese
            and a.kind in LOCAL_KINDS
            and not a.led
            and _ADDRESS_BEFORE.search(ctx.text, max(0, a.start - 50), a.start)
        )
    ]


def _body_of_party(actor: Actor, actors: list[Actor]) -> bool:
    """A body the article names ("Bệnh viện tỉnh Ratanakiri") after a locality of its country among the parties."""
    if actor.kind != "organisation" or not actor.place.mention.adhoc:
        return False
    name = actor.place.entity.name_vi or actor.place.entity.name
    return any(
        other.kind in LOCAL_KINDS
        and other.country == actor.country
        and any(whole_words(n).search(name) for n in (other.place.mention.text, *other.place.entity.aliases) if n)
        for other in actors
    )


_WELCOMING = re.compile(r"Đón|Tiếp", re.IGNORECASE)
_VISIT = re.compile(r"thăm(?!\s+hỏi)(?!\w)", re.IGNORECASE)
_LEADER_OF_STATE = re.compile(
    r"(?:Tổng thống|Thủ tướng|Quốc vương|Nhà vua|Hoàng thân|Chủ tịch nước|Chủ tịch Quốc hội|Chủ tịch Thượng viện|"
    r"Chủ tịch Hạ viện)(?! bang)(?!\w)"
)


def _foreign_leader_visits(ctx: Context, c: Cluster) -> list[Candidate]:
    """The mentions whose cue is a visit and that name, before it, a foreign head of state, government or
    parliament."""
    visits = [m for m in c.mentions if not m.history and _VISIT.match(ctx.text, m.cue_offset)]
    if not visits:
        return []
    found: list[Candidate] = []
    for person in ctx.people:
        if person.title is None or person.title_start is None or person.title_end is None:
            continue
        if not _LEADER_OF_STATE.match(person.title):
            continue
        named = ctx.places_in(person.title_start, person.title_end)
        if not any(p.entity.kind == "country" and not p.vietnamese for p in named):
            continue
        occurrences = _occurrences(ctx, person)
        found += [
            m for m in visits if m not in found and any(m.sentence.start <= at < m.cue_offset for at in occurrences)
        ]
    return found


def _official_of_the_nation(ctx: Context, c: Cluster, parties: list[Actor], actors: list[Actor]) -> Actor | None:
    """Vietnam, where a meeting's only sides are a foreign locality's leaders and the one who meets them is a
    Vietnamese official whose post, told in the article, names no Vietnamese locality."""
    if c.kind != "meeting" or not parties or any(a.vietnamese for a in parties):
        return None
    if not any(a.led and a.kind in LOCAL_KINDS for a in parties):
        return None
    nation = next((a for a in actors if a.id == "VN"), None)
    if nation is None:
        return None
    for person in ctx.people:
        if not person.vietnamese or person.title is None or person.title_start is None or person.title_end is None:
            continue
        in_title = ctx.places_in(person.title_start, person.title_end)
        if any(p.vietnamese and p.entity.kind != "country" for p in in_title):
            continue  # "Bí thư Tỉnh ủy Quảng Ninh": a province's official
        told = _occurrences(ctx, person)
        if any(
            not m.history and any(m.sentence.start <= at < m.cue_offset for at in told) for m in c.mentions
        ):
            return nation
    return None


def _is_stop(c: Cluster) -> bool:
    """A stop of a visitor's trip, one of a list: a meeting the place hosts."""
    return c.kind == "meeting" and all(m.listed for m in c.mentions)


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _located_regions(ctx: Context, actors: list[Actor]) -> set[str]:
    """Foreign regions named only to place a city of theirs: "thành phố Sacramento, bang California"."""
    regions = {a.id for a in actors if not a.vietnamese and a.kind in ("province", "city")}
    placing = {p.entity.id for p in ctx.places if p.entity.id in regions and ctx.places_a_city(p)}
    return {r for r in placing if all(ctx.places_a_city(p) for p in ctx.places if p.entity.id == r)}


# "tài trợ ... cho dự án cải tạo hạ tầng đô thị tại Lào Cai": where a funded project is, is who receives it.
# "ký biên bản ghi nhớ về việc xây dựng nhà máy ... tại Bà Rịa - Vũng Tàu": so is where a plant agreed on is built.
_PROJECT_AT = re.compile(r"(?<!\w)(?:dự án|công trình|chương trình|nhà máy)(?!\w)[^.;]{0,60}\Z", re.IGNORECASE)


def _received(ctx: Context, c: Cluster, parties: list[Actor]) -> bool:
    """A grant, or an agreement on a project a Vietnamese locality is the site of: the locality receives it."""
    if c.kind == "aid":
        return True
    spans = [(m.sentence.start, m.sentence.end) for m in c.mentions]
    return c.kind == "signing" and any(a.vietnamese and _project_site(ctx, a, spans) for a in parties)


def _project_site(ctx: Context, actor: Actor, spans: list[tuple[int, int]]) -> bool:
    return any(
        p.entity.id == actor.id and _PROJECT_AT.search(ctx.text, max(0, p.start - 80), p.start)
        for p in ctx.places
        if any(s <= p.start < e for s, e in spans)
    )


_SPEAKS = re.compile(
    r"\W{0,3}(?:\([^()]{1,30}\)\s*)?(?:đã\s+)?"
    r"(?:phát biểu|đánh giá|cho biết|khẳng định|bày tỏ|nói|nhấn mạnh|chia sẻ)(?!\w)"
)


# "với sự tham dự của đại biểu Lào, Campuchia": nations present, not only talked about.
_PRESENT = re.compile(r"(?<!\w)(?:đại biểu|đoàn|đại diện|tham dự|tham gia|khách mời)(?!\w)[^.;]{0,60}\Z", re.I)


# "Đại diện Trung Quốc cho rằng", "đoàn đại biểu Lào": a nation's own delegate.
_DELEGATE_OF = re.compile(r"(?<!\w)(?:[Đđ]ại diện|[Đđ]ại biểu|[Đđ]oàn đại biểu|[Pp]hái đoàn)\s+(?:của\s+)?\Z")


def _speaking_nations(ctx: Context, guests: list[Actor]) -> set[str]:
    """Countries that speak at a conference or whose delegates its lead names: "Đại diện Thái Lan cho biết"."""
    lead = lead_end(ctx)
    named = {
        p.entity.id
        for p in ctx.places
        if p.entity.kind == "country"
        and (
            (
                (p.start < lead or _SPEAKS.match(ctx.text, p.end))
                and _PRESENT.search(ctx.text, max(0, p.start - 80), p.start)
            )
            or _DELEGATE_OF.search(ctx.text, max(0, p.start - 20), p.start)
            or ctx.title_holding(p) is not None
        )
    }
    return {a.id for a in guests if a.kind == "country" and a.id in named}


def _titled_ids(ctx: Context) -> set[str]:
    """The places named in the title of an official who speaks: "Ông X, Phó Huyện trưởng huyện Hà Khẩu đánh giá"."""
    out = set()
    for p in ctx.places:
        holder = ctx.title_holding(p)
        if holder is not None and holder.title_end is not None:
            after = max(holder.title_end, holder.end)
            if _SPEAKS.match(ctx.text, after):
                out.add(p.entity.id)
    return out


def _lead_guests(ctx: Context) -> set[str]:
    """Foreign places in the titles of those the lead names: "Tới dự có ông X, Chủ tịch nước CHDCND Lào"."""
    lead = lead_end(ctx)
    out = set()
    for person in ctx.people:
        if person.title_start is None or person.title_end is None or not ctx.title_end <= person.start < lead:
            continue
        out |= {p.entity.id for p in ctx.places_in(person.title_start, person.title_end) if not p.vietnamese}
    return out


# "đoàn làm việc với", "đoàn đến thăm", "đón tiếp đoàn": the article's delegation, named once at its start.
_DELEGATION = re.compile(
    r"(?<!\w)(?:[Đđ]oàn(?:\s+công tác)?\s+(?:đã\s+|tiếp tục\s+|cũng\s+|sẽ\s+|dự kiến\s+)*"
    r"(?:làm việc|đến thăm|thăm|gặp|hội kiến|hội đàm|chào xã giao|chào|gặp gỡ|tiếp xúc|ký kết|ký|khảo sát|tham quan|"
    r"dự|tham dự|có (?:các |những )?buổi|trao tặng|tặng|trao|"
    r"đến|tới|sang|bàn giao|ủng hộ)"
    r"|(?:tiếp|đón|đón tiếp)\s+[Đđ]oàn(?!\s+(?:công tác|đại biểu)?\s*[A-ZĐ]))(?!\w)"
)


_DELEGATION_OF = re.compile(
    r"(?<!\w)[Đđ]oàn(?:\s+(?:công tác|đại biểu|cấp cao|liên ngành|xúc tiến đầu tư))*(?:\s+của)?\s+"
    r"(?:(?:tỉnh|thành phố|TP\.?|quận|huyện|thị xã|bang|vùng)\s+)?\Z"
)


def _delegation_home(ctx: Context, actors: list[Actor]) -> Actor | None:
    """The locality or Vietnamese national body whose delegation the article follows: "đoàn công tác tỉnh Thừa
    Thiên Huế", "đoàn đại biểu cấp cao Bộ Công an"."""
    for a in actors:
        acts = a.kind in LOCAL_KINDS or (a.vietnamese and a.national)
        if acts and _DELEGATION_OF.search(ctx.text, max(0, a.start - 60), a.start):
            return a
    return None


# "..., làm trưởng đoàn", "... dẫn đầu": the head of the delegation named before.
_HEADS = re.compile(r"[^.;:]{0,150}?(?:làm [Tt]rưởng đoàn|dẫn đầu)(?!\w)")


def _delegation_head(ctx: Context, home: Actor | None) -> PersonMention | None:
    """The head, told in the lead, of the Vietnamese locality's delegation the article follows."""
    if home is None or not home.vietnamese:
        return None
    lead = lead_end(ctx)
    for person in ctx.people:
        # The title may be told elsewhere ("..., Thứ trưởng Nguyễn Văn Thành dẫn đầu", then a caption's title).
        ends = {person.end} | ({person.title_end} if person.title_end is not None else set())
        if person.vietnamese and person.start < lead and any(_HEADS.match(ctx.text, end) for end in ends):
            return person
    return None


def _delegation_acts(c: Cluster) -> bool:
    return any(_DELEGATION.search(m.sentence.text) and not m.history for m in c.mentions)


def _headed(ctx: Context, a: Actor) -> bool:
    """A foreign nation named in the title of its head of state, government or parliament."""
    holder = ctx.title_holding(a.place)
    return (
        not a.vietnamese
        and holder is not None
        and holder.title is not None
        and _LEADER_OF_STATE.match(holder.title) is not None
    )


_ENVOY = re.compile(r"(?:Đại sứ|Tổng Lãnh sự|Lãnh sự)(?!\s+quán)")


def _envoy_of(ctx: Context, actor: Actor) -> bool:
    holder = ctx.title_holding(actor.place)
    return holder is not None and holder.title is not None and _ENVOY.match(holder.title) is not None


def _told_once(actors: list[Actor]) -> list[Actor]:
    """A country beside its own province, city or agency in the same event is the same side told twice;
    beside one of its companies or associations it is its government, a party of its own."""
    # Only a locality whose own leaders or bodies act stands for its side: "đoàn Quốc hội Lào ... hợp tác giữa
    # tỉnh Thanh Hóa và tỉnh Hủa Phăn" is Laos's parliament, with the province named as a topic.
    represented = {a.country for a in actors if a.kind == "agency" or (a.kind in LOCAL_KINDS and a.led)}
    return [a for a in actors if a.kind != "country" or a.id == "VN" or a.id not in represented]


_BRACKET_OPENS = re.compile(r"\s*\(\s*(?:tỉnh|thành phố|TP\.?)?\s*", re.IGNORECASE)


def _addressed(ctx: Context, child: str, parent: str, spans: list[tuple[int, int]]) -> bool:
    """The event's sentences name the town with its province in brackets after it: "huyện Bến Cầu (tỉnh Tây Ninh)"."""
    named = [p for p in ctx.places if any(s <= p.start < e for s, e in spans)]
    return any(
        a.entity.id == child and b.entity.id == parent and _BRACKET_OPENS.fullmatch(ctx.text, a.end, b.start)
        for a, b in itertools.pairwise(named)
    )


def _only_venue(ctx: Context, actor: Actor, spans: list[tuple[int, int]], named: list[Actor] | None = None) -> bool:
    """Every mention of the actor in the event's sentences follows "tại"/"ở", its government's unnamed ones
    ("Phó Chủ tịch UBND tỉnh") included."""
    seen = {p.start for p in ctx.places if p.entity.id == actor.id and any(s <= p.start < e for s, e in spans)}
    seen |= {a.start for a in named or [] if a.id == actor.id and any(s <= a.start < e for s, e in spans)}
    return bool(seen) and all(
        is_venue(ctx.text, start) or (not actor.vietnamese and _LEAVES.search(ctx.text, max(0, start - 40), start))
        for start in seen
    )


# "Chủ tịch nước và đoàn đại biểu cấp cao Việt Nam đã rời Hamburg": the city abroad a delegation leaves is where it
# was. A foreign navy leaving a Vietnamese city is another matter: it worked there with the city.
_LEAVES = re.compile(r"(?<!\w)rời(?:\s+khỏi)?\s+(?:(?:thành phố|TP\.?|thủ đô|tỉnh|bang)\s+)?\Z", re.IGNORECASE)


def _venue_place(ctx: Context, c: Cluster) -> Place | None:
    for m in c.mentions[:3]:
        own = [a.place for a in m.actors if m.sentence.start <= a.start < m.sentence.end]
        own += [p for p in ctx.places_in(m.sentence.start, m.sentence.end) if p not in own]
        own.sort(key=lambda p: p.start)
        v = attributes.venue(ctx, m.sentence, own)
        if v is not None:
            return v
    return None


def _apart(ctx: Context, other: Cluster, c: Cluster) -> bool:
    """Whether another event, one that stands alone, is told apart from this one, so that those named there are
    its own: told on another day, later that day, or after the lead."""
    if not other.first.in_lead or any(m.same_day for m in other.mentions):
        return True
    day = c.date or _lead_day(ctx)
    return other.date is not None and day is not None and other.date != day


def _lead_day(ctx: Context) -> tuple[int | None, int | None] | None:
    lead = lead_end(ctx)
    return next(
        ((d.month, d.day) for d in ctx.date_mentions if ctx.title_end <= d.start < lead and d.month and d.day), None
    )


_HEADING = re.compile(r"[^.!?:;\n]{1,90}")


def _zones(ctx: Context, clusters: list[Cluster]) -> list[list[tuple[int, int]]]:
    """Where each cluster is told: its mentions' sentences and the sentences after them in the same paragraph
    up to the next mention ("Ngày 8/5, đoàn làm việc với ... Ông X, Hiệu trưởng, cho biết ...")."""
    owner: dict[int, int] = {}
    for k, c in enumerate(clusters):
        for m in c.mentions:
            owner.setdefault(m.sentence.start, k)
    zones: list[list[tuple[int, int]]] = [[] for _ in clusters]
    current: int | None = None
    paragraph = -1
    for sentence in ctx.sentences:
        if sentence.start in owner:
            current = owner[sentence.start]
        elif sentence.paragraph != paragraph and _HEADING.fullmatch(sentence.text):
            current = None  # "Làm việc với bang Bayern": a subheading starts the next part
        paragraph = sentence.paragraph
        if current is not None:
            zones[current].append((sentence.start, sentence.end))
    return zones


def _event(
    ctx: Context,
    c: Cluster,
    parties: list[Actor],
    is_main: bool,
    actors: list[Actor],
    venue: Place | None,
    zone: list[tuple[int, int]],
    elsewhere: list[list[tuple[int, int]]],
) -> Event:
    kind = c.kind
    if is_main:
        title_kind = kind_of(ctx.text[: ctx.title_end])
        if title_kind and title_kind[0] == "conference" and kind in ("meeting", "other"):
            kind = "conference"  # a title naming a conference outranks the lead's verbs of meeting
    first = c.first
    text = " ".join(m.sentence.text for m in c.mentions)
    told = [m for m in c.mentions if m.in_lead] or c.mentions[:1]
    mode = "online" if any(_ONLINE.search(m.sentence.text) for m in told) else "in_person"
    date, status = _date(ctx, c, is_main)
    places = [a.place for a in parties]
    ids = _ids(parties)
    cue_sentence = next((m.sentence for m in c.mentions if any(a.id in ids for a in m.actors)), first.sentence)
    named = [a.place for m in c.mentions for a in m.actors]
    roles = attributes.roles(ctx, cue_sentence, places, kind, mode, venue, named)
    if _is_stop(c):
        roles = {p.entity.id: "host" if p.vietnamese else "guest" for p in places}
    organisers = _organisers(ctx, c, parties, kind)
    home = venue.entity.country if venue else "VN"
    if kind in ("conference", "cultural_event") and any(a.country == home for a in parties if a.id in organisers):
        # Where the host side is named as organising, the others attend ("tổ chức ... Tham dự có ...").
        roles = {p: "participant" for p in roles}
    roles.update(organisers)
    if is_main:
        fields = find_fields(ctx.text[: lead_end(ctx)] + " " + " ".join(_said_of(ctx, c)))
    elif all(m.listed for m in c.mentions):
        fields = _ordered(*(find_fields(_clause_of(ctx, m)) for m in c.mentions))
    else:
        # Its sentences, the rest of their paragraphs, and the paragraphs that go on telling it.
        told = " ".join(ctx.text[start:end] for start, end in zone)
        fields = _ordered(*(find_fields(_rest_of_paragraph(ctx, m.sentence)) for m in c.mentions), find_fields(told))
    spans = _unique_spans([m.sentence for m in c.mentions])
    return Event(
        kind=kind,
        mode=mode,
        status=status,
        date=date,
        place=attributes.party(ctx, venue, None) if venue else None,
        parties=[attributes.party(ctx, p, roles.get(p.entity.id)) for p in places],
        people=_people(ctx, c, parties, is_main, zone, [span for z in elsewhere for span in z]),
        fields=fields,
        amounts=attributes.amounts(text),
        evidence=[attributes.evidence(ctx, s) for s in spans],
    )


# "Đại sứ quán Ấn Độ phối hợp với UBND TP Hà Nội tổ chức ...": both sides organise.
_ORGANISE = re.compile(r"(?<!\w)(?:phối hợp(?: với)?|đồng tổ chức|cùng tổ chức|phối hợp tổ chức|tổ chức)(?!\w)", re.I)


def _organisers(ctx: Context, c: Cluster, parties: list[Actor], kind: str) -> dict[str, str]:
    """Parties named before, or right after, the verb that organises a conference or a cultural event."""
    if kind not in ("conference", "cultural_event", "other"):
        return {}
    ids = _ids(parties)
    for m in c.mentions[:3]:
        verb = _ORGANISE.search(m.sentence.text)
        if verb is None:
            continue
        at = m.sentence.start + verb.start()
        after = m.sentence.start + verb.end()
        inside = [a for a in m.actors if a.id in ids and m.sentence.start <= a.start < m.sentence.end]
        sides = [a for a in inside if a.start < at or 0 <= a.start - after < 25]
        if sides:
            return {a.id: "organiser" for a in sides}
    return {}


def _ids(actors: list[Actor]) -> set[str]:
    return {a.id for a in actors}


def _date(ctx: Context, c: Cluster, is_main: bool) -> tuple[DateValue | None, str]:
    zone: list[Candidate] = list(c.mentions)
    done = not (c.first.planned or c.first.history)
    for m in zone:
        if m.date is None or (m.history and not c.first.history):
            continue  # "đánh giá kết quả Biên bản ... ký kết vào tháng 11/2022": an earlier day told at the event
        if done and m.planned and m.date.day is None:
            continue  # "Theo kế hoạch triển khai Biên bản ghi nhớ, tháng 3/2018 tỉnh sẽ cử ...": what comes after
        value = dates.resolve(m.date, ctx.published, ctx.year_hint, m.planned)
        if value:
            return value, _status(ctx, value, m.planned)
    if not is_main and not c.first.in_lead and c.first.listed and c.first.at_event:
        # "Ngày 5/12, đoàn làm việc với ... Cuối buổi làm việc, hai bên ký ...": the day told before it.
        told = _day_told_before(ctx, c.first)
        if told is not None:
            return told, "past"
    if (is_main or any(m.listed for m in c.mentions)) and not all(m.planned for m in c.mentions):
        # The lead's first date tells when, even in a sentence without a cue: "Sáng 7/2, tại ...".
        lead = lead_end(ctx)
        for d in ctx.date_mentions:
            if d.start >= lead:
                break
            if d.month and d.start >= ctx.title_end and not reported_on(ctx, d):
                value = dates.resolve(d, ctx.published, ctx.year_hint, False)
                if value:
                    return value, "past"
        if ctx.published and not c.first.planned:
            return ctx.published.model_copy(update={"inferred": True}), "past"
        # "WB vừa phê duyệt khoản tài trợ ... Khoản tài trợ sẽ được phân bổ ...": the first telling says when.
        return dates.year_only(ctx.year_hint), "planned" if c.first.planned else "past"
    planned = any(m.planned for m in c.mentions)
    return None, "planned" if planned else "past"


def _status(ctx: Context, value: DateValue, planned: bool) -> str:
    if not planned:
        if ctx.published and not value.value.startswith("--") and value.value > ctx.published.value[: len(value.value)]:
            return "planned"
        return "past"
    # A plan for the day of publication ("ngày 14/9, đoàn sẽ đến ...") is still to come.
    if ctx.published and not value.value.startswith("--") and value.value < ctx.published.value[: len(value.value)]:
        return "past"
    return "planned"


# "Hai nhà lãnh đạo đã chứng kiến lễ ký kết 9 văn kiện": the leaders of the visit witness each agreement.
_WITNESSED = re.compile(r"(?<!\w)(?:chứng kiến|dưới sự chứng kiến)(?!\w)", re.IGNORECASE)
_LEADER_TITLE = re.compile(r"(?:Chủ tịch nước|Tổng thống|Thủ tướng|Chủ tịch Quốc hội|Quốc vương|Nhà vua)(?!\w)")


def _witnesses(ctx: Context, c: Cluster) -> list[Person]:
    """The heads of state or government named before a list of agreements they witness."""
    first = c.first.sentence
    out: dict[str, Person] = {}
    for person in ctx.people:
        if person.start < first.start and person.title and _LEADER_TITLE.match(person.title):
            out.setdefault(person.name, Person(name=person.name, title=person.title, party=None))
    return list(out.values())[:2]


def _people(
    ctx: Context,
    c: Cluster,
    parties: list[Actor],
    is_main: bool,
    zone: list[tuple[int, int]],
    elsewhere: list[tuple[int, int]],
) -> list[Person]:
    """People where the event is told; for the main event also those of its sides named anywhere but where
    another event is told."""
    if not is_main and all(m.listed for m in c.mentions) and _WITNESSED.search(c.first.sentence.text):
        return _witnesses(ctx, c)
    # Its own sentences too, where another event's mention holds them ("Kết thúc hội đàm, đồng chí A và đồng chí B
    # đã ký Biên bản hội đàm").
    spans = [*zone, *((m.sentence.start, m.sentence.end) for m in c.mentions if not m.history)]
    vn = next((a.id for a in parties if a.vietnamese), None)
    foreign = next((a.id for a in parties if not a.vietnamese and a.kind != "country"), None)
    foreign = foreign or next((a.id for a in parties if not a.vietnamese), None)
    party_ids = _ids(parties)
    foreign_nations = {a.id for a in parties if not a.vietnamese and a.kind == "country"}
    out = []

    for person in ctx.people:
        own = None
        if person.title_start is not None and person.title_end is not None:
            inside = [p for p in ctx.places_in(person.title_start, person.title_end)]
            own = inside[0].entity.id if inside else None
        if fold(person.name) in _historical():
            continue  # "kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh": honoured, not present
        told_at = _occurrences(ctx, person)
        in_event = any(_within(at, spans) for at in told_at)
        if not in_event and (not is_main or all(_within(at, elsewhere) for at in told_at)):
            continue  # named only where another event is told
        countries = {a.country for a in parties}
        if not in_event and own is not None and own not in party_ids and _country_of(ctx, own) not in countries:
            continue  # an official of some other party, named elsewhere in the article
        named_at = person.title_start if person.title_start is not None else person.start
        if named_at >= lead_end(ctx) and _OWNER_BEFORE.search(ctx.text, max(0, named_at - 8), named_at):
            continue  # "chuyến thăm của Tổng Bí thư X", "Thông điệp của Thủ tướng Y": named, not present
        if (
            not person.vietnamese
            and _HEAD_OF_STATE.match(person.title or "")
            and not (foreign_nations & ({own} if own else {a.country for a in parties if not a.vietnamese}))
        ):
            continue  # "Tổng thống Donald Trump" in an article on Maryland: his nation is no party of this event
        where = [at for at in told_at if _within(at, spans)] if in_event else told_at
        if all(_spoken_of(ctx, at) for at in where):
            continue  # "Chủ tịch nước bày tỏ vui mừng khi Tổng thống Donald Trump khẳng định ...": talked about
        if not in_event and all(_MET_ELSEWHERE.search(ctx.text, max(0, at - 40), at) for at in told_at):
            continue  # "Trong cuộc gặp với Thủ tướng Nguyễn Xuân Phúc, ông đã đề xuất ...": met at another event
        if _TOLD_BEFORE.search(ctx.text, max(0, person.start - 150), person.start):
            continue  # "Vừa qua, ... đã có cuộc điện đàm giữa Thủ tướng X và ...": an earlier contact told in passing
        party = own or (vn if person.vietnamese else foreign)
        out.append(Person(name=person.name, title=person.title, party=party))
    return out


_MET_ELSEWHERE = re.compile(
    r"(?<!\w)[Tt]rong (?:cuộc|buổi) (?:gặp|gặp gỡ|hội kiến|hội đàm|làm việc|tiếp)(?: với)?\s+[^,.;]{0,25}\Z"
)


_OPENS_WITH_SAYING = re.compile(r"(?:Đánh giá|Nhấn mạnh|Khẳng định|Bày tỏ|Nhận định|Cho biết)(?!\w)")


def _spoken_of(ctx: Context, at: int) -> bool:
    """A name inside what someone else says: after a verb of saying earlier in its sentence."""
    s = ctx.sentence_at(at)
    if s is None:
        return False
    # "Đánh giá về ..., ông Nguyễn Thành Phương cho rằng": a sentence that opens with the verb has its speaker after.
    return said(s.text, at - s.start) and not _OPENS_WITH_SAYING.match(s.text)


@cache
def _historical() -> frozenset[str]:
    data = resources.files("hoptac.extract").joinpath("data/historical_figures.csv").read_text(encoding="utf-8")
    # Spelled with other tones and capitals by other papers: "Cay-Xỏn Phôm-Vi-Hẳn", "Cay-xỏn Phôm-vi-hản".
    return frozenset(fold(row["name"]) for row in csv.DictReader(data.splitlines()))


def _occurrences(ctx: Context, person: PersonMention) -> list[int]:
    """Where the article names a person, by full name or a short form; not inside a place's name."""
    found = {person.start}
    for name in (person.name, *person.variants):
        for m in whole_words(name).finditer(ctx.text):
            if not any(p.start < m.end() and m.start() < p.end for p in ctx.places_in(m.start() - 30, m.end())):
                found.add(m.start())
    return sorted(found)


_OWNER_BEFORE = re.compile(r"(?<!\w)của\s+\Z")
_TOLD_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?:[Vv]ừa qua|[Nn]ăm ngoái),[^.!?]*\Z")
# A foreign head of state or government, who speaks for the nation, not for its states or cities.
_HEAD_OF_STATE = re.compile(r"(?:Phó )?(?:Tổng thống|Thủ tướng|Quốc vương|Nhà vua)(?! bang)(?!\w)", re.IGNORECASE)


def _country_of(ctx: Context, entity_id: str) -> str | None:
    return next((p.entity.country for p in ctx.places if p.entity.id == entity_id), None)


_BOTH_SIDES = re.compile(r"(?<!\w)(?:hai bên|hai địa phương|hai thành phố|hai tỉnh|hai nước|phía bạn)(?!\w)", re.I)


# "Đồng chí mong muốn ...", "Ông cho biết ...": the speaker of the sentence before goes on.
_SPEAKER_AGAIN = re.compile(r"(?:Đồng chí|Ông|Bà|Ngài)\s+[a-zđà-ỹ]")


def _said_of(ctx: Context, c: Cluster) -> list[str]:
    """The event's sentences and those of its speakers or of "hai bên": where its topics are."""
    names = [n for p in ctx.people for n in (p.name, *p.variants)]
    # "ông Nhân nói", "bà Sasserant cho biết": the speaker again by one name.
    ends = {w for p in ctx.people for w in (p.name.split()[0], p.name.split()[-1])}
    names += [f"{h} {w}" for w in ends for h in ("ông", "bà", "Ông", "Bà")]
    own = {m.sentence.start for m in c.mentions}
    out = []
    speaking = -1  # the paragraph of the last sentence taken
    for s in ctx.sentences:
        if s.start in own or _BOTH_SIDES.search(s.text) or any(n in s.text for n in names):
            out.append(s.text)
            speaking = s.paragraph
        elif s.paragraph == speaking and _SPEAKER_AGAIN.match(s.text):
            out.append(s.text)
    return out


def _clause_of(ctx: Context, m: Candidate) -> str:
    """The clause of a listed agreement: from the separator before its first party to the next one."""
    first = min(a.start for a in m.actors)
    text = m.sentence.text
    at = first - m.sentence.start
    start = max(text.rfind(";", 0, at), text.rfind(":", 0, at)) + 1
    end = text.find(";", at)
    return text[start : end if end >= 0 else len(text)]


def _rest_of_paragraph(ctx: Context, s: Span) -> str:
    """A sentence and those after it in its paragraph: what it goes on to say about the event."""
    return " ".join(x.text for x in ctx.sentences if x.paragraph == s.paragraph and x.start >= s.start)


def _ordered(*groups: list[str]) -> list[str]:
    found = {f for g in groups for f in g}
    return [f for f in FIELD_ORDER if f in found]


def _unique_spans(spans: list[Span]) -> list[Span]:
    seen: dict[int, Span] = {}
    for s in spans:
        seen.setdefault(s.start, s)
    return sorted(seen.values(), key=lambda s: s.start)
