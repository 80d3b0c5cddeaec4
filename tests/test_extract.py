"""The extractor on hand-written articles: exact events, parties, people, fields and relations."""

from __future__ import annotations

from pathlib import Path

from hoptac.extract import extract_facts
from hoptac.models import ArticleResult, DateValue, Document, Event, Relation
from hoptac.pipeline import process

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _run(name: str, published: str | None) -> tuple[list[Event], list[Relation]]:
    text = (FIXTURES / name).read_text(encoding="utf-8").strip()
    pub = DateValue(value=published, precision="day") if published else None
    return extract_facts(text, pub)


def _only_event(name: str, published: str | None) -> Event:
    events, _ = _run(name, published)
    assert len(events) == 1, [e.kind for e in events]
    return events[0]


def _roles(event: Event) -> dict[str, str | None]:
    return {p.id: p.role for p in event.parties}


def _people(event: Event) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.title, p.party) for p in event.people]


def _relations(relations: list[Relation]) -> list[tuple[str, str, str, str | None]]:
    return sorted((r.a.id, r.b.id, r.type, r.since) for r in relations)


# 1. A Korean sister city received in Đà Nẵng.
def test_da_nang_receives_daegu() -> None:
    events, relations = _run("da-nang-daegu.txt", "2024-04-13")
    assert len(events) == 1
    e = events[0]
    assert (e.kind, e.mode, e.status) == ("meeting", "in_person", "past")
    assert e.date == DateValue(value="2024-04-12", precision="day", inferred=True)
    assert _roles(e) == {"VN-DN": "host", "KR-27": "guest"}
    assert _people(e) == [
        ("Trần Chí Cường", "Phó Chủ tịch UBND thành phố Đà Nẵng", "VN-DN"),
        ("Kim Jung-ki", "Phó Thị trưởng thành phố Daegu", "KR-27"),
    ]
    assert e.fields == ["tourism", "education", "training_hr", "health"]
    assert _relations(relations) == [("VN-DN", "KR-27", "sister", "2018")]


# 2. The Vietnamese side travels to China and signs a memorandum there.
def test_quang_ninh_signs_in_quang_tay() -> None:
    events, _ = _run("quang-ninh-quang-tay.txt", "2023-10-19")
    # The talks and the signing of one afternoon are two facts of the same pair and day.
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [
        ("signing", "2023-10-18"),
        ("meeting", "2023-10-18"),
    ]
    e = events[0]
    assert (e.kind, e.mode, e.status) == ("signing", "in_person", "past")
    assert e.date == DateValue(value="2023-10-18", precision="day", inferred=False)
    assert _roles(e) == {"VN-13": "participant", "CN-GX": "participant"}
    assert _people(e) == [
        ("Cao Tường Huy", "Chủ tịch UBND tỉnh", "VN-13"),
        ("Lam Thiên Lập", "Chủ tịch Chính quyền Khu tự trị Quảng Tây", "CN-GX"),
    ]
    assert e.fields == ["tourism", "trade", "logistics"]


def test_quang_ninh_memorandum_relation() -> None:
    _, relations = _run("quang-ninh-quang-tay.txt", "2023-10-19")
    assert _relations(relations) == [("VN-13", "CN-GX", "cooperation", "2023")]


def test_quang_ninh_place() -> None:
    e = _run("quang-ninh-quang-tay.txt", "2023-10-19")[0][1]
    assert e.place is not None and e.place.id == "CN-GX:nanning"


# 3. An online meeting across the border.
def test_lao_cai_van_nam_online() -> None:
    events, relations = _run("lao-cai-van-nam-online.txt", "2022-03-09")
    assert len(events) == 1
    e = events[0]
    assert (e.kind, e.mode, e.status) == ("meeting", "online", "past")
    assert e.date == DateValue(value="2022-03-09", precision="day", inferred=False)
    assert _roles(e) == {"VN-02": "participant", "CN-YN": "participant"}
    assert _people(e) == [
        ("Trịnh Xuân Trường", "Chủ tịch UBND tỉnh Lào Cai", "VN-02"),
        ("Vương Dư Ba", "Tỉnh trưởng tỉnh Vân Nam", "CN-YN"),
    ]
    assert e.fields == ["trade", "logistics", "health", "agriculture_food"]
    assert relations == []


