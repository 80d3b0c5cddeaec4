"""The event pipeline's stages on short news texts: actors, event mentions, coreference, scope."""

from __future__ import annotations

from hoptac.extract import context, extract_facts
from hoptac.extract.actors import find_actors
from hoptac.extract.context import is_venue
from hoptac.extract.mentions import kind_of
from hoptac.extract.parties import find_mentions
from hoptac.extract.relations import find_relations
from hoptac.extract.scope import off_topic
from hoptac.models import DateValue, Event

PUBLISHED = DateValue(value="2024-05-21", precision="day")


def _events(text: str) -> list[Event]:
    return extract_facts(text, PUBLISHED)[0]


def _summary(events: list[Event]) -> list[tuple[str, str | None, dict[str, str | None]]]:
    return [(e.kind, e.date.value if e.date else None, {p.id: p.role for p in e.parties}) for e in events]


def test_an_envoy_of_vietnam_meets_a_foreign_state() -> None:
    text = (
        "Đại sứ Việt Nam làm việc với lãnh đạo bang California\n\n"
        "Ngày 18/5, Đại sứ Việt Nam tại Hoa Kỳ Nguyễn Quốc Dũng đã gặp Phó Thống đốc bang California "
        "Eleni Kounalakis tại thủ phủ Sacramento. Hai bên trao đổi về hợp tác giáo dục và thương mại."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("meeting", "2024-05-18")]
    assert {p.id for p in events[0].parties} == {"VN", "US-CA"}


def test_a_summit_held_in_a_vietnamese_city_is_not_the_city_s_event() -> None:
    text = (
        "Khai mạc Hội nghị Bộ trưởng Thương mại APEC\n\n"
        "Sáng 20/5, Hội nghị Bộ trưởng Thương mại APEC đã khai mạc tại Hà Nội với sự tham dự của "
        "đại diện 21 nền kinh tế thành viên."
    )
    assert _events(text) == []


def test_a_football_report_is_passed_over() -> None:
    text = (
        "Hải Phòng thua đội bóng Hàn Quốc tại AFC Cup\n\n"
        "Tối 15/5, đội bóng Hải Phòng để thua 1-2 trước CLB Ulsan. Tiền đạo Hải Phòng ghi bàn ở hiệp 1, "
        "nhưng hậu vệ đội khách gỡ hòa và ghi bàn quyết định ở hiệp 2. HLV hai đội đều hài lòng với trận đấu."
    )
    assert off_topic(text) == "sports"
    assert _events(text) == []


def test_a_later_dated_signing_is_an_event_of_its_own() -> None:
    text = (
        "Thanh Hóa tiếp đoàn tỉnh Hyogo\n\n"
        "Chiều 14/5, Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn tiếp đoàn công tác tỉnh Hyogo (Nhật Bản) "
        "do Phó Thống đốc Katayama Yasushi dẫn đầu.\n"
        "Hai bên trao đổi về hợp tác đào tạo nguồn nhân lực và nông nghiệp.\n"
        "Ngày 16/5, tại Kobe, tỉnh Thanh Hóa và tỉnh Hyogo sẽ ký kết biên bản ghi nhớ hợp tác về lao động."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-14", {"VN-21": "host", "JP-28": "guest"}),
        ("signing", "2024-05-16", {"VN-21": "participant", "JP-28": "participant"}),
    ]


def test_history_told_in_passing_is_no_event() -> None:
    text = (
        "Bắc Ninh tiếp Tổng Lãnh sự Hàn Quốc\n\n"
        "Sáng 10/5, Chủ tịch UBND tỉnh Bắc Ninh tiếp Tổng Lãnh sự Hàn Quốc tại Hà Nội.\n"
        "Trước đó, ngày 12/3/2019, tỉnh Bắc Ninh đã ký kết thỏa thuận hợp tác với tỉnh Gyeonggi."
    )
    assert [e.kind for e in _events(text)] == ["meeting"]


def test_a_foreign_company_named_with_its_country_is_a_party() -> None:
    text = (
        "Hải Dương trao chứng nhận đầu tư cho Tập đoàn Foxconn\n\n"
        "Ngày 9/5, UBND tỉnh Hải Dương làm việc với Tập đoàn Foxconn (Đài Loan) về dự án nhà máy linh kiện."
    )
    events = _events(text)
    assert len(events) == 1
    assert {(p.id, p.kind, p.country) for p in events[0].parties} == {
        ("VN-61", "province", "VN"),
        ("org:foxconn", "company", "TW"),
    }


def test_a_multinational_known_by_name_is_a_party_of_its_home_country() -> None:
    text = (
        "Long An ký kết hợp tác với Tập đoàn Lotte\n\n"
        "Sáng 14/5, tại TP Tân An, UBND tỉnh Long An và Tập đoàn Lotte đã ký kết biên bản ghi nhớ về dự án "
        "trung tâm thương mại và khu đô thị. Chủ tịch UBND tỉnh Long An Nguyễn Văn Út cam kết tạo điều kiện "
        "thuận lợi để nhà đầu tư sớm triển khai dự án."
    )
    [event] = _events(text)
    assert (event.kind, event.date.value if event.date else None) == ("signing", "2024-05-14")
    assert {(p.id, p.kind, p.country) for p in event.parties} == {
        ("VN-41", "province", "VN"),
        ("org:lotte", "company", "KR"),
    }


def test_a_company_s_legal_form_tells_its_country() -> None:
    text = (
        "Ninh Thuận chấp thuận đầu tư nhà máy điện gió\n\n"
        "Ngày 8/5, UBND tỉnh Ninh Thuận đã trao quyết định chủ trương đầu tư dự án điện gió Phước Hữu "
        "cho Cty Windkraft Nord GmbH, với tổng vốn đầu tư 95 triệu USD."
    )
    [event] = _events(text)
    assert {(p.id, p.country) for p in event.parties} == {("VN-36", "VN"), ("org:windkraft-nord-gmbh", "DE")}


def test_a_firm_that_names_no_country_and_is_not_known_is_no_foreign_party() -> None:
    text = (
        "Quảng Bình làm việc với Công ty Bamboo Capital\n\n"
        "Ngày 8/5, UBND tỉnh Quảng Bình làm việc với Công ty Bamboo Capital về dự án điện mặt trời."
    )
    assert _events(text) == []


def test_the_ship_word_of_a_place_s_own_name_names_no_ship() -> None:
    text = (
        "Tập đoàn Samsung làm việc với tỉnh Bà Rịa-Vũng Tàu\n\n"
        "Bà Rịa-Vũng Tàu tiếp tục thu hút đầu tư. Ngày 10/5, Chủ tịch UBND tỉnh Bà Rịa-Vũng Tàu đã tiếp "
        "đoàn Tập đoàn Samsung do ông Choi Joo Ho dẫn đầu."
    )
    [event] = _events(text)
    assert {p.id for p in event.parties} == {"VN-43", "org:samsung"}


def test_a_deal_between_firms_on_a_project_a_city_approved_is_not_the_city_s() -> None:
    text = (
        "Khu đất vàng bên sông Hàn vẫn bỏ hoang\n\n"
        "Đầu tháng 5, Công ty Cổ phần Đầu tư Sơn Trà ký hợp tác với Tập đoàn CapitaLand để phát triển khu đô thị "
        "ven biển. Dự án có quy mô 80 ha đã được UBND TP Đà Nẵng chấp thuận cho Công ty Cổ phần Đầu tư Sơn Trà làm "
        "chủ đầu tư và được phê duyệt quy hoạch tỷ lệ 1/500. "
        "Tuy nhiên đến nay khu đất vẫn bỏ trống."
    )
    # The rules alone: the relevance model might set the article aside on its words.
    assert extract_facts(text, PUBLISHED, use_model=False) == ([], [])


def test_a_river_or_an_english_project_name_is_not_the_city() -> None:
    text = (
        "Nhà đầu tư Singapore khảo sát dự án bên sông Sài Gòn\n\n"
        "Ngày 10/5, Tập đoàn Keppel đã ký hợp tác với chủ đầu tư dự án Saigon Riverside Park gần sông Sài Gòn."
    )
    assert _events(text) == []


def test_a_trip_s_section_heading_is_no_event_and_a_paragraph_s_opening_day_dates_its_reception() -> None:
    text = (
        "Lãnh đạo tỉnh Bến Tre làm việc tại Hàn Quốc\n"
        "\n"
        "Ngày đăng: 10/06/2024 | Chuyên mục: Đối ngoại\n"
        "\n"
        "Từ ngày 4 đến 8/6, đoàn công tác tỉnh Bến Tre do ông Trần Ngọc Tam, Chủ tịch UBND tỉnh làm trưởng đoàn "
        "đã thăm và làm việc tại Hàn Quốc.\n"
        "\n"
        "Làm việc với KOICA và tỉnh Chungcheongnam-do\n"
        "\n"
        "Ngày 5/6, tại Seoul, đoàn làm việc với Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA). "
        "Chủ tịch UBND tỉnh đề nghị KOICA tiếp tục hỗ trợ tỉnh về cấp nước sạch.\n"
        "\n"
        "Ngày 6/6, đoàn đến tỉnh Chungcheongnam-do. "
        "Phó Tỉnh trưởng tỉnh Chungcheongnam-do Lee Pil-young tiếp đoàn tại trụ sở chính quyền tỉnh. "
        "Hai bên trao đổi về hợp tác nông nghiệp và lao động thời vụ.\n"
    )
    assert _summary(extract_facts(text, DateValue(value="2024-06-10", precision="day"))[0]) == [
        ("meeting", "2024-06-05", {"org:koica": "host", "VN-50": "guest"}),
        ("meeting", "2024-06-06", {"KR-44": "host", "VN-50": "guest"}),
    ]


def test_a_gift_recalled_at_a_ceremony_does_not_date_the_agreement_signed_there() -> None:
    text = (
        "Cần Thơ và Daejeon kỷ niệm 10 năm quan hệ hợp tác\n"
        "\n"
        "Cập nhật: 14/05/2024\n"
        "\n"
        "Chiều 12-5, UBND TP Cần Thơ và Chính quyền thành phố Daejeon (Hàn Quốc) tổ chức trực tuyến lễ kỷ niệm 10 "
        "năm thiết lập quan hệ hợp tác.\n"
        "\n"
        "Phó Thị trưởng Daejeon Kim Young-hwan nhắc lại, trong thời điểm khó khăn đầu năm 2024, hai thành phố đã kịp "
        "thời hỗ trợ nhau: tháng 2/2024, Cần Thơ gửi tặng Daejeon 10.000 khẩu trang; tháng 3/2024, Daejeon trao tặng "
        "Cần Thơ 5.000 bộ kit xét nghiệm. Ông mong muốn hai thành phố sớm mở đường bay thẳng.\n"
        "\n"
        "Nhân dịp này, lãnh đạo hai thành phố đã ký trực tuyến Biên bản ghi nhớ về hợp tác giáo dục.\n"
    )
    signing = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, {p.id for p in e.parties}) for e in signing] == [
        ("2024-05-12", {"VN-CT", "KR-30"})
    ]


def test_a_foreign_government_department_named_with_its_short_name_is_an_agency() -> None:
    text = (
        "Bạc Liêu làm việc với Cục Năng lượng Hà Lan\n\n"
        "Ngày 6/5, tại trụ sở UBND tỉnh, ông Phạm Văn Thiều, Chủ tịch UBND tỉnh Bạc Liêu tiếp và làm việc với đoàn "
        "công tác Cục Năng lượng Hà Lan (NEA) do bà Anne de Vries, Vụ trưởng Vụ Hợp tác quốc tế làm trưởng đoàn. "
        "Hai bên trao đổi về hợp tác phát triển điện gió ngoài khơi."
    )
    [event] = _events(text)
    assert (event.date.value if event.date else None, [(p.id, p.kind, p.country, p.role) for p in event.parties]) == (
        "2024-05-06",
        [("VN-55", "province", "VN", "host"), ("org:nea", "agency", "NL", "guest")],
    )


def test_a_foreign_district_the_gazetteer_lacks_takes_the_country_of_the_province_named_after_it() -> None:
    text = (
        "Hợp tác lao động thời vụ với huyện Goesan\n\n"
        "Ngày 13/5, đoàn công tác tỉnh Phú Thọ do Phó Chủ tịch UBND tỉnh Hồ Đại Dũng dẫn đầu đã làm việc với huyện "
        "Goesan, tỉnh Chungcheongbuk-do. Sau buổi làm việc, hai bên đã ký biên bản ghi nhớ về tiếp nhận lao động "
        "thời vụ."
    )
    found = [(e.kind, e.date.value if e.date else None, {(p.id, p.country) for p in e.parties}) for e in _events(text)]
    assert found == [
        ("meeting", "2024-05-13", {("VN-68", "VN"), ("KR:goesan", "KR")}),
        ("signing", "2024-05-13", {("VN-68", "VN"), ("KR:goesan", "KR")}),
    ]


def test_a_firm_named_without_its_country_on_a_trip_to_two_takes_the_country_of_its_paragraph() -> None:
    text = (
        "Lãnh đạo tỉnh Long An xúc tiến đầu tư tại Nhật Bản và Hàn Quốc\n\n"
        "Từ ngày 3 đến 9/5, đoàn công tác tỉnh Long An do ông Nguyễn Văn Út, Chủ tịch UBND tỉnh làm trưởng đoàn đã "
        "thăm và làm việc tại Nhật Bản và Hàn Quốc.\n"
        "Ngày 5/5, UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư tỉnh Long An tại thành phố Osaka (Nhật Bản), thu hút "
        "hơn 100 doanh nghiệp tham dự.\n"
        "Tại hội nghị, UBND tỉnh Long An và Công ty TNHH Minori Foods đã ký biên bản ghi nhớ đầu tư nhà máy chế biến "
        "rau quả."
    )
    signing = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, {(p.id, p.country) for p in e.parties}) for e in signing] == [
        ("2024-05-05", {("VN-41", "VN"), ("org:minori-foods", "JP")})
    ]


def test_a_foreign_town_s_province_in_brackets_is_where_it_is_not_a_side() -> None:
    from hoptac.extract import context
    from hoptac.extract.actors import find_actors

    text = (
        "Quảng Ninh – Quảng Tây (Trung Quốc) hội đàm trực tuyến\n\n"
        "Chiều 10/5, Bí thư Tỉnh ủy Quảng Ninh hội đàm trực tuyến với Bí thư Khu ủy Khu tự trị dân tộc Choang "
        "Quảng Tây. Cũng trong chiều 10/5, tại cửa khẩu quốc tế Móng Cái, Phó Chủ tịch UBND tỉnh Quảng Ninh "
        "Nghiêm Xuân Cường đã gặp gỡ ông Lý Minh, Phó Thị trưởng thành phố Đông Hưng (Quảng Tây), trao đổi về "
        "việc thông quan hàng nông sản."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    town = text.find("thành phố Đông Hưng")
    after = [a.id for a in find_actors(ctx) if a.start >= town]
    assert after == ["CN-GX:dongxing"]


def test_a_firm_s_short_name_after_its_registered_name_is_no_province() -> None:
    text = (
        "Bia Hải Phòng ký hợp đồng với đối tác Đức\n\n"
        "Ngày 4/5, tại Hà Nội, Công ty CP Bia Hải Phòng và Tập đoàn Krombacher (Đức) đã ký kết hợp đồng chuyển giao "
        "công nghệ ủ bia trong 3 năm. Theo hợp đồng, Bia Hải Phòng sẽ nhập thiết bị lên men của Krombacher."
    )
    # The rules alone: the relevance model might set the article aside on its words.
    assert extract_facts(text, PUBLISHED, use_model=False) == ([], [])


def test_a_reception_beside_a_conference_is_a_meeting_of_its_own_and_link_points_are_no_sides() -> None:
    text = (
        "Hội nghị xúc tiến đầu tư Hưng Yên – Nhật Bản\n\n"
        "Ngày 12/5, tại TP Hưng Yên, UBND tỉnh Hưng Yên phối hợp với Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) "
        "tổ chức Hội nghị xúc tiến đầu tư Hưng Yên – Nhật Bản theo hình thức trực tiếp kết hợp trực tuyến. Hơn 60 "
        "doanh nghiệp Nhật Bản tham dự tại các điểm cầu ở Tokyo, Nagoya và Fukuoka.\n"
        "Bên lề hội nghị, Chủ tịch UBND tỉnh Hưng Yên Trần Quốc Văn đã tiếp và làm việc với ông Takeo Nakajima, "
        "Trưởng đại diện JETRO Hà Nội."
    )
    assert _summary(_events(text)) == [
        ("conference", "2024-05-12", {"VN-66": "organiser", "org:jetro": "organiser"}),
        ("meeting", "2024-05-12", {"VN-66": "host", "org:jetro": "guest"}),
    ]


def test_a_town_named_as_the_district_it_was_before_its_upgrade_is_that_town() -> None:
    text = (
        "Huyện Sa Pa hợp tác với thị trấn Zermatt\n\n"
        "Ngày 15/5/2019, ông Vũ Quang Huy, Chủ tịch UBND huyện Sa Pa đã tiếp và làm việc với đoàn công tác thị trấn "
        "Zermatt (Thụy Sĩ) do Thị trưởng Romy Biner-Hauser dẫn đầu. Hai bên trao đổi về hợp tác phát triển du lịch."
    )
    [event] = _events(text)
    assert (event.date.value if event.date else None, {p.id for p in event.parties}) == (
        "2019-05-15",
        {"VN-02:sa-pa", "CH:zermatt"},
    )


def test_a_foreign_province_written_with_other_tones_after_its_designator_is_found() -> None:
    text = (
        "Điện Biên tiếp đoàn tỉnh Xiêng Khoang\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Điện Biên Lò Văn Mừng đã tiếp và làm việc với đoàn đại biểu tỉnh Xiêng "
        "Khoang (Lào) do Phó Tỉnh trưởng dẫn đầu. Hai bên thống nhất phát triển tuyến du lịch qua cửa khẩu."
    )
    [event] = _events(text)
    assert {p.id for p in event.parties} == {"VN-71", "LA-XI"}


def test_a_consignment_or_a_sum_handed_over_is_aid() -> None:
    text = (
        "Hà Tĩnh hỗ trợ tỉnh Bô-ly-khăm-xay phòng, chống dịch\n\n"
        "Sáng 12/5, tại cửa khẩu quốc tế Cầu Treo, Sở Ngoại vụ Hà Tĩnh thay mặt UBND tỉnh đã bàn giao cho tỉnh "
        "Bô-ly-khăm-xay (Lào) lô hàng hỗ trợ phòng, chống dịch trị giá 1 tỷ đồng, gồm 20.000 khẩu trang y tế.\n"
        "Chiều cùng ngày, tại thành phố Hà Tĩnh, ông Kim Sung-min, Phó Thị trưởng thành phố Gyeongju (Hàn Quốc) "
        "đã trao số tiền 30.000 USD hỗ trợ người dân vùng lũ cho UBND tỉnh Hà Tĩnh."
    )
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("aid", "2024-05-12", {"VN-23", "LA-BL"}),
        ("aid", "2024-05-12", {"VN-23", "KR-47:gyeongju"}),
    ]


def test_a_conference_with_several_foreign_provinces_is_one_gathering() -> None:
    text = (
        "An Giang hội đàm đầu năm với các tỉnh giáp biên Campuchia\n\n"
        "Sáng 10/5, tại TP Long Xuyên, UBND tỉnh An Giang tổ chức Hội nghị gặp mặt, hội đàm với lãnh đạo các tỉnh "
        "Takeo và Kandal (Campuchia). Hai bên thống nhất phối hợp quản lý biên giới và phát triển thương mại."
    )
    assert _summary(_events(text)) == [
        ("conference", "2024-05-10", {"VN-44": "host", "KH-21": "guest", "KH-8": "guest"})
    ]


def test_a_foreign_university_named_after_a_person_is_a_party_of_its_country() -> None:
    text = (
        "Quảng Trị hợp tác với Trường Đại học Monash (Australia)\n\n"
        "Sáng 15/5, ông Hà Sỹ Đồng, Phó Chủ tịch UBND tỉnh Quảng Trị đã tiếp và làm việc với đoàn công tác Trường "
        "Đại học Monash (bang Victoria, Australia) do Giáo sư Sharon Pickering làm trưởng đoàn. Hai bên trao đổi về "
        "hợp tác đào tạo nguồn nhân lực y tế."
    )
    [event] = _events(text)
    assert {(p.id, p.kind, p.country) for p in event.parties} >= {
        ("VN-25", "province", "VN"),
        ("org:monash", "organisation", "AU"),
    }


def test_letters_of_intent_exchanged_are_a_signing() -> None:
    text = (
        "Đà Nẵng tiếp đoàn thành phố Daegu\n\n"
        "Chiều 14/5, Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh đã tiếp đoàn đại biểu thành phố Daegu (Hàn Quốc). "
        "Nhân dịp này, Sở Y tế TP Đà Nẵng và Sở Y tế thành phố Daegu đã trao đổi thư ý định về hợp tác đào tạo nhân "
        "lực y tế."
    )
    assert [e.kind for e in _events(text)] == ["meeting", "signing"]


def test_a_trip_summary_s_host_whose_stop_is_not_told_keeps_its_meeting() -> None:
    text = (
        "Đoàn đại biểu tỉnh Điện Biên thăm tỉnh Phông-xa-lỳ và tỉnh U-đôm-xay (Lào)\n\n"
        "Từ ngày 10 đến 13/5, Đoàn đại biểu tỉnh Điện Biên do Bí thư Tỉnh ủy làm trưởng đoàn đã hội đàm với lãnh "
        "đạo tỉnh Phông-xa-lỳ.\n"
        "Ngày 13/5, Đoàn đến chào xã giao lãnh đạo tỉnh U-đôm-xay. Tiếp đoàn, Tỉnh trưởng tỉnh U-đôm-xay cảm ơn tỉnh "
        "Điện Biên đã hỗ trợ đào tạo cán bộ."
    )
    found = [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)]
    assert found == [
        ("meeting", "2024-05-10", {"VN-71", "LA-PH"}),
        ("meeting", "2024-05-13", {"VN-71", "LA-OU"}),
    ]


def test_singapore_named_bare_is_the_city_state() -> None:
    text = (
        "Khai mạc Ngày Singapore tại Hà Nội\n\n"
        "Tối 17/5, tại phố đi bộ Hồ Gươm, Đại sứ quán Singapore tại Việt Nam phối hợp với Sở Du lịch Hà Nội tổ chức "
        "khai mạc Ngày Singapore 2024 với nhiều hoạt động giao lưu văn hóa và ẩm thực."
    )
    assert [(e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("2024-05-17", {"VN-HN", "SG"})
    ]


def test_a_foreign_delegation_s_trip_keeps_its_first_day_s_reception_when_the_summary_makes_no_event() -> None:
    text = (
        "Hợp tác với Saint-Malo (Pháp) phát triển du lịch biển Hải Hậu\n\n"
        "Cập nhật: 09/05/2024 16:05\n\n"
        "Từ ngày 5 đến 7/5, đoàn công tác thị trấn Saint-Malo, tỉnh Ille-et-Vilaine (Cộng hòa Pháp) do ông Gilles "
        "Lurton, Thị trưởng làm trưởng đoàn đã thăm và làm việc tại tỉnh Nam Định.\n\n"
        "Chiều 5/5, ông Đoàn Ngọc Kiên, Phó Chủ tịch UBND tỉnh Nam Định tiếp đoàn. Ông cho biết, Nam Định có 72 km bờ "
        "biển. Tuy nhiên, du lịch biển đang gặp nhiều khó khăn do thiếu sản phẩm.\n\n"
        "Sáng 7/5, tại UBND huyện Hải Hậu, ông Vũ Văn Hưng, Chủ tịch UBND huyện Hải Hậu và Thị trưởng Gilles Lurton "
        "đã ký Ý định thư hợp tác giữa huyện Hải Hậu và thị trấn Saint-Malo."
    )
    found = [(e.kind, e.date.value if e.date else None) for e in extract_facts(text, None)[0]]
    assert found == [("meeting", "2024-05-05"), ("signing", "2024-05-07")]


def test_agreements_handed_to_several_firms_are_one_signing_each() -> None:
    text = (
        "Long An xúc tiến đầu tư tại Hàn Quốc\n\n"
        "Ngày 14/5, tại thành phố Seoul (Hàn Quốc), UBND tỉnh Long An tổ chức Hội nghị xúc tiến đầu tư với sự tham "
        "dự của hơn 100 doanh nghiệp Hàn Quốc.\n"
        "Tại hội nghị, UBND tỉnh Long An đã trao biên bản ghi nhớ hợp tác đầu tư cho 3 doanh nghiệp Hàn Quốc gồm "
        "Công ty Daesung Foods, Công ty Hanil Logistics và Công ty Miso Energy."
    )
    signings = [sorted(p.id for p in e.parties) for e in _events(text) if e.kind == "signing"]
    assert signings == [
        ["VN-41", "org:daesung-foods"],
        ["VN-41", "org:hanil-logistics"],
        ["VN-41", "org:miso-energy"],
    ]


def test_a_multinational_s_foundation_named_with_its_short_name_gives_under_that_name() -> None:
    text = (
        "Khánh Hòa khai trương tuyến xe buýt điện\n\n"
        "Sáng 20/5, UBND tỉnh Khánh Hòa và Quỹ Hyundai Motor Chung Mong-Koo (HMCF) tổ chức lễ khai trương tuyến xe "
        "buýt điện tại TP Nha Trang.\n"
        "Dự án do Quỹ HMCF tài trợ với tổng kinh phí khoảng 1,5 triệu USD."
    )
    found = [(e.kind, {(p.id, p.country) for p in e.parties}) for e in _events(text)]
    assert ("aid", {("VN-34", "VN"), ("org:hmcf", "KR")}) in found


def test_a_world_body_named_in_full_then_by_its_acronym_is_an_organisation_of_its_own() -> None:
    text = (
        "Hội thảo quốc tế về du lịch lặn biển tại Khánh Hòa\n\n"
        "Chiều 8/5, Sở Du lịch tỉnh Khánh Hòa phối hợp với Hiệp hội Du lịch Lặn biển Thế giới WDTA tổ chức hội thảo "
        "quốc tế về phát triển du lịch lặn biển tại TP Nha Trang."
    )
    [event] = _events(text)
    assert {(p.id, p.kind, p.country) for p in event.parties} == {
        ("VN-34", "province", "VN"),
        ("org:wdta", "organisation", None),
    }


def test_the_foreign_investor_of_a_project_the_province_approves_is_its_partner() -> None:
    text = (
        "Ninh Thuận chấp thuận đầu tư nhà máy điện gió 120 MW\n\n"
        "Ngày 15/5, UBND tỉnh Ninh Thuận đã ban hành quyết định chấp thuận đầu tư dự án nhà máy điện gió Phước Nam "
        "với tổng vốn đầu tư khoảng 150 triệu USD. Theo đó, chủ đầu tư của dự án là Công ty Vindkraft Nordic ApS "
        "(Đan Mạch), thời gian thực hiện 36 tháng."
    )
    [event] = _events(text)
    assert {(p.id, p.country) for p in event.parties} == {("VN-36", "VN"), ("org:vindkraft-nordic-aps", "DK")}


def test_a_district_s_people_s_committee_is_the_district_s_not_the_province_s() -> None:
    text = (
        "Cao Bằng hội đàm với Quảng Tây\n\n"
        "Sáng 21/5, Phó Chủ tịch UBND tỉnh Cao Bằng hội đàm với Phó Chủ tịch Khu tự trị dân tộc Choang Quảng Tây.\n"
        "Cùng ngày, tại trụ sở UBND huyện Hạ Lang, ông Nông Văn Khải, Chủ tịch UBND huyện đã làm việc với đoàn đại "
        "biểu huyện Long Châu (Quảng Tây) do Phó Huyện trưởng làm trưởng đoàn."
    )
    events = _events(text)
    assert [sorted(p.id for p in e.parties) for e in events] == [
        ["CN-GX", "VN-04"],
        ["CN-GX:longzhou", "VN-04:ha-lang"],
    ]


def test_a_delegation_s_visit_to_a_foreign_firm_is_its_locality_s_meeting_with_the_firm() -> None:
    text = (
        "Lãnh đạo tỉnh Bắc Ninh làm việc tại Hàn Quốc\n\n"
        "Từ ngày 7 đến 10/5, đoàn công tác tỉnh Bắc Ninh do Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm và làm việc "
        "tại Hàn Quốc.\n"
        "Ngày 8/5, tại Tòa thị chính thành phố Suwon, đoàn đã làm việc với Thị trưởng thành phố Suwon. Hai bên trao "
        "đổi về hợp tác đào tạo nghề và giao lưu văn hóa.\n"
        "Ngày 9/5, đoàn đến thăm và làm việc với Tập đoàn Samsung tại trụ sở ở thành phố Suwon."
    )
    found = [(e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)]
    assert ("2024-05-09", {"VN-56", "org:samsung"}) in found


def test_a_country_in_brackets_after_its_province_still_names_the_other_side() -> None:
    from hoptac.extract import context
    from hoptac.extract.actors import find_actors

    text = (
        "TP Hồ Chí Minh tiếp đoàn tỉnh Gyeonggi\n\n"
        "Chiều 7/5, Phó Chủ tịch UBND TP Hồ Chí Minh tiếp ông Kim Dong-yeon, Tỉnh trưởng tỉnh Gyeonggi (Hàn Quốc)."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    assert "KR" in [a.id for a in find_actors(ctx)]


def test_a_canal_named_hope_is_no_wish() -> None:
    from hoptac.extract import context
    from hoptac.extract.actors import find_actors
    from hoptac.extract.mentions import find_candidates

    text = (
        "Giảm ùn tắc quanh sân bay Tân Sơn Nhất\n\n"
        "Sở Giao thông vận tải TP.HCM vừa mở thêm làn đường ưu tiên vào sân bay trên đường Trường Sơn.\n"
        "Việc nạo vét kênh Hy Vọng là một phần của Dự án quản lý rủi ro ngập nước khu vực TP.HCM, "
        "vốn vay Ngân hàng Thế giới (WB). Thành phố hy vọng dự án sớm hoàn thành."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    found = [(m.kind, m.proposed) for m in find_candidates(ctx, find_actors(ctx)) if "Hy Vọng" in m.sentence.text]
    assert found == [("aid", False)]


def test_a_national_leader_with_a_foreign_name_is_not_vietnam() -> None:
    text = (
        "Thủ tướng Hun Sen thăm tỉnh Tây Ninh\n\n"
        "Sáng 12/5, Thủ tướng Campuchia Hun Sen đã đến thăm và làm việc tại tỉnh Tây Ninh. "
        "Bí thư Tỉnh ủy Tây Ninh đón tiếp đoàn."
    )
    events = _events(text)
    assert len(events) == 1
    assert {p.id for p in events[0].parties} == {"KH", "VN-37"}


def test_a_photo_credit_glued_to_the_next_sentence_is_cut_off() -> None:
    text = (
        "Nghệ An muốn hợp tác với Phần Lan về giáo dục\n\n"
        "Chủ tịch UBND tỉnh Nghệ An (bên phải) bắt tay Đại sứ Phần Lan -Ảnh: Minh Khôi Chiều 8-2, Chủ tịch "
        "UBND tỉnh Nghệ An Nguyễn Đức Trung đã tiếp Đại sứ Phần Lan tại Việt Nam Keijo Norvanto."
    )
    events = _events(text)
    assert len(events) == 1
    assert events[0].evidence[-1].text.startswith("Chiều 8-2, Chủ tịch UBND tỉnh Nghệ An")
    assert {p.id: p.role for p in events[0].parties} == {"VN-22": "host", "FI": "guest"}


def test_a_ship_s_name_after_a_country_does_not_make_it_a_person() -> None:
    text = (
        "Tàu bệnh viện Mỹ đến Khánh Hòa\n\n"
        "Sáng 12/5, tàu hải quân Mỹ USNS Mercy cập cảng Cam Ranh. Lãnh đạo UBND tỉnh Khánh Hòa đã đón "
        "đoàn tại cảng và hai bên trao đổi về các hoạt động khám chữa bệnh cho người dân."
    )
    events = _events(text)
    # The ship's arrival is told first; the province's welcome is the same event.
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in events] == [("other", ["US", "VN-34"])]


def test_each_agreement_of_a_list_signed_before_leaders_is_an_event() -> None:
    text = (
        "Chủ tịch nước hội đàm với Tổng thống Kazakhstan\n\n"
        "Chiều 14/5, tại Astana, Chủ tịch nước đã hội đàm với Tổng thống Kazakhstan.\n"
        "Sau hội đàm, hai nhà lãnh đạo chứng kiến lễ ký kết các văn kiện hợp tác: Hiệp định hợp tác về du lịch "
        "giữa hai Chính phủ; Thỏa thuận hợp tác giữa tỉnh Quảng Ninh và tỉnh Mangystau; Bản ghi nhớ về giáo dục "
        "giữa thành phố Đà Nẵng và thành phố Almaty."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties), e.fields) for e in signings] == [
        ("2024-05-14", ["KZ:mangystau", "VN-13"], []),
        ("2024-05-14", ["KZ:almaty", "VN-DN"], ["education"]),
    ]


def test_the_day_of_a_press_conference_is_not_the_festival_s() -> None:
    text = (
        "Lễ hội ẩm thực Hàn Quốc sắp diễn ra tại Hải Phòng\n\n"
        "Tại buổi họp báo chiều 10/5, Sở Du lịch Hải Phòng cho biết Lễ hội ẩm thực Hàn Quốc do UBND thành phố "
        "Hải Phòng phối hợp với thành phố Incheon tổ chức sẽ diễn ra từ ngày 1 đến 3/6."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None, e.status) for e in events] == [
        ("cultural_event", "2024-06-01", "planned")
    ]


def test_a_company_named_by_its_suffix_takes_the_article_s_only_foreign_country() -> None:
    text = (
        "Bắc Ninh thu hút thêm vốn đầu tư Nhật Bản\n\n"
        "Ngày 6/5, UBND tỉnh Bắc Ninh và Canon Group đã ký kết biên bản ghi nhớ về dự án mở rộng nhà máy."
    )
    [event] = _events(text)
    assert (event.kind, {(p.id, p.kind, p.country) for p in event.parties}) == (
        "signing",
        {("VN-56", "province", "VN"), ("org:canon", "company", "JP")},
    )


def test_a_vietnamese_firm_written_without_diacritics_is_not_foreign() -> None:
    text = (
        "Đà Nẵng làm việc với doanh nghiệp Hàn Quốc\n\n"
        "Ngày 6/5, UBND thành phố Đà Nẵng làm việc với Công ty TNHH MTV Hoang Long về dự án xuất khẩu sang Hàn Quốc."
    )
    assert _events(text) == []


def test_a_gift_made_at_a_festival_is_an_event_of_its_own_on_the_festival_s_day() -> None:
    text = (
        "Lễ hội hoa anh đào Nhật Bản tại Đà Nẵng\n\n"
        "Ngày 18/5, UBND thành phố Đà Nẵng phối hợp với tỉnh Shizuoka (Nhật Bản) khai mạc Lễ hội hoa anh đào.\n"
        "Nhiều hoạt động văn hóa đã diễn ra.\n"
        "Tại lễ khai mạc lễ hội, Nhật Bản sẽ tặng 500 cây hoa anh đào cho thành phố Đà Nẵng."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in events] == [
        ("cultural_event", "2024-05-18", ["JP-22", "VN-DN"]),
        ("aid", "2024-05-18", ["JP", "VN-DN"]),
    ]
    assert {p.id: p.role for p in events[1].parties} == {"JP": "funder", "VN-DN": "recipient"}


def test_those_who_organise_together_are_organisers() -> None:
    text = (
        "Ngày Quốc tế Yoga tại Cần Thơ\n\n"
        "Sáng 16/6, Đại sứ quán Ấn Độ phối hợp với UBND thành phố Cần Thơ tổ chức Ngày Quốc tế Yoga lần thứ 10."
    )
    [event] = _events(text)
    assert (event.kind, {p.id: p.role for p in event.parties}) == (
        "cultural_event",
        {"IN": "organiser", "VN-CT": "organiser"},
    )


