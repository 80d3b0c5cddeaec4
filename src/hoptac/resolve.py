"""Resolve place and organisation mentions to canonical entities.

A surface form can name several entities ("Huế" the city before 2025, the
centrally-run city after it; "Busan" the metropolitan city). The resolver
keeps the unit that existed on the article's date, prefers the kind a prefix
announces ("tỉnh", "thành phố") and the countries the article is about, and
records the 2025 successor beside a unit that no longer exists. Foreign
places missing from the gazetteer get an id of the project's scheme
(`CC:slug`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from hoptac import gazetteer
from hoptac.extract.parties import Mention
from hoptac.gazetteer import Entity
from hoptac.models import Party, Role
from hoptac.textnorm import slug

_KIND_RANK = {"province": 0, "city": 1, "district": 2, "commune": 3, "agency": 1, "organisation": 1, "country": 4}


def choose(mention: Mention, on: str | None, countries: set[str]) -> Entity | None:
    """The entity a mention most likely names on date `on` in an article about `countries`."""
    gaz = gazetteer.load()
    cands = [e for e in (gaz.get(i) for i in mention.ids) if e is not None]
    if not cands:
        return None

    def rank(e: Entity) -> tuple[int, int, int, int, int]:
        valid = 0 if e.valid_on(on) else 1
        kind = 0
        if mention.kind_hint:
            if mention.kind_hint == e.kind or (
                mention.kind_hint == "city" and e.kind == "province" and e.country == "VN" and e.id.count(":") == 0
            ):
                kind = 0
            else:
                kind = 1
        about = 0 if (e.country in countries or e.country is None) else 1
        # A name two countries share ("Hà Nam", Henan) is Vietnam's unless the text pins it elsewhere, even after
        # the province was merged ("sau khi hợp nhất ba tỉnh Hà Nam, Nam Định và Ninh Bình" in an article of 2025).
        return (about, valid, kind, _KIND_RANK.get(e.kind, 5), 0 if e.country == "VN" else 1)

    return min(cands, key=rank)


_PREFIX = re.compile(r"^(?:thành phố|thị trấn|tiểu bang|đặc khu|khu tự trị|thủ phủ|thủ đô|\S+)\s+", re.IGNORECASE)


def adhoc(mention: Mention, country: str | None) -> Entity | None:
    """An entity for a foreign place the gazetteer lacks, in the country the text gives it."""
    if not country or country == "VN":
        return None
    company = mention.kind_hint == "company"
    # "thị trấn Chamonix-Mont-Blanc": the name without its prefix, of one word or two.
    name = _PREFIX.sub("", mention.text) if mention.kind_hint and not company else mention.text
    ident = f"org:{slug(name)}" if company else f"{country}:{slug(name)}"
    return _named_in_article(ident, mention.kind_hint or "city", country, name, mention.text)


_COMMUNE_UNIT = re.compile(r"^(?:xã|phường|thị trấn)\s+", re.IGNORECASE)


def group_of_localities(mention: Mention, country: str) -> Entity:
    """Provinces a text names together, by their part of a country: "các tỉnh Bắc Lào"."""
    words = re.sub(r"^(?:các|những|\d{1,2})\s+", "", mention.text)
    return _named_in_article(f"{country}:group:{slug(words)}", "province", country, mention.text, mention.text)


def is_group(entity_id: str) -> bool:
    """Whether an id is that of a group of localities (`group_of_localities`)."""
    return ":group:" in entity_id


def commune(mention: Mention, within: Entity) -> Entity:
    """A Vietnamese commune or ward the gazetteer does not list, inside the district or province named with it."""
    name = _COMMUNE_UNIT.sub("", mention.text)
    entity = _named_in_article(f"{within.id}:{slug(name)}", "commune", "VN", name, mention.text)
    return replace(entity, parent=within.id)


def international_body(mention: Mention, full_name: str) -> Entity:
    """A world body of no one country that the text names by its acronym: "IAGTO"."""
    entity = _named_in_article(f"org:{slug(mention.text)}", "organisation", None, mention.text, full_name)
    return replace(entity, aliases=(mention.text, full_name))


def named_body(mention: Mention, country: str | None) -> Entity | None:
    """An organisation the text names in full, of any country: "Trường Đại học Đà Lạt"."""
    if not country:
        return None
    return _named_in_article(f"org:{slug(mention.text)}", "organisation", country, mention.text, mention.text)


def _named_in_article(ident: str, kind: str, country: str | None, name: str, surface: str) -> Entity:
    return Entity(
        id=ident,
        kind=kind,
        country=country,
        name=name,
        name_vi=surface,
        aliases=(surface,),
        parent=country,
        lat=None,
        lon=None,
        valid_from=None,
        valid_to=None,
        successor=None,
        source="named in the article",
    )


def to_party(entity: Entity, role: Role | None = None, surfaces: list[str] | None = None) -> Party:
    successor = entity.successor
    return Party(
        id=entity.id,
        name=entity.name,
        name_vi=entity.name_vi,
        kind=entity.kind if entity.kind != "commune" else "district",
        country=entity.country,
        role=role,
        successor=successor,
        aliases=sorted(set(surfaces or [])),
    )