# 4. A Lao governor in Nghệ An; "quan hệ hữu nghị đặc biệt" is a friendship.
def test_nghe_an_receives_xieng_khoang() -> None:
    events, relations = _run("nghe-an-xieng-khoang.txt", "2023-09-06")
    assert len(events) == 1
    e = events[0]
    assert (e.kind, e.mode, e.status) == ("meeting", "in_person", "past")
    assert e.date == DateValue(value="2023-09-05", precision="day", inferred=True)
    assert _roles(e) == {"VN-22": "host", "LA-XI": "guest"}
    assert _people(e) == [
        ("Nguyễn Đức Trung", "Chủ tịch UBND tỉnh Nghệ An", "VN-22"),
        ("Pảnh Nọi Ma Ny", "Tỉnh trưởng tỉnh Xiêng Khoảng", "LA-XI"),
    ]
    assert e.fields == ["trade", "training_hr", "agriculture_food"]
    assert _relations(relations) == [("VN-22", "LA-XI", "friendship", None)]


# 5. A planned cultural week of Hà Nội held in Moscow.
def test_ha_noi_culture_week_in_moscow() -> None:
    e = _only_event("ha-noi-moskva-tuan-van-hoa.txt", "2024-09-20")
    assert (e.kind, e.mode, e.status) == ("cultural_event", "in_person", "planned")
    assert e.date == DateValue(value="2024-10-14", precision="day", inferred=True)
    assert {p.id for p in e.parties} == {"VN-HN", "RU-MOW"}
    assert e.fields == ["culture", "people_to_people"]


def test_ha_noi_moscow_friendship() -> None:
    _, relations = _run("ha-noi-moskva-tuan-van-hoa.txt", "2024-09-20")
    assert _relations(relations) == [("VN-HN", "RU-MOW", "friendship", "2001")]


def test_ha_noi_culture_week_roles() -> None:
    e = _only_event("ha-noi-moskva-tuan-van-hoa.txt", "2024-09-20")
    assert _roles(e) == {"VN-HN": "organiser", "RU-MOW": "host"}


# 6. A US consul general in Cần Thơ: her post in TP HCM is not a party.
def test_can_tho_receives_us_consul() -> None:
    e = _only_event("can-tho-us-consul.txt", "2024-02-23")
    assert (e.kind, e.mode, e.status) == ("meeting", "in_person", "past")
    assert e.date == DateValue(value="2024-02-22", precision="day", inferred=True)
    assert e.fields == ["education", "environment"]


def test_can_tho_parties() -> None:
    e = _only_event("can-tho-us-consul.txt", "2024-02-23")
    # A consul general speaks for the United States: the country is the city's counterpart.
    assert _roles(e) == {"VN-CT": "host", "US": "guest"}


def test_can_tho_people() -> None:
    e = _only_event("can-tho-us-consul.txt", "2024-02-23")
    assert _people(e) == [
        ("Trần Việt Trường", "Chủ tịch UBND TP Cần Thơ", "VN-CT"),
        ("Susan Burns", "Tổng Lãnh sự Hoa Kỳ tại TP Hồ Chí Minh", "US"),
    ]


# 7. A Japanese agency funds a provincial water project.
def test_binh_dinh_jica_aid() -> None:
    e = _only_event("binh-dinh-jica.txt", "2021-06-11")
    assert (e.kind, e.mode, e.status) == ("aid", "in_person", "past")
    assert e.date == DateValue(value="2021-06-10", precision="day", inferred=False)
    assert _roles(e) == {"org:jica": "funder", "VN-31": "recipient"}
    assert e.fields == ["environment", "water", "agriculture_food"]


def test_binh_dinh_amount_once() -> None:
    e = _only_event("binh-dinh-jica.txt", "2021-06-11")
    assert [(a.value, a.currency, a.text) for a in e.amounts] == [(5_000_000, "USD", "5 triệu USD")]


def test_binh_dinh_people() -> None:
    e = _only_event("binh-dinh-jica.txt", "2021-06-11")
    assert _people(e) == [
        ("Nguyễn Tuấn Thanh", "Phó Chủ tịch UBND tỉnh Bình Định", "VN-31"),
        ("Shimizu Akira", "Trưởng đại diện JICA tại Việt Nam", "org:jica"),
    ]


