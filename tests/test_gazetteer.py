"""Gazetteer lookups on the packaged data, with exact expectations."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hoptac.gazetteer import DATA_DIR, ENTITY_FILES, Gazetteer, GazetteerError, load


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def ids(gaz: Gazetteer, name: str, on: str | None = None) -> list[str]:
    return [e.id for e in gaz.lookup(name, on=on)]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("TP.HCM", "VN-SG"),
        ("TP. Hồ Chí Minh", "VN-SG"),
        ("Thành phố Hồ Chí Minh", "VN-SG"),
        ("Sài Gòn", "VN-SG"),
        ("thủ đô Hà Nội", "VN-HN"),
        ("BR-VT", "VN-43"),
        ("Thừa Thiên - Huế", "VN-26"),
        ("Đác Nông", "VN-72"),
        ("Đắk Lăk", "VN-33"),
        ("tỉnh Gyeongsangbuk", "KR-47"),
        ("Gyeongsangbuk-do", "KR-47"),
        ("thành phố Busan", "KR-26"),
        ("Gyeongju-si", "KR-47:gyeongju"),
        ("TP. Gimhae", "KR-48:gimhae"),
        ("TP Uijeongbu", "KR:uijeongbu-si"),
        ("Bucheon", "KR:bucheon-si"),
        ("Viêng Chăn", "LA-VT"),
        ("tỉnh Luông Pha-băng", "LA-LP"),
        ("tỉnh Phôngsalỳ", "LA-PH"),
        ("Xiêngkhoảng", "LA-XI"),
        ("tỉnh Quảng Tây", "CN-GX"),
        ("Khu tự trị dân tộc Choang Quảng Tây", "CN-GX"),
        ("Thượng Hải", "CN-SH"),
        ("Mát-xcơ-va", "RU-MOW"),
        ("tỉnh Ulyanovsk", "RU-ULY"),
        ("La Ha-ba-na", "CU-03"),
        ("bang California", "US-CA"),
        ("tiểu bang Oregon", "US-OR"),
        ("vùng Île-de-France", "FR-IDF"),
        ("tỉnh Kanagawa", "JP-14"),
        ("Ô-xa-ca", "JP:osaka"),
        ("Ngân hàng Thế giới", "org:world-bank"),
        ("Văn phòng Kinh tế và Văn hóa Đài Bắc", "org:teco"),
        ("Tổ chức Xúc tiến du lịch các thành phố khu vực châu Á - Thái Bình Dương", "org:tpo"),
    ],
)
def test_surface_forms_resolve(gaz: Gazetteer, surface: str, expected: str) -> None:
    assert ids(gaz, surface)[0] == expected


def test_case_and_diacritic_fallbacks(gaz: Gazetteer) -> None:
    assert ids(gaz, "sài gòn") == ["VN-SG"]
    assert ids(gaz, "Viang Chan") == []  # folding keeps letters: no fuzzy matching
    assert ids(gaz, "Vieng Chan")[0] == "LA-VT"
    # NFD input and old tone placement are normalised before matching.
    assert ids(gaz, "Kha\u0301nh Ho\u0300a")[0] == "VN-34"


def test_agency_and_organisation(gaz: Gazetteer) -> None:
    koica = gaz.lookup("KOICA")[0]
    assert (koica.id, koica.kind, koica.country) == ("org:koica", "agency", "KR")
    cbi = gaz.lookup("CBI")[0]
    assert (cbi.id, cbi.kind, cbi.country) == ("org:cbi", "agency", "NL")
    tpo = gaz.get("org:tpo")
    assert tpo is not None and tpo.kind == "organisation" and tpo.country is None


def test_hue_resolves_by_date(gaz: Gazetteer) -> None:
    before = gaz.lookup("Huế", on="2021-05-31")[0]
    assert before.id == "VN-26:hue"
    assert before.kind == "city" and before.successor == "VN:hue"
    after = gaz.lookup("Huế", on="2025-09-01")[0]
    assert after.id == "VN:hue" and after.kind == "province" and after.valid_to is None


def test_reorganisation_successors(gaz: Gazetteer) -> None:
    brvt = gaz.get("VN-43")
    assert brvt is not None and brvt.valid_to == "2025-07-01" and brvt.successor == "VN-SG"
    assert gaz.successor_chain("VN-43:vung-tau") == ["VN-SG"]
    assert gaz.successor_chain("VN-26:hue") == ["VN:hue"]
    assert gaz.successor_chain("VN-SG") == []
    bac_ninh = gaz.get("VN-56")
    assert bac_ninh is not None and bac_ninh.valid_to is None
    assert gaz.get("VN-54").successor == "VN-56"  # Bắc Giang merged into Bắc Ninh
    assert ids(gaz, "Vũng Tàu", on="2019")[0] == "VN-43:vung-tau"


def test_valid_on_partial_dates(gaz: Gazetteer) -> None:
    hue_city = gaz.get("VN:hue")
    assert hue_city is not None
    assert not hue_city.valid_on("2024")
    assert hue_city.valid_on("2025")
    assert hue_city.valid_on(None)
    brvt = gaz.get("VN-43")
    assert brvt.valid_on("2025-06-30") and not brvt.valid_on("2025-07-01")


def test_country_of_name(gaz: Gazetteer) -> None:
    assert gaz.country_of_name("Hàn Quốc") == "KR"
    assert gaz.country_of_name("Mỹ") == "US"
    assert gaz.country_of_name("Liên bang Nga") == "RU"
    assert gaz.country_of_name("Cu-ba") == "CU"
    assert gaz.country_of_name("Busan") is None


def test_partnerships(gaz: Gazetteer) -> None:
    pairs = {(p.b_id, p.type, p.since) for p in gaz.partnerships("VN-SG")}
    assert ("KR-26", "sister", "1995-11-03") in pairs
    hue = {(p.b_id, p.since) for p in gaz.partnerships("VN-26:hue")}
    assert ("KR-47:gyeongju", "2007-09-13") in hue
    assert all(p.source.startswith("http") for p in gaz.partnerships("VN-HP"))


def test_integrity(gaz: Gazetteer) -> None:
    entities = gaz.entities()
    known = {e.id for e in entities}
    assert len(known) == len(entities)
    for e in entities:
        assert e.source
        assert e.parent is None or e.parent in known, e.id
        assert e.successor is None or e.successor in known, e.id
        assert e.country is None or e.country in known, e.id
    provinces_2024 = [
        e for e in entities if e.country == "VN" and e.kind == "province" and e.valid_on("2024-06")
    ]
    provinces_2025 = [
        e for e in entities if e.country == "VN" and e.kind == "province" and e.valid_on("2025-09")
    ]
    assert len(provinces_2024) == 63
    assert len(provinces_2025) == 34
    size = sum((DATA_DIR / name).stat().st_size for name in ENTITY_FILES)
    assert size < 5_000_000


def _copy_data(tmp_path: Path) -> Path:
    for src in DATA_DIR.glob("*.csv"):
        (tmp_path / src.name).write_bytes(src.read_bytes())
    return tmp_path


def test_bad_row_names_file_and_line(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "organisations.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[3][12] = ""  # drop the source of the third entity
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(GazetteerError, match=r"organisations\.csv:4: row .* has no source"):
        Gazetteer.from_dir(data)


def test_unknown_partner_is_rejected(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    with (data / "partnerships.csv").open("a", encoding="utf-8") as fh:
        fh.write("VN-SG,XX:nowhere,sister,2001,https://example.org\n")
    with pytest.raises(GazetteerError, match=r"partnerships\.csv:\d+: unknown entity id 'XX:nowhere'"):
        Gazetteer.from_dir(data)


def test_regions_without_a_point_are_placed_at_one_of_their_cities():
    g = load()
    lat, lon = g.position("JP-43")  # Kumamoto prefecture, at Kumamoto city
    assert 32 < lat < 33.5 and 130 < lon < 131.5
    lat, lon = g.position("CN-GX")  # Guangxi, at one of its cities
    assert 21 < lat < 26.5 and 104 < lon < 112.5
    assert g.position("VN-DN") == (g.get("VN-DN").lat, g.get("VN-DN").lon)


def test_north_rhine_westphalia_is_found_by_its_abbreviation() -> None:
    from hoptac.extract.parties import find_mentions

    text = "UBND tỉnh Bình Dương làm việc với Bộ Kinh tế bang NRW tại Düsseldorf."
    assert [m.ids for m in find_mentions(text) if "NRW" in m.text] == [("DE-NW",)]
