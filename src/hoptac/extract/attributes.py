"""Per-event attributes: roles, venue, people, amounts, evidence, and parties in the contract's shape."""

from __future__ import annotations

import re

from hoptac import resolve
from hoptac.extract.context import Context, Place, find_cues, is_venue
from hoptac.extract.text import Span
from hoptac.models import Amount, Evidence, Party, Role

_HOST_VERB = re.compile(r"(?<!\w)(?:tiếp xã giao|tiếp đón|đón tiếp|tiếp|đón|chào mừng|hội kiến|chủ trì)(?!\w)", re.I)
_DELEGATION_OF = re.compile(
    r"(?<!\w)[Đđ]oàn(?:\s+(?:công tác|đại biểu|cấp cao|lãnh đạo))?\s+(?:của\s+)?"
    r"(?:(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|UBND tỉnh|UBND thành phố)\s+)?\Z"
)
_VISIT = re.compile(r"(?<!\w)(?:thăm và làm việc tại|làm việc tại|đến thăm|sang thăm|thăm|đến(?! từ))(?!\w)", re.I)
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


def roles(
    ctx: Context,
    s: Span,
    places: list[Place],
    kind: str,
    mode: str,
    venue: Place | None,
    named: list[Place] | None = None,
) -> dict[str, Role]:
    """Each party's role. `named` are the parties as the sentence names them, Vietnam's leaders included."""
    roles: dict[str, Role] = {}
    if kind == "aid":
        given = _givers(ctx, s, places)
        for p in places:
            roles[p.entity.id] = given.get(p.entity.id) or ("recipient" if p.vietnamese else "funder")
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
    host_country = _host_country(ctx, s, places, venue, named)
    for p in places:
        roles[p.entity.id] = "host" if p.entity.country == host_country else "guest"
    return roles


_BORROWED = re.compile(r"(?:vay vốn|vốn vay|vốn ODA)(?!\w)", re.IGNORECASE)
_THANKS = re.compile(r"(?<!\w)(?:cảm ơn|cám ơn|tri ân)(?!\w)", re.IGNORECASE)
_FUNDED_BY = re.compile(r"(?<!\w)do\s+(?:[^\s,.;]+\s+){0,3}\Z")
_GIFT_VERB = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?(?:tài trợ|viện trợ|hỗ trợ|trao tặng|tặng|xây tặng|đầu tư xây dựng)(?!\w)"
)
_FROM = re.compile(r"(?<!\w)(?:của|từ)(?!\w)")
_THROUGH = re.compile(r"(?<!\w)thông qua\s+(?:[^\s,.;]+\s+){0,6}?\Z")
_PASSIVE = re.compile(r"(?<!\w)(?:được|nhận được|tiếp nhận|nhận)(?!\w)")


def _givers(ctx: Context, s: Span, places: list[Place]) -> dict[str, Role]:
    """Who gives and who receives, by where the parties stand around the sentence's gift verb.

    "tỉnh Quảng Nam trao tặng tỉnh Champasak ...": the one before gives; "Quảng Nam được JICA tài trợ ...":
    the one before "được" receives from the one after it.
    """
    cue = next((offset for label, offset in find_cues("event_cues.csv", s.text) if label == "aid"), None)
    if cue is None:
        return {}
    ids = {p.entity.id for p in places}
    # The parties' own mentions count too: a body the text names ("Bệnh viện tỉnh Takeo") is no gazetteer place.
    named = ctx.places_in(s.start, s.end)
    bodies = [p for p in places if s.start <= p.start < s.end and p.entity.kind == "organisation"]
    own = sorted(
        [p for p in named if p.entity.id in ids and not is_venue(ctx.text, p.start)]
        + [p for p in bodies if not any(q.start <= p.start < q.end for q in named)],
        key=lambda p: p.start,
    )
    at = s.start + cue
    before = [p for p in own if p.end <= at]
    after = [p for p in own if p.start >= at]
    passive = _PASSIVE.search(ctx.text, before[0].end, at) if before else None
    thanks = _THANKS.search(ctx.text, before[0].start, at) if before else None
    funded_by = next(
        (
            p
            for p in own
            if _FUNDED_BY.search(ctx.text, max(s.start, p.start - 20), p.start) and _GIFT_VERB.match(ctx.text, p.end)
        ),
        None,
    )
    if funded_by is not None:
        # "bàn giao công trình Trường ... tại huyện Phonthong do tỉnh Bình Định tài trợ": the one after "do" gave,
        # to the others, the place of the works among them.
        givers = [funded_by]
        takers = [p for p in places if p.entity.id != funded_by.entity.id]
    elif thanks:
        # "lãnh đạo tỉnh Hủa Phăn cảm ơn Nghệ An đã hỗ trợ": the one thanked gave.
        givers = [p for p in before if p.start >= thanks.end()]
        takers = [p for p in before if p.end <= thanks.start()]
    elif _BORROWED.match(s.text, cue):
        # "Dự án ... tỉnh Kon Tum, vay vốn ADB", "vốn vay ODA của Nhật Bản": the lender comes after.
        givers, takers = after, before
    elif passive:
        # "Quảng Ngãi được tỉnh Gunma tài trợ", "Quảng Ngãi nhận tài trợ của tỉnh Gunma".
        givers = [p for p in before if p.start >= passive.end()] or after
        takers = [p for p in before if p.end <= passive.start()]
    elif not before and after and not _FROM.search(ctx.text, at, after[0].start):
        # "Nhân dịp này, đoàn đã trao tặng Bệnh viện tỉnh Takeo 1 xe cứu thương": the gift goes to those named
        # after the verb, from the event's other side.
        takers = [p for p in after if p.entity.id == after[0].entity.id]
        givers = [p for p in places if p.entity.id != after[0].entity.id and p.vietnamese != after[0].vietnamese]
    else:
        givers, takers = before, after
    if not givers or not takers or {p.entity.id for p in givers} & {p.entity.id for p in takers}:
        return {}
    if all(_THROUGH.search(ctx.text, max(at, p.start - 40), p.start) for p in takers):
        givers, takers = takers, givers  # "Dự án ... tại TPHCM do BMZ tài trợ 3,5 triệu euro thông qua GIZ"
    out: dict[str, Role] = {p.entity.id: "funder" for p in givers}
    out.update({p.entity.id: "recipient" for p in takers})
    return out


