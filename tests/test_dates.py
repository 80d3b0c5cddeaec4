"""Date expressions as Vietnamese outlets print them, and how a missing year is worked out."""

from __future__ import annotations

import pytest

from hoptac.extract.dates import article_year, find_dates, resolve
from hoptac.models import DateValue


def _dmy(text: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(d.day, d.month, d.year) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 15-8, đoàn đã đến thăm", [(15, 8, None)]),
        ("Ngày 5 tháng 3 năm 2018, hai bên ký kết", [(5, 3, 2018)]),
        ("ngày 16/3/2023 tại Hà Nội", [(16, 3, 2023)]),
        ("diễn ra từ ngày 2 đến 5-12", [(2, 12, None)]),
        ("chuyến thăm từ ngày 4-8.6.2017, thỏa thuận", [(4, 6, 2017)]),
        ("diễn ra từ ngày 11 đến 13/9/2019 tại Huế", [(11, 9, 2019)]),
        ("vào tháng 9 tới", [(None, 9, None)]),
        ("từ tháng 10/2022", [(None, 10, 2022)]),
        ("tỷ lệ 3/5 số hộ dân", []),
        ("Trong 2 ngày 3 và 4/11, tại TP Tuy Hòa", [(3, 11, None)]),
        ("ngày 20 và 21/10/2023 tại Hà Nội", [(20, 10, 2023)]),
    ],
)
def test_find_dates(text: str, expected: list[tuple[int | None, int | None, int | None]]) -> None:
    assert _dmy(text) == expected


def test_past_december_reported_in_january_is_last_year() -> None:
    mention = find_dates("chiều 28/12")[0]
    assert resolve(mention, DateValue(value="2024-01-03", precision="day"), None) == DateValue(
        value="2023-12-28", precision="day", inferred=True
    )


def test_planned_january_announced_in_december_is_next_year() -> None:
    mention = find_dates("sẽ diễn ra ngày 10/1")[0]
    assert resolve(mention, DateValue(value="2023-12-20", precision="day"), None, planned=True) == DateValue(
        value="2024-01-10", precision="day", inferred=True
    )


def test_year_hint_without_publication_date() -> None:
    mention = find_dates("Sáng 15-8")[0]
    assert resolve(mention, None, 2019) == DateValue(value="2019-08-15", precision="day", inferred=True)


def test_no_year_at_all_gives_month_day_form() -> None:
    mention = find_dates("Sáng 15-8")[0]
    assert resolve(mention, None, None) == DateValue(value="--08-15", precision="day", inferred=True)


def test_article_year_prefers_title_year() -> None:
    assert article_year("Diễn đàn hợp tác địa phương 2022", "Năm 2019 hai bên đã gặp nhau.") == 2022


def test_article_year_is_not_a_year_a_schedule_reaches() -> None:
    body = (
        "Năm 2019, kim ngạch thương mại hai chiều đạt 8 tỷ USD. Theo hiệp định, thuế bình quân với hàng Việt Nam "
        "giảm dần xuống 1,5% vào năm 2021."
    )
    # The year under review opening the text is the one before the article's; the schedule's is later still.
    assert article_year("Hợp tác thương mại với tỉnh Gunma", body) is None
    assert article_year("Hợp tác thương mại với tỉnh Gunma", body.replace("Năm 2019,", "Trong năm 2019")) == 2019


def test_article_year_from_in_year_not_target_year() -> None:
    assert article_year("Hợp tác", "Trong năm 2018, hai bên đặt mục tiêu đến năm 2030.") == 2018


def test_article_year_from_years_since_lower_case() -> None:
    assert article_year("Hợp tác", "Hai tỉnh kết nghĩa năm 1995, sau 23 năm hợp tác đã đạt nhiều kết quả.") == 2018


def test_article_year_from_years_since_sentence_start() -> None:
    assert article_year("Hợp tác", "Sau 23 năm kết nghĩa từ năm 1995, hai tỉnh đã đạt nhiều kết quả.") == 2018


def test_article_year_counts_forward_from_a_date_so_many_years_ago() -> None:
    body = "Nhớ lại ngày 5.3 của 30 năm trước, ngày 5.3.1989, ông đã đến xã này. Ông kể lại chuyến đi năm 1995."
    assert article_year("Trở lại chiến trường xưa", body) == 2019
    assert article_year("Trở lại", "Cách đây 25 năm, năm 1998, hai tỉnh kết nghĩa.") == 2023