# 8. A Cuban province in Quảng Nam.
def test_quang_nam_receives_sancti_spiritus() -> None:
    events, relations = _run("quang-nam-cuba.txt", "2022-11-07")
    assert len(events) == 1
    e = events[0]
    assert (e.kind, e.mode, e.status) == ("meeting", "in_person", "past")
    assert e.date == DateValue(value="2022-11-07", precision="day", inferred=True)
    assert _roles(e) == {"VN-27": "host", "CU-07": "guest"}
    assert _people(e) == [
        ("Hồ Quang Bửu", "Phó Chủ tịch UBND tỉnh Quảng Nam", "VN-27"),
        ("Teresita Romero Rodríguez", "Chủ tịch Hội đồng tỉnh Sancti Spíritus", "CU-07"),
    ]
    assert e.fields == ["tourism", "heritage", "agriculture_food"]
    assert relations == []


# 9. A Myanmar region in TP HCM.
def test_hcmc_receives_yangon() -> None:
    e = _only_event("myanmar-tphcm.txt", "2019-07-29")
    assert (e.kind, e.mode, e.status) == ("meeting", "in_person", "past")
    assert e.date == DateValue(value="2019-07-28", precision="day", inferred=True)
    assert _roles(e) == {"VN-SG": "host", "MM-06": "guest"}
    assert e.fields == ["trade", "investment", "urban_development", "health"]


def test_hcmc_yangon_people() -> None:
    e = _only_event("myanmar-tphcm.txt", "2019-07-29")
    assert _people(e) == [
        ("Võ Văn Hoan", "Phó Chủ tịch UBND TP Hồ Chí Minh", "VN-SG"),
        ("Phyo Min Thein", "Thủ hiến vùng Yangon", "MM-06"),
    ]


# 10-12. Out of scope: national governments, domestic partners, personal sworn siblings.
def test_national_summit_is_out_of_scope() -> None:
    assert _run("neg-national-summit.txt", "2023-11-28") == ([], [])


def test_domestic_twinning_is_out_of_scope() -> None:
    assert _run("neg-domestic-twinning.txt", "2023-03-16") == ([], [])


def test_sworn_brothers_are_out_of_scope() -> None:
    assert _run("neg-sworn-brothers.txt", "2024-02-01") == ([], [])


# 13. A missing year: from "trong năm 2019" without a publication date, else from the publication date.
def test_year_from_article_without_publication_date() -> None:
    events, relations = _run("hai-duong-gunma-undated.txt", None)
    assert len(events) == 1
    e = events[0]
    assert e.date == DateValue(value="2019-08-15", precision="day", inferred=True)
    assert _roles(e) == {"VN-61": "host", "JP-10": "guest"}
    assert _people(e) == [
        ("Trần Đức Thắng", "Bí thư Tỉnh ủy Hải Dương", "VN-61"),
        ("Yamamoto Ichita", "Thống đốc tỉnh Gunma", "JP-10"),
    ]
    assert e.fields == ["labor", "agriculture_food"]
    assert relations == []


def test_year_from_publication_date() -> None:
    e = _only_event("hai-duong-gunma-undated.txt", "2020-08-16")
    assert e.date == DateValue(value="2020-08-15", precision="day", inferred=True)


# 14. Talks held in the partner's capital: the venue is the place, not a party, and the hosts are at home there.
def test_ha_giang_talks_in_kunming() -> None:
    e = _only_event("ha-giang-van-nam-con-minh.txt", "2024-04-13")
    assert (e.kind, e.mode, e.status) == ("meeting", "in_person", "past")
    assert e.date == DateValue(value="2024-04-12", precision="day", inferred=False)
    assert e.place is not None and e.place.id == "CN-YN:kunming"
    assert _roles(e) == {"VN-03": "guest", "CN-YN": "host"}
    # A title before the comma; the consulate's city is his post, not the venue.
    assert _people(e) == [
        ("Nguyễn Văn Sơn", "Chủ tịch UBND tỉnh", "VN-03"),
        ("Lê Hồng Quang", "Tổng Lãnh sự Việt Nam tại Côn Minh", "VN"),
    ]


# 15. A Vietnamese city brings its culture abroad: the foreign city hosts, the Vietnamese one organises.
def test_hue_culture_day_in_gyeongju() -> None:
    e = _only_event("hue-gyeongju-ngay-hoi.txt", "2024-10-06")
    assert (e.kind, e.status) == ("cultural_event", "past")
    assert e.place is not None and e.place.id == "KR-47:gyeongju"
    assert _roles(e) == {"VN-26:hue": "organiser", "KR-47:gyeongju": "host"}
    # "Tiếp Thị trưởng, ông ...": the man received the mayor; the mayor's title is not his.
    assert _people(e) == [("Phan Thiên Định", None, "VN-26:hue")]


