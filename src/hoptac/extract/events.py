"""Cooperation events: the article's main event and separately dated ones it announces.

The main event is told in the title and lead: its kind comes from the first
cue word there, its parties from the places named there, its date from the
first date expression of the lead. Later sentences add an event only when
they carry a date of their own and a cue of a conference, signing, cultural
event or aid ("Hội nghị thường niên ... sẽ diễn ra vào ngày 17/3").
"""

from __future__ import annotations

import re

from hoptac import gazetteer, resolve
from hoptac.extract import dates
from hoptac.extract.context import Context, Place, cue_table, is_venue
from hoptac.extract.fields import FIELD_ORDER, find_fields
from hoptac.extract.parties import Mention
from hoptac.extract.text import Span
from hoptac.models import Amount, DateValue, Event, Evidence, Party, Person, Role

_ONLINE = re.compile(r"trực tuyến|online|cầu truyền hình|qua video|hình thức trực tuyến|họp trực tuyến", re.I)
_PLANNED = re.compile(r"\b(?:sẽ|dự kiến|tới đây|sắp tới|sắp|kế hoạch tổ chức|chuẩn bị tổ chức|ngày mai)\b", re.I)
_HOST_VERB = re.compile(r"(?<!\w)(?:tiếp xã giao|tiếp đón|đón tiếp|tiếp|đón|chào mừng|hội kiến|chủ trì)(?!\w)", re.I)
_VISIT = re.compile(r"(?<!\w)(?:thăm và làm việc tại|làm việc tại|đến thăm|sang thăm|thăm|đến)(?!\w)", re.I)
_DELEGATE = re.compile(r"(?:[Đđ]ại diện|[Đđ]oàn(?: công tác| đại biểu)?(?: của)?|đến từ|[Pp]hái đoàn)\s+$")
_AMOUNT = re.compile(
    r"(?P<num>\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?)\s*(?P<scale>tỷ|triệu|nghìn|ngàn)?\s*"
    r"(?P<cur>USD|đô la Mỹ|đôla Mỹ|euro|EUR|yên|Yên|won|Won|đồng|VND|VNĐ|nhân dân tệ|NDT)(?!\w)"
)
_SCALE = {"tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, None: 1}
_CURRENCY = {
    "usd": "USD",
    "đô la mỹ": "USD",
    "đôla mỹ": "USD",
    "euro": "EUR",
    "eur": "EUR",
    "yên": "JPY",
    "won": "KRW",
    "đồng": "VND",
    "vnd": "VND",
    "vnđ": "VND",
    "nhân dân tệ": "CNY",
    "ndt": "CNY",
}
_DELEGATION = re.compile(
    r"(?<!\w)(?:đoàn|phái đoàn|đại sứ|tổng lãnh sự|lãnh sự|thị trưởng|tỉnh trưởng|thống đốc)(?!\w)", re.I
)
_NATIONAL = re.compile(
    r"(?<!\w)(?:Thủ tướng|Phó Thủ tướng|Chủ tịch nước|Phó Chủ tịch nước|Chủ tịch Quốc hội|Phó Chủ tịch Quốc hội|"
    r"Tổng Bí thư|Bộ trưởng|Thứ trưởng|Bộ [A-ZĐ]\w+|Đại tướng|Thượng tướng|Chính phủ|Quốc hội)(?!\w)"
)
_SECONDARY_KINDS = {"conference", "signing", "cultural_event", "aid"}


def kind_of(text: str) -> tuple[str, int] | None:
    """The kind of the earliest cue in `text` and its offset."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in cue_table("event_cues.csv"):
        m = pattern.search(text)
        if m and (best is None or (m.start(), -len(m.group(0))) < (best[0], best[1])):
            best = (m.start(), -len(m.group(0)), kind)
    return (best[2], best[0]) if best else None


def in_scope(places: list[Place]) -> bool:
    """The contract's scope rule over a set of parties."""
    countries = {p.entity.country for p in places}
    return (
        any(p.vietnamese for p in places)
        and any(not p.vietnamese for p in places)
        and len(countries) >= 2
        and any(p.actor for p in places)
    )


def main_event(ctx: Context) -> tuple[Event, list[Place]] | None:
    lead = [s for s in ctx.sentences if s.paragraph <= _lead_paragraph(ctx)]
    title_foreign = any(not p.vietnamese for p in ctx.places_in(0, ctx.title_end))
    cue_sentence = next((s for s in lead if kind_of(s.text) and _has_party(ctx, s, title_foreign)), None)
    if cue_sentence is None:
        cue_sentence = next(
            (s for s in ctx.sentences[:8] if kind_of(s.text) and _has_party(ctx, s, title_foreign)), None
        )
    if cue_sentence is None:
        return None
    kind = kind_of(cue_sentence.text)
    assert kind is not None
    title_places = ctx.places_in(0, ctx.title_end)
    zone = [s for s in lead if s.start <= cue_sentence.start] or [cue_sentence]
    places = _unique(title_places + [p for s in zone for p in ctx.places_in(s.start, s.end)])
    places = [p for p in places if not _only_in_titles(ctx, p)]
    national = _national_actor(ctx, cue_sentence)
    if national is not None:
        places = [p for p in places if not p.vietnamese]
    if not any(not p.vietnamese for p in places):
        places = _unique(places + _delegates(ctx))
    places = _foreign_or_local(places)
    if national is not None and any(not p.vietnamese and _has_its_leader_there(ctx, p) for p in places):
        # "Thủ tướng tiếp Thống đốc tỉnh Aichi": Vietnam itself meets a foreign province's leader (in
        # scope), where "Thủ tướng tiếp Đại sứ Nhật Bản" or a summit in Bắc Kinh is two nations (out).
        places.append(national)
    if not in_scope(places):
        return None
    event_kind = kind[0]
    # A title naming a conference outranks the lead's verbs of meeting.
    title_kind = kind_of(ctx.text[: ctx.title_end])
    if title_kind and title_kind[0] == "conference":
        event_kind = "conference"
    if event_kind == "conference":
        places = _unique(places + _delegates(ctx))
    scope_text = ctx.text[: ctx.title_end] + " " + " ".join(s.text for s in zone)
    mode = "online" if _ONLINE.search(scope_text) else "in_person"
    date, status = _main_date(ctx, [cue_sentence, *lead])
    # A title names the event; where it was held is told by the lead's first sentence
    # ("Ngày 18/10, tại thành phố Nam Ninh, ..."). Later ones may say "tại" of anything else.
    opening = [s for s in lead if s.start >= ctx.title_end][:1]
    venue = next(
        (v for s in [cue_sentence, *opening] if (v := _venue(ctx, s, ctx.places_in(s.start, s.end)))), None
    )
    if venue is not None and not venue.vietnamese and any(p.entity.id == venue.entity.parent for p in places):
        # "Hà Giang và Vân Nam hội đàm tại Côn Minh": the province's capital is where, not who.
        places = [p for p in places if p.entity.id != venue.entity.id]
    roles = _roles(ctx, cue_sentence, places, event_kind, mode, venue)
    parties = [_party(ctx, p, roles.get(p.entity.id)) for p in places]
    event = Event(
        kind=event_kind,
        mode=mode,
        status=status,
        date=date,
        place=_party(ctx, venue, None) if venue else None,
        parties=parties,
        people=_people(ctx, places),
        fields=find_fields(ctx.text),
        amounts=_amounts(ctx.text),
        evidence=[_evidence(ctx, cue_sentence)],
    )
    return event, places


def secondary_events(ctx: Context, main: Event, main_places: list[Place]) -> list[Event]:
    """Separately dated conferences, signings, cultural events and aid the article reports."""
    found: list[Event] = []
    lead_end = max((s.end for s in ctx.sentences if s.paragraph <= _lead_paragraph(ctx)), default=0)
    for s in ctx.sentences:
        if s.start < lead_end:
            continue
        kind = kind_of(s.text)
        if not kind or kind[0] not in _SECONDARY_KINDS:
            continue
        mentions = [d for d in ctx.date_mentions if s.start <= d.start < s.end and d.month]
        if not mentions:
            continue
        planned = bool(_PLANNED.search(s.text))
        date = dates.resolve(mentions[0], ctx.published, ctx.year_hint, planned)
        if date is None or (main.date and date.value == main.date.value):
            continue
        if ctx.published and date.value > ctx.published.value[: len(date.value)]:
            planned = True
        own = ctx.places_in(s.start, s.end)
        places = _foreign_or_local(_unique([p for p in main_places if p.actor] + own))
        if not in_scope(places):
            continue
        twin = next((i for i, e in enumerate(found) if e.kind == kind[0] and e.date == date), None)
        if twin is not None:
            # The same event told again: it adds what the later sentence says.
            e = found[twin]
            found[twin] = e.model_copy(
                update={
                    "fields": _ordered(e.fields, find_fields(_rest_of_paragraph(ctx, s))),
                    "evidence": [*e.evidence, _evidence(ctx, s)],
                }
            )
            continue
        venue = _venue(ctx, s, own)
        roles = _roles(ctx, s, places, kind[0], "in_person", venue)
        found.append(
            Event(
                kind=kind[0],
                mode="online" if _ONLINE.search(s.text) else "in_person",
                status="planned" if planned else "past",
                date=date,
                place=_party(ctx, venue, None) if venue else None,
                parties=[_party(ctx, p, roles.get(p.entity.id)) for p in places],
                fields=find_fields(_rest_of_paragraph(ctx, s)),
                amounts=_amounts(s.text),
                evidence=[_evidence(ctx, s)],
            )
        )
    return found


def _rest_of_paragraph(ctx: Context, s: Span) -> str:
    """A sentence and those after it in its paragraph: what it goes on to say about the event."""
    return " ".join(x.text for x in ctx.sentences if x.paragraph == s.paragraph and x.start >= s.start)


def _ordered(a: list[str], b: list[str]) -> list[str]:
    return [f for f in FIELD_ORDER if f in set(a) | set(b)]


def _foreign_or_local(places: list[Place]) -> list[Place]:
    """Vietnam as a whole is the backdrop of every article, not a party to a local event."""
    return [p for p in places if not (p.entity.kind == "country" and p.entity.id == "VN")]


def _lead_paragraph(ctx: Context) -> int:
    """Paragraph index of the second body paragraph: the lead that tells who, when and where."""
    body = sorted({s.paragraph for s in ctx.sentences if s.start >= ctx.title_end})
    return body[min(1, len(body) - 1)] if body else 0


def _has_party(ctx: Context, s: Span, title_foreign: bool) -> bool:
    """A cue sentence names a foreign party, or a delegation whose origin is named elsewhere."""
    own = ctx.places_in(s.start, s.end)
    if any(not p.vietnamese for p in own):
        return True
    cue = kind_of(s.text)
    if own and cue is not None and cue[0] == "conference" and _delegates(ctx):
        return True  # a multilateral meeting whose foreign delegates speak later on
    return title_foreign and (bool(own) or _DELEGATION.search(s.text) is not None)


def _only_in_titles(ctx: Context, place: Place) -> bool:
    """A place named only inside officials' titles ("Tổng Lãnh sự Hoa Kỳ tại TP HCM") is not a party.

    A province or city whose own leader the title names is one: "Thống đốc tỉnh Aichi".
    """
    return all(
        ctx.in_a_title(m) and not _led_by_the_title(ctx, m) for m in ctx.places if m.entity.id == place.entity.id
    )


def _has_its_leader_there(ctx: Context, place: Place) -> bool:
    """A province or city one of whose leaders the article names by title: "Thống đốc tỉnh Aichi"."""
    return any(_led_by_the_title(ctx, m) for m in ctx.places if m.entity.id == place.entity.id)


def _led_by_the_title(ctx: Context, place: Place) -> bool:
    holder = ctx.title_holding(place) if place.subnational else None
    # "Tổng Lãnh sự Nhật Bản tại Đà Nẵng" is posted in the city, not its leader.
    return holder is not None and not re.search(r"\btại\b", ctx.text[holder.title_start or 0 : place.start])


def _national_actor(ctx: Context, s: Span) -> Place | None:
    """Vietnam itself when a national leader acts and no locality does: "Thủ tướng tiếp ..."."""
    cue = kind_of(s.text)
    if cue is None or not _NATIONAL.search(s.text[: cue[1]]):
        return None
    before = ctx.places_in(s.start, s.start + cue[1])
    if any(p.vietnamese and p.subnational for p in before):
        return None
    vietnam = gazetteer.load().get("VN")
    if vietnam is None:
        return None
    return Place(Mention(s.start, s.start, "Việt Nam", ("VN",)), vietnam)


def _unique(places: list[Place]) -> list[Place]:
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.entity.id, p)
    return list(seen.values())


