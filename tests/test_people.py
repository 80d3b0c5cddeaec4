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
