"""People named with an honorific or a title, and their titles."""

from __future__ import annotations

from hoptac.extract.people import find_people


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.title) for p in find_people(text, [])]


def test_title_then_vietnamese_name() -> None:
    assert _people("Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Quang Bửu đã tiếp đoàn.") == [
        ("Hồ Quang Bửu", "Phó Chủ tịch UBND tỉnh Quảng Nam")]


def test_honorific_then_title_after_comma() -> None:
    assert _people("do ông Yamamoto Ichita, Thống đốc tỉnh Gunma dẫn đầu.") == [
        ("Yamamoto Ichita", "Thống đốc tỉnh Gunma")]


def test_variants_are_merged() -> None:
    text = "ông Kim Jung-ki, Phó Thị trưởng thành phố Daegu phát biểu. Ông Kim Jung-kil cảm ơn."
    assert _people(text) == [("Kim Jung-ki", "Phó Thị trưởng thành phố Daegu")]


def test_name_stops_at_lower_case_verb() -> None:
    assert _people("Ông Phyo Min Thein đánh giá cao kết quả hợp tác.") == [("Phyo Min Thein", None)]


def test_two_signatories_joined_by_va_keep_their_own_titles() -> None:
    text = "Giám đốc Sở Ngoại vụ Đinh Văn Hòa và Tổng Lãnh sự Khamphao Ernthavanh đã ký biên bản."
    assert _people(text) == [
        ("Đinh Văn Hòa", "Giám đốc Sở Ngoại vụ"),
        ("Khamphao Ernthavanh", "Tổng Lãnh sự"),
    ]


def test_a_body_named_in_lower_case_stays_in_the_title() -> None:
    text = (
        "Phó Giám đốc Sở Du lịch tỉnh Khánh Hòa Phan Thị Thanh Trúc cho biết hai bên sẽ mở đường bay. "
        "Ông Lee Lai Choo, Giám đốc Trung tâm Phát triển bền vững các thành phố APEC phát biểu."
    )
    assert _people(text) == [
        ("Phan Thị Thanh Trúc", "Phó Giám đốc Sở Du lịch tỉnh Khánh Hòa"),
        ("Lee Lai Choo", "Giám đốc Trung tâm Phát triển bền vững các thành phố APEC"),
    ]


def test_a_title_ends_before_the_sentence_goes_on() -> None:
    assert _people("Ông Kang Ho-jin, Giám đốc Sở Ngoại vụ cho biết hai thành phố sẽ trao đổi đoàn.") == [
        ("Kang Ho-jin", "Giám đốc Sở Ngoại vụ")
    ]


def test_a_body_is_not_a_person() -> None:
    assert _people("Chủ tịch Liên minh Nghị viện Thế giới phát biểu khai mạc. Bộ trưởng Bộ Lao động dự họp.") == []


def test_a_title_before_a_comma_only_when_it_opens_the_clause() -> None:
    assert _people("Trưởng đại diện JICA tại Việt Nam, ông Shimizu Akira cho biết.") == [
        ("Shimizu Akira", "Trưởng đại diện JICA tại Việt Nam")
    ]
    assert _people("Tiếp Đại sứ, ông Trần Văn Minh nhấn mạnh quan hệ hai nước.") == [("Trần Văn Minh", None)]