def _delegates(ctx: Context) -> list[Place]:
    """Foreign parties introduced as delegates: "Đại diện Thái Lan cho biết"."""
    return [p for p in ctx.places if not p.vietnamese and _DELEGATE.search(ctx.text[max(0, p.start - 30) : p.start])]


def _main_date(ctx: Context, zone: list[Span]) -> tuple[DateValue | None, str]:
    for s in zone:
        for d in ctx.date_mentions:
            if s.start <= d.start < s.end and d.month:
                planned = bool(_PLANNED.search(s.text[: d.start - s.start + 20]))
                value = dates.resolve(d, ctx.published, ctx.year_hint, planned)
                if value:
                    status = (
                        "planned"
                        if planned and (not ctx.published or value.value > ctx.published.value[: len(value.value)])
                        else "past"
                    )
                    return value, status
    if ctx.published:
        return ctx.published.model_copy(update={"inferred": True}), "past"
    return dates.year_only(ctx.year_hint), "past"


def _roles(
    ctx: Context, s: Span, places: list[Place], kind: str, mode: str, venue: Place | None
) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    if kind == "aid":
        for p in places:
            roles[p.entity.id] = "recipient" if p.vietnamese else "funder"
        return roles
    if kind == "signing" or (kind == "meeting" and mode == "online"):
        return {p.entity.id: "participant" for p in places}
    if kind in ("conference", "cultural_event"):
        # The side where it is held hosts: Vietnam, unless a venue abroad is named. Vietnamese
        # localities abroad bring the event ("Tuần văn hóa Hà Nội tại Mát-xcơ-va").
        venue_country = venue.entity.country if venue else "VN"
        for p in places:
            if p.entity.kind == "organisation":
                roles[p.entity.id] = "organiser"
            elif p.entity.country == venue_country:
                roles[p.entity.id] = "host"
            else:
                roles[p.entity.id] = "organiser" if p.vietnamese and kind == "cultural_event" else "participant"
        return roles
    host_country = _host_country(ctx, s, places, venue)
    for p in places:
        roles[p.entity.id] = "host" if p.entity.country == host_country else "guest"
    return roles