def test_article_year_from_a_recent_month_not_a_total_up_to_a_year() -> None:
    body = "Đến hết năm 2018, tỉnh có 120 dự án FDI. Trong chuyến thăm vào tháng 3/2019 vừa qua, hai bên đã gặp nhau."
    assert article_year("Hợp tác", body) == 2019
    assert article_year("Hợp tác", "Trước đó, hồi tháng 11/2018, hai bên đã gặp nhau.") is None


def test_the_years_an_anniversary_counts_are_no_event_day_but_give_the_year() -> None:
    text = "tổ chức lễ kỷ niệm 50 năm ngày thiết lập quan hệ ngoại giao (24/6/1967 – 24/6/2017). Ngày 29/6, đoàn đến."
    assert _dmy(text) == [(29, 6, None)]
    assert article_year("Kỷ niệm", "Lễ kỷ niệm 50 năm ngày thiết lập quan hệ ngoại giao (6/1967-6/2017).") == 2017


def test_article_year_from_months_printed_with_their_year_unless_told_as_the_past() -> None:
    body = "Sau hội thảo tháng 9/2016 tại Viêng Chăn và tháng 3/2017 tại Hà Nội, luật sửa đổi năm 2003 được bàn lại."
    assert article_year("Hội thảo", body) == 2017
    assert article_year("Tàu thăm cảng", "Con tàu vào biên chế hồi tháng 4/2014.") is None


def test_a_range_across_months_is_dated_by_its_first_day_in_the_year_printed_last() -> None:
    assert [(d.day, d.month, d.year) for d in find_dates("Lễ hội diễn ra 3/3 - 8/3/2017 tại Hà Nội")] == [(3, 3, 2017)]


def test_a_day_right_after_a_year_is_a_date_of_its_own() -> None:
    found = find_dates("khởi công ngày 20/6/1977-20/6/2017 khánh thành")
    assert [(d.day, d.month, d.year) for d in found] == [(20, 6, 1977), (20, 6, 2017)]


def test_the_year_an_agreement_was_signed_is_not_the_article_s_year() -> None:
    body = "Ngày 15/5, Thống đốc tiếp đoàn. Hai tỉnh đã ký thỏa thuận năm 2009, thành lập hội hữu nghị năm 2012."
    assert article_year("Thống đốc Shizuoka tiếp đoàn tỉnh Hà Tĩnh", body) is None
    assert article_year("Hợp tác", "Trong năm 2016, hai bên tổ chức nhiều đoàn.") == 2016


def test_the_lunar_spring_named_pins_the_article_year() -> None:
    body = "Sáng 8/2, tỉnh tổ chức gặp mặt doanh nghiệp Xuân Mậu Tuất 2018, ghi nhận đóng góp trong năm 2017."
    assert article_year("Gặp mặt doanh nghiệp đầu xuân", body) == 2018


def test_an_anniversary_span_gives_the_article_s_year() -> None:
    body = "Tối 22/9, UBND TP Vinh tổ chức Lễ kỷ niệm 30 năm quan hệ hữu nghị với thành phố Kaysone (1994 - 2024)."
    assert article_year("Kỷ niệm quan hệ hữu nghị", body) == 2024


def test_a_plan_s_year_is_not_the_article_s() -> None:
    body = (
        "Chiều 23-9, hai thành phố tổ chức hội thảo trực tuyến. Trong năm 2021, các hoạt động trao đổi đoàn phải "
        "tạm dừng. Hai bên sẽ phối hợp tổ chức Ngày văn hóa tại Đà Nẵng trong năm 2022."
    )
    assert article_year("Hội thảo trực tuyến", body) == 2021


def test_a_plan_s_month_is_near_and_gives_the_article_s_year() -> None:
    body = (
        "Trường vừa nhận khoản tài trợ của Cơ quan Phát triển Quốc tế Hoa Kỳ vào hôm nay 6/6. "
        "Trường sẽ mở cửa đón các khóa sinh viên đầu tiên vào tháng 9/2017. "
        "Tháng 5/2016, Tổng thống Hoa Kỳ đã tuyên bố thành lập trường trong chuyến thăm Việt Nam."
    )
    assert article_year("Trường đại học nhận tài trợ", body) == 2017
    assert article_year("Kế hoạch", "Tháng 5/2016 hai bên gặp nhau. Mục tiêu đến năm 2030 sẽ tăng gấp đôi.") == 2016


def test_article_year_is_not_counted_from_a_rounded_span_or_a_treaty_s_year() -> None:
    body = (
        "Hai bên nhất trí giải quyết tranh chấp trên cơ sở Công ước Liên hợp quốc về Luật Biển 1982. "
        "Chủ tịch Quốc hội Lào đánh giá cao các thành quả đạt được sau hơn 55 năm thiết lập quan hệ ngoại giao."
    )
    assert article_year("Chủ tịch Quốc hội Lào kết thúc chuyến thăm Việt Nam", body) is None