def test_vietnam_s_leader_who_receives_hosts_even_abroad() -> None:
    text = (
        "Phó Chủ tịch nước tiếp Thống đốc tỉnh Gunma\n\n"
        "Chiều 15/5, tại Tokyo, Phó Chủ tịch nước Võ Thị Ánh Xuân đã tiếp Thống đốc tỉnh Gunma Yamamoto Ichita."
    )
    [event] = _events(text)
    assert {p.id: p.role for p in event.parties} == {"VN": "host", "JP-10": "guest"}


def test_a_foreign_body_named_with_its_short_name_is_one_party() -> None:
    text = (
        "Long An mời gọi doanh nghiệp Đức đầu tư\n\n"
        "Ngày 20/5, tại Munich, UBND tỉnh Long An và Phòng Thương mại và Công nghiệp bang Bayern (IHK Bayern) "
        "tổ chức hội thảo xúc tiến đầu tư."
    )
    [event] = _events(text)
    organisers = {(p.id, p.kind, p.country) for p in event.parties if p.role == "organiser"}
    assert organisers == {("VN-41", "province", "VN"), ("org:ihk-bayern", "organisation", "DE")}
    # German businesses, named in the title, take part; Munich is where it was held.
    assert sorted(p.id for p in event.parties) == ["DE", "VN-41", "org:ihk-bayern"]
    assert event.place is not None and event.place.id == "DE:munich"


def test_a_leader_whose_earlier_visit_is_recalled_is_not_a_person_of_the_event() -> None:
    text = (
        "Quảng Ninh tiếp đoàn tỉnh Quảng Tây\n\n"
        "Hai bên trao đổi về thương mại biên giới.\n"
        "Chiều 12/5, Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy đã tiếp đoàn công tác tỉnh Quảng Tây "
        "(Trung Quốc) do ông Lưu Ninh dẫn đầu.\n"
        "Cuộc gặp diễn ra sau chuyến thăm Việt Nam của Chủ tịch Tập Cận Bình, góp phần thúc đẩy hợp tác."
    )
    [event] = _events(text)
    assert [p.name for p in event.people] == ["Cao Tường Huy", "Lưu Ninh"]


def test_a_province_that_receives_an_ambassador_acts_itself() -> None:
    text = (
        "Quảng Nam tiếp Đại sứ Australia\n\n"
        "Sáng 7/5, tỉnh Quảng Nam đã tiếp Đại sứ Australia tại Việt Nam Andrew Goledzinowski."
    )
    [event] = _events(text)
    assert {p.id: p.role for p in event.parties} == {"VN-27": "host", "AU": "guest"}


def test_a_ship_in_a_city_s_port_with_no_local_authority_is_no_local_event() -> None:
    text = (
        "Tàu Hải quân Australia thăm Đà Nẵng\n\n"
        "Sáng 7/5, tàu HMAS Ballarat của Hải quân Australia cập cảng Tiên Sa, thành phố Đà Nẵng, "
        "bắt đầu chuyến thăm hữu nghị Hải quân nhân dân Việt Nam."
    )
    assert _events(text) == []


def test_singapore_the_city_is_singapore_the_country() -> None:
    text = (
        "Phó Thủ tướng thăm Singapore\n\n"
        "Ngày 13/7, tại Singapore, Phó Thủ tướng Trương Hòa Bình đã hội đàm với Thủ tướng Singapore Lý Hiển Long."
    )
    assert _events(text) == []  # two national governments


def test_a_signing_the_lead_tells_after_a_visit_is_on_the_visit_s_day() -> None:
    text = (
        "Đoàn công tác tỉnh Bình Định thăm tỉnh Gunma\n\n"
        "Từ ngày 5 đến 8/3, đoàn công tác tỉnh Bình Định do Chủ tịch UBND tỉnh Phạm Anh Tuấn dẫn đầu đã thăm và "
        "làm việc tại tỉnh Gunma, Nhật Bản. Hai bên đã ký kết biên bản ghi nhớ hợp tác về nông nghiệp."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-03-05"),
        ("signing", "2024-03-05"),
    ]


def test_an_anniversary_of_a_relationship_is_no_signing() -> None:
    text = (
        "Hải Phòng và Incheon kỷ niệm 25 năm thiết lập quan hệ hữu nghị\n\n"
        "Tối 6/5, UBND thành phố Hải Phòng tổ chức lễ kỷ niệm 25 năm thiết lập quan hệ hợp tác hữu nghị với "
        "thành phố Incheon (Hàn Quốc)."
    )
    [event] = _events(text)
    assert event.kind == "other"


def test_a_foreign_foundation_that_funds_a_province_is_its_funder() -> None:
    text = (
        "Tổ chức Plan International tài trợ 2 tỷ đồng cho tỉnh Quảng Trị\n\n"
        "Ngày 8/5, UBND tỉnh Quảng Trị tiếp nhận khoản tài trợ 2 tỷ đồng từ Tổ chức Plan International (Hoa Kỳ) "
        "cho các dự án nước sạch."
    )
    [event] = _events(text)
    assert (event.kind, {(p.id, p.kind, p.role) for p in event.parties}, [a.value for a in event.amounts]) == (
        "aid",
        {("org:plan-international", "organisation", "funder"), ("VN-25", "province", "recipient")},
        [2_000_000_000.0],
    )


def test_a_bare_foreign_name_whose_country_is_never_named_is_no_place() -> None:
    text = (
        "Trà Vinh khởi tố vụ cướp ngân hàng\n\n"
        "Ngày 8/5, Công an tỉnh Trà Vinh phối hợp với Công an thị xã Duyên Hải tổ chức khám nghiệm hiện trường."
    )
    assert _events(text) == []


def test_a_drug_seizure_is_no_cooperation_but_a_joint_operation_may_be() -> None:
    seizure = (
        "Bắt đối tượng vận chuyển ma túy từ Lào\n\n"
        "Ngày 8/5, Công an tỉnh Thanh Hóa bắt giữ đối tượng vận chuyển trái phép 30.000 viên ma túy từ tỉnh "
        "Hủa Phăn (Lào) về Việt Nam. Tang vật gồm ma túy tổng hợp và heroin. Vụ việc ma túy đang được điều tra."
    )
    assert off_topic(seizure) == "crime"
    assert _events(seizure) == []
    domestic = seizure.replace(
        "Công an tỉnh Thanh Hóa bắt giữ", "Công an tỉnh Thanh Hóa phối hợp với Bộ đội Biên phòng tỉnh Nghệ An bắt giữ"
    )
    assert _events(domestic) == []
    joint = seizure.replace(
        "Công an tỉnh Thanh Hóa bắt giữ", "Công an tỉnh Thanh Hóa phối hợp với Công an tỉnh Hủa Phăn bắt giữ"
    )
    assert [{p.id for p in e.parties} for e in _events(joint)] == [{"VN-21", "LA-HO"}]


def test_a_city_leader_in_a_summit_delegation_is_not_a_party() -> None:
    text = (
        "Chủ tịch nước hội đàm với Tổng thống Hàn Quốc\n\n"
        "Chiều 12/5, tại Seoul, Chủ tịch nước Lương Cường hội đàm với Tổng thống Hàn Quốc Yoon Suk Yeol. "
        "Tham dự hội đàm về phía Việt Nam có Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn; Bí thư Thành ủy "
        "Đà Nẵng Nguyễn Văn Quảng cùng lãnh đạo một số bộ, ngành. Hai bên nhất trí thúc đẩy hợp tác kinh tế."
    )
    assert _events(text) == []


def test_a_summit_received_by_a_province_s_own_leaders_is_the_province_s() -> None:
    text = (
        "Thủ tướng Lào thăm tỉnh Nghệ An\n\n"
        "Sáng 10/5, Thủ tướng Lào Sonexay Siphandone đã thăm tỉnh Nghệ An. Đón Thủ tướng Lào có Phó Thủ tướng "
        "Trần Lưu Quang cùng lãnh đạo Tỉnh ủy, UBND tỉnh Nghệ An. Hai bên trao đổi về hợp tác giáo dục."
    )
    assert [set(p.id for p in e.parties) for e in _events(text)] == [{"VN-22", "LA", "VN"}]


def test_the_ends_of_a_road_or_a_flight_are_not_parties() -> None:
    text = (
        "Nhật Bản xem xét cho vay làm cao tốc Hà Nội - Viêng Chăn\n\n"
        "Ngày 11/5, Thứ trưởng Bộ Giao thông Vận tải làm việc với Công sứ Đại sứ quán Nhật Bản về vốn vay "
        "cho tuyến cao tốc Hà Nội – Viêng Chăn và đường bay Đà Nẵng - Osaka."
    )
    events, relations = extract_facts(text, PUBLISHED)
    assert all(p.id in ("VN", "JP") for e in events for p in e.parties)
    assert relations == []


def test_a_capital_standing_for_its_government_makes_no_city_relationship() -> None:
    text = (
        "Chuyên gia: quan hệ Việt - Mỹ phát triển\n\n"
        "Theo chuyên gia Nga, sự hợp tác ngày càng chặt chẽ giữa Washington và Hà Nội không làm thay đổi "
        "quan hệ hữu nghị của Việt Nam với Nga."
    )
    assert extract_facts(text, PUBLISHED)[1] == []


def test_a_forum_of_nations_meeting_in_a_city_is_not_the_city_s_event() -> None:
    text = (
        "Cần Thơ sẵn sàng cho Hội nghị Bộ trưởng ASEAN\n\n"
        "Ngày 15/5, Hội nghị Bộ trưởng Kinh tế ASEAN diễn ra tại TP Cần Thơ. Ông Trần Văn Nam, Chủ tịch Hiệp hội "
        "Du lịch thành phố Cần Thơ cho biết các khách sạn đã sẵn sàng đón đại biểu ASEAN."
    )
    assert _events(text) == []