def _host_country(ctx: Context, s: Span, places: list[Place], venue: Place | None) -> str | None:
    """Who receives whom: the subject of "tiếp"/"đón", else the place visited, else the venue, else Vietnam."""
    own = ctx.places_in(s.start, s.end)
    verb = _HOST_VERB.search(s.text)
    if verb:
        before = [p for p in own if p.start < s.start + verb.start()]
        if before:
            return before[-1].entity.country
    visit = _VISIT.search(s.text)
    if visit:
        after = [p for p in own if p.start >= s.start + visit.end()]
        if after and after[0].start - (s.start + visit.end()) < 40:
            return after[0].entity.country
    if venue is not None and any(p.entity.country == venue.entity.country for p in places):
        return venue.entity.country
    return "VN" if any(p.vietnamese for p in places) else None


# "Đại sứ Phần Lan tại Việt Nam", "Tổng Lãnh sự Nhật Bản tại": where a diplomat is posted, even
# when no name follows to make it a person's title.
_POSTED = re.compile(r"(?:Đại sứ|Lãnh sự|Trưởng [Đđ]ại diện|Tham tán|Tùy viên)[^.,;:\n]{0,50}\btại\s+\Z")


def _venue(ctx: Context, s: Span, own: list[Place]) -> Place | None:
    """The first place the sentence introduces with "tại"/"ở": where the event is held.

    Not one inside a person's title: "Tổng Lãnh sự Việt Nam tại Côn Minh" tells a post, not a venue.
    """
    return next(
        (
            p
            for p in own
            if is_venue(s.text, p.start - s.start)
            and not ctx.in_a_title(p)
            and p.entity.id != "VN"  # "tại Việt Nam" tells presence in the country, never where a meeting was
            and not _POSTED.search(ctx.text, max(0, p.start - 80), p.start)
        ),
        None,
    )