def test_article_year_is_not_the_day_a_service_began() -> None:
    body = (
        "Đường bay thẳng giữa Cần Thơ và Côn Minh được khai thác từ ngày 15-7-2016. "
        "Ngày 12/4, hai bên thống nhất tăng tần suất chuyến bay trong năm 2019."
    )
    assert article_year("Cần Thơ tiếp đoàn tỉnh Vân Nam", body) == 2019
    assert article_year("Cần Thơ tiếp đoàn tỉnh Vân Nam", body.replace(" trong năm 2019", "")) is None


def test_article_year_is_no_area_and_no_birth_year() -> None:
    body = (
        "Liên danh sẽ lập quy hoạch chi tiết cho toàn bộ diện tích 2080ha hai bên trục đường. "
        "Đối tượng Lò Văn A (SN 1995) bị bắt giữ cùng tang vật."
    )
    assert article_year("Hà Nội và Sumitomo hợp tác phát triển đô thị", body) is None


def test_article_year_is_not_taken_from_history_told_in_it() -> None:
    body = (
        "Chủ tịch nước thăm Chiến hạm Rạng Đông, nơi phát súng lệnh tấn công Cung điện Mùa Đông ngày 7/11/1917. "
        "Nghĩa trang được thành lập năm 1939."
    )
    assert article_year("Chủ tịch nước thăm Saint Petersburg", body) is None


def test_a_span_running_to_now_starts_no_article_year_but_a_two_year_season_pins_it() -> None:
    body = (
        "Sáng 9/4, Bộ Chỉ huy Quân sự tỉnh An Giang và chính quyền tỉnh Takeo tổ chức lễ bàn giao 12 hài cốt "
        "liệt sĩ cất bốc trong mùa khô năm 2018 – 2019. Tính từ giai đoạn I, năm 2001 đến nay, hai bên đã "
        "cất bốc hơn 3.000 hài cốt."
    )
    assert article_year("Lễ bàn giao hài cốt liệt sĩ", body) == 2019
    assert article_year("Lễ bàn giao hài cốt liệt sĩ", body.replace("mùa khô năm 2018 – 2019", "mùa khô")) is None
    # A war's winter is history, not the article's season.
    assert article_year("Thăm nghĩa trang", "Phần lớn số người chết vào mùa Đông năm 1941 - 1942.") is None


def test_a_day_after_a_relative_word_is_a_date_but_a_score_is_not() -> None:
    assert [(d.day, d.month) for d in find_dates("Hôm qua 14.8 tại Cần Thơ, ông Trần Việt Trường tiếp")] == [(14, 8)]
    assert [(d.day, d.month) for d in find_dates("Chiều nay (3/10), đoàn tỉnh Bến Tre lên đường")] == [(3, 10)]
    assert find_dates("Tỷ số hôm nay 2-1 nghiêng về đội khách") == []


def test_the_year_of_a_signing_told_in_passing_is_not_the_article_s() -> None:
    body = (
        "Sáng 9/10, đoàn làm việc với chính quyền tỉnh Zeeland. Năm 2019, UBND tỉnh Khánh Hòa và chính quyền "
        "tỉnh Zeeland đã ký biên bản ghi nhớ hợp tác về nuôi trồng thủy sản."
    )
    assert article_year("Khánh Hòa làm việc với tỉnh Zeeland", body) is None
    # A year that opens a sentence reviews the past ("Năm 2019, ... tiếp tục"): no year of the article either.
    assert article_year("Khánh Hòa làm việc với tỉnh Zeeland", body.replace("đã ký", "tiếp tục")) is None
    assert article_year("Bát Xát hội đàm với Hà Khẩu", "Năm 2015, hai huyện ký kết bản ghi nhớ hợp tác.") is None


def test_a_student_programme_s_year_is_the_article_s_not_a_birth_year() -> None:
    body = "Sáng 6/6, tỉnh đón 18 học sinh sang giao lưu trong khuôn khổ Chương trình trao đổi học sinh năm 2023."
    assert article_year("Học sinh vùng Pardubice giao lưu tại Quảng Ninh", body) == 2023


def test_a_quarter_reported_on_gives_the_article_s_year() -> None:
    body = (
        "Chiều 1-7, Chủ tịch nước gặp Thống đốc tỉnh Novosibirsk. Quý 1-2019, kim ngạch thương mại giữa tỉnh và "
        "Việt Nam đạt 20 triệu USD."
    )
    assert article_year("Chủ tịch nước gặp Thống đốc tỉnh Novosibirsk", body) == 2019
    planned = "Hai bên sẽ ký kết thỏa thuận hợp tác trong quý II/2020."
    assert article_year("Lâm Đồng tiếp đoàn vùng Normandie", planned) is None