def test_a_forum_whose_conference_a_city_s_leader_addresses_is_the_city_s_event() -> None:
    text = (
        "Bí thư Thành ủy Đà Nẵng phát biểu tại hội nghị ASEAN\n\n"
        "Sáng 16/5, tại hội nghị của ASEAN về đô thị thông minh, Bí thư Thành ủy Đà Nẵng Nguyễn Văn Quảng "
        "giới thiệu kinh nghiệm của thành phố về chính quyền điện tử."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-DN", "org:asean"}]


def test_a_vietnamese_firm_whose_name_has_no_diacritics_is_not_foreign() -> None:
    text = (
        "An Giang làm việc với Tập đoàn Sao Mai\n\n"
        "Ngày 12/5, Chủ tịch UBND tỉnh An Giang làm việc với Tập đoàn Sao Mai về dự án nuôi cá tra. "
        "Tập đoàn Sao Mai đang hợp tác với một đối tác Nhật Bản để xuất khẩu sang thị trường Nhật Bản."
    )
    assert _events(text) == []


def test_a_border_force_working_with_a_country_s_authorities_is_a_joint_operation() -> None:
    text = (
        "Bắt 5 đối tượng vận chuyển ma túy qua biên giới\n\n"
        "Chiều 12/5, tại khu vực biên giới, Bộ đội Biên phòng tỉnh Hà Tĩnh phối hợp với nhà chức trách Lào "
        "bắt giữ 5 đối tượng vận chuyển trái phép 20.000 viên ma túy. Tang vật gồm ma túy và xe máy. "
        "Vụ việc ma túy đã được bàn giao cho phía Lào xử lý theo pháp luật về ma túy."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-23", "LA"}]


def test_forces_of_both_sides_working_together_later_in_a_crime_story_are_a_joint_operation() -> None:
    text = (
        "Triệt phá đường dây ma túy lớn trên tuyến biên giới\n\n"
        "Bộ đội Biên phòng tỉnh Quảng Trị vừa triệt phá đường dây vận chuyển 20 bánh heroin. "
        "Các đối tượng vận chuyển ma túy từ Lào về Việt Nam. Những ngày sau đó, các lực lượng gồm Bộ chỉ huy "
        "BĐBP tỉnh Quảng Trị, Cục Phòng chống ma túy và An ninh tỉnh Savannakhet (Lào) phối hợp chặt chẽ với nhau "
        "điều tra. Tang vật gồm heroin và ma túy tổng hợp. Các đối tượng ma túy đã bị tạm giữ."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-25", "LA-SV"}]
    alone = text.replace("An ninh tỉnh Savannakhet (Lào) phối hợp", "Công an tỉnh Quảng Bình phối hợp")
    assert _events(alone) == []


def test_a_head_of_state_whose_nation_is_no_party_is_not_among_the_people() -> None:
    text = (
        "Đại sứ Việt Nam làm việc với Thống đốc bang Texas\n\n"
        "Ngày 14/5, Đại sứ Việt Nam tại Hoa Kỳ Nguyễn Quốc Dũng đã gặp Thống đốc bang Texas Greg Abbott "
        "tại thủ phủ Austin. Đại sứ cho biết chuyến thăm Việt Nam của Tổng thống Joe Biden năm ngoái đã mở ra "
        "giai đoạn mới. Vừa qua, Thủ tướng Phạm Minh Chính đã có cuộc điện đàm với Tổng thống Joe Biden. "
        "Hai bên trao đổi về hợp tác giáo dục và năng lượng."
    )
    events = _events(text)
    assert [{p.id for p in e.parties} for e in events] == [{"VN", "US-TX"}]
    assert [p.name for p in events[0].people] == ["Nguyễn Quốc Dũng", "Greg Abbott"]


def test_a_province_whose_leader_attends_acts_rather_than_its_city_that_hosts() -> None:
    text = (
        "Khai mạc hội nghị khoa học quốc tế tại Quy Nhơn\n\n"
        "Ngày 10/5, tại thành phố Quy Nhơn (Bình Định) đã khai mạc hội nghị khoa học quốc tế về vật lý. "
        "Tham dự lễ khai mạc có Đại sứ Pháp tại Việt Nam Olivier Brochet và Chủ tịch UBND tỉnh Bình Định "
        "Phạm Anh Tuấn."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-31", "FR"}]


def test_who_gives_and_who_receives_follows_the_gift_verb() -> None:
    gives = (
        "Quảng Nam trao tặng quà cho tỉnh Sekong\n\n"
        "Ngày 9/5, tại tỉnh Sekong (Lào), Chủ tịch UBND tỉnh Quảng Nam trao tặng tỉnh Sekong 20 bộ máy tính "
        "trị giá 300 triệu đồng."
    )
    receives = (
        "Quảng Ngãi nhận tài trợ của tỉnh Gunma\n\n"
        "Ngày 9/5, UBND tỉnh Quảng Ngãi được tỉnh Gunma (Nhật Bản) tài trợ 50.000 USD để mua thiết bị y tế."
    )
    assert [{p.id: p.role for p in e.parties} for e in _events(gives) if e.kind == "aid"] == [
        {"VN-27": "funder", "LA-XE": "recipient"}
    ]
    assert [{p.id: p.role for p in e.parties} for e in _events(receives) if e.kind == "aid"] == [
        {"VN-29": "recipient", "JP-10": "funder"}
    ]


def test_an_agreement_both_sides_sign_at_a_meeting_is_an_event_of_its_own_on_its_day() -> None:
    text = (
        "Đoàn công tác tỉnh Nghệ An làm việc tại Hàn Quốc\n\n"
        "Ngày 11/5, Chủ tịch UBND tỉnh Nghệ An đã làm việc với lãnh đạo tỉnh Gyeongsangbuk (Hàn Quốc). "
        "Tại buổi làm việc, hai bên đã ký kết Biên bản ghi nhớ hợp tác trong lĩnh vực nông nghiệp."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-11", {"KR-47": "host", "VN-22": "guest"}),
        ("signing", "2024-05-11", {"KR-47": "participant", "VN-22": "participant"}),
    ]


def test_a_delegation_visiting_abroad_is_the_guest_of_each_meeting_there() -> None:
    text = (
        "Đoàn công tác tỉnh Hà Tĩnh thăm và làm việc tại Nhật Bản\n\n"
        "Từ ngày 10 đến 14/5, đoàn công tác tỉnh Hà Tĩnh do Chủ tịch UBND tỉnh dẫn đầu đã thăm Nhật Bản. "
        "Ngày 11/5, đoàn đã làm việc với lãnh đạo tỉnh Shizuoka về hợp tác đào tạo nguồn nhân lực. "
        "Ngày 13/5, tại Tokyo, UBND tỉnh Hà Tĩnh tổ chức hội nghị xúc tiến đầu tư với các doanh nghiệp Nhật Bản."
    )
    roles = [{p.id: p.role for p in e.parties} for e in _events(text)]
    assert {"JP-22": "host", "VN-23": "guest"} in roles
    assert all("JP-13" not in r for r in roles)  # Tokyo is where, the Japanese firms are who


def test_the_places_of_a_funded_project_receive_the_grant() -> None:
    text = (
        "ADB tài trợ 40 triệu USD cho hạ tầng đô thị tại Hà Giang và Tuyên Quang\n\n"
        "Ngày 9/5, Ngân hàng Phát triển châu Á (ADB) phê duyệt khoản tài trợ 40 triệu USD cho dự án cải tạo "
        "hạ tầng đô thị tại Hà Giang và Tuyên Quang."
    )
    assert [{p.id: p.role for p in e.parties} for e in _events(text)] == [
        {"org:adb": "funder", "VN-03": "recipient", "VN-07": "recipient"}
    ]


def test_a_body_s_short_name_recurring_names_no_place_and_its_country_s_firms_take_part() -> None:
    text = (
        "Long An giới thiệu cơ hội đầu tư với doanh nghiệp Pháp\n\n"
        "Ngày 12/5, Phòng Thương mại và Công nghiệp vùng Lyon (CCI Lyon) và UBND tỉnh Long An tổ chức hội thảo "
        "xúc tiến đầu tư với các nhà đầu tư đến từ Pháp. Bà Anne Morel, Giám đốc của CCI  Lyon, phát biểu khai mạc."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-41", "org:cci-lyon", "FR"}]


def test_a_signing_of_years_ago_in_an_undated_article_is_no_event() -> None:
    text = (
        "Thống đốc tỉnh Shizuoka tiếp đoàn tỉnh Hà Tĩnh\n\n"
        "Ngày 15/5, Thống đốc tỉnh Shizuoka tiếp đoàn công tác tỉnh Hà Tĩnh do Chủ tịch UBND tỉnh dẫn đầu. "
        "Thống đốc cho biết tỉnh Shizuoka và tỉnh Hà Tĩnh đã ký thỏa thuận hợp tác năm 2009."
    )
    events = extract_facts(text, None)[0]
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("meeting", "--05-15")]


def test_what_a_speaker_says_by_one_name_gives_the_event_its_fields() -> None:
    text = (
        "Chủ tịch UBND tỉnh Kiên Giang tiếp Đại sứ Đan Mạch\n\n"
        "Ngày 12/5, ông Lâm Minh Thành, Chủ tịch UBND tỉnh Kiên Giang tiếp bà Nicolai Prytz, Đại sứ Đan Mạch "
        "tại Việt Nam.\n"
        "Trong những năm qua, tỉnh đã đạt nhiều thành tựu.\n"
        "Ông Thành đề nghị Đan Mạch hỗ trợ tỉnh trong lĩnh vực năng lượng tái tạo."
    )
    assert _events(text)[0].fields == ["energy"]


def test_a_conference_s_foreign_side_is_the_side_of_the_official_who_speaks_there() -> None:
    text = (
        "Lạng Sơn tổ chức hội nghị xúc tiến tiêu thụ na\n\n"
        "Ngày 20/5, UBND tỉnh Lạng Sơn tổ chức Hội nghị xúc tiến tiêu thụ quả na năm 2024.\n"
        "Tham dự có đại diện các doanh nghiệp thu mua trong và ngoài nước.\n"
        "Ông Lý Minh, Phó Huyện trưởng huyện Bằng Tường (Trung Quốc) đánh giá cao chất lượng quả na Lạng Sơn."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-09", "CN-GX:pingxiang"}]


def test_those_listed_as_attending_after_a_photo_credit_take_part() -> None:
    text = (
        "Bắc Giang tổ chức hội nghị xúc tiến tiêu thụ vải thiều\n\n"
        "Ngày 27/5, UBND tỉnh Bắc Giang tổ chức Hội nghị xúc tiến tiêu thụ vải thiều năm 2024.\n"
        "Quang cảnh hội nghị. Ảnh: Tùng Lâm/TTXVN Tham dự có Tổng Lãnh sự Trung Quốc tại TP Hồ Chí Minh, "
        "đại diện lãnh đạo tỉnh Lạng Sơn và các doanh nghiệp."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-54", "CN", "VN-09"}]


def test_an_anniversary_s_first_day_years_ago_is_no_event() -> None:
    text = (
        "Thủ tướng Lào thăm tỉnh Điện Biên\n\n"
        "Chiều 21/5, Chủ tịch UBND tỉnh Điện Biên đón Thủ tướng Lào Sonexay Siphandone.\n"
        "Chuyến thăm diễn ra khi hai nước kỷ niệm 62 năm thiết lập quan hệ ngoại giao (5/9/1962 - 5/9/2024) "
        "và Chủ tịch UBND tỉnh Điện Biên đã gặp Thủ tướng Lào."
    )
    assert [e.date.value for e in _events(text) if e.date] == ["2024-05-21"]


def test_an_event_organised_together_or_the_two_nations_ties_make_no_local_relationship() -> None:
    text = (
        "Đại sứ Việt Nam làm việc với bang Victoria\n\n"
        "Ngày 12/5, Đại sứ Việt Nam tại Australia làm việc với Thống đốc bang Victoria. Hai bên đánh giá cao "
        "quan hệ hợp tác giữa hai nước trong lĩnh vực giáo dục.\n"
        "Ngày 13/5, hội thảo về thương mại do Sở Công Thương TP Hồ Chí Minh phối hợp với bang Victoria tổ chức "
        "đã thu hút 100 doanh nghiệp."
    )
    assert extract_facts(text, PUBLISHED)[1] == []


def test_the_city_as_subject_of_a_membership_is_the_city_the_article_is_about() -> None:
    text = (
        "Đà Nẵng chủ động ứng phó biến đổi khí hậu\n\n"
        "Ngày 12/5, Chủ tịch UBND thành phố Đà Nẵng tiếp đoàn Tổ chức C40 tại trụ sở thành phố.\n"
        "Theo đó, thành phố đã tham gia hoạt động của Tổ chức C40 từ năm 2019."
    )
    relations = extract_facts(text, PUBLISHED)[1]
    assert [(r.a.id, r.b.id, r.type, r.since) for r in relations] == [("VN-DN", "org:c40", "membership", "2019")]


def test_a_ship_named_after_a_city_is_no_party() -> None:
    text = (
        "Tàu khu trục Nhật Bản cập cảng Cam Ranh\n\n"
        "Chiều 20/5, tàu khu trục Izumo (DDH-183) của Lực lượng Phòng vệ Biển Nhật Bản cập cảng quốc tế Cam Ranh. "
        "Izumo (DDH-183) sẽ ở lại cảng trong 4 ngày."
    )
    assert _events(text) == []


def test_a_city_that_is_cooperating_with_foreign_cities_has_a_relationship_with_each() -> None:
    text = (
        "Hà Nội sẽ thay thế cây xanh trên các tuyến phố\n\n"
        "Theo ông Chung, hiện Hà Nội đang hợp tác với một số thành phố của Trung Quốc như Côn Minh, Nam Ninh "
        "để chọn giống cây phù hợp."
    )
    relations = extract_facts(text, PUBLISHED)[1]
    assert sorted((r.a.id, r.b.id, r.type) for r in relations) == [
        ("VN-HN", "CN-GX:nanning", "cooperation"),
        ("VN-HN", "CN-YN:kunming", "cooperation"),
    ]


def test_a_recognition_a_society_or_a_club_named_after_a_place_is_no_party() -> None:
    heritage = (
        "Gia Lai mời gọi đầu tư du lịch\n\n"
        "Ngày 14/5, UBND tỉnh Gia Lai tổ chức hội nghị xúc tiến đầu tư du lịch. Không gian văn hóa Cồng chiêng "
        "Tây Nguyên đã được UNESCO công nhận là di sản văn hóa phi vật thể của nhân loại."
    )
    society = (
        "Chủ tịch Quốc hội tiếp Chủ tịch Hội hữu nghị bang Kerala\n\n"
        "Chiều 14/5, Chủ tịch Quốc hội tiếp ông Ravi Menon, Chủ tịch Hội hữu nghị Ấn Độ - Việt Nam bang Kerala."
    )
    club = (
        "Trao học bổng cho sinh viên Nghệ An\n\n"
        "Ngày 14/5, Câu lạc bộ Rotary Busan trao 50 suất học bổng cho sinh viên nghèo tỉnh Nghệ An."
    )
    assert _events(heritage) == [] and _events(society) == [] and _events(club) == []


def test_a_province_s_own_paper_names_its_government_without_its_name() -> None:
    text = (
        "UBND tỉnh làm việc với Tổng Lãnh sự quán Nhật Bản\n\n"
        "Sáng 5/5, đồng chí Trần Văn Nam, Chủ tịch UBND tỉnh đã tiếp ông Ono Masuo, Tổng Lãnh sự Nhật Bản tại "
        "TP Hồ Chí Minh đến chào xã giao. Chủ tịch UBND tỉnh cảm ơn sự quan tâm của Tổng Lãnh sự quán Nhật Bản "
        "đối với Bình Dương và mong muốn hai bên tăng cường hợp tác đầu tư."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-05", {"VN-57": "host", "JP": "guest"})]


def test_a_cue_word_inside_a_person_s_name_tells_no_event() -> None:
    text = (
        "Bí thư Tỉnh ủy tiếp Đại sứ Cuba\n\n"
        "Ngày 18/5, tại Hạ Long, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký đã tiếp xã giao Đại sứ Cuba tại Việt Nam "
        "Orlando Hernández Guillén. Ông Nguyễn Xuân Ký đề nghị hai bên tăng cường hợp tác du lịch."
    )
    assert [e.kind for e in _events(text)] == ["meeting"]


def test_a_signing_both_sides_plan_is_not_dated_by_the_meeting() -> None:
    text = (
        "Cần Thơ tiếp đoàn vùng Mandalay\n\n"
        "Ngày 20/5, Chủ tịch UBND thành phố Cần Thơ tiếp đoàn công tác vùng Mandalay (Myanmar). Hai bên thống nhất "
        "sẽ ký kết biên bản ghi nhớ hợp tác trong năm tới."
    )
    assert [(e.kind, e.status, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "past", "2024-05-20"),
        ("signing", "planned", None),
    ]


def test_a_province_licensing_a_foreign_investor_is_an_event() -> None:
    text = (
        "Nhà đầu tư Canada mở nhà máy tại Phú Yên\n\n"
        "Ngày 10/5, Sở Kế hoạch và Đầu tư tỉnh Phú Yên cấp giấy chứng nhận đăng ký đầu tư cho Công ty TNHH Maple "
        "(nhà đầu tư đến từ Canada) xây dựng nhà máy chế biến gỗ với tổng vốn 5 triệu USD."
    )
    # The firm's legal form ("Công ty TNHH") does not hide its foreign name.
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("other", {"VN-32", "CA", "org:maple"})]


def test_a_port_call_welcomed_by_a_province_s_departments_is_the_province_s_event() -> None:
    text = (
        "Tàu Hải quân Hoa Kỳ thăm Đà Nẵng\n\n"
        "Sáng 12/5, tàu USS Mustin của Hải quân Hoa Kỳ cập cảng Tiên Sa, thành phố Đà Nẵng, bắt đầu chuyến "
        "thăm 5 ngày. Tàu dài 90 m, có thủy thủ đoàn 50 người. Đón đoàn còn có đại diện một số sở, ngành thành phố "
        "Đà Nẵng."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-DN", "US"}]
    without_welcome = text.rsplit(" Đón đoàn", 1)[0]
    assert _events(without_welcome) == []


def test_those_who_attend_a_conference_the_host_organises_are_participants() -> None:
    text = (
        "Bắc Giang tổ chức hội nghị xúc tiến tiêu thụ vải thiều\n\n"
        "Ngày 27/4, UBND tỉnh Bắc Giang tổ chức Hội nghị xúc tiến tiêu thụ vải thiều năm 2024.\n"
        "Tham dự có Tổng Lãnh sự Trung Quốc tại TP Hồ Chí Minh và đại diện lãnh đạo tỉnh Lạng Sơn."
    )
    assert [{p.id: p.role for p in e.parties} for e in _events(text)] == [
        {"VN-54": "organiser", "CN": "participant", "VN-09": "participant"}
    ]


def test_the_leaders_who_witness_a_list_of_agreements_are_each_agreement_s_people() -> None:
    text = (
        "Chủ tịch nước hội đàm với Tổng thống Kazakhstan\n\n"
        "Chiều 20/5, tại Hà Nội, Chủ tịch nước Lương Cường hội đàm với Tổng thống Kazakhstan Kassym-Jomart Tokayev. "
        "Hai nhà lãnh đạo đã chứng kiến lễ ký kết các văn kiện hợp tác: Thỏa thuận hợp tác giữa tỉnh Bình Dương "
        "và tỉnh Almaty; Bản ghi nhớ hợp tác giữa thành phố Đà Nẵng và thành phố Astana."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [[p.name for p in e.people] for e in signings] == [["Lương Cường", "Kassym-Jomart Tokayev"]] * 2


def test_a_city_preparing_to_host_a_forum_has_no_foreign_side() -> None:
    text = (
        "Cần Thơ gấp rút chuẩn bị cho Hội nghị ASEAN\n\n"
        "Ngày 12/5, UBND TP Cần Thơ họp với các sở, ngành về công tác chuẩn bị đón đại biểu Hội nghị "
        "quan chức cao cấp ASEAN. Lãnh đạo thành phố yêu cầu các khách sạn bảo đảm an ninh, an toàn thực phẩm."
    )
    assert _events(text) == []


def test_a_forum_whose_officials_take_part_is_a_side() -> None:
    text = (
        "Lãnh đạo TP Cần Thơ tiếp Tổng thư ký ASEAN\n\n"
        "Chiều 13/5, Chủ tịch UBND TP Cần Thơ Trần Việt Trường tiếp Tổng thư ký ASEAN Kao Kim Hourn "
        "nhân dịp ông dự hội nghị tại thành phố. Hai bên trao đổi về hợp tác ứng phó biến đổi khí hậu."
    )
    events = _events(text)
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [("meeting", {"VN-CT", "org:asean"})]


def test_a_vietnamese_firm_with_a_latin_name_is_no_foreign_party() -> None:
    text = (
        "Khánh Hòa làm việc với Tập đoàn Sun Group về dự án du lịch\n\n"
        "Ngày 8/5, UBND tỉnh Khánh Hòa làm việc với Tập đoàn Sun Group về dự án khu du lịch tại Cam Ranh. "
        "Dự án hướng tới khách du lịch Hàn Quốc và Nhật Bản."
    )
    assert _events(text) == []


def test_a_festival_s_foreign_guest_named_where_he_speaks_is_a_side() -> None:
    text = (
        "Khai mạc Ngày hội văn hóa biên giới Việt Nam - Lào tại Điện Biên\n\n"
        "Tối 10/5, tại TP Điện Biên Phủ, UBND tỉnh Điện Biên tổ chức khai mạc Ngày hội giao lưu văn hóa, "
        "thể thao vùng biên giới.\n"
        "Ông Khăm Phăn Phôm Ma Thắt, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Phông Sa Lỳ (Lào) bày tỏ vui mừng "
        "được tham dự ngày hội."
    )
    events = _events(text)
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [("cultural_event", {"VN-71", "LA-PH"})]


def test_a_festival_with_a_foreign_nation_named_in_passing_has_no_foreign_side() -> None:
    text = (
        "Khai mạc Lễ hội hoa ban Điện Biên\n\n"
        "Tối 10/5, UBND tỉnh Điện Biên tổ chức khai mạc Lễ hội hoa ban. "
        "Ông Lê Thành Đô, Chủ tịch UBND tỉnh Điện Biên cho biết lễ hội thu hút du khách Lào và Thái Lan."
    )
    assert _events(text) == []


def test_a_foreign_party_s_delegation_is_its_country() -> None:
    text = (
        "Tây Ninh tiếp đoàn cán bộ Đảng Nhân dân Campuchia\n\n"
        "Chiều 14/5, Bí thư Tỉnh ủy Tây Ninh Nguyễn Thành Tâm tiếp đoàn cán bộ Đảng Nhân dân Campuchia "
        "sang thăm và học tập kinh nghiệm về công tác xây dựng Đảng."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-14", {"VN-37": "host", "KH": "guest"})]


def test_a_province_abroad_is_pinned_by_its_country() -> None:
    text = (
        "Ban Đối ngoại Trung ương làm việc với tỉnh Hà Nam, Trung Quốc\n\n"
        "Ngày 16/5, tại TP Trịnh Châu (tỉnh Hà Nam, Trung Quốc), Trưởng Ban Đối ngoại Trung ương hội kiến "
        "Bí thư Tỉnh ủy tỉnh Hà Nam. Hai bên trao đổi về hợp tác giữa các địa phương hai nước."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN", "CN-HA"}]


def test_the_friend_country_is_the_one_foreign_country_named() -> None:
    text = (
        "Cao Bằng tiếp nhận 5 công dân bị lừa bán sang Trung Quốc\n\n"
        "Sáng 15/5, tại cửa khẩu Tà Lùng, Công an tỉnh Cao Bằng tiếp nhận 5 công dân bị lừa bán sang Trung Quốc "
        "do phía nước bạn trao trả."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-04", "CN"}]


def test_two_places_in_a_building_s_name_are_no_parties() -> None:
    text = (
        "Đêm nhạc mừng Tết cho người Hàn Quốc tại Đà Nẵng\n\n"
        "Tối 12/5, tại Khách sạn Hữu nghị Đà Nẵng - Busan, Hội người Hàn Quốc tại Việt Nam tổ chức "
        "đêm giao lưu văn nghệ cho kiều bào."
    )
    assert _events(text) == []


def test_a_prize_won_abroad_is_no_visit_of_the_city_it_names() -> None:
    text = (
        "Cầu Rồng Đà Nẵng đoạt giải kiến trúc quốc tế\n\n"
        "Ngày 11/5, tại thành phố Busan (Hàn Quốc), ban giám khảo giải thưởng kiến trúc châu Á đã công bố "
        "công trình cầu Rồng của Đà Nẵng đoạt giải vàng hạng mục cầu đường. Giải thưởng được tổ chức thường niên."
    )
    assert _events(text) == []


def test_a_province_s_delegation_abroad_is_received_by_the_city_it_visits() -> None:
    text = (
        "Đoàn công tác tỉnh Quảng Nam thăm thành phố Busan\n\n"
        "Ngày 11/5, tại thành phố Busan (Hàn Quốc), đoàn công tác UBND tỉnh Quảng Nam do Chủ tịch UBND tỉnh "
        "dẫn đầu đã làm việc về hợp tác đào tạo nguồn nhân lực và quy hoạch đô thị."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-27", "KR-26"}]


def test_where_a_plant_agreed_on_is_built_is_a_side_of_the_agreement() -> None:
    text = (
        "Tập đoàn Nhật Bản đầu tư nhà máy tại Bắc Ninh\n\n"
        "Ngày 7/5, Tập đoàn Kyocera (Nhật Bản) đã ký biên bản ghi nhớ về việc xây dựng nhà máy linh kiện "
        "điện tử tại Bắc Ninh với tổng vốn 300 triệu USD."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("signing", {"org:kyocera", "VN-56", "JP"})]


def test_an_agreement_signed_at_a_gathering_told_before_is_an_event_on_its_day() -> None:
    text = (
        "Long An gặp mặt nhà đầu tư đầu năm\n\n"
        "Sáng 10/2, UBND tỉnh Long An tổ chức gặp mặt doanh nghiệp và nhà đầu tư Xuân Mậu Tuất 2018.\n"
        "Ông Trần Văn Cần, Chủ tịch UBND tỉnh cảm ơn cộng đồng doanh nghiệp đã đóng góp cho tỉnh trong năm 2017.\n"
        "Cũng tại buổi gặp mặt, UBND tỉnh Long An và Tập đoàn Lotte (Hàn Quốc) đã ký kết biên bản ghi nhớ "
        "về dự án trung tâm logistics."
    )
    events, _ = extract_facts(text, None)
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in events] == [
        ("signing", "2018-02-10", {"VN-41", "org:lotte"})
    ]


def test_an_agreement_marking_years_of_friendship_is_today_s_signing() -> None:
    text = (
        "Đoàn công tác tỉnh Tây Ninh làm việc tại tỉnh Svay Rieng\n\n"
        "Sáng 15/5, tại thành phố Svay Rieng, Chủ tịch UBND tỉnh Tây Ninh Nguyễn Thanh Ngọc làm việc với "
        "Tỉnh trưởng tỉnh Svay Rieng (Campuchia) Men Vibol.\n"
        "Hai bên đã ký kết biên bản ghi nhớ hợp tác mới nhân kỷ niệm 15 năm thiết lập quan hệ hữu nghị (2009-2024)."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-15"),
        ("signing", "2024-05-15"),
    ]


def test_a_portal_s_own_province_receives_a_consul_named_by_his_post() -> None:
    text = (
        "UBND tỉnh tiếp Tổng Lãnh sự Hàn Quốc tại Đà Nẵng\n\n"
        "Sáng 9-5, Phó chủ tịch UBND tỉnh Hồ Quang Bửu tiếp và làm việc với ông Park Jae-kyung, "
        "Tổng Lãnh sự Hàn Quốc tại TP Đà Nẵng. Ông Hồ Quang Bửu cho biết Hàn Quốc là đối tác đầu tư lớn "
        "của Quảng Nam với 96 dự án."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-09", {"VN-27": "host", "KR": "guest"})]


def test_a_signing_takes_the_day_told_just_before_it_not_the_trip_s_first() -> None:
    text = (
        "Đoàn công tác tỉnh Khánh Hòa ký kết hợp tác với thành phố Vladivostok\n\n"
        "Trong chuyến công tác tại Liên bang Nga từ ngày 3 đến 8/5, ngày 6/5, đoàn công tác tỉnh Khánh Hòa "
        "do Chủ tịch UBND tỉnh dẫn đầu đã ký kết biên bản ghi nhớ hợp tác với thành phố Vladivostok."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("signing", "2024-05-06")]


def test_a_state_named_to_place_a_city_is_no_second_party() -> None:
    text = (
        "Đà Nẵng ký kết hợp tác với thành phố Houston\n\n"
        "Ngày 8/5, tại thành phố Houston, bang Texas, Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh và Thị trưởng "
        "Houston John Whitmire đã ký kết biên bản ghi nhớ hợp tác về cảng biển và năng lượng."
    )
    events, relations = extract_facts(text, PUBLISHED)
    assert [{p.id for p in e.parties} for e in events] == [{"VN-DN", "US:houston"}]
    assert not [r for r in relations if "US-TX" in (r.a.id, r.b.id)]


def test_a_ceremony_s_foreign_guest_named_in_the_lead_is_a_side() -> None:
    text = (
        "Khánh thành Nhà văn hóa hữu nghị tại Nghệ An\n\n"
        "Ngày 10/5, tỉnh Nghệ An tổ chức lễ khánh thành Nhà văn hóa hữu nghị tại huyện Kỳ Sơn. "
        "Tới dự buổi lễ có ông Bua-khăm Thíp-pha-vông, Tỉnh trưởng tỉnh Xiêng Khoảng (Lào)."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-22", "LA-XI"}]


def test_a_special_delegation_of_the_friend_country_is_its_country() -> None:
    text = (
        "Quảng Trị tiếp nhận hài cốt liệt sĩ từ Lào\n\n"
        "Sáng 12/5, tại cửa khẩu Lao Bảo, UBND tỉnh Quảng Trị tổ chức lễ tiếp nhận 15 hài cốt liệt sĩ. "
        "Dự lễ có lãnh đạo UBND tỉnh Quảng Trị và đoàn công tác đặc biệt nước bạn Lào."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-25", "LA"}]


def test_an_undated_signing_takes_the_day_told_before_it_in_its_paragraph() -> None:
    text = (
        "Đoàn công tác tỉnh Hưng Yên làm việc tại tỉnh Gunma\n\n"
        "Từ ngày 11 đến 15/5, đoàn công tác tỉnh Hưng Yên do Chủ tịch UBND tỉnh dẫn đầu đã thăm và làm việc "
        "tại Nhật Bản. Ngày 13/5, đoàn đã hội kiến Thống đốc tỉnh Gunma. Hai bên ký kết biên bản ghi nhớ "
        "về hợp tác đào tạo nguồn nhân lực."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, {p.id for p in e.parties}) for e in signings] == [
        ("2024-05-13", {"VN-66", "JP-10"})
    ]


def test_relationships_a_province_has_are_no_signing_of_the_day() -> None:
    text = (
        "Bắc Ninh tiếp Đại sứ Hàn Quốc\n\n"
        "Ngày 14/5, Chủ tịch UBND tỉnh Bắc Ninh tiếp Đại sứ Hàn Quốc Choi Young-sam. Hiện nay, tỉnh Bắc Ninh "
        "đã thiết lập quan hệ hợp tác với tỉnh Gyeonggi và thành phố Busan (Hàn Quốc)."
    )
    events, relations = extract_facts(text, PUBLISHED)
    assert [e.kind for e in events] == ["meeting"]
    assert sorted(r.b.id for r in relations) == ["KR-26", "KR-41"]


def test_a_governor_named_by_a_bare_title_leads_the_one_foreign_province_of_the_sentence() -> None:
    text = (
        "Tổng Lãnh sự Việt Nam tại Fukuoka thăm tỉnh Kumamoto\n\n"
        "Ngày 20/5, Tổng Lãnh sự Việt Nam tại Fukuoka đã thăm và làm việc tại tỉnh Kumamoto, gặp Thống đốc "
        "Kimura Takashi. Hai bên trao đổi về lao động và du học sinh Việt Nam."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN", "JP-43"}]


def test_a_foreign_city_whose_leader_is_named_is_a_place_though_its_country_is_not() -> None:
    text = (
        "Đà Nẵng và Yokohama thúc đẩy hợp tác đô thị thông minh\n\n"
        "Sáng 14/5, Chủ tịch UBND thành phố Đà Nẵng Lê Trung Chinh tiếp Phó Thị trưởng Yokohama Hirano Nobuya. "
        "Hai thành phố là đối tác hợp tác từ năm 2013."
    )
    events, relations = extract_facts(text, PUBLISHED)
    assert _summary(events) == [("meeting", "2024-05-14", {"VN-DN": "host", "JP:yokohama": "guest"})]
    assert [(r.a.id, r.b.id, r.since) for r in relations] == [("VN-DN", "JP:yokohama", "2013")]


def test_a_development_bank_s_loan_to_a_province_is_aid() -> None:
    text = (
        "WB cho Bình Định vay 60 triệu USD nâng cấp đô thị\n\n"
        "Ngân hàng Thế giới (WB) vừa phê duyệt khoản vay 60 triệu USD để giúp tỉnh Bình Định nâng cấp hạ tầng "
        "đô thị và xử lý nước thải tại thành phố Quy Nhơn."
    )
    events = _events(text)
    assert [(e.kind, {p.id: p.role for p in e.parties}, [a.value for a in e.amounts]) for e in events] == [
        ("aid", {"org:world-bank": "funder", "VN-31": "recipient"}, [60000000.0])
    ]


def test_a_foreign_parliament_s_delegation_stays_a_side_beside_a_province_named_as_a_topic() -> None:
    text = (
        "Ninh Bình tiếp đoàn đại biểu Quốc hội Campuchia\n\n"
        "Sáng 14/5, Bí thư Tỉnh ủy Ninh Bình tiếp đoàn đại biểu Quốc hội Campuchia do Phó Chủ tịch Quốc hội "
        "Campuchia dẫn đầu. Hai bên trao đổi về hợp tác giữa tỉnh Ninh Bình và tỉnh Siem Reap."
    )
    assert [{p.id for p in e.parties} >= {"VN-18", "KH"} for e in _events(text)] == [True]


def test_a_cycling_race_with_teams_named_after_places_is_passed_over() -> None:
    text = (
        "Khai mạc giải đua xe đạp nữ quốc tế Bình Dương\n\n"
        "Sáng 14/5, UBND tỉnh Bình Dương tổ chức khai mạc giải đua xe đạp nữ quốc tế với 80 tay đua. "
        "Đội Gyeonggi (Hàn Quốc) giành áo vàng chặng đua đầu tiên. Các vận động viên sẽ tranh tài qua 8 chặng đua."
    )
    assert off_topic(text) == "sports"
    assert _events(text) == []


def test_a_fraud_story_with_a_foreign_border_town_is_no_cooperation() -> None:
    text = (
        "Bắt đối tượng lừa đảo đưa người sang Bằng Tường làm việc\n\n"
        "Ngày 14/5, Công an tỉnh Lạng Sơn đã khởi tố, bắt tạm giữ hình sự đối tượng Hoàng Văn Tú về hành vi "
        "lừa đảo chiếm đoạt tài sản. Đối tượng hứa đưa người sang thành phố Bằng Tường (Trung Quốc) làm việc "
        "rồi chiếm đoạt hơn 500 triệu đồng. Các đối tượng đã bị bắt quả tang."
    )
    assert off_topic(text) == "crime"
    assert _events(text) == []


def test_a_service_club_is_no_foreign_party() -> None:
    text = (
        "Trao học bổng cho sinh viên Quảng Trị\n\n"
        "Ngày 12/5, tại TP Đông Hà, tổ chức Rotary International (Hàn Quốc) đã trao tặng 50 suất học bổng "
        "cho sinh viên nghèo của tỉnh Quảng Trị."
    )
    assert _events(text) == []


def test_localities_listed_after_their_leaders_titles_are_led() -> None:
    text = (
        "Thủ tướng gặp lãnh đạo các bang của Australia\n\n"
        "Ngày 6/3, tại Melbourne, Thủ tướng Phạm Minh Chính đã gặp Thủ hiến của 2 bang là Victoria và "
        "Queensland. Hai bên trao đổi về hợp tác giáo dục và nông nghiệp."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN", "AU-VIC"}, {"VN", "AU-QLD"}]


def test_a_cue_in_reported_speech_does_not_name_the_event_s_kind() -> None:
    text = (
        "Hợp tác giữa các địa phương Việt - Hàn ngày càng sâu rộng\n\n"
        "Bí thư Tỉnh ủy Bắc Ninh cho biết giao lưu giữa các địa phương hai nước ngày càng được mở rộng.\n"
        "Chiều 14/5, Bí thư Tỉnh ủy Bắc Ninh tiếp Tỉnh trưởng tỉnh Gyeonggi Kim Dong-yeon."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("meeting", {"VN-56", "KR-41"})]


def test_a_grant_just_approved_is_past_though_its_use_is_planned() -> None:
    text = (
        "ADB tài trợ 40 triệu USD cho Hà Giang\n\n"
        "Ngân hàng Phát triển châu Á (ADB) vừa phê duyệt khoản tài trợ 40 triệu USD cho tỉnh Hà Giang. "
        "Khoản tài trợ sẽ được dùng để nâng cấp đường giao thông nông thôn."
    )
    events, _ = extract_facts(text, None)
    assert [(e.kind, e.status) for e in events] == [("aid", "past")]


def test_leaving_for_home_at_a_visit_s_end_is_no_event() -> None:
    text = (
        "Phó Chủ tịch nước thăm tỉnh Kanagawa\n\n"
        "Ngày 14/5, tại Yokohama, Phó Chủ tịch nước tiếp Thống đốc tỉnh Kanagawa Kuroiwa Yuji.\n"
        "Hai bên trao đổi về hợp tác đào tạo điều dưỡng.\n"
        "Ngày 15/5, Phó Chủ tịch nước rời tỉnh Kanagawa về nước, kết thúc tốt đẹp chuyến thăm tỉnh Kanagawa."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("meeting", "2024-05-14")]


def test_a_cue_naming_where_something_is_said_still_names_the_kind() -> None:
    text = (
        "Huế và Nara đẩy mạnh hợp tác\n\n"
        "Nội dung này được Chủ tịch UBND TP Huế nhấn mạnh tại cuộc làm việc trực tuyến với Thị trưởng thành phố "
        "Nara (Nhật Bản) chiều 14/5. Hai bên sẽ mở nhiều diễn đàn trao đổi giữa hai thành phố."
    )
    assert [e.kind for e in _events(text)] == ["meeting"]


def test_a_meeting_told_as_on_the_same_day_is_an_event_of_its_own() -> None:
    text = (
        "Lãnh đạo tỉnh Nghệ An tiếp đoàn tỉnh Hủa Phăn\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đã tiếp Đoàn đại biểu tỉnh Hủa Phăn (Lào) "
        "do Phó Tỉnh trưởng Khăm Phăn Phôm Ma Chăn làm trưởng đoàn. Hai bên trao đổi về thương mại biên giới.\n\n"
        "Chiều cùng ngày, Phó Chủ tịch UBND tỉnh Nghệ An Bùi Đình Long đã tiếp Tổng Lãnh sự Thái Lan "
        "tại Đà Nẵng Mongkol Visitstump."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-14", {"VN-22": "host", "LA-HO": "guest"}),
        ("meeting", "2024-05-14", {"VN-22": "host", "TH": "guest"}),
    ]


def test_a_day_counted_from_publication_dates_a_later_event() -> None:
    text = (
        "Cần Thơ và Kagoshima thúc đẩy hợp tác nông nghiệp\n\n"
        "Ngày 18/5, UBND TP Cần Thơ đã tiếp đoàn công tác tỉnh Kagoshima (Nhật Bản) do Phó Thống đốc "
        "Yuichiro Tanaka dẫn đầu.\n\n"
        "Tối qua, lãnh đạo TP Cần Thơ và tỉnh Kagoshima đã ký kết biên bản ghi nhớ về hợp tác nông nghiệp."
    )
    assert [(e.kind, e.date.value if e.date else None, e.date.inferred if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-18", True),
        ("signing", "2024-05-20", True),
    ]


def test_who_speaks_at_the_ceremony_takes_part_in_it() -> None:
    text = (
        "Lễ tiếp nhận hài cốt liệt sĩ hy sinh tại Campuchia\n\n"
        "Sáng 16/5, tại Nghĩa trang liệt sĩ tỉnh, Ban Chỉ đạo 515 tỉnh Tây Ninh tổ chức lễ truy điệu, an táng "
        "25 hài cốt liệt sĩ quân tình nguyện Việt Nam hy sinh tại Campuchia.\n\n"
        "Phát biểu tại buổi lễ, ông Nguyễn Mạnh Hùng, Phó Chủ tịch UBND tỉnh Tây Ninh cảm ơn đoàn đại biểu tỉnh "
        "Svay Rieng (Campuchia) đã giúp đỡ đội quy tập tìm kiếm hài cốt."
    )
    assert _summary(_events(text)) == [("other", "2024-05-16", {"VN-37": "organiser", "KH-20": "guest"})]


def test_a_country_named_only_for_a_firm_is_no_guest_of_a_local_meeting() -> None:
    text = (
        "Thị xã Đông Triều giao ban kinh tế - xã hội tháng 4\n\n"
        "Sáng 10/5, ông Trần Văn Lâm, Chủ tịch UBND thị xã Đông Triều (tỉnh Quảng Ninh) chủ trì hội nghị giao ban "
        "đánh giá tình hình phát triển kinh tế - xã hội tháng 4.\n\n"
        "Tại hội nghị, ông Lâm yêu cầu UBND phường Mạo Khê đôn đốc nhà đầu tư Hàn Quốc khẩn trương hoàn thiện "
        "hồ sơ đất đai của dự án nhà máy may trên địa bàn; các phòng, ban tăng cường kiểm tra an toàn giao thông."
    )
    assert _events(text) == []


def test_each_stop_of_a_delegation_abroad_is_an_event_with_the_delegation_s_province() -> None:
    text = (
        "Đoàn công tác tỉnh Bình Định làm việc tại Hàn Quốc\n\n"
        "Từ ngày 6 đến 10/5, đoàn công tác tỉnh Bình Định do ông Phạm Anh Tuấn, Chủ tịch UBND tỉnh làm trưởng đoàn "
        "đã thăm và làm việc tại Hàn Quốc.\n\n"
        "Ngày 7/5, tại thành phố Andong, đoàn làm việc với ông Kwon Gi-chang, Thị trưởng thành phố Andong, nơi đã "
        "kết nghĩa với thành phố Quy Nhơn từ năm 2009. Hai bên thống nhất đẩy mạnh hợp tác du lịch và giáo dục.\n\n"
        "Ngày 8/5, đoàn làm việc với Trường Đại học Andong về đào tạo điều dưỡng cho sinh viên Bình Định."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-07", {"KR-47:andong": "host", "VN-31": "guest"}),
        ("meeting", "2024-05-08", {"org:truong-dai-hoc-andong": "host", "VN-31": "guest"}),
    ]


def test_a_range_of_years_in_the_title_is_not_the_article_s_year() -> None:
    text = (
        "Thanh Hóa và Hủa Phăn ký kết biên bản hợp tác giai đoạn 2026 - 2030\n\n"
        "Ngày 12 tháng 4 năm 2025, tại thành phố Sầm Nưa, tỉnh Hủa Phăn (Lào), ông Đỗ Minh Tuấn, Chủ tịch UBND "
        "tỉnh Thanh Hóa đã hội đàm với ông Vilay Khamphan, Tỉnh trưởng tỉnh Hủa Phăn.\n\n"
        "Kết thúc hội đàm, hai bên đã ký kết biên bản thỏa thuận hợp tác giai đoạn 2026 - 2030.\n\n"
        "Chiều cùng ngày, hai đoàn đã dự lễ bàn giao Trường Tiểu học Xốp Bâu do tỉnh Thanh Hóa hỗ trợ xây dựng."
    )
    assert sorted((k, d) for k, d, _ in _summary(_events(text))) == [
        ("aid", "2025-04-12"),
        ("meeting", "2025-04-12"),
        ("signing", "2025-04-12"),
    ]


def test_people_belong_to_the_event_told_where_they_are_named() -> None:
    text = (
        "Lâm Đồng tiếp đoàn tỉnh Kangwon\n\n"
        "Sáng 15/5, ông Trần Hồng Thái, Chủ tịch UBND tỉnh Lâm Đồng đã tiếp đoàn công tác tỉnh Gangwon (Hàn Quốc) "
        "do ông Kim Jin-tae, Tỉnh trưởng tỉnh Gangwon dẫn đầu. Hai bên trao đổi về hợp tác du lịch.\n\n"
        "Ngày 16/5, đoàn tỉnh Gangwon đã làm việc với Trường Đại học Đà Lạt. Ông Lê Minh Chiến, Hiệu trưởng "
        "Trường Đại học Đà Lạt cho biết nhà trường sẵn sàng trao đổi sinh viên với các trường của tỉnh Gangwon."
    )
    assert [sorted(p.name for p in e.people) for e in _events(text)] == [
        ["Kim Jin-tae", "Trần Hồng Thái"],
        ["Lê Minh Chiến"],
    ]


def test_towns_named_as_addresses_do_not_make_a_deal_between_firms_local() -> None:
    text = (
        "Doanh nghiệp Bến Tre ký kết hợp đồng xuất khẩu dừa sang Hàn Quốc\n\n"
        "Ngày 14/5, tại Hội chợ Seoul Food 2024 diễn ra ở Trung tâm Triển lãm KINTEX, tỉnh Gyeonggi (Hàn Quốc), "
        "Công ty CP Chế biến dừa Lương Quới (huyện Giồng Trôm, tỉnh Bến Tre) đã ký hợp đồng cung cấp 300 tấn "
        "cơm dừa sấy với Công ty TNHH Hanmi Foods (thành phố Busan)."
    )
    assert extract_facts(text, PUBLISHED, use_model=False)[0] == []


def test_a_town_that_receives_a_grant_is_a_side_without_its_leaders() -> None:
    text = (
        "ADB tài trợ 40 triệu USD cho dự án cấp nước tại Sóc Trăng\n\n"
        "Ngày 14/5, Ngân hàng Phát triển châu Á (ADB) đã phê duyệt khoản tài trợ 40 triệu USD cho tỉnh Sóc Trăng "
        "để nâng cấp hệ thống cấp nước sạch tại thành phố Sóc Trăng và huyện Mỹ Xuyên."
    )
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in _events(text)] == [("aid", ["VN-52", "org:adb"])]


def test_an_official_named_again_without_a_title_keeps_the_side_of_his_title() -> None:
    text = (
        "Phó Thủ tướng tiếp Thống đốc tỉnh Niigata\n\n"
        "Chiều 16/5, tại Trụ sở Chính phủ, Phó Thủ tướng Trần Hồng Hà đã tiếp ông Hanazumi Hideyo, Thống đốc tỉnh "
        "Niigata (Nhật Bản).\n\n"
        "Trước đó, sáng 15/5, Chủ tịch UBND tỉnh Nam Định Phạm Đình Nghị đã tiếp và làm việc với ông Hanazumi Hideyo "
        "cùng đoàn. Hai bên thống nhất đẩy mạnh hợp tác đào tạo điều dưỡng."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-16", {"VN": "host", "JP-15": "guest"}),
        ("meeting", "2024-05-15", {"VN-67": "host", "JP-15": "guest"}),
    ]


def test_the_province_a_consul_general_visits_receives_him_where_its_government_is_unnamed() -> None:
    text = (
        "Tổng Lãnh sự Hàn Quốc tại TP Hồ Chí Minh thăm và làm việc tại Bình Phước\n\n"
        "Sáng 14/5, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Trần Văn Mi đã tiếp ông Shin Choong-il, "
        "Tổng Lãnh sự Hàn Quốc tại TP Hồ Chí Minh, nhân dịp ông đến thăm và làm việc tại Bình Phước. Hai bên "
        "trao đổi về thu hút đầu tư của doanh nghiệp Hàn Quốc vào các khu công nghiệp của Bình Phước."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-14", {"VN-58": "host", "KR": "guest"})]


def test_a_foreign_city_the_gazetteer_lacks_is_not_dropped_for_its_country() -> None:
    text = (
        "Khai mạc Lễ hội văn hóa Việt Nam - Nhật Bản tại Hội An\n\n"
        "Tối 10/5, UBND TP Hội An phối hợp với Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng khai mạc Lễ hội văn hóa "
        "Việt Nam - Nhật Bản lần thứ 15.\n\n"
        "Tham dự có ông Sato Kenji, Thị trưởng thành phố Kamagaya (tỉnh Chiba) cùng đoàn đại biểu thành phố Kamagaya."
    )
    [event] = _events(text)
    assert "JP:kamagaya" in {p.id for p in event.parties}


def test_one_agreement_with_each_firm_a_province_signs_with() -> None:
    text = (
        "Bình Phước xúc tiến đầu tư tại Seoul\n\n"
        "Ngày 14/5/2024, tại Seoul (Hàn Quốc), UBND tỉnh Bình Phước tổ chức hội nghị xúc tiến đầu tư với sự tham dự "
        "của hơn 100 doanh nghiệp Hàn Quốc.\n\n"
        "Trong khuôn khổ hội nghị, UBND tỉnh Bình Phước đã ký biên bản ghi nhớ đầu tư với Công ty TNHH Daesung "
        "Industrial về dự án nhà máy linh kiện, và với Công ty Cổ phần Hanwool Foods về dự án chế biến hạt điều."
    )
    signings = [sorted(p.id for p in e.parties) for e in _events(text) if e.kind == "signing"]
    assert signings == [["VN-58", "org:daesung-industrial"], ["VN-58", "org:hanwool-foods"]]


def test_a_district_in_brackets_is_where_a_border_gate_is_and_the_province_gives() -> None:
    text = (
        "Long An trao tặng vật tư y tế cho tỉnh Svay Rieng\n\n"
        "Sáng 14/5, tại Cửa khẩu quốc tế Bình Hiệp (thị xã Kiến Tường), Phó Chủ tịch UBND tỉnh Long An Nguyễn Minh "
        "Lâm đã trao tặng tỉnh Svay Rieng (Campuchia) 20.000 khẩu trang y tế.\n\n"
        "Trước đó, ngày 8/5, tại Cửa khẩu Mỹ Quý Tây (huyện Đức Huệ), tỉnh đã trao tặng tỉnh Prey Veng 10.000 bộ "
        "kít xét nghiệm."
    )
    assert [(e.kind, e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("aid", "2024-05-14", ["KH-20", "VN-41"]),
        ("aid", "2024-05-08", ["KH-14", "VN-41"]),
    ]


def test_a_hyphenated_korean_name_is_no_vietnamese_district() -> None:
    text = (
        "Hưng Yên tiếp đoàn thành phố Suwon\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Hưng Yên Trần Quốc Văn đã tiếp ông Kim Dong-hyun, Phó Thị trưởng thành phố "
        "Suwon (Hàn Quốc). Hai bên trao đổi về hợp tác đào tạo nghề."
    )
    [event] = _events(text)
    assert sorted(p.id for p in event.parties) == ["KR-41:suwon", "VN-66"]
    assert ("Kim Dong-hyun", "KR-41:suwon") in [(p.name, p.party) for p in event.people]


def test_a_trip_told_stop_by_stop_is_its_stops() -> None:
    text = (
        "Đoàn công tác tỉnh Hải Dương thăm, làm việc tại tỉnh Chungcheongnam\n\n"
        "Từ ngày 12 đến 16/5, đoàn công tác tỉnh Hải Dương do ông Triệu Thế Hùng, Chủ tịch UBND tỉnh làm trưởng "
        "đoàn đã thăm và làm việc tại tỉnh Chungcheongnam (Hàn Quốc).\n\n"
        "Sáng 13/5, ông Kim Tae-heum, Tỉnh trưởng tỉnh Chungcheongnam đã tiếp và làm việc với đoàn. Hai bên trao "
        "đổi về hợp tác nông nghiệp và đào tạo nghề."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-13", {"KR-44": "host", "VN-61": "guest"})]


def test_a_project_a_development_lender_funds_told_in_passing_is_aid() -> None:
    text = (
        "Kon Tum giải trình giá cây giống trong dự án giảm nghèo\n\n"
        "Ngày 20/5, UBND tỉnh Kon Tum có văn bản giải trình về giá cây cà phê giống cấp cho hộ nghèo. "
        "Theo văn bản, giá cây giống được các nhóm hộ thống nhất với nhà cung cấp theo giá thị trường.\n"
        "Các nhóm hộ tự chọn nhà cung cấp và tự nghiệm thu cây giống trước khi thanh toán.\n"
        "Dự án phát triển hạ tầng nông thôn và giảm nghèo tỉnh Kon Tum, vay vốn Ngân hàng Thế giới, được triển "
        "khai tại 6 huyện nghèo của tỉnh."
    )
    events = _events(text)
    assert [(e.kind, e.date, {p.id: p.role for p in e.parties}) for e in events] == [
        ("aid", None, {"org:world-bank": "funder", "VN-28": "recipient"})
    ]


def test_a_lender_named_beside_a_ministry_alone_makes_no_local_aid() -> None:
    text = (
        "Bộ Giao thông Vận tải kiểm tra tiến độ cao tốc\n\n"
        "Sáng 20/5, Thứ trưởng Bộ Giao thông Vận tải kiểm tra tiến độ thi công các gói thầu cao tốc. "
        "Các gói thầu sử dụng vốn vay Ngân hàng Phát triển châu Á (ADB) đang chậm so với kế hoạch."
    )
    assert _events(text) == []


def test_a_foreign_governor_met_during_a_national_visit_is_an_event_though_undated() -> None:
    text = (
        "Chủ tịch nước kết thúc chuyến thăm chính thức Đức\n\n"
        "Ngày 20/5, Chủ tịch nước kết thúc tốt đẹp chuyến thăm chính thức Đức. Tại Berlin, Chủ tịch nước đã hội đàm "
        "với Tổng thống Đức và dự diễn đàn doanh nghiệp hai nước.\n"
        "Hai bên nhất trí thúc đẩy thương mại song phương và hợp tác trong lĩnh vực năng lượng tái tạo.\n"
        "Trong chuyến thăm, Chủ tịch nước còn tiếp Thủ hiến bang Bayern Markus Söder, đề nghị bang tăng "
        "cường hợp tác với các địa phương của Việt Nam trong lĩnh vực dệt may và chế biến nông sản."
    )
    events = _events(text)
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [("meeting", {"VN", "DE-BY"})]


def test_each_stop_of_a_trip_told_in_one_paragraph_is_its_own_event() -> None:
    text = (
        "Đoàn công tác tỉnh Quảng Trị thăm, làm việc tại hai tỉnh của Lào\n\n"
        "Từ ngày 13 đến 15/5, đoàn công tác tỉnh Quảng Trị do Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm, làm việc "
        "tại các tỉnh Savannakhet và Salavan (Lào). Ngày 13/5, tại thành phố Kaysone Phomvihane, đoàn đã làm việc với "
        "lãnh đạo tỉnh Savannakhet do Tỉnh trưởng chủ trì. Hai bên đánh giá kết quả hợp tác và thống nhất tăng cường "
        "phối hợp quản lý biên giới. Ngày 14/5, đoàn đến tỉnh Salavan và làm việc với Phó Tỉnh trưởng tỉnh Salavan. "
        "Tại buổi làm việc, lãnh đạo tỉnh Salavan cảm ơn tỉnh Quảng Trị đã hỗ trợ xây dựng trường học và đào tạo "
        "cán bộ y tế. Cuối buổi làm việc, hai Chủ tịch đã ký Biên bản thỏa thuận hợp tác giữa tỉnh Quảng Trị và tỉnh "
        "Salavan năm 2024. Ngày 15/5, đoàn về nước."
    )
    summary = [(e.kind, e.date.value if e.date else None, {p.id: p.role for p in e.parties}) for e in _events(text)]
    assert [s for s in summary if s[0] != "aid"] == [
        ("meeting", "2024-05-13", {"LA-SV": "host", "VN-25": "guest"}),
        ("meeting", "2024-05-14", {"LA-SL": "host", "VN-25": "guest"}),
        ("signing", "2024-05-14", {"VN-25": "participant", "LA-SL": "participant"}),
    ]
    assert [s[2] for s in summary if s[0] == "aid"] == [{"LA-SL": "recipient", "VN-25": "funder"}]


def test_a_signing_the_lead_tells_and_the_body_retells_the_same_afternoon_is_one() -> None:
    text = (
        "Thanh Hóa và tỉnh Gyeongsangnam ký biên bản ghi nhớ hợp tác\n\n"
        "Chiều 16/5, Phó Chủ tịch UBND tỉnh Thanh Hóa làm việc với đoàn công tác tỉnh Gyeongsangnam (Hàn Quốc) do "
        "Phó Tỉnh trưởng làm trưởng đoàn. Ngay sau buổi làm việc, hai địa phương đã ký kết biên bản ghi nhớ.\n"
        "Tại buổi làm việc, hai bên trao đổi về lao động thời vụ và đào tạo nghề.\n"
        "Chiều cùng ngày, lãnh đạo hai tỉnh đã ký kết biên bản ghi nhớ về hợp tác giữa UBND tỉnh Thanh Hóa và chính "
        "quyền tỉnh Gyeongsangnam."
    )
    assert sorted(e.kind for e in _events(text)) == ["meeting", "signing"]


def test_a_firm_s_export_deal_is_no_event_of_its_province() -> None:
    text = (
        "Doanh nghiệp An Giang ký hợp đồng xuất khẩu 5.000 tấn gạo sang Philippines\n\n"
        "Gạo thơm của An Giang tiếp tục mở rộng thị trường tại Đông Nam Á.\n"
        "Ngày 14/5, tại TP Long Xuyên, Công ty CP Lương thực Thoại Sơn và Công ty TNHH Manila Grains (Philippines) "
        "đã ký kết hợp đồng xuất khẩu 5.000 tấn gạo thơm trong năm 2024.\n"
        "Theo số liệu của Sở Công Thương tỉnh An Giang, 4 tháng đầu năm, kim ngạch xuất khẩu gạo của tỉnh đạt 320 "
        "triệu USD."
    )
    assert extract_facts(text, PUBLISHED, use_model=False) == ([], [])


def test_agreements_told_firm_by_firm_after_a_summary_are_one_signing_each() -> None:
    text = (
        "Bình Định xúc tiến đầu tư tại Hàn Quốc\n\n"
        "Ngày 16/5, tại thành phố Seoul, UBND tỉnh Bình Định tổ chức Hội nghị xúc tiến đầu tư với sự tham dự của "
        "hơn 100 doanh nghiệp Hàn Quốc.\n"
        "Tại hội nghị, UBND tỉnh Bình Định đã ký kết biên bản ghi nhớ đầu tư với 2 doanh nghiệp Hàn Quốc. Cụ thể, "
        "Phó Chủ tịch UBND tỉnh và ông Park Ji-hoon, Chủ tịch Tập đoàn Daewon Steel ký kết biên bản ghi nhớ về dự án "
        "nhà máy cán thép tại Khu kinh tế Nhơn Hội với tổng vốn đầu tư dự kiến 80 triệu USD.\n"
        "Phó Chủ tịch UBND tỉnh và bà Choi Min-ji, Tổng Giám đốc Công ty Cổ phần Hanbit Foods ký kết biên bản ghi nhớ "
        "về dự án nhà máy chế biến thủy sản, vốn đầu tư dự kiến 25 triệu USD."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in signings] == [
        ("2024-05-16", ["VN-31", "org:daewon-steel"]),
        ("2024-05-16", ["VN-31", "org:hanbit-foods"]),
    ]


def test_the_leaders_who_witness_a_signing_are_not_its_signatories() -> None:
    text = (
        "Lạng Sơn và Quảng Tây thúc đẩy hợp tác\n\n"
        "Chiều 16/5, tại TP Lạng Sơn, dưới sự chứng kiến của Chủ tịch UBND tỉnh Lạng Sơn và ông Trần Vĩ, Phó Chủ "
        "tịch Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc), UBND huyện Cao Lộc và Chính quyền nhân dân thành phố "
        "Bằng Tường (Trung Quốc) đã ký kết biên bản ghi nhớ về hợp tác phát triển thương mại biên giới."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [sorted(p.id for p in e.parties) for e in signings] == [["CN-GX:pingxiang", "VN-09:cao-loc"]]
    assert {p.name for p in signings[0].people} >= {"Trần Vĩ"}


def test_a_stop_abroad_takes_the_people_of_the_paragraphs_that_go_on_telling_it() -> None:
    text = (
        "Đoàn công tác tỉnh Bắc Giang xúc tiến thương mại tại Nhật Bản\n\n"
        "Từ ngày 12 đến 17/5, đoàn công tác tỉnh Bắc Giang do ông Phan Thế Tuấn, Phó Chủ tịch UBND tỉnh làm trưởng "
        "đoàn đã thăm, làm việc tại Nhật Bản.\n"
        "Làm việc với tỉnh Gunma\n"
        "Sáng 13/5, tại thành phố Maebashi, đoàn đã làm việc với lãnh đạo tỉnh Gunma. Ông Uno Ryoichi, Phó Thống đốc "
        "tỉnh Gunma tiếp đoàn.\n"
        "Ông Phan Thế Tuấn giới thiệu tiềm năng nông sản của Bắc Giang và đề nghị tỉnh Gunma hỗ trợ kết nối các nhà "
        "nhập khẩu vải thiều.\n"
        "Làm việc với tỉnh Tochigi\n"
        "Ngày 15/5, đoàn làm việc với Phó Thống đốc tỉnh Tochigi Sato Kenta về hợp tác đào tạo lao động."
    )
    gunma = next(e for e in _events(text) if "JP-10" in {p.id for p in e.parties})
    assert sorted(p.name for p in gunma.people) == ["Phan Thế Tuấn", "Uno Ryoichi"]


def test_receiving_a_mayor_is_a_meeting_though_tiep_thi_is_marketing() -> None:
    text = (
        "Thái Nguyên thúc đẩy hợp tác với thành phố Changwon\n\n"
        "Sáng 17/5, tại trụ sở Tỉnh ủy, Bí thư Tỉnh ủy Thái Nguyên đã tiếp Thị trưởng thành phố Changwon (Hàn Quốc) "
        "Hong Nam-pyo. Hai bên nhất trí hợp tác đào tạo nghề và tiếp thị nông sản."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-17", {"VN-69": "host", "KR-48:changwon": "guest"})]


def test_a_country_named_before_a_foreign_name_is_that_person_s_country() -> None:
    text = (
        "Lãnh đạo Cần Thơ tiếp Thượng nghị sĩ Hoa Kỳ\n\n"
        "Chiều 17/5, Chủ tịch UBND TP Cần Thơ Trần Việt Trường đã tiếp Thượng nghị sĩ Mỹ Patrick Leahy đến thăm và "
        "làm việc tại thành phố. Hai bên trao đổi về hợp tác khắc phục hậu quả chiến tranh và giáo dục."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-17", {"VN-CT": "host", "US": "guest"})]


def test_a_foreign_town_with_accents_the_gazetteer_lacks_is_a_party() -> None:
    text = (
        "Thành phố Sóc Trăng tiếp đoàn thành phố Châtellerault (Pháp)\n\n"
        "Sáng 16/5, Chủ tịch UBND thành phố Sóc Trăng đã tiếp đoàn đại biểu thành phố Châtellerault (Pháp) do Phó "
        "Thị trưởng làm trưởng đoàn. Hai bên trao đổi về hợp tác giáo dục và cấp nước sạch."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-52:soc-trang", "FR:chatellerault"}]


def test_the_day_that_opens_a_long_sentence_dates_its_event() -> None:
    text = (
        "Hà Giang tăng cường hợp tác với Vân Nam\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Hà Giang tiếp đoàn công tác Châu Văn Sơn (Vân Nam, Trung Quốc).\n"
        "Ngày 16/5, tại thành phố Văn Sơn, trong không khí thân mật, cởi mở và tin cậy, với sự có mặt của đại diện "
        "các sở, ngành, lực lượng biên phòng và chính quyền các huyện biên giới của cả hai bên, lãnh đạo UBND tỉnh Hà "
        "Giang và Chính quyền nhân dân Châu Văn Sơn đã tổ chức hội đàm định kỳ năm 2024."
    )
    assert [e.date.value if e.date else None for e in _events(text)] == ["2024-05-14", "2024-05-16"]


def test_an_international_ngo_s_grant_to_a_district_is_aid() -> None:
    text = (
        "Bàn giao công trình nước sạch tại huyện Mường Nhé\n\n"
        "Sáng 15/5, UBND huyện Mường Nhé phối hợp với Tổ chức Plan International bàn giao công trình cấp nước sạch "
        "cho 3 điểm trường tại xã Chung Chải. Tổng kinh phí xây dựng 1,2 tỷ đồng, trong đó Plan International tài "
        "trợ 1 tỷ đồng."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [
        ("aid", {"org:plan-international", "VN-71:muong-nhe"})
    ]


def test_a_reception_told_after_the_festival_it_preceded_is_its_own_event() -> None:
    text = (
        "Khai mạc Hội chợ thương mại quốc tế Việt - Trung tại Hà Giang\n\n"
        "Tối 16/5, UBND tỉnh Hà Giang khai mạc Hội chợ thương mại quốc tế Việt - Trung với sự tham dự của Phó Thị "
        "trưởng thành phố Văn Sơn (Trung Quốc).\n"
        "Trước đó, chiều 16/5, Phó Chủ tịch UBND tỉnh Hà Giang đã tiếp đoàn đại biểu thành phố Văn Sơn. Hai bên trao "
        "đổi về xúc tiến thương mại qua cửa khẩu Thanh Thủy."
    )
    assert sorted((e.kind, frozenset(p.id for p in e.parties)) for e in _events(text)) == [
        ("conference", frozenset({"VN-03", "CN-YN:wenshan"})),
        ("meeting", frozenset({"VN-03", "CN-YN:wenshan"})),
    ]


def test_a_plan_with_its_month_is_a_planned_event() -> None:
    text = (
        "Quảng Bình và tỉnh Khammouane thúc đẩy hợp tác\n\n"
        "Sáng 16/5, Chủ tịch UBND tỉnh Quảng Bình tiếp đoàn đại biểu tỉnh Khammouane (Lào).\n"
        "Hai bên trao đổi về quản lý biên giới và thương mại qua cửa khẩu Cha Lo.\n"
        "Theo kế hoạch, tỉnh Quảng Bình sẽ phối hợp với tỉnh Khammouane tổ chức Hội chợ thương mại biên giới tại "
        "cửa khẩu Cha Lo vào tháng 9/2024."
    )
    summary = [(e.kind, e.status, e.date.value if e.date else None) for e in _events(text)]
    assert summary == [("meeting", "past", "2024-05-16"), ("conference", "planned", "2024-09")]


def test_a_department_of_the_province_named_without_its_name_is_the_province() -> None:
    text = (
        "Hoạt động đối ngoại nổi bật trong tháng 5\n\n"
        "Ngày 9/5, Chủ tịch UBND tỉnh Kon Tum tiếp Đại sứ Nhật Bản tại Việt Nam.\n"
        "Hai bên trao đổi về hợp tác đào tạo lao động và nông nghiệp công nghệ cao.\n"
        "Hội thảo cà phê bền vững\n"
        "Ngày 16/5, Sở Nông nghiệp và Phát triển nông thôn tỉnh phối hợp với Tổ chức Hợp tác Quốc tế Đức (GIZ) tổ "
        "chức hội thảo về sản xuất cà phê bền vững."
    )
    conference = [e for e in _events(text) if e.kind == "conference"]
    assert [({p.id for p in e.parties}, e.date.value if e.date else None) for e in conference] == [
        ({"VN-28", "org:giz"}, "2024-05-16")
    ]


def test_a_stop_s_fields_come_from_the_paragraphs_that_go_on_telling_it() -> None:
    text = (
        "Đoàn công tác tỉnh Bắc Giang thăm Nhật Bản\n\n"
        "Từ ngày 12 đến 17/5, đoàn công tác tỉnh Bắc Giang do Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm, làm "
        "việc tại Nhật Bản.\n"
        "Ngày 12/5, đoàn làm việc với lãnh đạo tỉnh Tochigi về hợp tác du lịch.\n"
        "Ngày 13/5, đoàn làm việc với Phó Thống đốc tỉnh Gunma.\n"
        "Phía Gunma mong muốn nhập khẩu nông sản của Bắc Giang và đào tạo điều dưỡng cho lao động của tỉnh."
    )
    gunma = next(e for e in _events(text) if "JP-10" in {p.id for p in e.parties})
    assert set(gunma.fields) >= {"agriculture_food", "training_hr"}


def test_a_meeting_told_with_several_foreign_provinces_is_a_meeting_with_each() -> None:
    text = (
        "Phó Thủ tướng tiếp Thống đốc hai tỉnh của Nhật Bản\n\n"
        "Chiều 16/5, tại Hà Nội, Phó Thủ tướng Trần Hồng Hà đã tiếp Thống đốc tỉnh Saitama Ono Motohiro và Thống "
        "đốc tỉnh Gifu Furuta Hajime. Phó Thủ tướng đề nghị hai tỉnh tăng cường hợp tác đào tạo nhân lực."
    )
    meetings = [(e.kind, sorted(p.id for p in e.parties), sorted(x.name for x in e.people)) for e in _events(text)]
    assert meetings == [
        ("meeting", ["JP-11", "VN"], ["Ono Motohiro", "Trần Hồng Hà"]),
        ("meeting", ["JP-21", "VN"], ["Furuta Hajime", "Trần Hồng Hà"]),
    ]


def test_an_ambassador_of_a_kingdom_styled_in_full_is_his_country() -> None:
    text = (
        "Chủ tịch UBND tỉnh Bến Tre tiếp Đại sứ Bỉ\n\n"
        "Chiều 16/5, Chủ tịch UBND tỉnh Bến Tre đã tiếp ông Karl van den Bossche, Đại sứ Vương quốc Bỉ tại Việt "
        "Nam. Hai bên trao đổi về hợp tác thích ứng biến đổi khí hậu và cấp nước sạch."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-16", {"VN-50": "host", "BE": "guest"})]


def test_the_city_a_delegation_leaves_is_no_side_of_its_meeting() -> None:
    text = (
        "Chủ tịch nước kết thúc chuyến thăm Pháp\n\n"
        "Ngày 16/5, Chủ tịch nước và đoàn cấp cao Việt Nam đã rời thành phố Lyon, kết thúc chuyến thăm chính thức "
        "Pháp. Trong chuyến thăm, Chủ tịch nước đã gặp Chủ tịch vùng Normandie Hervé Morin."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN", "FR-NOR"}]


def test_a_district_that_acts_is_the_side_though_its_province_heads_the_page() -> None:
    text = (
        "Cao Bằng: huyện biên giới hội đàm với huyện Long Châu (Trung Quốc)\n\n"
        "Ngày 16/5, tại cửa khẩu Lý Vạn, UBND huyện Hạ Lang đã tổ chức hội đàm với đoàn công tác huyện Long Châu, "
        "thành phố Sùng Tả, Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) do Huyện trưởng huyện Long Châu dẫn "
        "đầu. Hai bên thống nhất nâng cấp chợ biên giới."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-04:ha-lang", "CN-GX:longzhou"}]


def test_a_delegation_s_first_stop_told_in_the_lead_is_the_province_s_meeting() -> None:
    text = (
        "Đoàn công tác của tỉnh thăm, làm việc tại Cộng hòa Séc\n\n"
        "Từ ngày 10 đến 14/5, đoàn công tác tỉnh Hải Dương do Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm và làm "
        "việc tại Cộng hòa Séc.\n"
        "Ngày 12/5, tại thành phố Brno, đoàn đã làm việc với lãnh đạo vùng Nam Moravia. Hai bên trao đổi về hợp tác "
        "đào tạo nghề và cơ khí chính xác."
    )
    assert [(e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("2024-05-12", {"VN-61", "CZ-64"})
    ]


def test_a_ministry_that_only_attends_a_province_s_ceremony_is_no_side() -> None:
    text = (
        "Khánh thành tuyến đường sử dụng vốn vay ADB tại Yên Bái\n\n"
        "Sáng 16/5, UBND tỉnh Yên Bái phối hợp với Ngân hàng Phát triển châu Á (ADB) tổ chức lễ khánh thành tuyến "
        "đường tỉnh 171.\n"
        "Dự lễ có Giám đốc Quốc gia ADB tại Việt Nam; đại diện Bộ Kế hoạch và Đầu tư, Bộ Giao thông vận tải; lãnh "
        "đạo các sở, ngành của tỉnh."
    )
    first = _events(text)[0]
    assert {p.id for p in first.parties} == {"VN-06", "org:adb"}


def test_each_foreign_host_met_takes_the_fields_of_its_own_sentences() -> None:
    text = (
        "Thủ tướng gặp lãnh đạo hai bang của Đức\n\n"
        "Ngày 16/5, tại Berlin, Thủ tướng đã gặp Thủ hiến bang Bayern và Thủ hiến bang Hessen về hợp tác đào tạo "
        "nghề.\n"
        "Hai bên cũng trao đổi về tài chính, ngân hàng và du lịch."
    )
    assert [(sorted(p.id for p in e.parties), e.fields) for e in _events(text)] == [
        (["DE-BY", "VN"], ["training_hr"]),
        (["DE-HE", "VN"], ["training_hr"]),
    ]


def test_the_head_of_a_delegation_abroad_is_at_each_of_its_stops() -> None:
    text = (
        "Đoàn công tác tỉnh Quảng Ngãi thăm Hàn Quốc\n\n"
        "Từ ngày 12 đến 16/5, đoàn công tác tỉnh Quảng Ngãi do ông Trần Hoàng Tuấn, Phó Chủ tịch UBND tỉnh làm trưởng "
        "đoàn đã thăm, làm việc tại Hàn Quốc.\n"
        "Ngày 13/5, đoàn làm việc với Phó Tỉnh trưởng tỉnh Gyeonggi. Hai bên trao đổi về hợp tác lao động.\n"
        "Ngày 15/5, đoàn làm việc với Phó Thị trưởng thành phố Ulsan về hợp tác cảng biển."
    )
    assert [sorted(p.name for p in e.people) for e in _events(text)] == [["Trần Hoàng Tuấn"], ["Trần Hoàng Tuấn"]]


def test_a_military_region_speaks_for_vietnam_with_a_foreign_province() -> None:
    text = (
        "Bàn giao hài cốt liệt sĩ tại tỉnh Takeo\n\n"
        "Ngày 10/4, tại tỉnh Takeo (Campuchia), chính quyền tỉnh Takeo và Quân khu 9 tổ chức lễ bàn giao "
        "15 hài cốt liệt sĩ quân tình nguyện Việt Nam hy sinh tại Campuchia. Phó Tỉnh trưởng tỉnh Takeo "
        "cảm ơn sự phối hợp của lực lượng quy tập."
    )
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("other", "2024-04-10", {"KH-21", "VN"})
    ]


def test_a_bulleted_digest_item_and_a_national_leader_s_reception_within_provincial_talks_are_events_apart() -> None:
    text = (
        "Tin tổng hợp ngày 12/3\n\n"
        "Sáng 12/3, UBND tỉnh Nghệ An tổ chức hội nghị triển khai nhiệm vụ năm 2024 với các sở, ngành. "
        "* Cùng ngày, tại Lào Cai đã diễn ra hội đàm giữa Bí thư Tỉnh ủy 2 tỉnh Lào Cai, Hà Giang và "
        "Bí thư Tỉnh ủy tỉnh Vân Nam (Trung Quốc). Trong khuôn khổ hội đàm, Phó Thủ tướng Trần Lưu Quang "
        "đã tiếp xã giao Bí thư Tỉnh ủy tỉnh Vân Nam."
    )
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("meeting", "2024-03-12", {"VN-02", "VN-03", "CN-YN"}),
        ("meeting", "2024-03-12", {"VN", "CN-YN"}),
    ]


def test_a_foreign_head_of_government_visiting_a_province_is_received_by_it() -> None:
    text = (
        "Thủ tướng Lào Sonexay Siphandone thăm Việt Nam\n\n"
        "Chiều 10/1, tại Trung tâm Hội nghị tỉnh Nghệ An, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đón "
        "Thủ tướng Chính phủ nước CHDCND Lào Sonexay Siphandone và đoàn.\n"
        "Trước đó, sáng cùng ngày, Thủ tướng Sonexay Siphandone đã thăm lại ngôi trường tại huyện Đức Thọ, "
        "tỉnh Hà Tĩnh, nơi ngày 5/9/1985 ông từng theo học tiếng Việt."
    )
    assert [(e.kind, e.date.value if e.date else None, {p.id: p.role for p in e.parties}) for e in _events(text)] == [
        ("meeting", "2024-01-10", {"VN-22": "host", "LA": "guest"}),
        ("meeting", "2024-01-10", {"LA": "guest", "VN-23": "host"}),
    ]


def test_a_delegation_moving_on_to_another_province_abroad_meets_and_signs_there() -> None:
    text = (
        "Đoàn đại biểu tỉnh Quảng Trị thăm, làm việc tại tỉnh Savannakhet và tỉnh Salavan\n\n"
        "Từ ngày 14 đến 16/3, đoàn đại biểu tỉnh Quảng Trị do Phó Chủ tịch UBND tỉnh Hà Sỹ Đồng làm trưởng đoàn "
        "đã thăm và làm việc tại Lào.\n"
        "Sáng 14/3, đoàn đến chào xã giao và làm việc với lãnh đạo tỉnh Savannakhet.\n"
        "Ngày 15/3, đoàn di chuyển sang tỉnh Salavan. Tại thành phố Salavan, hai tỉnh đã tiến hành hội đàm.\n"
        "Kết thúc hội đàm, hai bên ký Biên bản hội đàm và Kế hoạch hợp tác năm 2024."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-03-14", {"LA-SV": "host", "VN-25": "guest"}),
        ("meeting", "2024-03-15", {"LA-SL": "host", "VN-25": "guest"}),
        ("signing", "2024-03-15", {"LA-SL": "participant", "VN-25": "participant"}),
    ]


def test_a_dated_subheading_dates_the_paragraphs_under_it() -> None:
    text = (
        "Đoàn công tác tỉnh Bắc Ninh làm việc tại Nhật Bản\n\n"
        "Từ ngày 3 đến 7/6, đoàn công tác tỉnh Bắc Ninh do Phó Chủ tịch UBND tỉnh Vương Quốc Tuấn làm trưởng đoàn "
        "đã thăm và làm việc tại Nhật Bản.\n"
        "Ngày 4/6: Làm việc với tỉnh Kanagawa\n"
        "Tại trụ sở chính quyền tỉnh Kanagawa, đoàn đã hội đàm với Phó Thống đốc tỉnh Kanagawa Takeuchi Yoshiaki. "
        "Kết thúc buổi hội đàm, hai bên đã ký biên bản ghi nhớ hợp tác về đào tạo nhân lực.\n"
        "Ngày 5/6: Khảo sát tại thành phố Sakai\n"
        "Đoàn đến thăm thành phố Sakai và làm việc với Phó Thị trưởng thành phố Sakai Nakano Hideyuki."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-06-04", {"JP-14": "host", "VN-56": "guest"}),
        ("signing", "2024-06-04", {"JP-14": "participant", "VN-56": "participant"}),
        ("meeting", "2024-06-05", {"JP:sakai": "host", "VN-56": "guest"}),
    ]


def test_consultations_of_two_foreign_ministries_are_no_local_event_but_the_ministry_s_aid_to_a_province_is() -> None:
    consultation = (
        "Tham vấn chính trị Việt Nam - Australia\n\n"
        "Chiều 5/5, tại Hà Nội, Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt và Phó Tổng Thư ký Bộ Ngoại giao và "
        "Thương mại Australia (DFAT) Michelle Chan đã đồng chủ trì Phiên tham vấn chính trị lần thứ 7."
    )
    assert _events(consultation) == []
    grant = (
        "Australia tài trợ tỉnh Quảng Trị xây cầu dân sinh\n\n"
        "Sáng 8/5, UBND tỉnh Quảng Trị tiếp nhận khoản tài trợ 2 triệu AUD của Bộ Ngoại giao và Thương mại "
        "Australia (DFAT) để xây dựng 12 cầu dân sinh."
    )
    events = _events(grant)
    assert [e.kind for e in events] == ["aid"]
    assert {"VN-25", "org:dfat"} <= {p.id for p in events[0].parties}
    assert "VN" not in {p.id for p in events[0].parties}


def test_an_agreement_signed_at_the_end_of_talks_is_the_talks_sides_and_a_local_body_given_to_is_no_giver() -> None:
    text = (
        "Kon Tum và Attapeu hội đàm\n\n"
        "Chiều 12/3, UBND tỉnh Kon Tum đã tổ chức hội đàm với Đoàn đại biểu tỉnh Attapeu (Lào) do ông "
        "Leth Xaiyaphone, Tỉnh trưởng tỉnh Attapeu làm trưởng đoàn.\n"
        "Hai bên thống nhất kế hoạch hợp tác năm 2024; đoàn đại biểu cấp cao tỉnh Kon Tum sẽ sang thăm tỉnh "
        "Attapeu vào tháng 9/2024.\n"
        "Kết thúc hội đàm, ông Nguyễn Văn Hòa và ông Leth Xaiyaphone đã ký Biên bản hội đàm giữa hai tỉnh. "
        "Lãnh đạo tỉnh Kon Tum trao tặng tỉnh Attapeu 300 triệu đồng hỗ trợ Bệnh viện tỉnh Attapeu."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-03-12", {"VN-28": "host", "LA-AT": "guest"}),
        ("meeting", "2024-09", {"VN-28": "guest", "LA-AT": "host"}),
        ("signing", "2024-03-12", {"VN-28": "participant", "LA-AT": "participant"}),
        ("aid", None, {"VN-28": "funder", "LA-AT": "recipient"}),
    ]


def test_a_delegation_calling_on_its_host_is_the_guest_and_a_chinese_prefecture_is_a_host() -> None:
    text = (
        "Đoàn công tác tỉnh Hà Giang làm việc tại Vân Nam\n\n"
        "Ngày 9/5, tại thành phố Mông Tự, Đoàn công tác tỉnh Hà Giang đã hội đàm với Chính quyền nhân dân "
        "châu Hồng Hà do ông Lý Kiến Quốc, Phó Châu trưởng châu Hồng Hà chủ trì. Kết thúc hội đàm, hai bên đã ký "
        "Biên bản ghi nhớ về hợp tác thương mại biên giới. Kim ngạch năm 2023 đạt 1,2 tỷ USD. Sau đó, đoàn "
        "thăm cửa khẩu Hà Khẩu."
    )
    summary = _summary(_events(text))
    assert summary[0] == ("meeting", "2024-05-09", {"VN-03": "guest", "CN-YN:honghe": "host"})
    assert summary[1][0:2] == ("signing", "2024-05-09")
    assert {"VN-03", "CN-YN:honghe"} <= set(summary[1][2])


def test_plans_with_their_month_told_of_the_pair_or_as_a_coming_month_are_planned_events() -> None:
    text = (
        "Cao Bằng và Bách Sắc hội đàm trực tuyến\n\n"
        "Sáng 10/3, UBND tỉnh Cao Bằng tổ chức hội đàm trực tuyến với Chính quyền nhân dân thành phố Bách Sắc "
        "(Quảng Tây, Trung Quốc) về thông quan hàng hóa.\n"
        "Hai bên thống nhất dự kiến trong tháng 6/2024 sẽ tổ chức hội đàm trực tiếp tại cửa khẩu Trà Lĩnh.\n"
        "Đại diện Sở Ngoại vụ cho biết, tháng 8 tới, UBND tỉnh Cao Bằng sẽ phối hợp với thành phố Bách Sắc "
        "tổ chức Hội chợ thương mại biên giới."
    )
    assert [(e.kind, e.status, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "past", "2024-03-10"),
        ("meeting", "planned", "2024-06"),
        ("conference", "planned", "2024-08"),
    ]


def test_a_lao_province_spelled_with_other_tones_is_still_found() -> None:
    text = (
        "Quảng Trị hội đàm với tỉnh Sả-la-van\n\n"
        "Sáng 6/1, tại thành phố Sả-la-van, Đoàn đại biểu cấp cao tỉnh Quảng Trị đã hội đàm với lãnh đạo tỉnh "
        "Sả-la-van (Lào)."
    )
    assert _summary(_events(text)) == [("meeting", "2024-01-06", {"VN-25": "guest", "LA-SL": "host"})]


def test_an_agency_s_office_city_is_no_party_and_veterans_who_helped_a_country_do_not_make_it_act() -> None:
    office = (
        "Sở Công Thương làm việc với KOTRA Đà Nẵng\n\n"
        "Sáng 3/4, Sở Công Thương tỉnh Quảng Ngãi làm việc với Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc "
        "(KOTRA) Văn phòng Đà Nẵng về kết nối doanh nghiệp."
    )
    assert [{p.id for p in e.parties} for e in _events(office)] == [{"VN-29", "org:kotra"}]
    remembrance = (
        "Thắp nến tri ân liệt sĩ quân tình nguyện\n\n"
        "Tối 26/7, tại Nghĩa trang Liệt sĩ tỉnh, UBND tỉnh Long An tổ chức lễ thắp nến tri ân. Dự lễ có lãnh đạo "
        "Ban Liên lạc Cựu quân tình nguyện Việt Nam giúp bạn Campuchia tỉnh cùng thân nhân liệt sĩ."
    )
    assert _events(remembrance) == []


def test_a_foreign_trade_promotion_agency_with_a_city_department_is_cooperation() -> None:
    text = (
        "Hà Nội kết nối giao thương với doanh nghiệp Pháp\n\n"
        "Sáng 16/3, Sở Công Thương Hà Nội phối hợp với Business France tổ chức Hội nghị kết nối giao thương "
        "nông sản, thực phẩm giữa doanh nghiệp Hà Nội và Pháp."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [
        ("conference", {"VN-HN", "org:business-france"})
    ]


def test_witnesses_of_a_signing_attend_it_and_aid_spoken_of_without_a_gift_is_no_event() -> None:
    text = (
        "Thị xã Sơn Tây thiết lập quan hệ hữu nghị với thành phố Gimje\n\n"
        "Chiều 18/5, UBND thị xã Sơn Tây và thành phố Gimje (Hàn Quốc) đã ký kết thỏa thuận thiết lập quan hệ "
        "hữu nghị. Chứng kiến lễ ký kết có ông Hà Minh Hải, Phó Chủ tịch UBND TP Hà Nội; ông Park Jin-soo, "
        "Tổng Lãnh sự Hàn Quốc. Chủ tịch UBND thị xã cho biết, Hàn Quốc là đối tác hàng đầu của Hà Nội về "
        "vốn ODA."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("signing", "2024-05-18")]


def test_a_gift_made_on_that_occasion_is_dated_by_its_event() -> None:
    text = (
        "Đồng Tháp hội đàm với tỉnh Prey Veng\n\n"
        "Sáng 14/5, UBND tỉnh Đồng Tháp tổ chức hội đàm với đoàn đại biểu tỉnh Prey Veng (Campuchia).\n"
        "Hai bên trao đổi về hợp tác thương mại và y tế.\n"
        "Dịp này, lãnh đạo tỉnh Đồng Tháp trao tặng tỉnh Prey Veng 200 triệu đồng xây dựng trường học."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-14", {"VN-45": "host", "KH-14": "guest"}),
        ("aid", "2024-05-14", {"VN-45": "funder", "KH-14": "recipient"}),
    ]


def test_a_district_named_after_a_commune_where_an_event_is_held_is_where_not_who() -> None:
    text = "Sáng 8/11, tại xã Ia Lốp, huyện Ea Súp, UBND tỉnh Đắk Lắk phối hợp với KOICA tổ chức lễ bàn giao."
    assert is_venue(text, text.index("huyện Ea Súp"))
    assert not is_venue(text, text.index("tỉnh Đắk Lắk"))


def test_a_plan_with_its_month_told_after_a_signing_is_an_event_of_its_own() -> None:
    text = (
        "Huyện Trùng Khánh hội đàm với huyện Đại Tân (Trung Quốc)\n\n"
        "Ngày 5/3, UBND huyện Trùng Khánh đã hội đàm với đoàn công tác Chính phủ nhân dân huyện Đại Tân "
        "(Quảng Tây, Trung Quốc).\n"
        "Kết thúc buổi hội đàm, hai bên đã ký Biên bản hội đàm năm 2024, trong đó thống nhất tổ chức Giải "
        "bóng chuyền hữu nghị vào tháng 9/2024 tại thác Bản Giốc."
    )
    assert [(e.kind, e.status, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "past", "2024-03-05"),
        ("signing", "past", "2024-03-05"),
        ("other", "planned", "2024-09"),
    ]


def test_localities_named_only_in_what_a_meeting_recalls_take_no_part_in_it() -> None:
    text = (
        "Bàn giao kè chống sạt lở tại huyện Long Phú do Ngân hàng Thế giới tài trợ\n\n"
        "Sáng 14/5, tại huyện Long Phú, UBND tỉnh Sóc Trăng tiếp nhận công trình kè chống sạt lở do Ngân hàng Thế "
        "giới tài trợ.\n"
        "Công trình dài 6 km, tổng vốn hơn 300 tỷ đồng, bảo vệ hơn 2.000 hộ dân ven biển của huyện Long Phú.\n"
        "Chiều cùng ngày, Đoàn công tác Ngân hàng Thế giới đã làm việc với UBND tỉnh Sóc Trăng về tiến độ giải "
        "ngân. Tại buổi làm việc, ông Lâm Hoàng Nghiệp đề nghị Ngân hàng Thế giới tiếp tục hỗ trợ các tiểu dự án "
        "đã triển khai từ năm 2019 tại huyện Cù Lao Dung, huyện Trần Đề và UBND huyện Long Phú."
    )
    assert _summary(_events(text))[1] == ("meeting", "2024-05-14", {"org:world-bank": "guest", "VN-52": "host"})


def test_a_memorial_named_after_a_battle_names_no_party() -> None:
    text = (
        "Lai Châu tiếp đoàn tỉnh Luang Namtha\n\n"
        "Sáng 13/3, UBND tỉnh Lai Châu tiếp Đoàn đại biểu tỉnh Luang Namtha (Lào).\n"
        "Hai bên trao đổi về hợp tác nông nghiệp.\n"
        "Chiều cùng ngày, Đoàn đại biểu tỉnh Luang Namtha đã đi thăm Bảo tàng Chiến thắng lịch sử Điện Biên Phủ, "
        "dâng hương tưởng niệm các anh hùng liệt sĩ."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-01", "LA-LM"}, {"VN-01", "LA-LM"}]


def test_the_leaders_of_talks_sign_the_minutes_signed_at_their_end() -> None:
    text = (
        "Hà Giang hội đàm với Văn Sơn\n\n"
        "Sáng 12/3, UBND tỉnh Hà Giang hội đàm với đoàn công tác châu Văn Sơn (Trung Quốc). Ông Nguyễn Văn Sơn, "
        "Chủ tịch UBND tỉnh Hà Giang và ông Trần Minh, Phó Châu trưởng châu Văn Sơn đồng chủ trì.\n"
        "Hai bên trao đổi về thương mại biên giới.\n"
        "Kết thúc hội đàm, hai bên đã ký Biên bản hội đàm năm 2024."
    )
    events = _events(text)
    assert [e.kind for e in events] == ["meeting", "signing"]
    assert {p.name for p in events[1].people} == {"Nguyễn Văn Sơn", "Trần Minh"}
    named = text.replace("năm 2024.", "năm 2024 giữa tỉnh Hà Giang và châu Văn Sơn.")
    assert {p.name for p in _events(named)[1].people} == {"Nguyễn Văn Sơn", "Trần Minh"}


def test_a_memorial_service_for_remains_brought_home_is_hosted_where_it_is_held() -> None:
    text = (
        "Nghệ An: An táng 15 hài cốt liệt sĩ hi sinh tại Lào\n\n"
        "Sáng 16/5, tại nghĩa trang liệt sĩ (huyện Anh Sơn, tỉnh Nghệ An) đã diễn ra lễ truy điệu và an táng "
        "15 hài cốt liệt sĩ quân tình nguyện Việt Nam hi sinh tại nước bạn Lào.\n"
        "Dự lễ có đoàn đại biểu tỉnh Xiêng Khoảng, Bí thư Tỉnh ủy Nghệ An và lãnh đạo các sở, ngành."
    )
    assert _summary(_events(text)) == [("other", "2024-05-16", {"VN-22": "host", "LA-XI": "guest"})]


def test_a_foreign_leader_who_goes_back_to_a_province_is_received_by_it() -> None:
    text = (
        "Thủ tướng Campuchia Hun Sen trở lại nơi đặt chân đầu tiên\n\n"
        "Thủ tướng Hun Sen xúc động khi gặp lại những người dân từng che chở mình cách đây 40 năm "
        "Sáng 20/6, Thủ tướng Samdech Hun Sen quay lại Lộc Ninh (Bình Phước) để thăm những nơi "
        "ông từng đặt chân tới khi sang Việt Nam. Ông cảm ơn tình cảm hữu nghị, sự giúp đỡ của nhân dân "
        "tỉnh Bình Phước và mong muốn tăng cường hợp tác giữa hai nước."
    )
    assert _summary(_events(text)) == [("meeting", "2024-06-20", {"VN-58": "host", "KH": "guest"})]


def test_a_consul_general_who_also_attends_a_city_s_ceremony_is_its_guest() -> None:
    text = (
        "Cần Thơ kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Campuchia\n\n"
        "Ngày 14/5, UBND thành phố Cần Thơ tổ chức lễ kỷ niệm 50 năm ngày thiết lập quan hệ ngoại giao "
        "Việt Nam và Campuchia. Dự lễ có ông Trần Việt Trường, Chủ tịch UBND thành phố Cần Thơ. "
        "Ông Kim Kong, Tổng Lãnh sự Vương quốc Campuchia tại Thành phố Hồ Chí Minh cũng tham dự buổi lễ."
    )
    assert _summary(_events(text)) == [("other", "2024-05-14", {"VN-CT": "organiser", "KH": "guest"})]


def test_a_drill_whose_forces_are_listed_after_a_caption_takes_those_forces() -> None:
    text = (
        "Việt Nam, Mỹ diễn tập ứng phó sự cố tràn dầu\n\n"
        "Sáng 13/5, chương trình Đối tác Thái Bình Dương diễn tập cứu nạn trên vịnh Quy Nhơn.\n"
        "Tàu cứu hộ thả phao khoanh vùng dầu loang Lực lượng tham gia gồm các sở, ngành của tỉnh Bình Định, "
        "Hải quân và Cảnh sát biển Mỹ."
    )
    assert _summary(_events(text)) == [("other", "2024-05-13", {"VN-31": "host", "US": "guest"})]


def test_aid_for_a_project_in_a_district_goes_to_the_province_whose_leaders_act() -> None:
    text = (
        "Quảng Nam làm việc với Cơ quan Phát triển Pháp\n\n"
        "Chiều 13/5, tại Trung tâm Hội nghị tỉnh, ông Lê Văn Dũng, Phó Chủ tịch UBND tỉnh Quảng Nam đã tiếp "
        "đoàn công tác Cơ quan Phát triển Pháp (AFD) do ông Hervé Conan, Giám đốc AFD tại Việt Nam dẫn đầu.\n"
        "Hai bên trao đổi về hợp tác trong lĩnh vực cấp nước và thích ứng với biến đổi khí hậu.\n"
        "Đại diện AFD cho biết, cơ quan này sẽ tài trợ 3 triệu euro viện trợ không hoàn lại cho Dự án cấp nước "
        "sạch tại huyện Núi Thành; thỏa thuận tài trợ dự kiến được ký kết vào tháng 9/2024."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-13", {"VN-27": "host", "org:afd": "guest"}),
        ("aid", "2024-09", {"org:afd": "funder", "VN-27": "recipient"}),
    ]


def test_a_square_named_after_a_day_gives_no_date() -> None:
    text = (
        "Khai mạc Ngày văn hóa Gyeongju tại Thừa Thiên Huế\n\n"
        "Tối 17/5, tại Quảng trường 2 tháng 4 (thành phố Huế), UBND tỉnh Thừa Thiên Huế phối hợp với chính quyền "
        "thành phố Gyeongju (Hàn Quốc) khai mạc Ngày văn hóa Gyeongju tại Thừa Thiên Huế. Chương trình nhằm tăng "
        "cường giao lưu văn hóa, du lịch giữa hai địa phương đã kết nghĩa."
    )
    assert [e.date.value if e.date else None for e in _events(text)] == ["2024-05-17"]


def test_the_day_a_joint_operation_was_reported_is_not_its_day() -> None:
    text = (
        "Bắt đối tượng vận chuyển ma túy qua biên giới\n\n"
        "Ngày 20/5, Bộ đội Biên phòng tỉnh Điện Biên cho biết, đơn vị này vừa phối hợp với Công an tỉnh "
        "Phongsaly (Lào) bắt giữ một đối tượng vận chuyển ma túy tổng hợp.\n"
        "Theo đó, vào ngày 17/5, tại bản Sen Thượng, lực lượng chức năng hai tỉnh phối hợp bắt giữ đối tượng "
        "khi đang vận chuyển 20.000 viên ma túy qua biên giới."
    )
    assert _summary(_events(text)) == [("other", "2024-05-17", {"VN-71": "organiser", "LA-PH": "organiser"})]


def test_a_gathering_named_again_later_tells_who_organised_it() -> None:
    text = (
        "Bắc Ninh xúc tiến đầu tư tại Hàn Quốc\n\n"
        "Chiều 5/6, Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang dự Hội nghị xúc tiến đầu tư tỉnh Bắc Ninh "
        "với sự tham dự của hơn 300 doanh nghiệp.\n"
        "Bà Nguyễn Hương Giang giới thiệu tiềm năng và chính sách thu hút đầu tư của tỉnh.\n"
        "Đây là Hội nghị xúc tiến đầu tư tỉnh Bắc Ninh quy mô lớn nhất từ trước đến nay tại Hàn Quốc, do Cơ quan "
        "Xúc tiến Thương mại và Đầu tư Hàn Quốc (KOTRA) phối hợp tổ chức."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("conference", "2024-06-05")]
    assert {p.id for p in events[0].parties} == {"VN-56", "org:kotra"}


def test_the_man_ho_chi_minh_is_not_the_city_in_an_article_that_never_names_the_city() -> None:
    text = (
        "Ngày 18/5, Viện Nghiên cứu Việt Nam ở Saint Petersburg đã tổ chức hội thảo “Hồ Chí Minh và Cách mạng "
        "Tháng Mười” nhân kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh, với tư liệu về những năm Hồ Chí Minh ở Nga."
    )
    assert [m.ids for m in find_mentions(text) if "VN-SG" in m.ids] == []
    city = text + " Dự hội thảo có đoàn đại biểu TP Hồ Chí Minh."
    assert [m.text for m in find_mentions(city) if "VN-SG" in m.ids] == ["Hồ Chí Minh", "Hồ Chí Minh", "TP Hồ Chí Minh"]


def test_a_foreign_ministry_styled_by_its_state_s_long_name_is_that_country_s() -> None:
    text = (
        "Thúc đẩy hợp tác quân sự Việt - Lào\n\n"
        "Sáng 14/5, đoàn cán bộ Bộ Quốc phòng Cộng hòa dân chủ nhân dân Lào do đại tá Bun Mi Xay làm trưởng đoàn "
        "đã đến thăm, làm việc với Bộ Chỉ huy Quân sự tỉnh Thanh Hóa. Tại buổi làm việc, đại tá Lê Văn Hùng, Chỉ huy "
        "trưởng Bộ Chỉ huy Quân sự tỉnh Thanh Hóa giới thiệu kết quả công tác đối ngoại quốc phòng với các tỉnh "
        "của Lào có chung đường biên giới (Hủa Phăn, Xiêng Khoảng)."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-14", {"LA": "guest", "VN-21": "host"})]


def test_what_else_was_done_that_morning_is_not_the_meeting_told_before() -> None:
    text = (
        "Sơn La đón đoàn tỉnh Luang Namtha\n\n"
        "Sáng 5/5, Chủ tịch UBND tỉnh Sơn La Hoàng Quốc Khánh tiếp đoàn đại biểu tỉnh Luang Namtha (Lào).\n"
        "Cũng sáng 5/5, Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La khai mạc các môn thi đấu thể thao với sự tham gia "
        "của các đoàn vận động viên tỉnh Điện Biên, tỉnh Lai Châu và tỉnh Lào Cai."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-05", {"VN-05": "host", "LA-LM": "guest"})]


def test_the_span_of_a_visit_told_after_its_meeting_is_that_meeting() -> None:
    text = (
        "Quảng Bình tiếp đoàn tỉnh Savannakhet\n\n"
        "Sáng 23/5, tại TP Đồng Hới, ông Trần Thắng, Chủ tịch UBND tỉnh Quảng Bình đã tiếp đoàn công tác tỉnh "
        "Savannakhet (Lào) do ông Phết Phôm Phi Phăc, Phó Tỉnh trưởng làm trưởng đoàn.\n"
        "Đoàn công tác tỉnh Savannakhet thăm Việt Nam từ ngày 20 đến 28/5 theo lời mời của Liên hiệp các tổ chức "
        "hữu nghị Việt Nam.\n"
        "Phát biểu tại buổi làm việc, ông Trần Thắng đề nghị hai tỉnh tăng cường hợp tác về thương mại và du lịch."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-23", {"VN-24": "host", "LA-SV": "guest"})]


def test_a_one_syllable_place_that_is_a_family_name_before_given_names_is_a_person() -> None:
    text = "đoàn thành phố Bách Sắc do đồng chí Chu Hải Binh, Bí thư Thành ủy dẫn đầu đến thị xã Chũ."
    assert [m.text for m in find_mentions(text)] == ["thành phố Bách Sắc", "thị xã Chũ"]


def test_people_only_talked_about_or_met_at_another_event_are_not_the_event_s() -> None:
    text = (
        "Bí thư Thành ủy TP Hồ Chí Minh tiếp cựu Ngoại trưởng Mỹ John Kerry\n\n"
        "Chiều 21/5, ông Nguyễn Văn Nên, Bí thư Thành ủy TP Hồ Chí Minh tiếp cựu Ngoại trưởng Mỹ John Kerry. Hai bên "
        "trao đổi về hợp tác giáo dục, đầu tư và phát triển đô thị thông minh của thành phố.\n"
        "Ông Nguyễn Văn Nên bày tỏ vui mừng khi Tổng thống Joe Biden khẳng định sẽ tham dự Hội nghị APEC.\n"
        "Trong cuộc gặp với Thủ tướng Phạm Minh Chính, ông John Kerry đã đề xuất thúc đẩy hợp tác về năng lượng sạch."
    )
    events = _events(text)
    assert [{p.name for p in e.people} for e in events] == [{"Nguyễn Văn Nên", "John Kerry"}]


def test_an_agreement_to_be_signed_in_a_later_month_is_a_plan_apart_from_the_one_signed_years_ago() -> None:
    text = (
        "Nam Định và tỉnh Vendée (Pháp) hội đàm trực tuyến về dự án thoát nước\n\n"
        "Chiều 14/5, ông Trần Lê Đoài, Phó Chủ tịch UBND tỉnh Nam Định đã có buổi hội đàm trực tuyến với ông "
        "Alain Leboeuf, Chủ tịch Hội đồng tỉnh Vendée (Cộng hòa Pháp), về tiến độ dự án thoát nước.\n\n"
        "Nam Định và tỉnh Vendée ký kết thỏa thuận hợp tác phi tập trung từ năm 2014.\n\n"
        "Ông Trần Lê Đoài đề nghị phía Pháp tiếp tục hỗ trợ chuyển giao kỹ thuật.\n\n"
        "Hai bên thống nhất ký Phụ lục thỏa thuận hợp tác giai đoạn 2024 – 2026 vào tháng 9/2024, nhân chuyến "
        "thăm dự kiến của đoàn Hội đồng tỉnh Vendée tới Nam Định."
    )
    events = _events(text)
    assert [(e.kind, e.status, e.date.value if e.date else None) for e in events] == [
        ("meeting", "past", "2024-05-14"),
        ("signing", "planned", "2024-09"),
    ]


def test_minutes_signed_with_each_province_of_a_list_are_one_signing_each() -> None:
    text = (
        "An Giang tổng kết hợp tác với các tỉnh giáp biên Campuchia\n\n"
        "Ngày 14/5, tại thành phố Long Xuyên, UBND tỉnh An Giang tổ chức Hội nghị tổng kết công tác hợp tác với "
        "các tỉnh Takeo và Kandal (Campuchia).\n"
        "Tại hội nghị, lãnh đạo tỉnh An Giang đã ký kết Biên bản thỏa thuận hợp tác năm 2024 riêng với từng tỉnh "
        "Takeo và Kandal."
    )
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("conference", ["KH-21", "KH-8", "VN-44"]),
        ("signing", ["KH-21", "VN-44"]),
        ("signing", ["KH-8", "VN-44"]),
    ]


def test_minutes_signed_by_both_sides_after_talks_about_a_border_town_are_the_provinces() -> None:
    text = (
        "Lạng Sơn và thành phố Sùng Tả (Trung Quốc) hội đàm\n\n"
        "Sáng 12/5, tại TP Lạng Sơn, ông Dương Xuân Huyên, Phó Chủ tịch UBND tỉnh Lạng Sơn hội đàm với đoàn công "
        "tác thành phố Sùng Tả, Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).\n"
        "Tham dự hội đàm có lãnh đạo UBND huyện Cao Lộc; về phía bạn có lãnh đạo Chính phủ nhân dân thành phố "
        "Bằng Tường.\n"
        "Ông Dương Xuân Huyên đề nghị hai bên nâng cao năng lực thông quan tại cặp cửa khẩu Hữu Nghị - Hữu Nghị "
        "Quan thuộc thành phố Bằng Tường.\n"
        "Kết thúc hội đàm, hai bên đã ký biên bản hội đàm, thống nhất tổ chức Hội chợ thương mại vào tháng 12/2024."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-12", {"VN-09": "host", "CN-GX:chongzuo": "guest", "CN-GX:pingxiang": "guest"}),
        ("signing", "2024-05-12", {"VN-09": "participant", "CN-GX:chongzuo": "participant"}),
        ("other", "2024-12", {"VN-09": "host", "CN-GX:chongzuo": "guest"}),
    ]


def test_works_a_foreign_navy_will_help_build_for_a_city_are_planned_aid_in_the_visit_s_month() -> None:
    text = (
        "Tàu Hải quân Hoa Kỳ đến Quy Nhơn\n\n"
        "Chiều 8/5, tàu USNS Mercy của Hải quân Hoa Kỳ cập cảng Quy Nhơn, bắt đầu chương trình Đối tác Thái Bình "
        "Dương tại tỉnh Bình Định. UBND tỉnh Bình Định đã tổ chức lễ đón đoàn.\n"
        "Ngoài ra, Hải quân Hoa Kỳ cũng sẽ giúp tỉnh Bình Định xây dựng trường mầm non Phước Sơn và trạm y tế xã "
        "Phước Hòa."
    )
    assert _summary(_events(text))[1:] == [("aid", "2024-05", {"US": "funder", "VN-31": "recipient"})]


def _relations(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(r.a.id, r.b.id, r.type, r.since) for r in extract_facts(text, PUBLISHED)[1]]


def test_an_anniversary_of_a_twinning_dates_it_back_from_the_article_s_year() -> None:
    text = (
        "Hải Phòng và Kitakyushu kỷ niệm 10 năm quan hệ thành phố kết nghĩa\n\n"
        "Sáng 14/5, UBND TP Hải Phòng và Chính quyền thành phố Kitakyushu (Nhật Bản) tổ chức lễ kỷ niệm 10 năm "
        "thiết lập quan hệ thành phố kết nghĩa giữa hai thành phố. Thị trưởng Kitakyushu Takeuchi Kazuhisa cùng "
        "đoàn đại biểu thành phố đã tham dự buổi lễ."
    )
    assert _relations(text) == [("VN-HP", "JP:kitakyushu", "sister", "2014")]


def test_two_provinces_spoken_of_after_a_call_on_the_second_partner_are_that_pair() -> None:
    text = (
        "Đoàn đại biểu tỉnh Điện Biên thăm tỉnh Phông-xa-lỳ và tỉnh U-đôm-xay (Lào)\n\n"
        "Từ ngày 10 đến 13/5, Đoàn đại biểu tỉnh Điện Biên do Bí thư Tỉnh ủy làm trưởng đoàn đã thăm và làm việc tại "
        "tỉnh Phông-xa-lỳ và tỉnh U-đôm-xay.\n"
        "Ngày 11/5, Đoàn hội đàm với lãnh đạo tỉnh Phông-xa-lỳ. Hai bên thống nhất tăng cường quản lý biên giới.\n"
        "Ngày 13/5, Đoàn đến chào xã giao lãnh đạo tỉnh U-đôm-xay. Tiếp đoàn, Tỉnh trưởng tỉnh U-đôm-xay cảm ơn tỉnh "
        "Điện Biên đã hỗ trợ đào tạo cán bộ. Hai tỉnh có quan hệ hợp tác từ năm 2010, nhất là trong lĩnh vực giáo dục."
    )
    assert ("VN-71", "LA-OU", "cooperation", "2010") in _relations(text)


def test_years_of_work_with_foreign_provinces_are_a_standing_cooperation_since_the_year_told() -> None:
    text = (
        "Quảng Trị tiếp nhận hài cốt liệt sĩ hy sinh tại Lào\n\n"
        "Sáng 14/5, tại Cửa khẩu Quốc tế Lao Bảo, UBND tỉnh Quảng Trị phối hợp với tỉnh Savannakhet (Lào) tổ chức "
        "lễ tiếp nhận 12 hài cốt liệt sĩ quân tình nguyện Việt Nam.\n"
        "Từ năm 2008 đến nay, tỉnh Quảng Trị đã phối hợp với các tỉnh Savannakhet, Salavan tìm kiếm, quy tập "
        "được 650 hài cốt liệt sĩ."
    )
    assert _relations(text) == [("VN-25", "LA-SV", "cooperation", "2008"), ("VN-25", "LA-SL", "cooperation", "2008")]


def test_the_two_cities_of_an_agreement_are_the_foreign_city_told_last_not_the_trade_agency() -> None:
    text = (
        "Đoàn công tác TP Cần Thơ xúc tiến đầu tư tại Nhật Bản\n\n"
        "Ngày 10/5, tại Tokyo, UBND TP Cần Thơ phối hợp với Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) tổ chức "
        "Hội nghị xúc tiến đầu tư vào Cần Thơ.\n"
        "Ngày 12/5, đoàn làm việc với Thị trưởng thành phố Kawasaki.\n"
        "Hai bên trao đổi về kết quả thực hiện Biên bản ghi nhớ hợp tác mà hai thành phố ký kết từ năm 2015."
    )
    assert [(a, b, t) for a, b, t, _ in _relations(text)] == [("VN-CT", "JP:kawasaki", "cooperation")]


def test_the_stops_of_a_foreign_visitor_listed_in_a_summary_are_a_meeting_each() -> None:
    text = (
        "Chủ tịch Quốc hội Lào kết thúc chuyến thăm chính thức Việt Nam\n\n"
        "Ngày 18/5, Chủ tịch Quốc hội Lào Saysomphone Phomvihane kết thúc chuyến thăm chính thức Việt Nam theo lời "
        "mời của Chủ tịch Quốc hội Trần Thanh Mẫn.\n"
        "Trong khuôn khổ chuyến thăm, Chủ tịch Quốc hội Lào Saysomphone Phomvihane đã hội đàm với Chủ tịch Quốc hội "
        "Trần Thanh Mẫn; thăm và làm việc tại tỉnh Nghệ An, tỉnh Hà Tĩnh và thành phố Đà Nẵng."
    )
    assert [(e.kind, {p.id: p.role for p in e.parties}) for e in _events(text)] == [
        ("meeting", {"LA": "guest", "VN-22": "host"}),
        ("meeting", {"LA": "guest", "VN-23": "host"}),
        ("meeting", {"LA": "guest", "VN-DN": "host"}),
    ]


def test_a_guest_s_visit_to_a_body_of_the_receiving_province_is_that_province_s_too() -> None:
    text = (
        "Thái Nguyên tiếp đoàn tỉnh Chungcheongnam\n\n"
        "Sáng 8/5, ông Trịnh Việt Hùng, Chủ tịch UBND tỉnh Thái Nguyên tiếp đoàn công tác tỉnh Chungcheongnam "
        "(Hàn Quốc).\n"
        "Hai bên trao đổi về hợp tác giáo dục và đào tạo nguồn nhân lực.\n"
        "Chiều cùng ngày, đoàn công tác tỉnh Chungcheongnam đã đến thăm Trường Đại học Thái Nguyên."
    )
    assert [{p.id for p in e.parties} for e in _events(text)][1] >= {"KR-44", "VN-69"}


def test_those_who_sign_the_minutes_at_the_end_of_talks_are_the_signing_s_people() -> None:
    text = (
        "Điện Biên và Phông Sa Lỳ hội đàm\n\n"
        "Sáng 14/5, tại thành phố Điện Biên Phủ, đồng chí Lê Thành Đô, Chủ tịch UBND tỉnh Điện Biên hội đàm với "
        "đồng chí Khăm Pheng Xay Xổm Pheng, Tỉnh trưởng tỉnh Phông Sa Lỳ (Lào).\n"
        "Năm 2005, hai tỉnh đã ký thỏa thuận hợp tác.\n"
        "Kết thúc hội đàm, đồng chí Lê Thành Đô và đồng chí Khăm Pheng Xay Xổm Pheng đã ký Biên bản hội đàm năm 2024."
    )
    signing = next(e for e in _events(text) if e.kind == "signing")
    assert {p.name for p in signing.people} == {"Lê Thành Đô", "Khăm Pheng Xay Xổm Pheng"}


def test_a_single_stop_told_in_a_visit_s_summary_is_a_meeting_there() -> None:
    text = (
        "Đoàn đại biểu Đảng Dân chủ Tự do Nhật Bản thăm Việt Nam\n\n"
        "Ngày 20/5, Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Đoàn đại biểu Đảng Dân chủ Tự do Nhật Bản.\n"
        "Trong thời gian ở thăm Việt Nam, Đoàn đại biểu Đảng Dân chủ Tự do Nhật Bản có các cuộc làm việc với lãnh "
        "đạo Bộ Ngoại giao, thăm và làm việc tại thành phố Đà Nẵng."
    )
    assert [(e.kind, {p.id: p.role for p in e.parties}) for e in _events(text)] == [
        ("meeting", {"JP": "guest", "VN-DN": "host"})
    ]


def test_a_nation_whose_parliament_s_head_co_chairs_a_conference_stays_beside_its_provinces() -> None:
    text = (
        "Việt Nam - Lào chia sẻ kinh nghiệm giám sát của Hội đồng nhân dân\n\n"
        "Chiều 6/5, tại thành phố Điện Biên Phủ, Chủ tịch Quốc hội Trần Thanh Mẫn và Chủ tịch Quốc hội Lào "
        "Saysomphone Phomvihane đồng chủ trì hội thảo về giám sát của Hội đồng nhân dân.\n"
        "Tham dự hội thảo có lãnh đạo HĐND tỉnh Điện Biên, Chủ tịch HĐND tỉnh Luang Prabang và Chủ tịch HĐND tỉnh "
        "Oudomxay."
    )
    assert [(e.kind, [p.id for p in e.parties]) for e in _events(text)] == [
        ("conference", ["VN", "VN-71", "LA-LP", "LA-OU", "LA"])
    ]


def test_scholarships_a_foreign_region_will_grant_are_planned_aid() -> None:
    text = (
        "Nghệ An tiếp đoàn vùng Ulyanovsk\n\n"
        "Chiều 14/5, ông Nguyễn Đức Trung, Chủ tịch UBND tỉnh Nghệ An tiếp đoàn công tác vùng Ulyanovsk (Nga).\n"
        "Trong năm học tới, vùng Ulyanovsk sẽ cấp 10 suất học bổng toàn phần cho sinh viên Nghệ An."
    )
    assert [(e.kind, e.status) for e in _events(text)] == [("meeting", "past"), ("aid", "planned")]


def test_a_programme_s_period_is_not_the_start_of_a_bond_told_older_elsewhere() -> None:
    text = (
        "Cần Thơ và tỉnh Gifu ký kế hoạch hợp tác giai đoạn 2024-2026\n\n"
        "Chiều 14/5, Chủ tịch UBND thành phố Cần Thơ Trần Việt Trường tiếp đoàn tỉnh Gifu (Nhật Bản) do Phó "
        "Thống đốc Ōnishi Kōichi dẫn đầu. Tiếp đó, hai bên đã ký kế hoạch hợp tác giai đoạn 2024-2026. "
        "Tại buổi tiếp, ông Trần Việt Trường cho biết thành phố Cần Thơ và tỉnh Gifu có quan hệ hợp tác từ năm 2015."
    )
    assert _relations(text) == [("VN-CT", "JP-21", "cooperation", "2015")]
    assert [e.kind for e in _events(text)] == ["signing", "meeting"]


def test_a_trip_s_summary_gives_way_to_the_reception_on_its_first_day() -> None:
    text = (
        "Đoàn đại biểu tỉnh Quảng Trị thăm tỉnh Savannakhet\n\n"
        "Từ ngày 14 đến 16/5, Đoàn đại biểu cấp cao tỉnh Quảng Trị do Bí thư Tỉnh ủy Lê Quang Tùng dẫn đầu đã "
        "thăm, làm việc tại tỉnh Savannakhet (Lào).\n\n"
        "Sáng 14/5, tại thành phố Kaysone Phomvihane, Tỉnh trưởng tỉnh Savannakhet Santiphap Phomvihane đã tiếp "
        "và hội đàm với đoàn. Hai bên trao đổi về hợp tác thương mại và giáo dục."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-14", {"LA-SV": "host", "VN-25": "guest"})]


def test_works_funded_by_a_province_in_a_town_of_the_visited_province_go_to_that_province() -> None:
    text = (
        "Đoàn đại biểu tỉnh Quảng Bình thăm tỉnh Khammouane\n\n"
        "Sáng 14/5, Tỉnh trưởng tỉnh Khammouane Vanxay Phongsavanh đã tiếp Đoàn đại biểu tỉnh Quảng Bình do Chủ tịch "
        "UBND tỉnh Trần Thắng dẫn đầu. Hai bên trao đổi về hợp tác thương mại và giáo dục.\n\n"
        "Ngày 15/5, tại huyện Xaibouathong, đoàn đã dự lễ bàn giao công trình Trường tiểu học Hữu nghị do tỉnh "
        "Quảng Bình tài trợ 3 tỷ đồng."
    )
    events = _events(text)
    assert _summary(events)[1] == ("aid", "2024-05-15", {"LA-KH": "recipient", "VN-24": "funder"})


def test_a_delegation_going_home_is_no_event() -> None:
    text = (
        "Đà Nẵng tiếp đoàn thành phố Sakai\n\n"
        "Sáng 14/5, Chủ tịch UBND thành phố Đà Nẵng Lê Trung Chinh đã tiếp đoàn công tác thành phố Sakai (Nhật Bản) "
        "do Phó Thị trưởng Nagafuji Hideki dẫn đầu. Hai bên trao đổi về hợp tác du lịch và đào tạo.\n\n"
        "Ngày 16/5, đoàn công tác thành phố Sakai kết thúc chuyến thăm, lên đường về nước."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-14", {"VN-DN": "host", "JP:sakai": "guest"})]


def test_a_delegation_s_gift_and_the_next_host_s_welcome_each_join_their_own_event() -> None:
    text = (
        "Đồng Tháp thăm, chúc Tết các tỉnh Prey Veng và Svay Rieng (Campuchia)\n\n"
        "Ngày 12/4, đoàn công tác tỉnh Đồng Tháp do ông Phạm Thiện Nghĩa, Chủ tịch UBND tỉnh làm trưởng đoàn đã "
        "đến thăm, chúc Tết các tỉnh Prey Veng và Svay Rieng (Campuchia).\n\n"
        "Buổi sáng, tại tỉnh Prey Veng, đoàn được ông Chea Somethy, Tỉnh trưởng tỉnh Prey Veng đón tiếp. "
        "Nhân dịp này, đoàn đã trao tặng Bệnh viện tỉnh Prey Veng 2 máy siêu âm trị giá 800 triệu đồng. "
        "Buổi chiều, đoàn đến thăm, chúc Tết chính quyền tỉnh Svay Rieng. "
        "Tiếp đoàn có ông Men Vibol, Tỉnh trưởng tỉnh Svay Rieng."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in events] == [
        ("meeting", "2024-04-12", ["KH-14", "VN-45"]),
        ("meeting", "2024-04-12", ["KH-20", "VN-45"]),
        ("aid", "2024-04-12", ["VN-45", "org:benh-vien-tinh-prey-veng"]),
    ]
    assert {p.id: p.role for p in events[2].parties} == {"VN-45": "funder", "org:benh-vien-tinh-prey-veng": "recipient"}
    assert [p.name for p in events[1].people] == ["Phạm Thiện Nghĩa", "Men Vibol"]


def test_a_foreign_town_found_by_its_prefix_is_the_same_town_named_bare_later() -> None:
    text = (
        "Thị xã Sa Pa tiếp đoàn thị trấn Zermatt (Thụy Sĩ)\n\n"
        "Sáng 14/5, UBND thị xã Sa Pa đã tiếp đoàn công tác thị trấn Zermatt (Thụy Sĩ) do ông Romy Biner, "
        "Thị trưởng Zermatt làm trưởng đoàn. Về phía thị xã có ông Tẩn Văn Lìn, Chủ tịch UBND thị xã.\n\n"
        "Ngay sau buổi làm việc, lãnh đạo UBND thị xã Sa Pa và Thị trưởng Zermatt đã ký thư bày tỏ ý định hợp tác "
        "về du lịch núi. Tháng 9 tới, đoàn công tác thị xã Sa Pa sẽ sang thăm và làm việc tại Zermatt."
    )
    events = _events(text)
    assert _summary(events) == [
        ("meeting", "2024-05-14", {"VN-02:sa-pa": "host", "CH:zermatt": "guest"}),
        ("signing", "2024-05-14", {"VN-02:sa-pa": "participant", "CH:zermatt": "participant"}),
        ("meeting", "2024-09", {"VN-02:sa-pa": "guest", "CH:zermatt": "host"}),
    ]
    assert [p.name for p in events[0].people] == ["Romy Biner", "Tẩn Văn Lìn"]


def test_a_prefecture_s_seat_where_its_own_leader_receives_is_the_host() -> None:
    text = (
        "Hà Giang và Châu Văn Sơn (Trung Quốc) trao đổi về nâng cấp cửa khẩu\n\n"
        "Chiều 14/5, tại thành phố Văn Sơn, Đoàn công tác tỉnh Hà Giang do Phó Chủ tịch UBND tỉnh Hoàng Gia Long "
        "dẫn đầu đã làm việc với Chính quyền nhân dân Châu Văn Sơn, tỉnh Vân Nam. Tiếp đoàn có ông Trần Kiến Hoa, "
        "Châu trưởng Châu Văn Sơn."
    )
    [event] = _events(text)
    assert {p.id: p.role for p in event.parties} == {"VN-03": "guest", "CN-YN:wenshan": "host"}


def test_an_envoy_posted_in_a_foreign_city_does_not_make_the_city_a_side() -> None:
    text = (
        "Chủ tịch nước thăm Tổng Lãnh sự quán Việt Nam tại Frankfurt\n\n"
        "Chiều 14/5, Chủ tịch nước Lương Cường đã tới thăm cán bộ, nhân viên Tổng Lãnh sự quán Việt Nam tại "
        "thành phố Frankfurt, bang Hessen. Chủ tịch nước mong muốn thúc đẩy quan hệ kinh tế với bang Hessen và "
        "thành phố Frankfurt. Tổng Lãnh sự Việt Nam tại Frankfurt Nguyễn Văn Nam báo cáo về cộng đồng người Việt."
    )
    assert _events(text) == []


def test_one_host_s_meeting_of_a_summary_told_again_on_its_own_is_one_meeting() -> None:
    text = (
        "Cao Bằng thăm, chúc Tết thành phố Bách Sắc và thành phố Sùng Tả (Trung Quốc)\n\n"
        "Ngày 20/2, đoàn đại biểu tỉnh Cao Bằng do Chủ tịch UBND tỉnh Hoàng Xuân Ánh làm trưởng đoàn đã thăm, "
        "chúc Tết và hội đàm với lãnh đạo thành phố Bách Sắc và thành phố Sùng Tả, Quảng Tây (Trung Quốc).\n\n"
        "Buổi sáng, tại thành phố Bách Sắc, đoàn đã hội đàm với Thị trưởng thành phố Bách Sắc Chu Kiến Quân. "
        "Chiều cùng ngày, đoàn đã đến thăm, chúc Tết chính quyền thành phố Sùng Tả. Tiếp đoàn có ông Lưu Hải Đào, "
        "Thị trưởng thành phố Sùng Tả."
    )
    events = _events(text)
    assert [sorted(p.id for p in e.parties) for e in events] == [
        ["CN-GX:baise", "VN-04"],
        ["CN-GX:chongzuo", "VN-04"],
    ]
    assert [p.name for p in events[1].people] == ["Hoàng Xuân Ánh", "Lưu Hải Đào"]


def test_a_district_among_those_who_welcome_with_the_host_is_no_host_of_its_own() -> None:
    text = (
        "Lào Cai hội đàm với Châu Hồng Hà (Trung Quốc)\n\n"
        "Chiều 14/5, tại thành phố Mông Tự, Đoàn đại biểu tỉnh Lào Cai do Chủ tịch UBND tỉnh Trịnh Xuân Trường "
        "dẫn đầu đã hội đàm với Chính quyền nhân dân Châu Hồng Hà. Tiếp và hội đàm với đoàn có ông Lý Vân Đông, "
        "Châu trưởng Châu Hồng Hà cùng lãnh đạo các sở, ngành và huyện Hà Khẩu. Hai bên trao đổi về thương mại "
        "qua cửa khẩu và du lịch."
    )
    [event] = _events(text)
    assert {p.id: p.role for p in event.parties} == {"VN-02": "guest", "CN-YN:honghe": "host", "CN-YN:hekou": "host"}


def test_two_districts_bound_since_a_month_told_as_hai_quan() -> None:
    text = (
        "Quận Ba Đình tiếp đoàn quận Shinjuku\n\n"
        "Sáng 14/5, Chủ tịch UBND quận Ba Đình Đỗ Xuân Hòa đã tiếp đoàn đại biểu quận Shinjuku, thủ đô Tokyo "
        "(Nhật Bản) do Phó Quận trưởng Yoshizumi Kenichi dẫn đầu. Từ khi hai quận ký kết Thỏa thuận hợp tác hữu nghị "
        "vào tháng 10/2019, nhiều hoạt động trao đổi đoàn đã diễn ra. Cuối buổi làm việc, hai bên ký Biên bản ghi "
        "nhớ hợp tác giai đoạn 2024 - 2026. Đoàn cũng làm việc với Công ty Shinjuku Green Tech tại quận."
    )
    assert _relations(text) == [("VN-HN:ba-dinh", "JP:shinjuku", "friendship", "2019")]


def test_a_foreign_town_named_again_inside_a_company_s_name_is_no_place() -> None:
    from hoptac.extract import context

    text = (
        "Thị xã Sa Pa tiếp đoàn thị trấn Zermatt\n\n"
        "Sáng 14/5, thị xã Sa Pa tiếp đoàn thị trấn Zermatt (Thụy Sĩ). Đoàn gồm đại diện Công ty Zermatt Bergbahnen "
        "và chính quyền Zermatt."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    found = [p.mention.text for p in ctx.places if p.entity.id == "CH:zermatt"]
    assert found == ["thị trấn Zermatt", "thị trấn Zermatt", "Zermatt"]


def test_an_agreement_signed_at_the_meeting_is_not_the_one_signed_years_before() -> None:
    text = (
        "Quận Hải Châu tiếp đoàn quận Jung, Busan\n\n"
        "Sáng 14/5, Chủ tịch UBND quận Hải Châu Phan Thị Thúy Linh tiếp đoàn đại biểu quận Jung, thành phố Busan "
        "(Hàn Quốc) do Quận trưởng Choi Jin-bong dẫn đầu. Từ khi hai quận ký kết Thỏa thuận hợp tác hữu nghị vào "
        "tháng 3/2019, nhiều hoạt động giao lưu đã được tổ chức. Cuối buổi làm việc, bà Phan Thị Thúy Linh và ông "
        "Choi Jin-bong đã ký kết Biên bản ghi nhớ hợp tác về du lịch."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-14"),
        ("signing", "2024-05-14"),
    ]


def test_the_afternoon_reception_the_lead_announces_is_the_one_the_body_tells() -> None:
    text = (
        "Tỉnh Chungcheongbuk trao tặng xe cứu thương cho tỉnh Hà Nam\n\n"
        "Sáng 14/5, đoàn công tác tỉnh Chungcheongbuk (Hàn Quốc) trao tặng 2 xe cứu thương cho tỉnh Hà Nam. "
        "Chiều cùng ngày, lãnh đạo UBND tỉnh Hà Nam đã tiếp đoàn.\n\n"
        "Lễ trao tặng diễn ra tại Bệnh viện Đa khoa tỉnh. Chiều cùng ngày, Chủ tịch UBND tỉnh Hà Nam Trương Quốc Huy "
        "đã tiếp đoàn công tác tỉnh Chungcheongbuk. Hai bên trao đổi về hợp tác nông nghiệp."
    )
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("aid", ["KR-43", "VN-63"]),
        ("meeting", ["KR-43", "VN-63"]),
    ]


def test_a_foreign_friendship_society_gives_as_itself_not_as_its_province() -> None:
    text = (
        "Hội Hữu nghị Hàn - Việt thành phố Changwon trao học bổng cho học sinh Quảng Ngãi\n\n"
        "Sáng 14/5, tại TP Quảng Ngãi, Sở Ngoại vụ tỉnh Quảng Ngãi phối hợp với Hội Hữu nghị Hàn - Việt thành phố "
        "Changwon (Hàn Quốc) tổ chức lễ trao 40 suất học bổng cho học sinh nghèo vượt khó. Dự lễ có ông Trần Phước "
        "Hiền, Phó Chủ tịch UBND tỉnh và ông Park Min-soo, Chủ tịch Hội Hữu nghị Hàn - Việt thành phố Changwon."
    )
    assert _summary(_events(text)) == [
        ("aid", "2024-05-14", {"org:hoi-huu-nghi-han-viet-thanh-pho-changwon": "funder", "VN-29": "recipient"})
    ]


def test_investors_who_come_from_a_country_are_received_not_visited() -> None:
    text = (
        "Bình Định thu hút đầu tư điện gió\n\n"
        "Ngày 14/5, nhiều nhà đầu tư đến từ Vương quốc Anh đã đến gặp lãnh đạo UBND tỉnh Bình Định để tìm hiểu "
        "cơ hội đầu tư dự án điện gió ngoài khơi."
    )
    assert _summary(_events(text)) == [("meeting", "2024-05-14", {"VN-31": "host", "GB": "guest"})]


def test_a_ship_s_captain_received_that_afternoon_brings_the_ship_s_nation() -> None:
    text = (
        "Tàu Hải quân Ấn Độ thăm thành phố Đà Nẵng\n\n"
        "Sáng 14/5, tàu khu trục INS Delhi của Hải quân Ấn Độ đã cập cảng Tiên Sa, bắt đầu chuyến thăm thành phố "
        "Đà Nẵng. UBND thành phố Đà Nẵng tổ chức lễ đón tàu tại cảng.\n\n"
        "Chiều cùng ngày, tại trụ sở UBND thành phố, Phó Chủ tịch UBND thành phố Đà Nẵng Hồ Kỳ Minh đã tiếp xã giao "
        "Thuyền trưởng Rajesh Kumar và các sĩ quan chỉ huy tàu."
    )
    assert [sorted(p.id for p in e.parties) for e in _events(text)] == [["IN", "VN-DN"], ["IN", "VN-DN"]]


def test_each_host_of_a_summarised_visit_takes_the_fields_of_its_own_paragraph() -> None:
    text = (
        "Quảng Ninh thăm, chúc Tết thành phố Đông Hưng và thành phố Phòng Thành Cảng (Trung Quốc)\n\n"
        "Ngày 14/5, đoàn đại biểu tỉnh Quảng Ninh do Chủ tịch UBND tỉnh Cao Tường Huy dẫn đầu đã hội đàm với lãnh "
        "đạo thành phố Đông Hưng và thành phố Phòng Thành Cảng (Trung Quốc).\n\n"
        "Buổi sáng, tại thành phố Đông Hưng, hai bên trao đổi về thương mại qua cửa khẩu. Ông Cao Tường Huy đề nghị "
        "tạo thuận lợi cho xuất khẩu nông sản.\n\n"
        "Buổi chiều, tại thành phố Phòng Thành Cảng, hai bên bàn về du lịch biển. Lãnh đạo hai bên thống nhất mở "
        "tour du lịch tàu biển."
    )
    events = _events(text)
    assert [(sorted(p.id for p in e.parties), e.fields) for e in events] == [
        (["CN-GX:dongxing", "VN-13"], ["people_to_people", "trade", "agriculture_food"]),
        (["CN-GX:fangchenggang", "VN-13"], ["tourism", "people_to_people"]),
    ]


def test_a_speaker_going_on_in_the_next_sentence_gives_the_main_event_its_fields() -> None:
    text = (
        "Hà Tĩnh tiếp đoàn tỉnh Bolikhamxay\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải đã tiếp đoàn đại biểu tỉnh Bolikhamxay (Lào).\n\n"
        "Ông Võ Trọng Hải chào mừng đoàn. Ông cho biết tỉnh sẵn sàng hỗ trợ đào tạo nguồn nhân lực cho Bolikhamxay."
    )
    [event] = _events(text)
    assert event.fields == ["training_hr"]


def test_a_grant_a_workshop_belongs_to_runs_since_its_first_year() -> None:
    text = (
        "Đà Nẵng và KOICA hội thảo về quản lý rác thải\n\n"
        "Ngày 14/5, Sở Tài nguyên và Môi trường TP Đà Nẵng phối hợp với Cơ quan Hợp tác quốc tế Hàn Quốc (KOICA) "
        "tổ chức hội thảo về phân loại rác tại nguồn. Hội thảo nằm trong khuôn khổ Dự án cải thiện quản lý chất "
        "thải rắn tại TP Đà Nẵng do KOICA tài trợ 4 triệu USD, thực hiện từ năm 2022 đến năm 2026."
    )
    assert _summary(_events(text)) == [
        ("conference", "2024-05-14", {"VN-DN": "organiser", "org:koica": "organiser"}),
        ("aid", "2022", {"VN-DN": "recipient", "org:koica": "funder"}),
    ]
    through = text.replace("do KOICA tài trợ 4 triệu USD", "do Chính phủ Hàn Quốc tài trợ 4 triệu USD thông qua KOICA")
    assert _summary(_events(through))[1] == ("aid", "2022", {"VN-DN": "recipient", "org:koica": "funder"})


def test_a_foreign_body_named_again_by_its_short_name_gives() -> None:
    text = (
        "Sóc Trăng khởi động dự án lúa - tôm với Úc\n\n"
        "Ngày 14/5, UBND tỉnh Sóc Trăng phối hợp với Trung tâm Nghiên cứu Nông nghiệp Quốc tế Australia (ACIAR) "
        "tổ chức hội thảo khởi động dự án.\n\n"
        "Dự án được thực hiện tại các huyện Mỹ Xuyên và Trần Đề, do ACIAR tài trợ 1,8 triệu AUD."
    )
    events = _events(text)
    assert [(e.kind, {p.id: p.role for p in e.parties}) for e in events][1] == (
        "aid",
        {"org:aciar": "funder", "VN-52": "recipient"},
    )


def test_what_an_agreement_provides_is_no_event_of_its_own() -> None:
    text = (
        "Bình Thuận ký kết hợp tác với MASHAV\n\n"
        "Ngày 14/5, tại TP Phan Thiết, UBND tỉnh Bình Thuận và Cơ quan Hợp tác phát triển quốc tế Israel (MASHAV) "
        "đã ký kết Biên bản ghi nhớ về nông nghiệp công nghệ cao. Theo biên bản ghi nhớ, MASHAV sẽ cử chuyên gia, "
        "hỗ trợ chuyển giao công nghệ tưới nhỏ giọt tại huyện Hàm Thuận Nam; cấp học bổng cho cán bộ của tỉnh sang "
        "học tập tại Israel."
    )
    assert [e.kind for e in _events(text)] == ["signing"]


def test_a_historical_figure_spelled_with_other_tones_is_nobody_present() -> None:
    text = (
        "Sơn La đón đoàn tỉnh Hủa Phăn thăm di tích\n\n"
        "Sáng 14/5, Phó Chủ tịch UBND tỉnh Sơn La Đặng Ngọc Hậu đã đón đoàn đại biểu tỉnh Hủa Phăn (Lào) do ông "
        "Khăm Phon Bun Nhạ Vông, Phó Tỉnh trưởng dẫn đầu thăm khu di tích nơi đồng chí Cay-Xỏn Phôm-Vi-Hẳn từng "
        "hoạt động."
    )
    [event] = _events(text)
    assert [p.name for p in event.people] == ["Đặng Ngọc Hậu", "Khăm Phon Bun Nhạ Vông"]


def test_agreements_handed_to_a_nation_s_companies_are_apart_from_the_cities_own() -> None:
    text = (
        "Hải Phòng ký kết hợp tác với tỉnh Kanagawa, trao biên bản ghi nhớ đầu tư cho doanh nghiệp Nhật Bản\n\n"
        "Ngày 14/5, tại thành phố Yokohama (Nhật Bản), UBND TP Hải Phòng phối hợp với chính quyền tỉnh Kanagawa tổ "
        "chức Hội nghị xúc tiến đầu tư. Tại hội nghị, Phó Chủ tịch UBND TP Hải Phòng Lê Anh Quân và Phó Thống đốc "
        "tỉnh Kanagawa Takeuchi Naoki đã ký Biên bản ghi nhớ hợp tác. Cũng tại hội nghị, Sở Kế hoạch và Đầu tư Hải "
        "Phòng đã trao biên bản ghi nhớ đầu tư cho 2 doanh nghiệp Nhật Bản gồm Công ty Shonan Robotics và Công ty "
        "Sagami Foods."
    )
    signings = [sorted(p.id for p in e.parties) for e in _events(text) if e.kind == "signing"]
    assert signings == [["JP-14", "VN-HP"], ["VN-HP", "org:shonan-robotics"], ["VN-HP", "org:sagami-foods"]]


def test_a_delegation_s_afternoon_tour_of_the_host_s_sites_is_an_event() -> None:
    text = (
        "Quận Hoàn Kiếm tiếp đoàn quận Chuo, Tokyo\n\n"
        "Sáng 14/5, Chủ tịch UBND quận Hoàn Kiếm Phạm Tuấn Long đã tiếp đoàn đại biểu quận Chuo, thủ đô Tokyo "
        "(Nhật Bản). Chiều cùng ngày, đoàn đại biểu quận Chuo đã tham quan phố đi bộ Hồ Gươm và Bộ phận một cửa "
        "của UBND quận Hoàn Kiếm."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-14"),
        ("other", "2024-05-14"),
    ]


def test_a_bond_established_in_a_month_dates_from_that_month_s_year() -> None:
    text = (
        "Ngày hội giao lưu văn hóa Cần Thơ - Kumamoto\n\n"
        "Tối 14/5, UBND thành phố Cần Thơ phối hợp với tỉnh Kumamoto (Nhật Bản) tổ chức Ngày hội giao lưu văn hóa. "
        "Phát biểu khai mạc, Phó Chủ tịch UBND thành phố Cần Thơ Nguyễn Thực Hiện cho biết, Cần Thơ và Kumamoto "
        "thiết lập quan hệ hợp tác hữu nghị từ tháng 7/2018."
    )
    assert _relations(text) == [("VN-CT", "JP-43", "friendship", "2018")]


def test_an_airport_named_after_a_region_is_not_that_region() -> None:
    text = (
        "Ngày hội giao lưu văn hóa Huế - Kyoto\n\n"
        "Tối 14/5, UBND tỉnh Thừa Thiên Huế phối hợp với thành phố Kyoto (Nhật Bản) tổ chức Ngày hội giao lưu văn hóa. "
        "Phó Thị trưởng Kyoto Okada Hiroshi mong muốn người dân vùng Kansai đến du lịch tại Huế, đề nghị hai bên "
        "phối hợp mở đường bay thẳng giữa sân bay Kansai và Huế."
    )
    assert all("kansai" not in r.b.id and "kansai" not in r.a.id for r in extract_facts(text, PUBLISHED)[1])
    assert all(p.id != "JP:kansai" for e in _events(text) for p in e.parties)


def test_a_foreign_city_spelt_in_vietnamese_syllables_is_a_side() -> None:
    text = (
        "Thừa Thiên Huế làm việc với thành phố Ô-xnáp-brúc\n\n"
        "Chiều 9/10, tại thành phố Ô-xnáp-brúc (CHLB Đức), đoàn công tác tỉnh Thừa Thiên Huế do ông Phan Ngọc Thọ, "
        "Chủ tịch UBND tỉnh làm trưởng đoàn đã làm việc với Thị trưởng thành phố Ô-xnáp-brúc. Hai bên thống nhất "
        "thúc đẩy hợp tác về đào tạo nghề."
    )
    events = _events(text)
    assert _summary(events) == [("meeting", "2023-10-09", {"VN-26": "guest", "DE:o-xnap-bruc": "host"})]
    assert [p.name_vi for p in events[0].parties] == ["tỉnh Thừa Thiên Huế", "thành phố Ô-xnáp-brúc"]


def test_a_day_told_in_a_speech_dates_neither_the_talks_nor_the_same_day_visit() -> None:
    text = (
        "Ninh Bình hội đàm với tỉnh Chiang Mai\n\n"
        "Sáng 16/5, Chủ tịch UBND tỉnh Ninh Bình Phạm Quang Ngọc đã hội đàm với Phó Tỉnh trưởng tỉnh Chiang Mai "
        "(Thái Lan) Kritsada Thongchai.\n"
        "Tại buổi hội đàm, Chủ tịch UBND tỉnh cho biết, từ ngày 1/3/2024, tỉnh đã đưa vào vận hành Trung tâm phục vụ "
        "hành chính công mới.\n"
        "Chiều cùng ngày, đoàn công tác tỉnh Chiang Mai đã đi thăm Khu du lịch Tràng An."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-16"),
        ("other", "2024-05-16"),
    ]


def test_a_sentence_s_own_partner_is_the_pair_its_two_sides_speak_of() -> None:
    text = (
        "Quảng Bình hội đàm với tỉnh Ehime\n\n"
        "Sáng 10/5, Chủ tịch UBND tỉnh Quảng Bình Trần Thắng đã hội đàm với Phó Thống đốc tỉnh Ehime (Nhật Bản) "
        "Tanaka Ryo. Tỉnh Quảng Bình có quan hệ hợp tác với nhiều địa phương, trong đó quan hệ hữu nghị đặc biệt "
        "với tỉnh Khăm Muộn (Lào) được thiết lập từ năm 1991 luôn được hai bên vun đắp."
    )
    assert _relations(text) == [("VN-24", "LA-KH", "friendship", "1991")]


def test_a_year_told_after_one_partner_is_that_partner_s() -> None:
    text = (
        "Kiên Giang tiếp đoàn tỉnh Jeollanam\n\n"
        "Sáng 8/5, Chủ tịch UBND tỉnh Kiên Giang Lâm Minh Thành tiếp đoàn tỉnh Jeollanam (Hàn Quốc). "
        "Kể từ khi ký kết thỏa thuận hợp tác vào năm 2015, quan hệ giữa Kiên Giang và tỉnh Jeollanam ngày càng phát "
        "triển. Cùng với tỉnh Jeollanam, Kiên Giang hiện có quan hệ hợp tác với nhiều địa phương nước ngoài, trong đó "
        "có quan hệ hữu nghị với tỉnh Kampot (Campuchia) từ năm 2008."
    )
    assert sorted(_relations(text)) == [
        ("VN-47", "KH-7", "friendship", "2008"),
        ("VN-47", "KR-46", "cooperation", "2015"),
    ]


def test_a_delegation_in_two_countries_meets_places_its_sentences_place() -> None:
    text = (
        "Đoàn công tác tỉnh Sơn La thăm và làm việc tại Hà Lan, Bỉ\n\n"
        "Từ ngày 6 đến 12/5, đoàn công tác tỉnh Sơn La do Phó Chủ tịch UBND tỉnh Đặng Ngọc Hậu làm trưởng đoàn đã "
        "thăm và làm việc tại Hà Lan và Bỉ.\n"
        "Ngày 7/5, đoàn đã làm việc với chính quyền khu tự quản Venlo, trung tâm logistics nông sản lớn của Hà Lan.\n"
        "Ngày 9/5, tại thành phố Bruges (Bỉ), đoàn đã chào xã giao Thống đốc tỉnh Tây Flanders."
    )
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("2024-05-07", ["NL:tu-quan-venlo", "VN-05"]),
        ("2024-05-09", ["BE:tay-flanders", "VN-05"]),
    ]


def test_an_agency_that_began_working_with_a_province_in_a_year_is_its_partner_since_then() -> None:
    text = (
        "UNICEF làm việc với tỉnh Hà Giang\n\n"
        "Sáng 12/5, Phó Chủ tịch UBND tỉnh Hà Giang Hoàng Gia Long tiếp đoàn công tác của Quỹ Nhi đồng Liên hợp quốc "
        "(UNICEF). UNICEF bắt đầu hợp tác với tỉnh Hà Giang từ năm 2014; giai đoạn 2017 - 2021, tổng kinh phí UNICEF "
        "hỗ trợ tỉnh đạt hơn 2 triệu USD. Chương trình hợp tác của UNICEF với các tỉnh miền núi được triển khai rộng."
    )
    assert _relations(text) == [("VN-03", "org:unicef", "cooperation", "2014")]


def test_a_gift_received_by_a_city_s_own_leaders_stays_the_city_s() -> None:
    text = (
        "Thành phố Nantes trao tặng thiết bị y tế cho TP. Vinh\n\n"
        "Sáng 14/5, tại trụ sở UBND TP. Vinh, ông Trần Ngọc Tú, Phó Chủ tịch UBND TP. Vinh đã tiếp nhận 50 máy thở "
        "do thành phố Nantes (Cộng hòa Pháp) trao tặng. Tham dự buổi tiếp nhận có đại diện Sở Ngoại vụ tỉnh Nghệ An."
    )
    assert _summary(_events(text)) == [("aid", "2024-05-14", {"FR:nantes": "funder", "VN-22:vinh": "recipient"})]


def test_a_delegation_that_goes_on_to_a_city_is_a_side_of_its_work_there() -> None:
    text = (
        "Đoàn công tác tỉnh Bến Tre thăm và làm việc tại Nhật Bản\n\n"
        "Từ ngày 6 đến 11/5, đoàn công tác tỉnh Bến Tre do Phó Chủ tịch UBND tỉnh Nguyễn Minh Cảnh làm trưởng đoàn "
        "đã thăm và làm việc tại Nhật Bản.\n"
        "Ngày 7/5, tại thành phố Takamatsu, đoàn đã hội kiến ông Ikeda Toyohito, Thống đốc tỉnh Kagawa.\n"
        "Ngày 9/5, đoàn đến thành phố Okayama, làm việc với ông Ito Satoshi, Phó Thị trưởng thành phố Okayama. "
        "Tại buổi làm việc, phía Okayama giới thiệu kinh nghiệm xử lý nước thải và phòng chống thiên tai."
    )
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("2024-05-07", ["JP-37", "VN-50"]),
        ("2024-05-09", ["JP-33", "VN-50"]),
    ]


def test_a_firm_whose_name_joins_words_with_an_ampersand_is_one_side() -> None:
    text = (
        "Doanh nghiệp Nhật Bản tìm hiểu đầu tư tại Sóc Trăng\n\n"
        "Ngày 15/5, Công ty trách nhiệm hữu hạn Green & Fresh (Nhật Bản) có buổi làm việc với Ủy ban Nhân dân tỉnh "
        "Sóc Trăng nhằm tìm hiểu cơ hội đầu tư vào lĩnh vực chế biến nông sản. Hai bên trao đổi khả năng hợp tác "
        "xây dựng vùng nguyên liệu."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("meeting", "2024-05-15")]
    assert {p.id: p.name for p in events[0].parties if p.kind == "company"} == {"org:green-fresh": "Green & Fresh"}


def test_a_sports_exchange_led_by_a_twin_city_s_mayor_is_an_event() -> None:
    text = (
        "Giao lưu thể thao giữa TP. Quy Nhơn và TP. Gimhae\n\n"
        "Sáng 12/5, UBND TP. Quy Nhơn tổ chức chương trình giao lưu thể thao với đoàn vận động viên thành phố "
        "Gimhae (Hàn Quốc) do ông Hong Tae-yong, Thị trưởng thành phố Gimhae làm trưởng đoàn.\n"
        "Các cầu thủ hai thành phố thi đấu giao hữu môn bóng đá; đội bóng Quy Nhơn thắng 2-1 nhờ bàn thắng của tiền "
        "đạo Minh Tú. Ở môn bóng bàn, các VĐV Gimhae giành ưu thế. Trận đấu bóng đá diễn ra sôi nổi, huấn luyện "
        "viên hai đội hài lòng. Hai thành phố đã thiết lập quan hệ hợp tác hữu nghị từ năm 2019."
    )
    assert off_topic(text) == "sports"
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("cultural_event", "2024-05-12")]
    assert {p.id for p in events[0].parties} == {"VN-31:quy-nhon", "KR-48:gimhae"}


def test_a_twinning_takes_the_year_told_with_it_not_an_earlier_friendship_s() -> None:
    text = (
        "Đà Nẵng tiếp Thị trưởng thành phố Sakai\n\n"
        "Sáng 10/5, Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh tiếp ông Nagafuji Hideki, Thị trưởng thành phố Sakai "
        "(Nhật Bản). Hai thành phố thiết lập quan hệ hữu nghị hợp tác từ năm 2015 và chính thức kết nghĩa vào năm 2018."
    )
    assert _relations(text) == [("VN-DN", "JP:sakai", "sister", "2018")]


def test_the_day_a_festival_ends_is_no_event_of_its_own() -> None:
    text = (
        "Khai mạc Ngày hội văn hóa Huế tại Gyeongju\n\n"
        "Tối 10/5, tại thành phố Gyeongju (Hàn Quốc), UBND tỉnh Thừa Thiên Huế phối hợp với chính quyền thành phố "
        "Gyeongju khai mạc Ngày hội văn hóa Huế.\n"
        "Ngày hội diễn ra đến ngày 14/5 với các hoạt động trình diễn nhã nhạc cung đình, ẩm thực và triển lãm ảnh.\n"
        "Chiều cùng ngày, Thị trưởng thành phố Gyeongju Joo Nak-young tiếp đoàn công tác tỉnh Thừa Thiên Huế."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("cultural_event", "2024-05-10"),
        ("meeting", "2024-05-10"),
    ]


def test_agreements_of_the_two_cities_firms_exchanged_at_a_forum_are_no_signing_of_the_cities() -> None:
    text = (
        "Diễn đàn hợp tác đầu tư TP Hồ Chí Minh - Incheon\n\n"
        "Sáng 16/5, UBND TP Hồ Chí Minh phối hợp với chính quyền thành phố Incheon (Hàn Quốc) tổ chức Diễn đàn hợp "
        "tác đầu tư giữa hai thành phố. Tại diễn đàn, 9 biên bản ghi nhớ giữa doanh nghiệp hai thành phố đã được "
        "trao đổi."
    )
    assert [e.kind for e in _events(text)] == ["conference"]


def test_a_day_told_after_since_is_since_when_not_when() -> None:
    text = (
        "Lào Cai hội đàm với châu Hồng Hà\n\n"
        "Ngày 14/5, tại thành phố Mông Tự, đoàn công tác tỉnh Lào Cai do Phó Chủ tịch UBND tỉnh Hoàng Quốc Khánh làm "
        "trưởng đoàn đã hội đàm với chính quyền châu Hồng Hà (Trung Quốc).\n"
        "Đây là cuộc hội đàm đầu tiên giữa hai bên kể từ khi cửa khẩu Kim Thành được nâng cấp từ ngày 1/3/2024.\n"
        "Kết thúc hội đàm, hai bên đã ký Biên bản hội đàm về hợp tác năm 2024."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-14"),
        ("signing", "2024-05-14"),
    ]


def test_a_fund_named_after_a_foreign_town_is_not_the_town() -> None:
    text = (
        "Trao học bổng cho sinh viên nghèo\n\n"
        "Chiều 7/5, tại trường Cao đẳng nghề Thanh Hóa đã diễn ra lễ trao tặng 30 suất học bổng cho sinh viên nghèo "
        "vượt khó. Tham dự buổi lễ có đại diện Quỹ khuyến học thành phố Thanh Hóa của tỉnh Gangwon (Hàn Quốc) cùng "
        "các thành viên trong đoàn. Quỹ đã nhiều lần tặng quà, hỗ trợ sinh viên của trường."
    )
    assert _events(text) == []


def test_a_cue_word_inside_a_body_s_name_tells_no_event_and_a_sum_handed_over_is_aid() -> None:
    text = (
        "Tỉnh Aichi hỗ trợ người dân Yên Bái khắc phục hậu quả lũ lụt\n\n"
        "Sáng 15/5, tại UBND xã Mường Lai (huyện Lục Yên), đại diện chính quyền tỉnh Aichi (Nhật Bản) và Hiệp hội "
        "Giao lưu quốc tế tỉnh Aichi đã trao 3 triệu yên hỗ trợ người dân xã Mường Lai sửa chữa nhà cửa."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("aid", "2024-05-15")]


def test_a_region_s_government_abroad_takes_the_country_its_sentence_names() -> None:
    text = (
        "Đoàn công tác tỉnh Nghệ An thăm Hungary và Séc\n\n"
        "Từ ngày 5 đến 10/5, đoàn công tác tỉnh Nghệ An do Phó Chủ tịch UBND tỉnh Bùi Đình Long làm trưởng đoàn đã "
        "thăm và làm việc tại Hungary và Cộng hòa Séc.\n"
        "Tại Hungary, ngày 8/5, đoàn đã đến thành phố Szeged và làm việc với Chính quyền vùng Csongrád-Csanád."
    )
    events = _events(text)
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in events] == [
        ("2024-05-08", ["HU:csongrad-csanad", "HU:szeged", "VN-22"]),
    ]


def test_a_day_a_new_status_began_dates_no_event() -> None:
    text = (
        "Phú Quốc làm việc với thành phố Cairns\n\n"
        "Sáng 14/5, Chủ tịch UBND đặc khu Phú Quốc Trần Minh Khoa tiếp đoàn công tác thành phố Cairns (Australia). "
        "Ông Trần Minh Khoa thông tin, sau khi chính thức vận hành mô hình đặc khu từ ngày 1/3/2024, Phú Quốc đã tổ "
        "chức nhiều lễ hội du lịch quốc tế."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("meeting", "2024-05-14")]


def test_an_aid_group_known_by_name_is_a_side() -> None:
    text = (
        "ChildFund bàn giao cầu dân sinh tại Cao Bằng\n\n"
        "Sáng 16/5, tại xã Thành Công (huyện Nguyên Bình), UBND tỉnh Cao Bằng phối hợp với tổ chức ChildFund "
        "Australia tổ chức lễ bàn giao công trình cầu dân sinh trị giá 1,2 tỷ đồng do ChildFund tài trợ."
    )
    events = _events(text)
    assert [e.kind for e in events] == ["aid"]
    assert "org:childfund" in {p.id for p in events[0].parties}


def test_a_foreign_district_given_a_gift_by_name_receives_it_itself() -> None:
    text = (
        "Huyện Đức Cơ trao tặng quà cho huyện Koun Mom\n\n"
        "Ngày 12/5, đoàn công tác huyện Đức Cơ (Gia Lai) do Chủ tịch UBND huyện Nguyễn Văn Tiến làm trưởng đoàn đã "
        "thăm và làm việc tại tỉnh Ratanakiri (Campuchia). Ông Thong Savon, Tỉnh trưởng tỉnh Ratanakiri đã tiếp đoàn. "
        "Nhân dịp này, huyện Đức Cơ đã trao tặng huyện Koun Mom "
        "200 triệu đồng để sửa chữa trường học."
    )
    aid = [e for e in _events(text) if e.kind == "aid"]
    assert [sorted(p.id for p in e.parties) for e in aid] == [["KH:koun-mom", "VN-30:duc-co"]]


def test_relations_told_of_the_province_itself_and_of_a_town_by_its_old_province() -> None:
    text = (
        "Phú Yên hội đàm trực tuyến với vùng Biobío\n\n"
        "Sáng 12/5, Phó Chủ tịch UBND tỉnh Phú Yên Đào Mỹ hội đàm trực tuyến với Thống đốc vùng Biobío (Chile). "
        "Hiện Phú Yên có quan hệ hợp tác với nhiều địa phương nước ngoài; trong đó tỉnh kết nghĩa với tỉnh Salavan "
        "(Lào) từ năm 2006. Năm 2019, thị xã Sông Cầu (thuộc tỉnh Phú Yên) và thành phố Ballarat (Australia) đã ký "
        "ý định thư hợp tác phát triển du lịch. Kết thúc hội đàm, hai bên thống nhất xây dựng dự thảo biên bản ghi "
        "nhớ hợp tác, phấn đấu ký kết vào tháng 9/2024."
    )
    assert sorted(_relations(text)) == [
        ("VN-32", "LA-SL", "sister", "2006"),
        ("VN-32:song-cau", "AU:ballarat", "cooperation", "2019"),
    ]


def test_a_ship_s_call_an_arrest_made_together_and_a_site_visit_are_other_events() -> None:
    ship = (
        "Tàu Hải quân Pháp thăm Khánh Hòa\n\n"
        "Sáng 14/5, tàu hộ vệ Prairial của Hải quân Pháp đã cập cảng quốc tế Cam Ranh, bắt đầu chuyến thăm 4 ngày "
        "tỉnh Khánh Hòa. Phó Chủ tịch UBND tỉnh Khánh Hòa Trần Hòa Nam đã tiếp Thuyền trưởng tàu và đoàn sĩ quan."
    )
    arrest = (
        "Biên phòng Quảng Trị phối hợp với Lào bắt đối tượng buôn ma túy\n\n"
        "Ngày 14/5, Bộ đội Biên phòng tỉnh Quảng Trị phối hợp với Công an tỉnh Savannakhet (Lào) bắt giữ 2 đối tượng "
        "vận chuyển 30.000 viên ma túy tổng hợp qua biên giới."
    )
    visit = (
        "Đoàn tỉnh Gunma thăm Phú Thọ\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Phú Thọ Bùi Văn Quang tiếp đoàn công tác tỉnh Gunma (Nhật Bản). "
        "Chiều cùng ngày, đoàn công tác tỉnh Gunma đã đi thăm Khu công nghiệp Thụy Vân."
    )
    assert [e.kind for e in _events(ship)][:1] == ["other"]
    assert [e.kind for e in _events(arrest)] == ["other"]
    assert [e.kind for e in _events(visit)] == ["meeting", "other"]


def test_a_national_official_named_before_meets_a_foreign_province_s_leader() -> None:
    text = (
        "Khai mạc Hội thảo lý luận giữa hai Đảng Việt Nam - Trung Quốc\n\n"
        "Sáng 13/5, tại thành phố Quảng Châu, đã khai mạc Hội thảo lý luận giữa Đảng Cộng sản Việt Nam và Đảng Cộng "
        "sản Trung Quốc. Phát biểu tại hội thảo, đồng chí Lê Hoài Trung, Trưởng Ban Đối ngoại Trung ương nhấn mạnh ý "
        "nghĩa của hội thảo.\n"
        "Chiều 14/5, đồng chí Lê Hoài Trung đã có cuộc hội kiến với đồng chí Hoàng Khôn Minh, Bí thư Tỉnh ủy tỉnh "
        "Quảng Đông."
    )
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("2024-05-14", ["CN-GD", "VN"]),
    ]


def test_a_national_leader_s_visit_to_a_foreign_province_by_name_is_the_province_s() -> None:
    province = (
        "Chủ tịch nước sẽ thăm Nhật Bản\n\n"
        "Nhận lời mời của Nhà vua Nhật Bản, Chủ tịch nước sẽ thăm cấp Nhà nước Nhật Bản từ ngày 27 đến 30/5. Ngoài "
        "Tokyo, Chủ tịch nước còn đi thăm tỉnh Nagasaki. Trong chuyến thăm, hai bên dự kiến ký kết nhiều văn kiện hợp "
        "tác về kinh tế, thương mại, đầu tư và giao lưu, hợp tác giữa các địa phương hai nước."
    )
    city = (
        "Thủ tướng thăm Hoa Kỳ\n\n"
        "Từ ngày 27 đến 30/5, Thủ tướng thăm chính thức Hoa Kỳ và dự phiên họp của Liên hợp quốc. Thủ tướng cũng "
        "đi thăm thành phố New York, gặp gỡ cộng đồng người Việt."
    )
    assert [sorted(p.id for p in e.parties) for e in _events(province)] == [["JP-42", "VN"]]
    assert _events(city) == []


def test_a_multinational_named_bare_is_a_side_of_its_grant() -> None:
    text = (
        "Tài trợ thiết bị y tế cho các huyện miền núi Quảng Ngãi\n\n"
        "Sáng 15/5, tại Quảng Ngãi, Phó Chủ tịch UBND tỉnh Quảng Ngãi Trần Phước Hiền đã tiếp nhận thiết bị y tế trị "
        "giá 40.000 đô la Mỹ do ExxonMobil tài trợ cho 5 bệnh viện huyện miền núi của tỉnh."
    )
    events = _events(text)
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in events] == [("aid", ["VN-29", "org:exxonmobil"])]


def test_a_nation_present_through_its_envoy_stays_beside_an_agency_it_speaks_of() -> None:
    text = (
        "Quảng Nam làm việc với Tổng Lãnh sự Ấn Độ\n\n"
        "Ngày 16/5, Phó Chủ tịch UBND tỉnh Quảng Nam Trần Anh Tuấn làm việc với ông Madan Mohan Sethi, Tổng Lãnh sự "
        "Ấn Độ tại Thành phố Hồ Chí Minh về hợp tác bảo tồn di tích Mỹ Sơn. Tổng Lãnh sự cho biết phía Ấn Độ sẵn "
        "sàng cử chuyên gia của Cục Khảo cổ học Ấn Độ (ASI) khảo sát, tư vấn kỹ thuật trùng tu; đồng thời đề nghị "
        "tỉnh phối hợp tổ chức các hoạt động giao lưu văn hóa nhân Ngày Quốc tế Yoga."
    )
    events = _events(text)
    assert [(e.date.value if e.date else None, "IN" in {p.id for p in e.parties}) for e in events] == [
        ("2024-05-16", True)
    ]


def test_a_month_planned_after_a_signing_does_not_date_it() -> None:
    text = (
        "Hưng Yên và bang Thüringen ký biên bản ghi nhớ hợp tác về đào tạo nghề\n\n"
        "Sáng 14/5, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Hưng Yên Nguyễn Lê Huy đã làm việc với đoàn công "
        "tác bang Thüringen (CHLB Đức). Ngay sau buổi làm việc, hai bên đã ký Biên bản ghi nhớ hợp tác về đào tạo "
        "nghề. Theo kế hoạch triển khai Biên bản ghi nhớ, tháng 9/2024 tỉnh Hưng Yên sẽ cử 20 giáo viên sang "
        "bang Thüringen tập huấn."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None) for e in signings] == ["2024-05-14"]


def test_a_multinational_s_vietnamese_arm_is_the_firm_not_vietnam() -> None:
    text = (
        "Tập huấn lái xe an toàn tại Cần Thơ\n\n"
        "Sáng 14/5, tại Cần Thơ, Honda Việt Nam khởi động chương trình lái xe an toàn cho học sinh. "
        "Nhân dịp này, Honda Việt Nam tài trợ 2 tỷ đồng cho dự án đèn tín hiệu giao thông của TP Cần Thơ."
    )
    events = _events(text)
    assert [(e.kind, sorted((p.id, p.country) for p in e.parties)) for e in events] == [
        ("aid", [("VN-CT", "VN"), ("org:honda-viet-nam", "JP")])
    ]


def test_a_multinational_known_by_one_word_signs_with_a_city_board() -> None:
    text = (
        "Tiến độ tuyến metro số 2\n\n"
        "Ngày 10/5, Siemens đã ký hợp đồng với Ban Quản lý đường sắt đô thị TP Hồ Chí Minh cung cấp hệ thống "
        "tín hiệu cho tuyến metro số 2 Bến Thành - Tham Lương. Gói thầu sử dụng vốn vay ODA của Ngân hàng Tái thiết "
        "Đức (KfW) và dự kiến hoàn thành trong 30 tháng."
    )
    events = _events(text)
    assert [(e.kind, sorted((p.id, p.country) for p in e.parties)) for e in events] == [
        ("signing", [("VN-SG", "VN"), ("org:siemens", "DE")])
    ]


def test_a_firm_s_gift_to_schools_of_a_town_is_not_the_town_s() -> None:
    text = (
        "Trao tặng máy lọc nước cho trường học\n\n"
        "Ngày 12/5, Trường ĐH Bách khoa Hà Nội và Tập đoàn Samsung (Hàn Quốc) đã trao tặng 6 hệ thống lọc nước cho 6 "
        "trường tiểu học tại huyện Yên Phong, tỉnh Bắc Ninh. Mỗi hệ thống trị giá 80 triệu đồng."
    )
    assert _events(text) == []


def test_a_foreign_public_body_named_by_its_area_with_its_country_is_an_agency() -> None:
    text = (
        "Vĩnh Long họp trực tuyến với chuyên gia Hà Lan về chống ngập\n\n"
        "Sáng 14/5, Sở Xây dựng tỉnh Vĩnh Long họp trực tuyến với Hội đồng quản lý nước Rijnland (Hà Lan) về quy "
        "hoạch thoát nước đô thị. Hai bên thống nhất hợp tác xây dựng bản đồ rủi ro ngập lụt cho thành phố Vĩnh Long."
    )
    events = _events(text)
    assert [(e.kind, sorted((p.id, p.kind, p.country) for p in e.parties)) for e in events] == [
        ("meeting", [("VN-49", "province", "VN"), ("org:hoi-dong-quan-ly-nuoc-rijnland", "agency", "NL")])
    ]


def test_the_leaders_of_several_foreign_regions_met_on_a_national_visit_are_meetings_of_their_own() -> None:
    text = (
        "Kết quả chuyến thăm chính thức Italia của Chủ tịch nước\n\n"
        "Chuyến thăm chính thức Italia từ ngày 12 - 16/5 của Chủ tịch nước đã thành công tốt đẹp. Chủ tịch nước đã "
        "hội đàm với Tổng thống Italia, hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư. "
        "Ngoài các cuộc gặp lãnh đạo cấp cao Italia, Chủ tịch nước còn gặp Chủ tịch của 3 vùng là Lombardia, "
        "Veneto và Toscana, đề nghị các vùng tăng cường hợp tác với các địa phương Việt Nam."
    )
    events = _events(text)
    regions = [sorted(p.id for p in e.parties if p.country == "IT" and p.kind != "country") for e in events]
    assert sorted(r for r in regions if r) == [["IT-25"], ["IT-34"], ["IT-52"]]


def test_a_body_is_known_by_its_full_name_and_acronym_and_the_outlet_is_no_body() -> None:
    text = (
        "Hà Tĩnh và Tổ chức Phát triển Doanh nghiệp Singapore ký kết hợp tác đào tạo\n\n"
        "(Baohatinh.vn) - Chiều 14/5, Phó Chủ tịch UBND tỉnh Hà Tĩnh Lê Ngọc Châu đã tiếp và làm việc với đoàn công "
        "tác Tổ chức Phát triển Doanh nghiệp Singapore (Enterprise Singapore - ESG) do ông Tan Wei Ming làm trưởng "
        "đoàn. Hai bên trao đổi về hợp tác phát triển khu công nghiệp và đào tạo nguồn nhân lực.\n"
        "Sau buổi làm việc, Sở Ngoại vụ tỉnh và ESG đã ký kết biên bản ghi nhớ hợp tác đào tạo cán bộ."
    )
    events = _events(text)
    assert sorted((e.kind, tuple(sorted(p.id for p in e.parties))) for e in events) == [
        ("meeting", ("VN-23", "org:enterprise-singapore-esg")),
        ("signing", ("VN-23", "org:enterprise-singapore-esg")),
    ]


def test_a_contractors_joint_venture_is_a_firm_and_a_target_year_dates_nothing() -> None:
    text = (
        "Khởi công gói thầu tuyến metro số 2\n\n"
        "Sáng 26-5, Ban Quản lý đường sắt đô thị TP Hồ Chí Minh và liên danh nhà thầu Hyundai E&C - Obayashi "
        "(Hàn Quốc - Nhật Bản) đã tổ chức lễ khởi công gói thầu CP2. Lãnh đạo UBND TP Hồ Chí Minh cảm ơn các đối "
        "tác và cam kết sẽ tháo gỡ khó khăn về vốn để dự án đạt tiến độ, đưa vào vận hành vào cuối năm 2030."
    )
    events = extract_facts(text)[0]
    assert [(e.kind, e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in events] == [
        ("other", "--05-26", ["VN-SG", "org:hyundai-e-c", "org:obayashi"])
    ]


def test_a_province_s_stated_bond_with_world_bodies_is_a_relation_of_the_province_its_title_names() -> None:
    text = (
        "Bình Định chuẩn bị đăng cai Diễn đàn Du lịch quốc tế\n\n"
        "Diễn đàn dự kiến diễn ra vào tháng 11 tới với sự tham dự của khoảng 300 đại biểu. Theo Giám đốc Sở Ngoại "
        "vụ tỉnh, công tác đối ngoại và hợp tác quốc tế của tỉnh thời gian qua đạt nhiều kết quả, góp phần thu hút "
        "đầu tư nước ngoài và quảng bá hình ảnh địa phương. "
        "Tỉnh có quan hệ hợp tác với nhiều tổ chức quốc tế như Quỹ Nhi đồng Liên hợp quốc (UNICEF), Ngân hàng Thế "
        "giới (WB) trong các lĩnh vực y tế, giáo dục và phát triển hạ tầng."
    )
    assert _relations(text) == [
        ("VN-31", "org:unicef", "cooperation", None),
        ("VN-31", "org:world-bank", "cooperation", None),
    ]


def test_the_nation_bound_to_a_foreign_state_is_a_relation_and_a_potential_is_not() -> None:
    background = (
        "Quan hệ Việt Nam - Australia ngày càng phát triển\n\n"
        "Australia là đối tác thương mại lớn thứ 7 của Việt Nam. Nhân chuyến thăm của Thủ hiến bang Victoria, hai bên "
        "đã ký Bản ghi nhớ về hợp tác giáo dục, tạo khuôn khổ hợp tác giữa Việt Nam và bang Victoria."
    )
    potential = background.replace(
        "hai bên đã ký Bản ghi nhớ về hợp tác giáo dục, tạo khuôn khổ hợp tác giữa Việt Nam và bang Victoria",
        "hai bên đánh giá cao tiềm năng hợp tác giữa Việt Nam với bang Victoria",
    )
    ministries = background.replace(
        "tạo khuôn khổ hợp tác giữa Việt Nam và bang Victoria",
        "là Ý định thư giữa Bộ Giáo dục và Đào tạo Việt Nam và Bộ Giáo dục bang Victoria",
    )
    assert [(a, b, kind) for a, b, kind, _ in _relations(background)] == [("VN", "AU-VIC", "cooperation")]
    assert [(a, b, kind) for a, b, kind, _ in _relations(ministries)] == [("VN", "AU-VIC", "cooperation")]
    assert _relations(potential) == []
    city_state = background.replace("giữa Việt Nam và bang Victoria", "giữa Việt Nam và Singapore")
    assert _relations(city_state) == []


def test_a_grant_running_over_a_project_s_period_is_dated_by_its_first_year() -> None:
    text = (
        "Lãnh đạo tỉnh Sơn La tiếp đoàn KOICA\n\n"
        "Sáng 14/5, Phó Chủ tịch UBND tỉnh Sơn La Đặng Ngọc Hậu tiếp đoàn công tác Cơ quan Hợp tác quốc tế Hàn Quốc "
        "(KOICA) do ông Park Jin-ho làm trưởng đoàn. Hiện nay, KOICA đang triển khai tại tỉnh Sơn La dự án “Phát "
        "triển chuỗi giá trị cà phê bền vững” giai đoạn 2021-2025 với tổng vốn viện trợ không hoàn lại 5 triệu USD."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-14"),
        ("aid", "2021"),
    ]


def test_the_leaders_of_three_localities_sign_as_the_three_the_conference_named() -> None:
    text = (
        "Hội nghị hợp tác ba tỉnh biên giới\n\n"
        "Sáng 14/5, tại thành phố Lào Cai, UBND tỉnh Lào Cai chủ trì Hội nghị hợp tác giữa tỉnh Lào Cai, tỉnh Hà "
        "Giang và tỉnh Vân Nam (Trung Quốc). Phát biểu khai mạc, Chủ tịch UBND tỉnh Lào Cai cho biết tuyến đường "
        "sắt Côn Minh - Hải Phòng có ý nghĩa quan trọng với thương mại của tỉnh và thành phố Hải Phòng.\n"
        "Cuối buổi sáng, lãnh đạo 3 địa phương đã ký Biên bản ghi nhớ về hợp tác thương mại biên giới."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [sorted(p.id for p in e.parties) for e in signings] == [["CN-YN", "VN-02", "VN-03"]]


def test_years_of_work_summed_up_are_no_event_of_the_day() -> None:
    text = (
        "Lãnh đạo tỉnh Phú Yên tiếp đoàn thành phố Gunpo\n\n"
        "Chiều 14/5, Phó Chủ tịch UBND tỉnh Phú Yên Lê Tấn Hổ tiếp đoàn công tác thành phố Gunpo (Hàn Quốc) do Phó "
        "Thị trưởng Kim Young-soo dẫn đầu. Trong 5 năm qua, hai địa phương đã phối hợp tổ chức nhiều hoạt động giao "
        "lưu văn hóa và trao tặng 300 suất học bổng cho học sinh nghèo của huyện Tuy An."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("meeting", "2024-05-14")]


def test_an_evening_s_cultural_night_by_a_department_is_an_event_of_the_province() -> None:
    text = (
        "Đại sứ Indonesia thăm và làm việc tại Bình Thuận\n\n"
        "Ngày 14/5, Phó Chủ tịch UBND tỉnh Bình Thuận Nguyễn Minh tiếp Đại sứ Indonesia tại Việt Nam Denny Abdi. "
        "Hai bên trao đổi về hợp tác du lịch và nuôi trồng thủy sản.\n"
        "Tối 14/5, tại Quảng trường Nguyễn Tất Thành, Sở Văn hóa, Thể thao và Du lịch phối hợp với Đại sứ quán "
        "Indonesia tổ chức chương trình giao lưu văn hóa nghệ thuật Việt Nam - Indonesia."
    )
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("meeting", ["ID", "VN-40"]),
        ("cultural_event", ["ID", "VN-40"]),
    ]


def test_the_embassy_named_bare_plans_with_the_province() -> None:
    text = (
        "Chủ tịch UBND tỉnh Nghệ An tiếp Đại sứ Ireland\n\n"
        "Chiều 14/5, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung tiếp Đại sứ Ireland tại Việt Nam Deirdre Ní "
        "Fhallúin. Hai bên trao đổi về hợp tác giáo dục và nông nghiệp.\n"
        "Nhân dịp này, bà Deirdre Ní Fhallúin đã trao khoản tài trợ 20.000 USD từ Quỹ Hỗ trợ cộng đồng của Đại sứ "
        "quán cho dự án nhà lớp học tại xã Châu Tiến, huyện Quỳ Châu.\n"
        "Đại sứ quán sẽ phối hợp với UBND tỉnh tổ chức hội thảo về chế biến sữa tại Nghệ An vào tháng 9/2024."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None, e.status) for e in events] == [
        ("meeting", "2024-05-14", "past"),
        ("aid", "2024-05-14", "past"),
        ("conference", "2024-09", "planned"),
    ]
    assert all("IE" in {p.id for p in e.parties} for e in events)


def test_the_title_s_gift_retold_later_that_morning_is_one_event() -> None:
    text = (
        "JICA trao tặng thiết bị y tế cho tỉnh Kon Tum\n\n"
        "Sáng 14/5, Phó Chủ tịch UBND tỉnh Kon Tum Y Ngọc tiếp đoàn công tác Cơ quan Hợp tác quốc tế Nhật Bản "
        "(JICA) do ông Tanaka Hiroshi dẫn đầu. Hai bên trao đổi về các dự án y tế và giáo dục.\n"
        "Cũng trong sáng 14/5, tại Bệnh viện Đa khoa tỉnh, JICA đã trao tặng thiết bị y tế trị giá 3 tỷ đồng cho "
        "tỉnh Kon Tum."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("aid", "2024-05-14"),
        ("meeting", "2024-05-14"),
    ]


def test_a_border_commune_meets_a_chinese_town_by_their_own_governments() -> None:
    text = (
        "Xã Phong Niên hội đàm với trấn Bá Sái (Trung Quốc)\n\n"
        "Ngày 16/5, UBND xã Phong Niên, huyện Bảo Thắng tổ chức hội đàm với chính quyền trấn Bá Sái (Trung Quốc). "
        "Hai bên thống nhất phối hợp quản lý biên giới và tổ chức giao lưu văn hóa giữa nhân dân hai bên biên giới."
    )
    events = _events(text)
    # The district named as the commune's address goes with it, as a province goes with its district.
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in events] == [
        ("meeting", ["CN:ba-sai", "VN-02:bao-thang", "VN-02:bao-thang:phong-nien"])
    ]


def test_agreements_handed_over_listed_one_per_line_are_signings_of_the_event() -> None:
    text = (
        "Thanh Hóa xúc tiến đầu tư tại Hàn Quốc\n\n"
        "Ngày 15/5, tại thành phố Seoul, UBND tỉnh Thanh Hóa tổ chức Hội nghị xúc tiến đầu tư với sự tham dự của "
        "đại diện Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc (KOTRA).\n"
        "Tại hội nghị, đã diễn ra lễ trao 2 văn bản hợp tác, gồm:\n"
        "- Ý định thư hợp tác giữa UBND tỉnh Thanh Hóa và Chính quyền tỉnh Gyeongsangbuk về nông nghiệp;\n"
        "- Biên bản ghi nhớ giữa UBND tỉnh Thanh Hóa và KOTRA về xúc tiến đầu tư."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, sorted(p.id for p in e.parties)) for e in signings] == [
        ("2024-05-15", ["KR-47", "VN-21"]),
        ("2024-05-15", ["VN-21", "org:kotra"]),
    ]


def test_a_vietnamese_school_named_after_a_foreign_founder_is_the_school_not_the_nation() -> None:
    text = (
        "Đại học Fulbright Việt Nam nhận tài trợ từ USAID\n\n"
        "Chiều 14/5, tại TP Hồ Chí Minh, Đại học Fulbright Việt Nam đã nhận khoản tài trợ 10 triệu USD từ Cơ quan "
        "Phát triển Quốc tế Hoa Kỳ (USAID) để mở rộng chương trình học bổng. ĐH Fulbright Việt Nam sẽ dùng khoản "
        "tài trợ để xây dựng ký túc xá."
    )
    events = _events(text)
    assert [(e.kind, sorted((p.id, p.country) for p in e.parties)) for e in events] == [
        ("aid", [("org:dai-hoc-fulbright-viet-nam", "VN"), ("org:usaid", "US")])
    ]


def test_multinationals_named_alone_in_a_list_of_those_attending_are_no_sides() -> None:
    text = (
        "Bắc Ninh xúc tiến đầu tư tại Nhật Bản\n\n"
        "Sáng 14/5, tại Tokyo, UBND tỉnh Bắc Ninh phối hợp với Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) tổ chức "
        "Hội nghị xúc tiến đầu tư với sự tham dự của đại diện các tập đoàn như Canon, Panasonic, Toshiba, Fujitsu."
    )
    events = _events(text)
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in events] == [("conference", ["VN-56", "org:jetro"])]


def test_a_foreign_state_s_loan_for_a_province_s_road_is_aid() -> None:
    text = (
        "Hơn 500 tỷ đồng nâng cấp đường nối khu công nghiệp ở Quảng Ngãi\n\n"
        "Theo Ban quản lý các dự án đầu tư xây dựng tỉnh Quảng Ngãi, công trình nâng cấp tuyến đường nối khu công "
        "nghiệp Tịnh Phong với quốc lộ 1 có tổng mức đầu tư 512 tỷ đồng. Trong đó vốn ODA vay Hàn Quốc là 430 tỷ "
        "đồng, UBND tỉnh Quảng Ngãi bố trí vốn đối ứng 82 tỷ đồng. Công trình dự kiến hoàn thành trong năm 2025."
    )
    assert [(kind, set(roles)) for kind, _, roles in _summary(_events(text))] == [("aid", {"VN-29", "KR"})]


def test_a_province_that_wants_to_borrow_from_a_neighbour_plans_aid() -> None:
    text = (
        "Lạng Sơn muốn vay Trung Quốc 200 triệu USD làm đường kết nối cửa khẩu\n\n"
        "UBND tỉnh Lạng Sơn vừa có văn bản gửi Văn phòng Chính phủ đề xuất phương án huy động vốn cho tuyến đường "
        "nối cửa khẩu Hữu Nghị với thành phố Lạng Sơn, với tổng vốn đầu tư khoảng 4.800 tỷ đồng."
    )
    events = _events(text)
    assert [(e.kind, e.status, {p.id for p in e.parties}) for e in events] == [("aid", "planned", {"VN-09", "CN"})]


def test_a_city_studying_a_project_on_a_foreign_state_s_grant_plans_aid() -> None:
    text = (
        "Cần Thơ chuẩn bị dự án chống ngập khu trung tâm\n\n"
        "Sở Xây dựng cho biết các tuyến cống chính khu trung tâm đã xuống cấp sau hơn 20 năm sử dụng. "
        "Cùng với dự án trên, TP Cần Thơ cũng đang nghiên cứu triển khai dự án trạm bơm chống ngập trên sông Cần Thơ "
        "sử dụng vốn viện trợ không hoàn lại của Chính phủ Đức."
    )
    events = _events(text)
    assert [(e.kind, e.status, {p.id for p in e.parties}) for e in events] == [("aid", "planned", {"VN-CT", "DE"})]


def test_a_border_guard_working_with_a_foreign_force_is_the_story_s_operation() -> None:
    text = (
        "Bắt giữ 2 đối tượng vận chuyển 30 bánh heroin qua biên giới\n\n"
        "Lực lượng chức năng tỉnh Điện Biên vừa bắt giữ 2 đối tượng vận chuyển trái phép 30 bánh heroin ở khu vực "
        "biên giới huyện Mường Nhé.\n"
        "Các đối tượng khai nhận số ma túy được mua từ bên kia biên giới để đưa về Hà Nội tiêu thụ. Vụ án đang được "
        "điều tra mở rộng.\n"
        "Bộ đội Biên phòng tỉnh Điện Biên đã phối hợp với Công an tỉnh Phongsaly (Lào) xác minh, làm rõ đường dây "
        "mua bán ma túy xuyên biên giới này."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("other", {"VN-71", "LA-PH"})]


def test_a_province_told_to_keep_working_with_ministries_on_a_foreign_firm_has_no_event() -> None:
    text = (
        "Quảng Ngãi: người dân vùng biển ổn định cuộc sống sau sự cố môi trường\n\n"
        "Một năm sau sự cố môi trường, ngư dân các xã ven biển huyện Bình Sơn đã ra khơi bám biển trở lại.\n"
        "Nhiều tàu cá được đóng mới, các chợ hải sản đã nhộn nhịp như trước.\n"
        "Theo ông Nguyễn Văn Hùng, Giám đốc Sở Tài nguyên và Môi trường, UBND tỉnh Quảng Ngãi cần tiếp tục phối hợp "
        "với các bộ, ngành kiểm soát chặt chẽ hoạt động của Công ty Doosan (Hàn Quốc), sớm hoàn thành việc hỗ trợ ngư "
        "dân."
    )
    assert _events(text) == []


def test_a_certificate_for_this_project_goes_to_its_investor_registered_abroad() -> None:
    text = (
        "Thêm dự án điện khí 1,5 tỷ USD ở Quảng Trị\n\n"
        "Đó là dự án Nhà máy điện khí Hải Lăng do Công ty TNHH Năng lượng Xanh Miền Trung – (Singapore) làm chủ "
        "đầu tư.\n"
        "Chiều 2/5, UBND tỉnh Quảng Trị đã tổ chức trao Giấy chứng nhận đăng ký đầu tư cho dự án này. Dự án có tổng "
        "công suất 1.500MW, xây dựng tại xã Hải An, huyện Hải Lăng."
    )
    events = _events(text)
    assert [(e.kind, e.date.value if e.date else None) for e in events] == [("signing", "2024-05-02")]
    assert [(p.id, p.country) for p in events[0].parties] == [("VN-25", "VN"), ("org:nang-luong-xanh-mien-trung", "SG")]


def test_a_firm_among_the_projects_a_province_licenses_takes_part() -> None:
    text = (
        "Bình Dương trao chứng nhận đầu tư cho 12 dự án đầu năm\n\n"
        "Ngày 8/2, UBND tỉnh Bình Dương tổ chức gặp mặt doanh nghiệp đầu xuân. Tại buổi gặp mặt, UBND tỉnh trao giấy "
        "chứng nhận đầu tư cho 12 dự án với tổng vốn đăng ký 420 triệu USD. "
        "Trong đó, Tập đoàn Kumho Tire (Hàn Quốc) đầu tư mở rộng nhà máy sản xuất lốp xe với vốn tăng thêm 120 triệu "
        "USD."
    )
    assert {(p.id, p.country) for e in _events(text) for p in e.parties} == {("VN-57", "VN"), ("org:kumho-tire", "KR")}


def test_the_forum_that_sets_the_scene_is_no_side_of_the_meeting() -> None:
    text = (
        "Lãnh đạo TP Hồ Chí Minh gặp Thống đốc bang Victoria tại Davos\n\n"
        "Trong khuôn khổ dự Hội nghị thường niên Diễn đàn Kinh tế Thế giới (WEF) tại Davos, Thụy Sĩ, ngày 18/1, "
        "Chủ tịch UBND TP Hồ Chí Minh Phan Văn Mãi đã gặp Thống đốc bang Victoria (Australia) Jacinta Allan. "
        "Hai bên trao đổi về hợp tác giáo dục, đào tạo và chuyển đổi số."
    )
    assert [(kind, day, set(roles)) for kind, day, roles in _summary(_events(text))] == [
        ("meeting", "2024-01-18", {"VN-SG", "AU-VIC"})
    ]


def test_a_border_conference_with_its_gift_and_its_next_session() -> None:
    text = (
        "Cà Mau và tỉnh Kampot ký kết hợp tác giai đoạn 2025 - 2030\n\n"
        "Sáng 9/9, tại phường Bạc Liêu, UBND tỉnh Cà Mau tổ chức Hội nghị hợp tác giữa tỉnh Cà Mau và tỉnh Kampot "
        "(Vương quốc Campuchia). Đây là hội nghị đầu tiên kể từ khi tỉnh Cà Mau mới, được hợp nhất từ tỉnh Bạc Liêu "
        "và tỉnh Cà Mau, chính thức hoạt động từ ngày 1/7/2025.\n"
        "Tại hội nghị, lãnh đạo hai tỉnh đã ký kết biên bản ghi nhớ hợp tác trên các lĩnh vực thương mại, nông "
        "nghiệp, giáo dục và y tế.\n"
        "Dịp này, tỉnh Cà Mau trao tặng tỉnh bạn 500 triệu đồng để hỗ trợ xây dựng trường học.\n"
        "Hai bên thống nhất hội nghị lần sau sẽ được tổ chức tại tỉnh Kampot vào năm 2026."
    )
    events = extract_facts(text, DateValue(value="2025-09-10", precision="day"))[0]
    assert sorted((e.kind, e.status, e.date.value if e.date else "") for e in events) == [
        ("aid", "past", "2025-09-09"),
        ("conference", "past", "2025-09-09"),
        ("conference", "planned", "2026"),
        ("signing", "past", "2025-09-09"),
    ]
    assert all({p.id for p in e.parties} == {"VN-59", "KH-7"} for e in events)


def test_a_field_survey_the_same_afternoon_is_an_event() -> None:
    text = (
        "Sóc Trăng và GIZ ký kết dự án thích ứng biến đổi khí hậu\n\n"
        "Sáng 14/5, UBND tỉnh Sóc Trăng và Tổ chức Hợp tác quốc tế Đức (GIZ) đã ký kết biên bản ghi nhớ về dự án "
        "bảo vệ rừng ngập mặn ven biển.\n"
        "Chiều cùng ngày, đoàn công tác của GIZ cùng lãnh đạo Sở Nông nghiệp và Phát triển nông thôn tỉnh Sóc Trăng "
        "đã khảo sát thực địa tại xã Trung Bình, huyện Trần Đề."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("signing", "2024-05-14"),
        ("other", "2024-05-14"),
    ]


def test_a_signing_by_both_sides_is_not_the_venue_s_and_a_plan_after_it_is_another_event() -> None:
    text = (
        "Lai Châu tăng cường hợp tác với Châu Hồng Hà (Trung Quốc)\n\n"
        "Ngày 5/9, tại thành phố Mông Tự, đoàn công tác tỉnh Lai Châu do Phó Chủ tịch UBND tỉnh Hà Quang Trung làm "
        "trưởng đoàn đã làm việc với Chính quyền Nhân dân Châu tự trị dân tộc Cáp Nhì, dân tộc Di Hồng Hà.\n"
        "Kết thúc buổi làm việc, hai bên ký Biên bản hội đàm, thống nhất mở lại lối mở biên giới và xây dựng kế "
        "hoạch tổ chức hội chợ thương mại biên giới."
    )
    assert [(e.kind, e.status, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("meeting", "past", "2023-09-05", {"VN-01", "CN-YN:honghe"}),
        ("signing", "past", "2023-09-05", {"VN-01", "CN-YN:honghe"}),
    ]


def test_a_ward_named_after_a_former_town_is_where_the_forum_is_held() -> None:
    text = (
        "Diễn đàn kết nối doanh nghiệp TPHCM - Queensland\n\n"
        "Sáng 16/9, tại phường Thủ Dầu Một, Sở Công Thương TPHCM phối hợp với Cơ quan Thương mại và Đầu tư bang "
        "Queensland (Trade and Investment Queensland) tổ chức Diễn đàn kết nối doanh nghiệp TPHCM - Queensland, thu "
        "hút hơn 100 doanh nghiệp hai bên tham gia."
    )
    events = extract_facts(text, DateValue(value="2025-09-17", precision="day"))[0]
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [
        ("conference", {"VN-SG", "org:trade-and-investment-queensland"})
    ]


def test_the_delegation_s_next_stop_on_the_day_of_publication_is_planned() -> None:
    text = (
        "Đoàn công tác tỉnh Bình Định làm việc tại tỉnh Chiang Mai (Thái Lan)\n\n"
        "Ngày 20/5, tại thành phố Chiang Mai, đoàn công tác tỉnh Bình Định do Phó Chủ tịch UBND tỉnh Nguyễn Tự Công "
        "Hoàng làm trưởng đoàn đã làm việc với Tỉnh trưởng tỉnh Chiang Mai. Hai bên trao đổi về hợp tác du lịch và "
        "nông nghiệp.\n"
        "Theo chương trình, ngày 21/5, đoàn sẽ đến tỉnh Chiang Rai làm việc với lãnh đạo tỉnh về hợp tác thương mại "
        "biên giới."
    )
    assert _summary(_events(text)) == [
        ("meeting", "2024-05-20", {"VN-31": "guest", "TH-50": "host"}),
        ("meeting", "2024-05-21", {"TH-57": "host", "VN-31": "guest"}),
    ]
    assert [e.status for e in _events(text)] == ["past", "planned"]


def test_a_signing_planned_for_a_quarter_is_dated_by_its_year() -> None:
    text = (
        "Phú Thọ tiếp đoàn đại biểu tỉnh Gunma\n\n"
        "Chiều 12/11, Chủ tịch UBND tỉnh Phú Thọ Bùi Văn Quang đã tiếp đoàn đại biểu tỉnh Gunma (Nhật Bản) do Phó "
        "Thống đốc Uno Koichi dẫn đầu.\n"
        "Hai bên thống nhất giao các sở, ngành xây dựng dự thảo thỏa thuận hợp tác giai đoạn 2024 - 2028, dự kiến ký "
        "kết trong chuyến thăm tỉnh Gunma của lãnh đạo tỉnh Phú Thọ vào quý II/2024."
    )
    events = extract_facts(text, DateValue(value="2023-11-13", precision="day"))[0]
    assert [(e.kind, e.status, e.date.value if e.date else None, {p.id for p in e.parties}) for e in events] == [
        ("meeting", "past", "2023-11-12", {"VN-68", "JP-10"}),
        ("signing", "planned", "2024", {"VN-68", "JP-10"}),
    ]


def test_two_firms_named_after_their_provinces_make_no_bond_of_the_provinces() -> None:
    text = (
        "Cảng Hải Phòng hợp tác với hãng tàu Quảng Tây\n\n"
        "Ngày 15/5, tại TP Hải Phòng, Công ty CP Cảng Hải Phòng và Công ty TNHH Vận tải biển Bắc Hải Quảng Tây "
        "(Trung Quốc) đã ký kết thỏa thuận hợp tác khai thác tuyến container Hải Phòng – Khâm Châu."
    )
    assert _events(text) == []
    assert _relations(text) == []


def test_a_title_that_two_places_promote_cooperation_states_no_bond() -> None:
    text = (
        "Cần Thơ và bang Oregon thúc đẩy hợp tác giáo dục\n\n"
        "Sáng 9/5, Phó Chủ tịch UBND TP Cần Thơ Nguyễn Thực Hiện tiếp đoàn doanh nghiệp giáo dục bang Oregon (Hoa "
        "Kỳ). Các doanh nghiệp mong muốn tìm hiểu cơ hội mở chương trình liên kết đào tạo tại thành phố."
    )
    assert _relations(text) == []


def test_a_known_firm_named_with_its_corporate_suffix_is_the_same_firm() -> None:
    text = (
        "Đồng Nai và Tập đoàn Hyosung ký kết ghi nhớ đầu tư\n\n"
        "Ngày 9/5, lãnh đạo UBND tỉnh Đồng Nai và Tập đoàn Hyosung Corporation (Hàn Quốc) đã ký kết biên bản ghi "
        "nhớ về cam kết đầu tư nhà máy sợi với tổng vốn 500 triệu USD. Theo đó, Hyosung sẽ khởi công dự án trong năm "
        "2025."
    )
    assert [(e.kind, [p.id for p in e.parties]) for e in _events(text)] == [("signing", ["VN-39", "org:hyosung"])]


def test_talks_named_in_the_title_are_no_society_of_the_foreign_town() -> None:
    text = (
        "Hội đàm trực tuyến giữa tỉnh Lào Cai và châu Hồng Hà, tỉnh Vân Nam (Trung Quốc)\n\n"
        "Chiều 16/3, đồng chí Trịnh Xuân Trường, Chủ tịch UBND tỉnh Lào Cai đã chủ trì hội đàm trực tuyến với phía "
        "bạn. Hai bên trao đổi về thông quan hàng hóa tại các cửa khẩu."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("meeting", {"VN-02", "CN-YN:honghe"})]


def test_a_witnessed_signing_after_the_afternoon_s_session_is_on_that_day() -> None:
    text = (
        "Chủ tịch UBND tỉnh Quảng Nam tiếp đoàn đại biểu thành phố Yeongcheon\n\n"
        "Sáng 15/5, Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh đã tiếp đoàn đại biểu thành phố Yeongcheon (Hàn Quốc) "
        "do Thị trưởng Choi Ki-moon dẫn đầu.\n"
        "Chiều cùng ngày, đoàn làm việc với UBND thành phố Tam Kỳ do ông Nguyễn Minh Nam, Chủ tịch UBND thành phố "
        "chủ trì. Dưới sự chứng kiến của lãnh đạo tỉnh, ông Nguyễn Minh Nam và ông Choi Ki-moon đã ký kết chương "
        "trình hợp tác giai đoạn 2024 - 2026."
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [(e.date.value if e.date else None, "KR:yeongcheon" in {p.id for p in e.parties}) for e in signings] == [
        ("2024-05-15", True)
    ]


def test_agreements_numbered_in_a_press_release_are_each_signed() -> None:
    text = (
        "Thông cáo báo chí Hội nghị xúc tiến đầu tư tỉnh Thái Bình năm 2024\n\n"
        "Ngày 12/4/2024, UBND tỉnh Thái Bình tổ chức Hội nghị xúc tiến đầu tư với sự tham dự của đại diện tỉnh "
        "Fukui (Nhật Bản) và thành phố Gimhae (Hàn Quốc).\n\n"
        "Các văn kiện được ký kết tại Hội nghị:\n\n"
        "1. Thỏa thuận hợp tác hữu nghị giữa tỉnh Thái Bình và tỉnh Fukui (Nhật Bản). Hai bên sẽ hợp tác trong các "
        "lĩnh vực nông nghiệp và đào tạo nguồn nhân lực.\n\n"
        "2. Biên bản ghi nhớ hợp tác giữa UBND tỉnh Thái Bình và thành phố Gimhae (Hàn Quốc) về giao lưu văn hóa.\n"
    )
    signings = [e for e in _events(text) if e.kind == "signing"]
    assert [({p.id for p in e.parties}, e.people) for e in signings] == [
        ({"VN-20", "JP-18"}, []),
        ({"VN-20", "KR-48:gimhae"}, []),
    ]


def test_a_regional_body_named_with_its_acronym_is_a_side_of_its_own() -> None:
    text = (
        "Đoàn công tác tỉnh Bạc Liêu làm việc tại Philippines\n\n"
        "Ngày 17/10, đoàn công tác tỉnh Bạc Liêu do Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã đến thăm và làm việc "
        "tại Vụ Nuôi trồng thủy sản thuộc Trung tâm Phát triển nghề cá Đông Nam Á (SEAFDEC/AQD) ở thị trấn Tigbauan. "
        "Hai bên trao đổi về hợp tác sản xuất giống tôm."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("meeting", {"VN-55", "org:seafdec"})]


def test_israel_s_development_agency_is_a_foreign_public_agency() -> None:
    text = (
        "Ninh Thuận và MASHAV tổ chức hội thảo về tưới tiết kiệm nước\n\n"
        "Sáng 6/5, tại TP Phan Rang - Tháp Chàm, UBND tỉnh Ninh Thuận phối hợp với MASHAV tổ chức hội thảo chia sẻ "
        "kinh nghiệm tưới nhỏ giọt cho cây nho và táo."
    )
    events = _events(text)
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [("conference", {"VN-36", "org:mashav"})]
    assert [p.country for p in events[0].parties if p.id == "org:mashav"] == ["IL"]


def test_the_provinces_merged_into_a_new_one_are_its_past_not_sides() -> None:
    text = (
        "Chủ tịch UBND tỉnh Hưng Yên tiếp đoàn đại biểu tỉnh Chiba\n\n"
        "Sáng 18/9, tại trụ sở UBND tỉnh, ông Nguyễn Văn Phong, Chủ tịch UBND tỉnh Hưng Yên đã tiếp đoàn đại biểu "
        "tỉnh Chiba (Nhật Bản). Tại buổi tiếp, Chủ tịch UBND tỉnh giới thiệu với đoàn những nét cơ bản về tỉnh Hưng "
        "Yên sau khi hợp nhất hai tỉnh Thái Bình, Hưng Yên từ ngày 1/7/2025. Hai bên trao đổi về hợp tác nông nghiệp "
        "công nghệ cao."
    )
    events = extract_facts(text, DateValue(value="2025-09-19", precision="day"))[0]
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in events] == [
        ("meeting", "2025-09-18", {"VN-66", "JP-12"})
    ]


def test_a_name_two_countries_share_is_vietnam_s_after_its_province_was_merged() -> None:
    text = (
        "Ninh Bình tiếp Đại sứ Mông Cổ\n\n"
        "Chiều 18/9, Phó Chủ tịch UBND tỉnh Ninh Bình tiếp Đại sứ Mông Cổ tại Việt Nam. Tỉnh Ninh Bình mới gồm các "
        "tỉnh Hà Nam, Nam Định và Ninh Bình cũ, có nhiều tiềm năng hợp tác với Mông Cổ về nông nghiệp và du lịch."
    )
    from hoptac.extract import context

    ctx = context.build(text, text.find("\n\n"), DateValue(value="2025-09-19", precision="day"))
    assert [p.entity.id for p in ctx.places if p.mention.text.endswith("Hà Nam")] == ["VN-63"]


def test_deals_signed_by_firms_at_a_province_s_conference_are_not_the_province_s() -> None:
    text = (
        "Bắc Giang xúc tiến thương mại vải thiều tại tỉnh Quảng Tây\n\n"
        "Ngày 10/6, tại thành phố Nam Ninh, UBND tỉnh Bắc Giang phối hợp với Sở Thương mại khu tự trị Quảng Tây (Trung "
        "Quốc) tổ chức Hội nghị xúc tiến tiêu thụ vải thiều.\n"
        "Trong khuôn khổ hội nghị, các doanh nghiệp của Bắc Giang và Quảng Tây đã ký kết 12 biên bản ghi nhớ mua bán "
        "vải thiều với tổng giá trị 30 triệu USD."
    )
    assert [e.kind for e in _events(text)] == ["conference"]


def test_a_trip_summary_after_a_title_of_its_own_is_no_event_beside_the_stops() -> None:
    text = (
        "Bình Thuận và Chiang Mai ký kết hợp tác du lịch\n\n"
        "Trong chuyến công tác tại Thái Lan từ ngày 11 đến 14/4, đoàn công tác tỉnh Bình Thuận do Phó Chủ tịch UBND "
        "tỉnh làm trưởng đoàn đã làm việc với tỉnh Chiang Mai và tỉnh Chiang Rai.\n"
        "Ngày 12/4, Tỉnh trưởng tỉnh Chiang Mai tiếp đoàn. Ngay sau buổi làm việc, hai bên đã ký biên bản ghi nhớ hợp "
        "tác du lịch.\n"
        "Ngày 13/4, đoàn làm việc với Tỉnh trưởng tỉnh Chiang Rai về hợp tác thương mại."
    )
    meetings = [e for e in _events(text) if e.kind == "meeting"]
    assert [(e.date.value if e.date else None, {p.id for p in e.parties}) for e in meetings] == [
        ("2024-04-12", {"VN-40", "TH-50"}),
        ("2024-04-13", {"VN-40", "TH-57"}),
    ]


def test_a_project_s_funding_told_after_the_meeting_is_aid_not_those_attending() -> None:
    text = (
        "Bến Tre làm việc với AFD về dự án cấp nước\n\n"
        "Chiều 15/9, ông Nguyễn Minh Cảnh, Phó Chủ tịch UBND tỉnh Bến Tre làm việc với Cơ quan Phát triển Pháp (AFD) "
        "về tiến độ Dự án cấp nước sạch vùng ven biển.\n"
        "Dự án có tổng vốn đầu tư hơn 600 tỷ đồng, trong đó vốn vay ưu đãi của AFD là 20 triệu euro, phần còn lại là "
        "vốn đối ứng của tỉnh."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [
        ("meeting", {"VN-50", "org:afd"}),
        ("aid", {"VN-50", "org:afd"}),
    ]


def test_the_funding_of_the_article_s_project_goes_to_the_province_that_acts() -> None:
    text = (
        "Thanh tra dự án đường sắt đô thị của Hà Nội\n\n"
        "Ngày 8/5, Thanh tra Chính phủ công bố quyết định thanh tra tại UBND thành phố Hà Nội về dự án tuyến đường sắt "
        "đô thị số 3. Phó Chủ tịch UBND thành phố Nguyễn Doãn Toản dự buổi công bố.\n"
        "Thời gian thanh tra là 40 ngày làm việc kể từ ngày công bố quyết định. Đoàn thanh tra sẽ làm rõ các nội "
        "dung tố cáo liên quan đến việc lựa chọn nhà thầu và giải phóng mặt bằng.\n"
        "Tuyến đường sắt dài 12,5 km, đi qua các quận Nam Từ Liêm, Cầu Giấy, Ba Đình và Hoàn Kiếm.\n"
        "Dự án có tổng mức đầu tư khoảng 1,2 tỷ euro, trong đó vốn vay ODA của Ngân hàng Phát triển châu Á (ADB) và "
        "Cơ quan Phát triển Pháp (AFD) là 900 triệu euro."
    )
    aid = [e for e in _events(text) if e.kind == "aid"]
    assert [{p.id: p.role for p in e.parties} for e in aid] == [
        {"org:adb": "funder", "org:afd": "funder", "VN-HN": "recipient"}
    ]


def test_a_lender_s_funds_for_the_project_of_the_city_s_board_go_to_the_city() -> None:
    text = (
        "Tuyến metro số 2 có nguy cơ chậm tiến độ\n\n"
        "Ngày 14/5, ông Trần Văn Bình, Giám đốc Ban Quản lý dự án đường sắt đô thị TP Cần Thơ cho biết tuyến "
        "metro số 2 đang thiếu vốn đối ứng.\n"
        "Theo ông Bình, năm nay dự án cần 900 tỷ đồng nhưng mới được bố trí 300 tỷ đồng. "
        "Ngân hàng Tái thiết Đức (KfW) cho biết đã giải ngân vốn ODA cho dự án đúng cam kết, còn việc bố trí vốn "
        "đối ứng là việc của phía Việt Nam."
    )
    assert [(e.kind, {p.id: p.role for p in e.parties}) for e in _events(text)] == [
        ("aid", {"org:kfw": "funder", "VN-CT": "recipient"})
    ]
    # The lender told with no funds for the project: no event.
    assert _events(text.replace("đã giải ngân vốn ODA cho dự án", "đã theo dõi dự án")) == []


def test_a_province_s_border_committee_works_with_the_neighbour_s_team() -> None:
    text = (
        "Tin vắn pháp luật\n\n"
        "Bộ Tư pháp vừa ban hành kế hoạch theo dõi tình hình thi hành pháp luật năm 2024.\n"
        "Xây dựng cột mốc biên giới đoạn qua Kon Tum Ban Chỉ đạo phân giới cắm mốc tỉnh Kon Tum vừa phối hợp "
        "Đội Phân giới cắm mốc số 2 của nước Cộng hòa Dân chủ Nhân dân Lào khởi công xây dựng cột mốc phụ tại xã "
        "Đăk Nhoong, huyện Đăk Glei, đoạn tiếp giáp tỉnh Sê Kông."
    )
    events = _events(text)
    assert [(e.kind, "VN-28" in {p.id for p in e.parties}) for e in events] == [("other", True)]
    assert {p.country for p in events[0].parties} == {"VN", "LA"}


def test_a_ceremony_against_crime_with_a_consul_is_not_a_crime_story() -> None:
    text = (
        "Ra mắt tổ kiểm soát ma túy tại cảng Cát Lái\n\n"
        "Ngày 12/4, tại TP Hồ Chí Minh, Cục Hải quan TP Hồ Chí Minh tổ chức lễ ra mắt Tổ kiểm soát ma túy tại cảng "
        "Cát Lái, với sự tham dự của bà Susan Burns, Tổng lãnh sự Hoa Kỳ tại TP Hồ Chí Minh và ông Võ Văn Hoan, "
        "Phó Chủ tịch UBND TP Hồ Chí Minh.\n"
        "Theo Cục Hải quan, tội phạm ma túy qua đường biển ngày càng tinh vi. Năm qua, lực lượng hải quan đã bắt "
        "giữ 12 vụ vận chuyển trái phép ma túy, thu giữ hơn 300 kg ma túy tổng hợp và 20 kg heroin."
    )
    assert off_topic(text) == "crime"
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("other", {"VN-SG", "US"})]


def test_a_province_that_awaits_a_project_receives_no_one() -> None:
    text = (
        "Quảng Ngãi sắp đón dự án tỷ USD\n\n"
        "Doosan Corporation (Hàn Quốc) dự kiến đầu tư dự án 1 tỷ USD tại Quảng Ngãi. Sáng 6/3, Doosan đã ký kết "
        "biên bản ghi nhớ với UBND tỉnh Quảng Ngãi về việc triển khai dự án này.\n"
        "Sáng 6/3, tại buổi gặp mặt các nhà đầu tư và doanh nghiệp Xuân Quý Mão, UBND tỉnh Quảng Ngãi đã cùng với "
        "Doosan Corporation ký kết bản ghi nhớ về việc cam kết đầu tư vào dự án."
    )
    assert [(e.kind, sorted(p.id for p in e.parties)) for e in _events(text)] == [
        ("signing", ["VN-29", "org:doosan"]),
        ("meeting", ["VN-29", "org:doosan"]),
    ]


def test_a_consulate_named_bare_is_the_one_named_before_when_the_article_names_two_countries() -> None:
    text = (
        "Chủ tịch UBND tỉnh Đồng Tháp tiếp Tổng Lãnh sự Canada tại TP. Hồ Chí Minh\n\n"
        "Chiều 14/5, ông Phạm Thiện Nghĩa, Chủ tịch UBND tỉnh Đồng Tháp đã tiếp ông Tom Lee, Tổng Lãnh sự Canada tại "
        "TP. Hồ Chí Minh.\n"
        "Ông Nghĩa cho biết tỉnh có đường biên giới với Vương quốc Campuchia dài hơn 50 km.\n"
        "Dịp này, ông cho biết, Tổng Lãnh sự quán sẽ phối hợp với UBND tỉnh tổ chức hội thảo về nông nghiệp "
        "thông minh tại TP Cao Lãnh vào tháng 9/2024."
    )
    assert [(e.kind, e.status, {p.id for p in e.parties}) for e in _events(text)] == [
        ("meeting", "past", {"VN-45", "CA"}),
        ("conference", "planned", {"VN-45", "CA"}),
    ]


def test_talks_about_organising_a_conference_plan_the_conference() -> None:
    text = (
        "Lãnh đạo tỉnh Bắc Ninh tiếp Tổng Lãnh sự Nhật Bản\n\n"
        "Chiều 14/5, Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang đã tiếp ông Ono Masuo, Tổng Lãnh sự Nhật Bản "
        "tại Hà Nội.\n"
        "Dịp này, hai bên trao đổi về kế hoạch tổ chức Hội nghị xúc tiến đầu tư tỉnh Bắc Ninh tại Osaka dự kiến diễn "
        "ra vào tháng 10/2024."
    )
    events = _events(text)
    assert [(e.kind, e.status) for e in events] == [("meeting", "past"), ("conference", "planned")]
    # Osaka is where it is to be held; the sides are the two that talk.
    assert {p.id for p in events[1].parties} == {"VN-56", "JP"}


def test_a_lender_that_will_send_a_mission_plans_a_visit() -> None:
    text = (
        "Sóc Trăng làm việc với Ngân hàng Thế giới\n\n"
        "Sáng 14/5, UBND tỉnh Sóc Trăng làm việc trực tuyến với Ngân hàng Thế giới (WB) về dự án chống chịu biến "
        "đổi khí hậu.\n"
        "Ông Andrew Jeffries, trưởng đoàn WB cho biết, WB sẽ cử đoàn chuyên gia đến Sóc Trăng để kiểm tra hiện "
        "trường vào tháng 7/2024."
    )
    assert [(e.kind, e.status, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "past", "2024-05-14"),
        ("meeting", "planned", "2024-07"),
    ]


def test_a_ministry_s_delegation_meets_each_foreign_locality_it_lists() -> None:
    text = (
        "Tăng cường hợp tác phòng chống tội phạm với Nhật Bản\n\n"
        "Theo phóng viên TTXVN tại Tokyo, từ ngày 8 - 12/5, đoàn đại biểu cấp cao Bộ Công an do Thượng tướng, Thứ "
        "trưởng Lê Quốc Hùng dẫn đầu có chuyến thăm và làm việc tại Nhật Bản.\n"
        "Đoàn đã có các buổi làm việc với Cơ quan Cảnh sát quốc gia Nhật Bản, Cảnh sát Kyoto, Cảnh sát tỉnh Aichi và "
        "Đại sứ quán Việt Nam tại Nhật Bản. Hai bên nhất trí tăng cường trao đổi thông tin."
    )
    events = _events(text)
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [
        ("meeting", {"VN", "JP:kyoto"}),
        ("meeting", {"VN", "JP-23"}),
    ]
    assert [[p.name for p in e.people] for e in events] == [["Lê Quốc Hùng"], ["Lê Quốc Hùng"]]


def test_a_visit_told_at_its_end_is_dated_by_its_first_day() -> None:
    text = (
        "Chủ tịch Quốc hội Campuchia kết thúc chuyến thăm tỉnh Tây Ninh\n\n"
        "Chiều 16/5, Đoàn đại biểu Quốc hội Vương quốc Campuchia do Chủ tịch Quốc hội Samdech Khuon Sudary dẫn đầu "
        "đã rời Tây Ninh, kết thúc chuyến thăm và làm việc tại tỉnh Tây Ninh từ ngày 14 - 16/5/2024.\n"
        "Trong chuyến thăm, Đoàn đã làm việc với lãnh đạo tỉnh Tây Ninh."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [("meeting", "2024-05-14")]


def test_a_firm_named_by_its_trade_and_country_is_that_country_s() -> None:
    text = (
        "Khánh Hòa làm việc với tập đoàn đóng tàu Hà Lan\n\n"
        "Sáng 14/5, Phó Chủ tịch UBND tỉnh Khánh Hòa Trần Hòa Nam đã tiếp và làm việc với Tập đoàn đóng tàu Hà Lan "
        "Damen về dự án nhà máy đóng tàu tại Cam Ranh."
    )
    events = _events(text)
    assert [(e.kind, {p.id: p.country for p in e.parties}) for e in events] == [
        ("meeting", {"VN-34": "VN", "org:damen": "NL"})
    ]


def test_a_signing_the_two_sides_work_towards_is_planned_in_its_year() -> None:
    text = (
        "Lâm Đồng và tỉnh Chiang Mai hướng tới ký kết hợp tác\n\n"
        "Chiều 14/5, Phó Chủ tịch UBND tỉnh Lâm Đồng Phạm S đã tiếp đoàn công tác tỉnh Chiang Mai (Thái Lan).\n"
        "Kết thúc buổi làm việc, hai bên thống nhất giao Sở Ngoại vụ tỉnh Lâm Đồng phối hợp xây dựng dự thảo biên bản "
        "ghi nhớ hợp tác giữa tỉnh Lâm Đồng và tỉnh Chiang Mai, tiến tới ký kết trong năm 2025."
    )
    assert [(e.kind, e.status, e.date.value if e.date else None) for e in _events(text)] == [
        ("signing", "planned", "2025"),
        ("meeting", "past", "2024-05-14"),
    ]


def test_a_place_in_the_quoted_title_of_a_programme_is_no_side() -> None:
    text = (
        "Quận Ba Đình và Viện Pháp tổ chức đêm nhạc\n\n"
        "Tối 14/5, UBND quận Ba Đình phối hợp với Viện Pháp tại Hà Nội tổ chức đêm nhạc đường phố.\n"
        "Trước đó, chiều 13/5, lãnh đạo UBND quận Ba Đình đã tiếp và làm việc với ông Pierre Dupont, Viện trưởng Viện "
        "Pháp tại Hà Nội. Hai bên thống nhất phối hợp tổ chức triển lãm ảnh “Hà Nội - Lyon: Đối thoại đô thị” tại "
        "phố đi bộ vào tháng 12 tới."
    )
    planned = [e for e in _events(text) if e.status == "planned"]
    assert [(e.kind, e.date.value if e.date else None) for e in planned] == [("cultural_event", "2024-12")]
    # The sides are the pair of the meeting told before, not the cities the exhibition's title names.
    assert {p.id for p in planned[0].parties} == {"VN-HN:ba-dinh", "org:idecaf"}


def test_the_province_s_own_delegation_meets_each_host_of_its_trip() -> None:
    text = (
        "Đoàn công tác của tỉnh thăm và làm việc tại Nhật Bản\n\n"
        "Từ ngày 12 đến 16-5, đoàn công tác của tỉnh do đồng chí Trần Văn Lâu, Chủ tịch UBND tỉnh Sóc Trăng làm "
        "trưởng đoàn đã thăm và làm việc tại Nhật Bản.\n"
        "Ngày 12-5, đoàn đến thành phố Sakai, làm việc với Thị trưởng Nagafuji Hideki.\n"
        "Ngày 13-5, đoàn chào xã giao ông Kurata Yoshio, Phó Thống đốc tỉnh Osaka.\n"
        "Ngày 15-5, tại thủ đô Tokyo, UBND tỉnh phối hợp với Tổ chức Xúc tiến thương mại Nhật Bản (JETRO) tổ chức "
        "Hội nghị xúc tiến đầu tư vào tỉnh Sóc Trăng.\n"
        "Trong thời gian ở Tokyo, đoàn cũng đã làm việc với Công ty Shimizu Seiki, doanh nghiệp đang có dự án tại "
        "Khu công nghiệp An Nghiệp."
    )
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("meeting", "2024-05-12", {"VN-52", "JP:sakai"}),
        ("meeting", "2024-05-13", {"VN-52", "JP-27"}),
        ("conference", "2024-05-15", {"VN-52", "org:jetro"}),
        ("meeting", None, {"VN-52", "org:shimizu-seiki"}),
    ]


def test_the_foreign_cities_where_a_planned_conference_is_held_take_no_side() -> None:
    text = (
        "Lãnh đạo tỉnh Long An tiếp Trưởng Văn phòng Kinh tế và Văn hóa Đài Bắc\n\n"
        "Chiều 14/5, Chủ tịch UBND tỉnh Long An Nguyễn Văn Út đã tiếp ông Lý Minh Tuấn, Trưởng Văn phòng Kinh tế và "
        "Văn hóa Đài Bắc tại TP. Hồ Chí Minh.\n"
        "Đài Loan (Trung Quốc) hiện là một trong những nhà đầu tư hàng đầu tại Long An với hơn 300 dự án.\n"
        "Ông Lý Minh Tuấn cho biết Văn phòng sẽ phối hợp với Hội Thương gia Đài Loan tiếp tục vận động doanh nghiệp "
        "mở rộng đầu tư.\n"
        "Dịp này, hai bên trao đổi về kế hoạch tổ chức Hội nghị xúc tiến đầu tư tỉnh Long An tại Đài Bắc và Đài Trung "
        "dự kiến diễn ra vào tháng 10/2024."
    )
    events = _events(text)
    assert [(e.kind, e.status, {p.id for p in e.parties}) for e in events] == [
        ("meeting", "past", {"VN-41", "org:teco"}),
        ("conference", "planned", {"VN-41", "org:teco"}),
    ]


def test_the_city_after_an_airport_is_its_address() -> None:
    text = (
        "Chủ tịch nước kết thúc chuyến thăm Hàn Quốc\n\n"
        "Tối 20/5, Chủ tịch nước và Đoàn đại biểu cấp cao Việt Nam đã về đến sân bay Nội Bài, Hà Nội, kết thúc tốt "
        "đẹp chuyến thăm cấp Nhà nước tới Hàn Quốc."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    assert [p.entity.id for p in ctx.places if p.vietnamese and p.entity.kind != "country"] == []


def test_the_state_has_no_standing_bond_with_a_firm() -> None:
    text = (
        "Thủ tướng dự Hội nghị Tương lai châu Á\n\n"
        "Thủ tướng đã dự Hội nghị Tương lai châu Á do Tập đoàn truyền thông Nikkei (Nhật Bản) tổ chức.\n"
        "Trong khuôn khổ Hội nghị, các doanh nghiệp hai bên đã trao nhiều bản ghi nhớ hợp tác trị giá trên 2 tỷ USD."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    actors = find_actors(ctx)
    assert {a.id for a in actors} == {"VN", "org:truyen-thong-nikkei"}
    assert find_relations(ctx, [a.place for a in actors], actors) == []


def test_a_bare_title_after_its_foreign_holder_is_his_not_vietnam_s() -> None:
    text = (
        "Thủ tướng Lào thăm tỉnh Hủa Phăn\n\n"
        "Chiều 14/5, Thủ tướng Lào Sonexay Siphandone đã đến thăm bản Nà Mèo, nơi gắn bó với những năm tháng tuổi "
        "trẻ của Thủ tướng."
    )
    ctx = context.build(text, text.find("\n\n"), PUBLISHED)
    assert "VN" not in {a.id for a in find_actors(ctx)}


def test_a_day_of_history_told_before_dates_no_event_of_today() -> None:
    text = (
        "Thủ tướng Campuchia thăm Bình Phước\n\n"
        "Sáng 12/5, Thủ tướng Campuchia Hun Manet đã thăm tỉnh Bình Phước, nơi ngày 20/6/1977 cha ông từng đặt chân "
        "đến. Tại đây, Thủ tướng Hun Manet đã trao tặng UBND tỉnh Bình Phước 500 triệu đồng để xây nhà tình nghĩa."
    )
    dated = [(e.kind, e.date.value if e.date else None) for e in _events(text)]
    assert dated == [("meeting", "2024-05-12"), ("aid", "2024-05-12")]


def test_a_warship_named_by_its_type_calls_at_a_port_and_meets_no_one() -> None:
    text = (
        "Tàu khu trục Hàn Quốc thăm Khánh Hòa\n\n"
        "Sáng 14/5, lãnh đạo tỉnh Khánh Hòa đã đón tàu khu trục ROKS Gwanggaeto the Great của Hải quân Hàn Quốc cập "
        "cảng quốc tế Cam Ranh, bắt đầu chuyến thăm hữu nghị tỉnh Khánh Hòa."
    )
    assert [e.kind for e in _events(text)] == ["other"]


def test_the_delegates_field_trip_after_a_workshop_is_the_workshop_s_sides() -> None:
    text = (
        "Hội thảo khu vực về nuôi trồng thủy sản tại Cà Mau\n\n"
        "Ngày 14/5, tại TP Cà Mau, UBND tỉnh Cà Mau phối hợp với Tổ chức Lương thực và Nông nghiệp Liên hợp quốc (FAO) "
        "tổ chức Hội thảo khu vực về nuôi tôm sinh thái.\n"
        "Chiều cùng ngày, các đại biểu đã đi tham quan thực tế mô hình nuôi tôm rừng tại huyện Ngọc Hiển."
    )
    assert [(e.kind, e.date.value if e.date else None, {p.id for p in e.parties}) for e in _events(text)] == [
        ("conference", "2024-05-14", {"VN-59", "org:fao"}),
        ("other", "2024-05-14", {"VN-59", "org:fao"}),
    ]


def test_each_host_the_lead_lists_and_each_day_of_the_programme_is_an_event() -> None:
    text = (
        "Đoàn công tác của tỉnh làm việc tại Nhật Bản\n\n"
        "Ngày 20/5, Đoàn công tác tỉnh Bình Định do Chủ tịch UBND tỉnh Phạm Anh Tuấn dẫn đầu đã làm việc với chính "
        "quyền tỉnh Aichi, thành phố Yokohama và Tập đoàn Toyota Tsusho (Nhật Bản).\n"
        "Buổi sáng, Phó Thống đốc tỉnh Aichi Kobayashi Ken đã tiếp đoàn tại trụ sở chính quyền tỉnh.\n"
        "Chiều 20/5, đoàn làm việc với UBND thành phố Yokohama.\n"
        "Theo chương trình, ngày 23/5, đoàn sẽ làm việc với Cơ quan Hợp tác quốc tế Nhật Bản (JICA) tại Tokyo; "
        "ngày 24/5, UBND tỉnh phối hợp với Tổ chức Xúc tiến thương mại Nhật Bản (JETRO) tổ chức Hội nghị xúc tiến "
        "đầu tư tại Tokyo."
    )
    events = [(e.kind, e.status, e.date.value, {p.id for p in e.parties}) for e in _events(text)]
    assert ("meeting", "past", "2024-05-20", {"VN-31", "JP:yokohama"}) in events
    assert events[-2:] == [
        ("meeting", "planned", "2024-05-23", {"VN-31", "org:jica"}),
        ("conference", "planned", "2024-05-24", {"VN-31", "org:jetro"}),
    ]


def test_a_ceremony_handing_over_works_is_the_gift() -> None:
    text = (
        "Bàn giao công trình nước sạch cho trường học ở huyện Tri Tôn\n\n"
        "Ngày 14/5, UBND huyện Tri Tôn phối hợp với Tổ chức World Vision tổ chức lễ bàn giao công trình cấp nước "
        "sạch cho 4 điểm trường. Các công trình do World Vision tài trợ với tổng kinh phí hơn 1,2 tỷ đồng."
    )
    assert [e.kind for e in _events(text)] == ["aid"]


def test_a_mission_an_agency_will_send_in_a_month_visits_the_article_s_province() -> None:
    text = (
        "Lãnh đạo UBND tỉnh tiếp đoàn công tác KOICA\n\n"
        "Sáng 14/5, lãnh đạo UBND tỉnh Lạng Sơn tiếp và làm việc với Đoàn công tác Cơ quan Hợp tác Quốc tế Hàn Quốc "
        "(KOICA) về dự án phát triển nông thôn.\n"
        "Tại buổi làm việc, ông Kim Jin-oh cho biết, chuyến công tác nhằm tìm hiểu nhu cầu hợp tác của tỉnh Lạng Sơn "
        "trong các lĩnh vực nông nghiệp và đào tạo nguồn nhân lực.\n"
        "Ông Kim Jin-oh ghi nhận các đề xuất của tỉnh và cho biết KOICA sẽ xem xét đưa vào chương trình hợp tác năm "
        "2025. Dự kiến trong tháng 9/2024, KOICA sẽ cử đoàn chuyên gia sang khảo sát chi tiết để xây dựng đề cương dự "
        "án."
    )
    assert [(e.kind, e.status, e.date.value, {p.id for p in e.parties}) for e in _events(text)] == [
        ("meeting", "past", "2024-05-14", {"VN-09", "org:koica"}),
        ("meeting", "planned", "2024-09", {"VN-09", "org:koica"}),
    ]


def test_a_foreign_import_agency_working_with_a_national_office_is_in_scope() -> None:
    text = (
        "Hội thảo chiến lược xuất khẩu cà phê đặc sản\n\n"
        "Ngày 16/5, Cục Xúc tiến thương mại (Bộ Công Thương) phối hợp với Trung tâm Xúc tiến nhập khẩu từ các nước "
        "đang phát triển (CBI) của Hà Lan tổ chức hội thảo giới thiệu chiến lược xuất khẩu cà phê đặc sản sang "
        "thị trường châu Âu."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("conference", {"VN", "org:cbi"})]


def test_an_embassy_s_gift_passed_through_a_foreign_association_goes_to_the_province() -> None:
    text = (
        "Đêm nhạc tại Hàn Quốc quyên góp 800 triệu đồng cho học sinh nghèo Quảng Trị\n\n"
        "Tối 12/5, Đại sứ quán Việt Nam tại Hàn Quốc tổ chức đêm nhạc từ thiện tại Seoul. "
        "Trong chương trình, Đại sứ quán đã chuyển số tiền 45 triệu won (khoảng 800 triệu đồng) cho Hội Hữu nghị "
        "Hàn - Việt thành phố Busan. Số tiền trên sẽ được chuyển đến Quảng Trị để xây 2 điểm trường."
    )
    events = _events(text)
    assert [e.kind for e in events] == ["aid"]
    assert "VN-25" in {p.id for p in events[0].parties}


def test_a_loan_told_through_a_lender_is_the_state_s_not_the_province_s() -> None:
    text = (
        "Thủ tướng tiếp Chủ tịch Quỹ OFID\n\n"
        "Chiều 15/5, Thủ tướng Chính phủ tiếp Tổng Giám đốc Quỹ OPEC vì Phát triển quốc tế (OFID). OFID đã cho Việt "
        "Nam vay vốn ưu đãi để xây dựng cầu qua sông Lô tại tỉnh Tuyên Quang."
    )
    assert all("VN-07" not in {p.id for p in e.parties} for e in _events(text))


def test_a_city_naming_the_foreign_firm_it_chose_as_its_contractor_is_an_event() -> None:
    text = (
        "Đà Nẵng tìm lời giải cho ngập úng đô thị\n\n"
        "Mùa mưa năm nay, nhiều tuyến đường trung tâm Đà Nẵng tiếp tục ngập sâu sau mỗi trận mưa lớn. "
        "Người dân phải dắt bộ xe máy qua các đoạn ngập. "
        "Nhà thầu được UBND thành phố Đà Nẵng lựa chọn là Công ty Arcadis Nederland B.V. (Hà Lan), đơn vị "
        "nhiều kinh nghiệm về quy hoạch thoát nước đô thị."
    )
    events = _events(text)
    assert [e.kind for e in events] == ["other"]
    assert {p.country for p in events[0].parties} == {"VN", "NL"}


def test_a_firm_told_by_its_country_alone_is_that_country_s_side() -> None:
    text = (
        "Cần Thơ chọn công ty Hàn Quốc lập quy hoạch khu đô thị mới\n\n"
        "UBND thành phố Cần Thơ vừa có tờ trình gửi Bộ Xây dựng xem xét, chấp thuận lựa chọn nhà thầu tư vấn là "
        "một công ty Hàn Quốc để lập quy hoạch khu đô thị mới Cồn Khương."
    )
    assert [{p.id for p in e.parties} for e in _events(text)] == [{"VN-CT", "KR"}]


def test_a_decision_a_chairman_signs_against_a_foreign_firm_is_no_agreement() -> None:
    fined = (
        "Theo quyết định do Chủ tịch UBND tỉnh Long An ký ngày 10/5, công ty Đài Loan nói trên bị phạt 400 triệu "
        "đồng vì xả nước thải chưa qua xử lý ra môi trường."
    )
    assert kind_of(fined) is None
    assert kind_of("Ngày 10/5, UBND tỉnh Long An và tỉnh Đài Nam đã ký biên bản ghi nhớ hợp tác.") == ("signing", 48)


def test_the_national_chamber_working_with_a_foreign_agency_speaks_for_vietnam() -> None:
    text = (
        "Công bố báo cáo chỉ số xanh cấp tỉnh năm 2023\n\n"
        "Ngày 16/5, tại Hà Nội, báo cáo Chỉ số xanh cấp tỉnh (PGI) năm 2023 đã được công bố. Đây là báo cáo do Phòng "
        "Thương mại và Công nghiệp Việt Nam (VCCI) phối hợp cùng Cơ quan Phát triển quốc tế Hoa Kỳ (USAID) thực hiện, "
        "dựa trên khảo sát hơn 10.000 doanh nghiệp."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("other", {"VN", "org:usaid"})]


def test_a_regional_forum_s_meeting_a_province_s_department_co_hosts_is_the_province_s() -> None:
    text = (
        "Hội thảo ASEAN về chỉ dẫn địa lý tại Lâm Đồng\n\n"
        "Ngày 16/5, Hội thảo trao đổi kinh nghiệm về bảo hộ chỉ dẫn địa lý của các nước ASEAN do Cục Sở hữu trí tuệ "
        "phối hợp với Sở Khoa học và Công nghệ Lâm Đồng tổ chức tại TP Đà Lạt."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("conference", {"VN-35", "org:asean"})]


def test_a_korean_city_s_official_speaking_at_its_show_takes_part() -> None:
    text = (
        "Đêm nghệ thuật Hàn Quốc tại Huế\n\n"
        "Tối 15/5, chương trình nghệ thuật “Sắc màu Hàn Quốc” diễn ra tại Nhà hát Sông Hương (TP Huế). "
        "Ông Lee Jae-won, Phó GĐ Sở Văn hóa TP Bucheon, cho biết đoàn mang đến Huế các tiết mục múa truyền "
        "thống và hiện đại."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [
        ("cultural_event", {"VN-26:hue", "KR:bucheon-si"})
    ]


def test_investment_certificates_go_to_the_one_foreign_investor_of_the_list() -> None:
    text = (
        "Bình Dương trao giấy chứng nhận cho 5 dự án đầu năm\n\n"
        "Ngày 15/5, UBND tỉnh Bình Dương tổ chức họp mặt doanh nghiệp và nhà đầu tư năm 2024. "
        "Tại buổi lễ này, ông Võ Văn Minh, Chủ tịch UBND tỉnh Bình Dương đã trao 5 giấy chứng nhận đăng ký đầu tư "
        "cho các chủ đầu tư. 5 dự án vào Bình Dương - Công ty Cổ phần Đầu tư Phú Hưng với dự án khu nhà ở tại TP Thủ "
        "Dầu Một, tổng vốn 900 tỷ đồng. - Công ty TNHH Kyocera Document Solutions Việt Nam với dự án mở rộng nhà máy "
        "tại Khu công nghiệp VSIP II, tổng vốn đầu tư tăng thêm 60 triệu USD."
    )
    events = [(e.kind, {p.id for p in e.parties}) for e in _events(text)]
    assert ("signing", {"VN-57", "org:kyocera"}) in events


def test_an_ambassador_who_attends_and_speaks_at_the_event_told_before_takes_part() -> None:
    text = (
        "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh tại Pháp\n\n"
        "Sáng 19/5, Hội đồng thành phố Montreuil đã tổ chức lễ kỷ niệm 134 năm ngày sinh Chủ tịch Hồ Chí Minh tại "
        "Bảo tàng Lịch sử sống của thành phố. Thị trưởng Montreuil Patrice Bessac chủ trì buổi lễ.\n"
        "Bảo tàng lưu giữ nhiều hiện vật về những năm Chủ tịch Hồ Chí Minh hoạt động tại Pháp.\n"
        "Đại sứ Việt Nam tại Pháp Đinh Toàn Thắng đã tham dự và phát biểu tại sự kiện trên."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("other", {"FR:montreuil", "VN"})]


def test_provinces_named_as_a_group_of_a_part_of_a_country_are_one_party() -> None:
    text = (
        "Điện Biên trao học bổng cho học viên các tỉnh Bắc Lào\n\n"
        "Sáng 16/5, UBND tỉnh Điện Biên tổ chức lễ trao học bổng cho 45 học viên là cán bộ của các tỉnh Bắc Lào "
        "đang học tiếng Việt tại Trường Cao đẳng Sư phạm Điện Biên, góp phần vun đắp tình hữu nghị hai nước."
    )
    events = _events(text)
    assert [(e.kind, {p.id for p in e.parties}) for e in events] == [("aid", {"VN-71", "LA:group:tinh-bac-lao"})]
    group = next(p for p in events[0].parties if p.country == "LA")
    assert (group.name, group.kind, group.role) == ("các tỉnh Bắc Lào", "province", "recipient")


def test_the_border_provinces_of_a_pair_of_nations_are_no_group_of_one() -> None:
    text = "Triển lãm ảnh về các tỉnh biên giới Việt Nam - Lào khai mạc tại Sơn La."
    ctx = context.build(text, 0, PUBLISHED)
    assert all(":group:" not in a.id for a in find_actors(ctx))


def test_those_who_witness_after_the_signing_verb_do_not_sign() -> None:
    text = (
        "Lạng Sơn và Sùng Tả tăng cường hợp tác\n\n"
        "Chiều 15/5, tại TP Lạng Sơn, ông Hồ Tiến Thiệu, Chủ tịch UBND tỉnh Lạng Sơn tiếp đoàn công tác thành phố "
        "Sùng Tả (Quảng Tây, Trung Quốc).\n"
        "Cùng ngày, ông Nguyễn Văn Hải, Chủ tịch UBND huyện Tràng Định, và ông Lục Vĩ, Huyện trưởng huyện Long Châu "
        "(thuộc thành phố Sùng Tả), ký biên bản ghi nhớ hợp tác dưới sự chứng kiến của lãnh đạo tỉnh Lạng Sơn và "
        "thành phố Sùng Tả."
    )
    signings = [{p.id for p in e.parties} for e in _events(text) if e.kind == "signing"]
    assert signings == [{"VN-09:trang-dinh", "CN-GX:longzhou"}]


def test_districts_and_communes_across_the_border_sign_their_own_agreements() -> None:
    text = (
        "An Giang và Takeo hội đàm hợp tác biên giới\n\n"
        "Sáng 14/5, tại TP Châu Đốc, UBND tỉnh An Giang tổ chức hội đàm với đoàn công tác tỉnh Takeo (Campuchia).\n"
        "Bên lề hội đàm, UBND huyện Tịnh Biên (tỉnh An Giang) và UBND huyện Kiri Vong (tỉnh Takeo) đã ký kết biên "
        "bản ghi nhớ hợp tác quản lý biên giới giai đoạn 2024-2026.\n"
        "Cùng dịp, UBND xã An Nông (huyện Tịnh Biên) và UBND xã Prey Rumdeng (huyện Kiri Vong) tổ chức lễ "
        "kết nghĩa."
    )
    signings = [{p.id for p in e.parties} for e in _events(text) if e.kind == "signing"]
    # A commune's district named as its address goes with it.
    assert signings == [
        {"VN-44:tinh-bien", "KH:kiri-vong"},
        {"VN-44:tinh-bien:an-nong", "VN-44:tinh-bien", "KH:prey-rumdeng"},
    ]


def test_a_person_named_again_in_full_is_no_place() -> None:
    text = (
        "Lễ hội Nhật Bản tại Đà Nẵng\n\n"
        "Tối 12/5, UBND TP Đà Nẵng phối hợp với Tổng Lãnh sự quán Nhật Bản khai mạc lễ hội giao lưu văn hóa. Dự lễ "
        "có ông Kumamoto Shinji, Thị trưởng TP Sakai.\n"
        "Dịp này, Thị trưởng Kumamoto Shinji đã trao tặng TP Đà Nẵng 2 triệu yên hỗ trợ công tác bảo tồn di tích."
    )
    ids = {p.id for e in _events(text) for p in e.parties}
    assert "JP-43" not in ids and "JP:sakai" in ids


def test_equipment_received_from_an_agency_is_aid() -> None:
    text = (
        "Gia Lai tiếp nhận thiết bị xét nghiệm lao\n\n"
        "Chiều 15/5, Sở Y tế Gia Lai phối hợp với Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) tổ chức lễ tiếp nhận "
        "2 máy xét nghiệm GeneXpert cho Bệnh viện Phổi tỉnh."
    )
    assert [(e.kind, {p.id for p in e.parties}) for e in _events(text)] == [("aid", {"VN-30", "org:usaid"})]


def test_the_city_named_after_the_president_stays_a_place_beside_him() -> None:
    text = (
        "Bí thư Thành ủy TP Hồ Chí Minh tiếp Thống đốc tỉnh Kanagawa\n\n"
        "Sáng 15/5, Thống đốc tỉnh Kanagawa Kuroiwa Yuji dâng hoa tại Tượng đài Chủ tịch Hồ Chí Minh. Chiều cùng "
        "ngày, Bí thư Thành ủy TP Hồ Chí Minh Nguyễn Văn Nên đã tiếp Thống đốc Kuroiwa Yuji."
    )
    assert any({"VN-SG", "JP-14"} <= {p.id for p in e.parties} for e in _events(text))


def test_a_culture_week_opened_that_evening_is_an_event_of_its_own() -> None:
    text = (
        "Quảng Nam tiếp Thị trưởng thành phố Hirado\n\n"
        "Sáng 14/5, Chủ tịch UBND tỉnh Quảng Nam tiếp ông Kato Hiroshi, Thị trưởng TP Hirado (Nhật Bản) nhân dịp "
        "đoàn sang dự Tuần lễ Văn hóa Hirado tại Hội An.\n"
        "Tối cùng ngày, UBND TP Hội An và chính quyền TP Hirado khai mạc Tuần lễ Văn hóa Hirado tại Hội An.\n"
        "Trong khuôn khổ Tuần lễ, ngày 16/5, Sở Công Thương tỉnh phối hợp với JETRO tổ chức Hội nghị kết nối giao "
        "thương."
    )
    assert [(e.kind, e.date.value if e.date else None) for e in _events(text)] == [
        ("meeting", "2024-05-14"),
        ("cultural_event", "2024-05-14"),
        ("conference", "2024-05-16"),
    ]


def test_a_city_leader_hearing_a_foreign_firm_s_proposal_meets_it() -> None:
    text = (
        "Khởi động dự án xe buýt điện nối TP HCM - Long An\n\n"
        "Chủ tịch UBND TP HCM Phan Văn Mãi vừa giao Sở Giao thông vận tải nghiên cứu tuyến xe buýt điện nối TP HCM "
        "với tỉnh Long An.\n"
        "Trước đó, ông Phan Văn Mãi làm việc với lãnh đạo các sở về quy hoạch giao thông công cộng. Sau khi nghe báo "
        "cáo đề xuất của Tập đoàn Vận tải Hàn Quốc Hyundai Rotem, ông Mãi bày tỏ đồng thuận về sự cần thiết của dự "
        "án hợp tác này."
    )
    meetings = [{p.id for p in e.parties} for e in _events(text) if e.kind == "meeting"]
    assert meetings == [{"VN-SG", "org:hyundai-rotem"}]


def test_a_foreign_government_and_a_lender_wishing_to_fund_the_city_s_projects_is_planned_aid() -> None:
    text = (
        "Đà Nẵng cần 2 tỷ USD cho 2 tuyến xe điện\n\n"
        "UBND TP Đà Nẵng vừa báo cáo Thủ tướng Chính phủ phương án đầu tư 2 tuyến xe điện mặt đất với tổng vốn "
        "khoảng 2 tỷ USD.\n"
        "Hiện Chính phủ Hàn Quốc và Ngân hàng Phát triển châu Á (ADB) đang quan tâm và mong muốn tài trợ cho hai dự "
        "án này."
    )
    aid = [(e.status, {p.id for p in e.parties}) for e in _events(text) if e.kind == "aid"]
    assert aid == [("planned", {"KR", "org:adb", "VN-DN"})]