# 16. A memorandum signed on a full date: the relationship starts that year.
def test_lam_dong_chiang_mai_memorandum() -> None:
    events, relations = _run("lam-dong-chiang-mai-mou.txt", "2019-03-21")
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("signing", "2019-03-20")]
    assert _roles(events[0]) == {"VN-35": "participant", "TH-50": "participant"}
    assert _people(events[0]) == [("Pongsak Plaiwongsa", "Phó Tỉnh trưởng tỉnh Chiang Mai", "TH-50")]
    assert _relations(relations) == [("VN-35", "TH-50", "cooperation", "2019")]


# 17. The whole pipeline: the related-news block after the byline never reaches the facts.
def _teaser_result() -> ArticleResult:
    raw = (FIXTURES / "binh-duong-teaser.txt").read_text(encoding="utf-8")
    return process(Document(source="binh-duong-teaser.txt", raw=raw))


def test_teaser_does_not_leak() -> None:
    result = _teaser_result()
    assert "Tin liên quan" not in result.article.text
    assert "Chiba" not in result.article.text
    assert result.article.published == DateValue(value="2024-05-14", precision="day", inferred=False)
    assert result.article.authors == ["Minh Duy"]
    assert len(result.events) == 1
    e = result.events[0]
    assert (e.kind, e.status) == ("meeting", "past")
    assert e.date == DateValue(value="2024-05-13", precision="day", inferred=False)
    assert _roles(e) == {"VN-57": "host", "DE:wuppertal": "guest"}
    assert _people(e) == [
        ("Nguyễn Lộc Hà", "Phó Chủ tịch UBND tỉnh Bình Dương", "VN-57"),
        ("Uwe Schneidewind", "Thị trưởng thành phố Wuppertal", "DE:wuppertal"),
    ]
    assert e.fields == ["training_hr", "energy"]


def test_wished_agreement_is_no_relation() -> None:
    assert _teaser_result().relations == []


def test_requests_name_who_asks_whom() -> None:
    text = (
        "Bình Định tiếp đoàn công tác tỉnh Gunma\n\n"
        "Ngày 12/6, Phó Chủ tịch UBND tỉnh Bình Định Nguyễn Tự Công Hoàng đã tiếp đoàn công tác "
        "của tỉnh Gunma (Nhật Bản) do ông Uno Ryoichi, Phó Thống đốc tỉnh Gunma dẫn đầu.\n"
        "Ông Uno Ryoichi đề nghị tỉnh Bình Định tạo điều kiện cho doanh nghiệp Gunma đầu tư vào khu kinh tế Nhơn Hội.\n"
        "Ông Nguyễn Tự Công Hoàng mong muốn tỉnh Gunma hỗ trợ đào tạo điều dưỡng cho lao động Bình Định."
    )
    events, _ = extract_facts(text, DateValue(value="2024-06-13", precision="day"))
    proposals = [(p.by, p.to, p.act) for e in events for p in e.proposals]
    assert proposals == [("JP-10", "VN-31", "request"), ("VN-31", "JP-10", "request")]
    first = events[0].proposals[0]
    assert first.text.startswith("tỉnh Bình Định tạo điều kiện")
    assert "investment" in first.fields
    assert text[first.evidence[0].start : first.evidence[0].end] == first.evidence[0].text


# A national leader meeting a foreign province is in scope: Vietnam itself is the Vietnamese party.
def test_deputy_prime_minister_receives_the_governor_of_fukuoka() -> None:
    event = _only_event("pho-thu-tuong-tiep-thong-doc-fukuoka.txt", "2024-06-15")
    assert (event.kind, event.date.value if event.date else None) == ("meeting", "2024-06-14")
    assert _roles(event) == {"JP-40": "guest", "VN": "host"}
    assert [(p.name, p.title) for p in event.people] == [
        ("Trần Lưu Quang", "Phó Thủ tướng"),
        ("Hattori Seitaro", "Thống đốc tỉnh Fukuoka (Nhật Bản)"),
    ]


def test_where_a_diplomat_is_posted_is_not_where_the_meeting_was() -> None:
    text = (
        "Cần Thơ muốn Phần Lan hỗ trợ khởi nghiệp\n\n"
        "Chiều 8-2, Chủ tịch UBND TP Cần Thơ Trần Việt Trường đã tiếp Đại sứ Phần Lan tại Việt Nam "
        "và đoàn công tác. Hai bên trao đổi về hợp tác giáo dục."
    )
    events, _ = extract_facts(text, DateValue(value="2024-02-08", precision="day"))
    assert [(e.kind, e.place, _roles(e)) for e in events] == [("meeting", None, {"VN-CT": "host", "FI": "guest"})]


