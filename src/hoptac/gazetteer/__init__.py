"""Gazetteer of the parties named in cooperation news: Vietnamese units (with
their 2025 successors), countries, foreign first-level regions and cities,
international organisations and foreign agencies, and a registry of standing
partnerships.

Stdlib only at run time: the CSVs under ``data/`` are generated or curated
ahead of time (see ``build.py`` and ``data/SOURCES.md``).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hoptac.textnorm import fold, normalize, squeeze

DATA_DIR = Path(__file__).parent / "data"
COLUMNS = [
    "id", "kind", "country", "name", "name_vi", "aliases", "parent",
    "lat", "lon", "valid_from", "valid_to", "successor", "source",
]  # fmt: skip
ENTITY_FILES = (
    "vn_units.csv",
    "countries.csv",
    "foreign_regions.csv",
    "foreign_cities.csv",
    "organisations.csv",
)
PARTNERSHIP_FILE = "partnerships.csv"
PARTNERSHIP_COLUMNS = ["a_id", "b_id", "type", "since", "source"]
KINDS = ("country", "province", "city", "district", "commune", "organisation", "agency")
PARTNERSHIP_TYPES = ("sister", "friendship", "cooperation", "membership")
# Higher-level units first when several candidates match equally well.
_KIND_RANK = {
    kind: rank
    for rank, kind in enumerate(
        ("country", "province", "organisation", "agency", "city", "district", "commune")
    )
}


class GazetteerError(ValueError):
    """A gazetteer data file is missing or malformed; the message names the file."""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    country: str | None
    name: str
    name_vi: str | None
    aliases: tuple[str, ...]
    parent: str | None
    lat: float | None
    lon: float | None
    valid_from: str | None
    valid_to: str | None
    successor: str | None
    source: str

    def valid_on(self, day: str | None) -> bool:
        """Whether the unit existed on `day` ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None means any time).

        A partial date counts when any part of that year or month falls within
        the validity period; valid_to is exclusive (the day the successor took over).
        """
        if not day:
            return True
        first, last = day, day + "-99"  # lexical bounds of the period the partial date covers
        if self.valid_to and first >= self.valid_to:
            return False
        return not (self.valid_from and last < self.valid_from)

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for f in (self.name, self.name_vi, *self.aliases) if f))


@dataclass(frozen=True, slots=True)
class Partnership:
    a_id: str
    b_id: str
    type: str
    since: str | None
    source: str


# A town or city of a province was often a district or a town before its upgrade: "huyện Mộc Châu" in 2019
# news is today's "thị xã Mộc Châu".
_UPGRADED = re.compile(r"^(?:Thị xã|Thành phố)\s+(.+)$")


def _former_designations(e: Entity) -> tuple[str, ...]:
    if e.country != "VN" or e.kind != "district" or not e.name_vi:
        return ()
    upgraded = _UPGRADED.match(e.name_vi)
    if upgraded is None:
        return ()
    name = upgraded.group(1)
    earlier = ("huyện", "thị xã") if e.name_vi.startswith("Thị xã") else ("thị xã",)
    return tuple(f"{w} {name}" for w in earlier) + tuple(f"{w.capitalize()} {name}" for w in earlier)


def _key(text: str) -> str:
    if text.isascii() and "  " not in text and text == text.strip():
        return text  # nothing for normalize or squeeze to change; most GeoNames names
    return squeeze(normalize(text))


def _float(value: str, where: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise GazetteerError(f"{where}: not a number: {value!r}") from None


def _read(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != columns:
                raise GazetteerError(f"{path}: header must be {','.join(columns)}")
            return [(reader.line_num, row) for row in reader]
    except FileNotFoundError:
        raise GazetteerError(f"{path}: file not found") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"{path}: unreadable CSV: {exc}") from None


class Gazetteer:
    def __init__(self, entities: list[Entity], partnerships: list[Partnership]) -> None:
        self._by_id = {e.id: e for e in entities}
        self._partnerships = partnerships

    @classmethod
    def from_dir(cls, data_dir: Path = DATA_DIR) -> Gazetteer:
        entities: list[Entity] = []
        seen: dict[str, str] = {}
        for name in ENTITY_FILES:
            path = data_dir / name
            for line, r in _read(path, COLUMNS):
                where = f"{path}:{line}"
                if not r["id"] or not r["name"]:
                    raise GazetteerError(f"{where}: id and name are required")
                if r["id"] in seen:
                    raise GazetteerError(f"{where}: duplicate id {r['id']} (also in {seen[r['id']]})")
                if r["kind"] not in KINDS:
                    raise GazetteerError(f"{where}: unknown kind {r['kind']!r}")
                if not r["source"]:
                    raise GazetteerError(f"{where}: row {r['id']} has no source")
                seen[r["id"]] = name
                entities.append(
                    Entity(
                        id=r["id"],
                        kind=r["kind"],
                        country=r["country"] or None,
                        name=r["name"],
                        name_vi=r["name_vi"] or None,
                        aliases=tuple(a for a in r["aliases"].split("|") if a),
                        parent=r["parent"] or None,
                        lat=_float(r["lat"], where),
                        lon=_float(r["lon"], where),
                        valid_from=r["valid_from"] or None,
                        valid_to=r["valid_to"] or None,
                        successor=r["successor"] or None,
                        source=r["source"],
                    )
                )
        partnerships = []
        path = data_dir / PARTNERSHIP_FILE
        for line, r in _read(path, PARTNERSHIP_COLUMNS):
            if r["type"] not in PARTNERSHIP_TYPES:
                raise GazetteerError(f"{path}:{line}: unknown partnership type {r['type']!r}")
            for side in ("a_id", "b_id"):
                if r[side] not in seen:
                    raise GazetteerError(f"{path}:{line}: unknown entity id {r[side]!r}")
            if not r["source"]:
                raise GazetteerError(f"{path}:{line}: partnership has no source")
            partnerships.append(Partnership(r["a_id"], r["b_id"], r["type"], r["since"] or None, r["source"]))
        return cls(entities, partnerships)

    def __len__(self) -> int:
        return len(self._by_id)

    def entities(self) -> list[Entity]:
        return list(self._by_id.values())

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def position(self, entity_id: str) -> tuple[float, float] | None:
        """Latitude and longitude for a map: the entity's own, else, for a region the sources
        give no point for, a city of the same name in it (Kumamoto for Kumamoto prefecture)
        or one of its cities."""
        entity = self._by_id.get(entity_id)
        if entity is None:
            return None
        if entity.lat is not None and entity.lon is not None:
            return entity.lat, entity.lon
        if entity.kind != "province":
            return None
        return self._region_points.get(entity_id)

    @functools.cached_property
    def _region_points(self) -> dict[str, tuple[float, float]]:
        cities: dict[tuple[str | None, str], Entity] = {}
        members: dict[str, list[Entity]] = {}
        for e in self._by_id.values():
            if e.kind != "city" or e.lat is None or e.lon is None:
                continue
            cities.setdefault((e.country, fold(e.name)), e)
            region = e.id.split(":")[0]
            if "-" in region:
                members.setdefault(region, []).append(e)
        # The city nearest all the region's others, so one stray point cannot misplace the region.
        inside = {
            region: min(group, key=lambda c: sum(abs(c.lat - o.lat) + abs(c.lon - o.lon) for o in group))  # type: ignore[operator]
            for region, group in members.items()
        }
        points = {}
        for e in self._by_id.values():
            if e.kind != "province" or e.lat is not None:
                continue
            base = re.sub(r"[- ](do|to|fu|ken|sheng|shi)$", "", fold(e.name))
            match = cities.get((e.country, fold(e.name))) or cities.get((e.country, base)) or inside.get(e.id)
            if match is not None and match.lat is not None and match.lon is not None:
                points[e.id] = (match.lat, match.lon)
        return points

    @functools.cached_property
    def _surface(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for e in self._by_id.values():
            for form in (*e.forms, *_former_designations(e)):
                ids = table.setdefault(_key(form), [])
                if e.id not in ids:
                    ids.append(e.id)
        return table

    @functools.cached_property
    def _lower(self) -> dict[str, list[str]]:
        return self._index(str.lower)

    @functools.cached_property
    def _folded(self) -> dict[str, list[str]]:
        # textnorm.fold character by character is slow over ~20k forms; it maps each
        # character independently, so a translation table built from it gives the same result.
        chars = {c for form in self._surface for c in form if not c.isascii() or c.isupper()}
        table = str.maketrans({c: fold(c) for c in chars})
        return self._index(lambda form: form.translate(table))

    def _index(self, how: Callable[[str], str]) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for form, ids in self._surface.items():
            bucket = table.setdefault(how(form), [])
            bucket.extend(i for i in ids if i not in bucket)
        return table

    def surface_forms(self) -> dict[str, list[str]]:
        """Normalised surface form -> ids of the entities that carry it (name, name_vi or alias)."""
        return self._surface

    def lookup(self, name: str, on: str | None = None) -> list[Entity]:
        """Entities whose name or alias is `name`, best first.

        Exact (normalised) matches rank before case-insensitive ones, which rank
        before diacritic-folded ones; within that, units valid on `on` come
        first, then current units, then higher-level kinds.
        """
        key = _key(name)
        tiers = (
            self._surface.get(key, []),
            self._lower.get(key.lower(), []),
            self._folded.get(fold(key), []),
        )
        tier_of: dict[str, int] = {}
        for tier, ids in enumerate(tiers):
            for i in ids:
                tier_of.setdefault(i, tier)
        found = [self._by_id[i] for i in tier_of]
        found.sort(
            key=lambda e: (
                not e.valid_on(on),
                tier_of[e.id],
                on is None and e.valid_to is not None,
                _KIND_RANK.get(e.kind, 99),
                e.id,
            )
        )
        return found

    def country_of_name(self, name: str) -> str | None:
        """ISO alpha-2 code of the country called `name` ("Hàn Quốc" -> "KR"), or None."""
        for e in self.lookup(name):
            if e.kind == "country":
                return e.id
        return None

    def all_partnerships(self) -> list[Partnership]:
        return list(self._partnerships)

    def partnerships(self, entity_id: str) -> list[Partnership]:
        return [p for p in self._partnerships if entity_id in (p.a_id, p.b_id)]

    @functools.cached_property
    def _absorbed(self) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        for e in self._by_id.values():
            if e.successor:
                out.setdefault(e.successor, []).append(e)
        return out

    def predecessors(self, entity_id: str) -> list[Entity]:
        """The units `entity_id` absorbed whole, by id: the provinces merged into it, not each of their
        cities and districts, which went along with them."""
        found = self._absorbed.get(entity_id, [])
        # Its own former districts went nowhere else.
        ids = {e.id for e in found} | {entity_id}
        return sorted((e for e in found if e.parent not in ids), key=lambda e: e.id)

    def successor_chain(self, entity_id: str) -> list[str]:
        """Ids of the successive units that absorbed `entity_id`, nearest first."""
        chain: list[str] = []
        current = self._by_id.get(entity_id)
        while current is not None and current.successor and current.successor not in chain:
            chain.append(current.successor)
            current = self._by_id.get(current.successor)
        return chain


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer, read once per process."""
    return Gazetteer.from_dir()
