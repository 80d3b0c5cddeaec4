"""Standing relationships stated in the text: sister cities, friendship, cooperation, membership.

A sentence with a relationship cue ("kết nghĩa", "quan hệ hợp tác hữu nghị",
"biên bản ghi nhớ") names the pair, or refers to it as "hai địa phương",
"hai thành phố", "hai bên", in which case the main event's Vietnamese and
foreign parties are meant. The year comes from the same sentence ("vào năm
1995", "ký kết trong dịp ... 2017") or from "sau 23 năm thiết lập quan hệ".
"""

from __future__ import annotations

import re

from hoptac import resolve
from hoptac.extract import dates
from hoptac.extract.context import Context, Place, cue_table, is_venue
from hoptac.models import Evidence, Relation

_PAIR_WORDS = re.compile(r"hai (?:địa phương|thành phố|tỉnh|bên|thủ đô)", re.I)
_YEARS_AGO = re.compile(r"(?:sau|qua|tròn|hơn)\s+(\d{1,2})\s+năm\s+(?:thiết lập|kết nghĩa|ký kết|hợp tác)", re.I)
# "mong muốn hai địa phương sớm ký kết thỏa thuận": a wish, not a standing relationship.
_WISHED = re.compile(
    r"(?:mong muốn|sẽ|sớm|dự kiến|đề nghị|hướng tới|tiến tới|xem xét)\s+(?:\S+\s+){0,6}?"
    r"(?:ký kết|ký|thiết lập|kết nghĩa|nâng cấp)",
    re.I,
)
_SIGNED = re.compile(r"(?<!\w)(?:ký kết|ký)(?!\w)", re.I)
_RANK = {"sister": 0, "friendship": 1, "membership": 2, "cooperation": 3}
_PERSONAL = re.compile(r"(?:anh em|chị em|mẹ|cha|con nuôi|gia đình|kết nghĩa với (?:ông|bà|anh|chị|em|cháu))", re.I)


def find_relations(ctx: Context, main_places: list[Place]) -> list[Relation]:
    best: dict[tuple[str, str], Relation] = {}
    for s in ctx.sentences:
        rtype = _type_of(s.text)
        if rtype is None or _PERSONAL.search(s.text) or _WISHED.search(s.text):
            continue
        own = [p for p in ctx.places_in(s.start, s.end) if p.entity.kind != "country"]
        vn = [p for p in own if p.vietnamese and p.subnational]
        foreign = [p for p in own if not p.vietnamese and not is_venue(s.text, p.start - s.start)]
        main_ids = {p.entity.id for p in main_places}
        foreign.sort(key=lambda p: p.entity.id not in main_ids)
        vn.sort(key=lambda p: p.entity.id not in main_ids)
        if _PAIR_WORDS.search(s.text):
            # "giữa hai địa phương" refers to the pair the article is about, whatever else the sentence names.
            vn = [p for p in main_places if p.vietnamese and p.subnational][:1] or vn
            foreign = [p for p in main_places if not p.vietnamese and p.entity.kind != "country"][:1] or foreign
        if not vn or not foreign:
            continue
        a, b = vn[0], foreign[0]
        if rtype == "membership" and b.entity.kind not in ("organisation",):
            continue
        if rtype != "membership" and b.entity.kind == "organisation":
            continue
        since = _since(ctx, s.text)
        key = (a.entity.id, b.entity.id)
        rel = Relation(
            a=resolve.to_party(a.entity, None, [a.mention.text]),
            b=resolve.to_party(b.entity, None, [b.mention.text]),
            type=rtype,
            since=since,
            evidence=[Evidence(start=s.start, end=s.end, text=s.text)],
        )
        old = best.get(key)
        if old is None:
            best[key] = rel
            continue
        # Keep the strongest type and the first year stated; collect the evidence.
        merged_type = min(old.type, rel.type, key=_RANK.__getitem__)
        best[key] = old.model_copy(
            update={
                "type": merged_type,
                "since": old.since or rel.since,
                "evidence": old.evidence + rel.evidence,
            }
        )
    return list(best.values())


def _type_of(text: str) -> str | None:
    hits = [label for label, pattern in cue_table("relation_cues.csv") if pattern.search(text)]
    return min(hits, key=_RANK.__getitem__) if hits else None


def _since(ctx: Context, sentence: str) -> str | None:
    ago = _YEARS_AGO.search(sentence)
    if ago and ctx.year_hint:
        return str(ctx.year_hint - int(ago.group(1)))
    years = [y for _, y in dates.years_stated(sentence) if not ctx.year_hint or y <= ctx.year_hint]
    if years:
        return str(min(years))
    if _SIGNED.search(sentence):
        # "Ngày 18/10/2023, ... ký kết biên bản ghi nhớ": the signing's date is the start.
        signed = dates.years_in_dates(sentence)
        return str(min(signed)) if signed else None
    return None