def test_two_venues_of_one_exchange_are_no_relation() -> None:
    text = (
        "Giao lưu hữu nghị quốc phòng biên giới\n\n"
        "Ngày 20/5, Bộ trưởng Quốc phòng hai nước sẽ đồng chủ trì giao lưu hữu nghị quốc phòng biên giới "
        "tại tỉnh Hà Giang (Việt Nam) và tỉnh Quảng Tây (Trung Quốc)."
    )
    assert extract_facts(text, DateValue(value="2024-05-10", precision="day"))[1] == []


def test_a_relationship_dated_by_the_years_it_has_lasted_keeps_its_year() -> None:
    text = (
        "Nghệ An đón nhận hài cốt liệt sĩ từ Lào\n\n"
        "Sáng 12/5, tỉnh Nghệ An tổ chức lễ truy điệu 20 hài cốt liệt sĩ. Từ năm 1995 đến nay, tỉnh Nghệ An "
        "phối hợp với tỉnh Xiêng Khoảng (Lào) đã tìm kiếm, cất bốc nhiều hài cốt liệt sĩ về với quê hương đất mẹ."
    )
    relations = extract_facts(text, DateValue(value="2024-05-13", precision="day"))[1]
    assert [(r.a.id, r.b.id, r.since) for r in relations] == [("VN-22", "LA-XI", "1995")]


def test_sworn_siblings_are_no_relationship() -> None:
    text = (
        "Hai cựu chiến binh Việt - Lào kết nghĩa anh em\n\n"
        "Ngày 12/5, tại tỉnh Nghệ An, ông Nguyễn Văn Hùng và ông Bun-my, cựu chiến binh tỉnh Xiêng Khoảng (Lào), "
        "đã kết nghĩa anh em sau 40 năm gặp lại."
    )
    assert extract_facts(text, DateValue(value="2024-05-13", precision="day"))[1] == []


def test_two_capitals_named_as_cities_in_a_listed_agreement_are_a_pair() -> None:
    text = (
        "Thủ tướng chứng kiến ký kết các văn kiện hợp tác Việt Nam - Campuchia\n\n"
        "Chiều 9/8, tại Phnôm Pênh, hai Thủ tướng đã chứng kiến lễ ký các văn kiện hợp tác, trong đó có: "
        "Thỏa thuận hợp tác giữa tỉnh Tây Ninh và tỉnh Svay Rieng; Biên bản ghi nhớ giữa thành phố Hà Nội và "
        "thủ đô Phnôm Pênh; Hiệp định về thương mại biên giới giữa hai Chính phủ."
    )
    relations = extract_facts(text, DateValue(value="2024-08-10", precision="day"))[1]
    assert sorted((r.a.id, r.b.id) for r in relations) == [("VN-37", "KH-20"), ("VN-HN", "KH-12")]


def test_a_province_with_a_list_of_partner_cities_has_each() -> None:
    text = (
        "Lãnh đạo tỉnh Gyeonggi thăm Việt Nam\n\n"
        "Ngày 12/5, Phó Chủ tịch nước tiếp Tỉnh trưởng tỉnh Gyeonggi. Phó Chủ tịch nước đánh giá cao hợp tác "
        "thực chất giữa tỉnh Gyeonggi và các thành phố Hà Nội, Hải Phòng trên các lĩnh vực kinh tế, giáo dục."
    )
    relations = extract_facts(text, DateValue(value="2024-05-13", precision="day"))[1]
    assert sorted((r.a.id, r.b.id) for r in relations) == [("VN-HN", "KR-41"), ("VN-HP", "KR-41")]


def test_a_bare_name_the_article_calls_a_province_is_the_province() -> None:
    text = (
        "Hà Nội tiếp Thống đốc tỉnh Fukuoka\n\n"
        "Ngày 12/5, Chủ tịch UBND TP Hà Nội tiếp Thống đốc tỉnh Fukuoka (Nhật Bản). Hai bên đánh giá quan hệ "
        "giữa Fukuoka và Hà Nội, hai địa phương đã ký Thỏa thuận hợp tác hữu nghị năm 2008."
    )
    relations = extract_facts(text, DateValue(value="2024-05-13", precision="day"))[1]
    assert [(r.a.id, r.b.id, r.since) for r in relations] == [("VN-HN", "JP-40", "2008")]