def _party(ctx: Context, place: Place, role: Role | None) -> Party:
    surfaces = [p.mention.text for p in ctx.places if p.entity.id == place.entity.id]
    return resolve.to_party(place.entity, role, surfaces)


def _people(ctx: Context, places: list[Place]) -> list[Person]:
    vn = next((p.entity.id for p in places if p.vietnamese), None)
    foreign = next((p.entity.id for p in places if not p.vietnamese and p.entity.kind != "country"), None)
    foreign = foreign or next((p.entity.id for p in places if not p.vietnamese), None)
    out = []
    for person in ctx.people:
        party = None
        if person.title_start is not None and person.title_end is not None:
            in_title = ctx.places_in(person.title_start, person.title_end)
            party = in_title[0].entity.id if in_title else None
        if party is None:
            party = vn if person.vietnamese else foreign
        out.append(Person(name=person.name, title=person.title, party=party))
    return out


def _amounts(text: str) -> list[Amount]:
    out: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        raw = m["num"]
        # Vietnamese writes 1.000.000 with dots and 1,5 with a comma.
        number = (
            float(raw.replace(".", "").replace(",", "."))
            if re.search(r"[.,]\d{3}\b", raw) is None
            else float(raw.replace(".", "").replace(",", ""))
        )
        amount = Amount(value=number * _SCALE[m["scale"]], currency=_CURRENCY[m["cur"].lower()], text=m.group(0))
        if not any(a.value == amount.value and a.currency == amount.currency for a in out):
            out.append(amount)
    return out


def _evidence(ctx: Context, s: Span) -> Evidence:
    return Evidence(start=s.start, end=s.end, text=ctx.text[s.start : s.end])