def _host_country(
    ctx: Context, s: Span, places: list[Place], venue: Place | None, named: list[Place] | None
) -> str | None:
    """Who receives whom: the subject of "tiếp"/"đón", else the place visited, else the venue, else Vietnam."""
    own = sorted(
        [p for p in (named or []) if s.start <= p.start < s.end] or ctx.places_in(s.start, s.end),
        key=lambda p: p.start,
    )
    verb = _HOST_VERB.search(s.text)
    if verb:
        # "Đoàn công tác tỉnh Lào Cai đã hội kiến ông ...": a delegation calls on its host, it receives no one.
        before = [
            p
            for p in own
            if p.start < s.start + verb.start() and not _DELEGATION_OF.search(ctx.text, max(0, p.start - 40), p.start)
        ]
        if before:
            return before[-1].entity.country
    visit = _VISIT.search(s.text)
    if visit:
        after = [p for p in own if p.start >= s.start + visit.end()]
        if after and after[0].start - (s.start + visit.end()) < 40:
            return after[0].entity.country
    if venue is not None and any(p.entity.country == venue.entity.country for p in places):
        return venue.entity.country
    abroad = _visited_abroad(ctx)
    if abroad is not None and any(p.entity.country == abroad for p in places):
        return abroad  # "Đoàn công tác tỉnh Nghệ An thăm và làm việc tại Hàn Quốc": hosted there all along
    return "VN" if any(p.vietnamese for p in places) else None


def _visited_abroad(ctx: Context) -> str | None:
    """The foreign country the title says a delegation visits or works in, if it says so."""
    visit = _VISIT.search(ctx.text, 0, ctx.title_end)
    if visit is None:
        return None
    after = [p for p in ctx.places_in(visit.end(), ctx.title_end) if not p.vietnamese]
    return after[0].entity.country if after else None


# "Đại sứ Phần Lan tại Việt Nam", "Tổng Lãnh sự Nhật Bản tại": where a diplomat is posted, even
# when no name follows to make it a person's title.
_POSTED = re.compile(r"(?:Đại sứ|Lãnh sự|Trưởng [Đđ]ại diện|Tham tán|Tùy viên)[^.,;:\n]{0,50}\btại\s+\Z")


# "liệt sĩ hy sinh tại Campuchia", "kiều bào sinh sống ở Nhật Bản": where people lived or died, not the event.
_LIVED_AT = re.compile(
    r"(?<!\w)(?:hy sinh|hi sinh|sinh sống|định cư|sinh ra|qua đời|học tập|lao động|cư trú|an nghỉ)"
    r"\s+(?:tại|ở)\s+[^,.;]{0,25}\Z",
    re.IGNORECASE,
)


def venue(ctx: Context, s: Span, own: list[Place]) -> Place | None:
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
            and not _LIVED_AT.search(ctx.text, max(0, p.start - 50), p.start)
        ),
        None,
    )


def party(ctx: Context, place: Place, role: Role | None) -> Party:
    surfaces = [p.mention.text for p in ctx.places if p.entity.id == place.entity.id]
    return resolve.to_party(place.entity, role, surfaces)


def amounts(text: str) -> list[Amount]:
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


def evidence(ctx: Context, s: Span) -> Evidence:
    return Evidence(start=s.start, end=s.end, text=ctx.text[s.start : s.end])