def test_a_games_named_by_its_year_is_not_the_year_the_article_speaks_from() -> None:
    body = (
        "Từ ngày 12 - 16/4, đoàn công tác Bộ Văn hóa, Thể thao và Du lịch làm việc tại Hàn Quốc. Hai bên mong muốn "
        "phối hợp chuẩn bị cho SEA Games 2021 và Asian Games 2026, như đã bàn tại hội nghị năm 2019."
    )
    assert article_year("Đoàn công tác làm việc tại Hàn Quốc", body) == 2019


@pytest.mark.parametrize(
    "text",
    ["Trong hai ngày 19 và 20.10, tại Vị Thanh", "Trong 2 ngày 19-20/10, tại Vị Thanh", "ngày 19-20.10 tại Vị Thanh"],
)
def test_two_days_are_dated_by_the_first(text: str) -> None:
    assert [(d.day, d.month) for d in find_dates(text)] == [(19, 10)]


def test_a_year_under_review_is_not_the_year_the_article_speaks_from() -> None:
    body = (
        "Chiều 10/5, Chủ tịch UBND tỉnh tiếp đoàn doanh nghiệp Hàn Quốc. Ảnh: TTXVN Năm 2016, kim ngạch thương mại "
        "hai chiều đạt 5 tỷ USD."
    )
    assert article_year("Tỉnh tiếp đoàn doanh nghiệp Hàn Quốc", body) is None
    # A year told inside a sentence still speaks: "trong năm 2016" is the article's.
    assert article_year("Tỉnh tiếp đoàn", "Chiều 10/5, tỉnh tiếp đoàn, lần thứ ba trong năm 2016.") == 2016


def test_article_year_is_the_lead_s_range_not_the_year_a_figure_is_told_for() -> None:
    body = (
        "\n\nSáng 12/4, Sở Du lịch Khánh Hòa tổ chức hội thảo trong khuôn khổ Tuần lễ du lịch biển từ ngày "
        "10-16/4/2019.\nDoanh thu du lịch của tỉnh trong năm 2018 đạt 20.000 tỷ đồng."
    )
    assert article_year("Hội thảo du lịch biển", body) == 2019


def test_article_year_from_the_name_of_the_lunar_spring() -> None:
    body = "\n\nSáng 14/2, tại buổi gặp mặt đầu Xuân Giáp Thìn, UBND tỉnh Long An đã tiếp các nhà đầu tư Nhật Bản."
    assert article_year("Long An gặp mặt nhà đầu tư", body) == 2024
    assert article_year("Gặp mặt", "\n\nHọp mặt mừng Tết Mậu Tuất với kiều bào.") == 2018
    assert article_year("Gặp mặt", "\n\nMùa xuân ấm áp trên bản làng.") is None


def test_article_year_of_talks_reviewing_a_year_depends_on_their_month() -> None:
    review = " Hai bên đánh giá kết quả hợp tác năm 2023."
    early = "\n\nTừ ngày 20 đến 22/2, đoàn tỉnh Sơn La làm việc tại tỉnh Luông Nặm Thà." + review
    late = "\n\nTrong hai ngày 5-6/12, đoàn tỉnh Hà Giang hội đàm với châu Văn Sơn." + review
    assert article_year("Hội đàm", early) == 2024
    assert article_year("Thống nhất nội dung hợp tác năm 2024", late) == 2023


def test_article_year_before_an_anniversary_told_for_next_year() -> None:
    body = (
        "\n\nNgày 6-11, đoàn thăm Sakai, chuẩn bị kỷ niệm 50 năm quan hệ ngoại giao hai nước (1973-2023) "
        "vào năm tới."
    )
    assert article_year("Đà Nẵng thăm Nhật Bản", body) == 2022


def test_days_of_a_range_in_brackets_are_dated_by_the_first() -> None:
    text = "Lễ hội diễn ra trong 3 ngày (4 - 6-8), với nhiều hoạt động giao lưu."
    assert [(d.day, d.month) for d in find_dates(text)] == [(4, 8)]


def test_a_share_of_counted_works_is_no_day() -> None:
    text = "Đến nay, 5/8 công trình đã hoàn thành. Sáng 3/4 tỉnh tiếp đoàn. Ngày 12/10/2017 hộ dân nhận nước sạch."
    assert [(d.day, d.month, d.year) for d in find_dates(text)] == [(3, 4, None), (12, 10, 2017)]
