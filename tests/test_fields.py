"""Cooperation field codes from cue phrases, with the phrases that only look like cues."""

from __future__ import annotations

import pytest

from hoptac.extract.fields import find_fields


@pytest.mark.parametrize(("text", "expected"), [
    ("tăng cường hợp tác kinh tế, thương mại", ["trade", "economy"]),
    ("thúc đẩy phát triển kinh tế - xã hội của tỉnh", []),
    ("cải thiện môi trường đầu tư, kinh doanh", ["investment"]),
    ("bảo vệ môi trường và ứng phó biến đổi khí hậu", ["environment"]),
    ("ứng dụng công nghệ thông tin trong chính quyền điện tử", ["digital"]),
    ("nghiên cứu công nghệ sinh học", ["biotechnology"]),
    ("xây dựng đô thị thông minh", ["smart_city"]),
    ("đào tạo nguồn nhân lực, tiếp nhận thực tập sinh", ["training_hr", "labor"]),
    ("du lịch, văn hóa và lễ hội", ["tourism", "culture", "festivals_events"]),
    ("thăm, chúc Tết cổ truyền và vun đắp tình cảm giữa nhân dân hai tỉnh", ["people_to_people"]),
    ("gặp gỡ kiều bào đang sinh sống tại thủ đô Viêng Chăn", ["people_to_people"]),
    ("trao tặng 2 tỷ đồng xây dựng nhà lớp học tại huyện Mường Khương", ["education"]),
    ("giao lưu âm nhạc với các học sinh Trường THPT Phan Châu Trinh", ["culture"]),
    (
        "kho ngầm chứa khí dầu mỏ hóa lỏng (LPG) và cảng chuyên dụng tại KCN Cái Mép",
        ["industrial_zones", "seaports_maritime", "energy"],
    ),
    ("tàu cập cảng hàng không quốc tế", []),
    ("kim ngạch xuất nhập khẩu qua cặp cửa khẩu Hữu Nghị - Hữu Nghị Quan", ["trade", "logistics"]),
    ("tạo thuận lợi cho thông quan hàng hóa, nâng cấp Quốc lộ 4A", ["trade", "logistics", "urban_development"]),
    ("giới thiệu nhà đầu tư vào Khu kinh tế Vân Phong", ["investment", "industrial_zones"]),
])
def test_find_fields(text: str, expected: list[str]) -> None:
    assert find_fields(text) == expected
