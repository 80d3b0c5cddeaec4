import pytest

from hoptac.clean import clean
from hoptac.metadata import byline_names, extract_metadata, find_outlet, is_date_line, parse_date
from hoptac.models import DateValue, Document


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Tin, ảnh: NGỌC TRÂM", ["Ngọc Trâm"]),
        ("Tin: Minh Hà - Ảnh: Quốc Hồng", ["Minh Hà", "Quốc Hồng"]),
        ("Phạm Duy Khương (TTXVN)", ["Phạm Duy Khương"]),
        ("Hoàng Anh/VOV miền Trung", ["Hoàng Anh"]),
        ("Bài, ảnh: Lê Hiếu - Nam Long", ["Lê Hiếu", "Nam Long"]),
        ("Theo Vietnamplus", []),
        ("Quang cảnh buổi hội đàm tại Vientiane.", None),
        ("Báo ảnh Dân tộc và Miền núi/TTXVN", None),
    ],
)
def test_byline_names(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Cập nhật: 09:15, 22/08/2022 (GMT+7)", "2022-08-22"),
        ("ClockThứ Sáu, 03/06/2022 08:05", "2022-06-03"),
        ("Thứ năm, 12/1/2017, 07:30 (GMT+7)", "2017-01-12"),
        ("25-11-2020 - 14:02", "2020-11-25"),
        ("Ngày đăng: 05/10/2019", "2019-10-05"),
        ("Published 2018-07-20T10:45:00+07:00", "2018-07-20"),
    ],
)
def test_printed_publication_dates(line, value):
    assert is_date_line(line)
    assert parse_date(line) == DateValue(value=value, precision="day", inferred=False)


def test_month_precision_and_event_dates():
    assert parse_date("Số ra tháng 9/2020") == DateValue(value="2020-09", precision="month")
    assert not is_date_line("Chiều 7/3, đoàn công tác tỉnh Lạng Sơn đã sang thăm Sùng Tả.")
    assert parse_date("Sáng 3-12, hai bên hội đàm") is None


def test_event_dates_in_the_body_are_not_publication_dates():
    raw = (
        "Bình Định đón đoàn công tác thành phố Inje (Hàn Quốc)\n\n"
        "Chiều 7/3/2019, tại Quy Nhơn, lãnh đạo tỉnh Bình Định đã tiếp đoàn công tác huyện Inje.\n"
        "Hai bên trao đổi về hợp tác nông nghiệp và du lịch.\n"
    )
    doc = Document(source="binhdinh.txt", raw=raw)
    assert extract_metadata(doc, clean(doc)).published is None


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("(NLĐO) - Sáng 12-5, TP HCM đón đoàn thành phố Osaka.", "Người Lao Động"),
        ("TTH.VN - Chiều 2/6, Thừa Thiên Huế làm việc với tỉnh Saravan.", "Thừa Thiên Huế Online"),
        ("VOV.VN - Đà Nẵng đón đoàn Daegu.", "VOV"),
        ("(Dân trí) - Hải Phòng và Kitakyushu gia hạn thỏa thuận.", "Dân trí"),
        ("Lâm Đồng và Đắk Lắk họp bàn về cà phê.", None),
    ],
)
def test_outlet_markers(lead, outlet):
    assert find_outlet(lead) == outlet


def test_metadata_of_a_scraped_page_with_a_closing_byline():
    raw = (
        "Thứ Hai, 15/07/2019 09:10\n\n"
        "Vĩnh Phúc thúc đẩy hợp tác với tỉnh Tochigi (Nhật Bản)\n\n"
        "(Dân trí) - Ngày 14/7, lãnh đạo tỉnh Vĩnh Phúc đã tiếp đoàn đại biểu tỉnh Tochigi.\n\n"
        "Hai bên ký kết biên bản ghi nhớ về hợp tác đào tạo lao động kỹ thuật.\n\n"
        "Tin: Hồng Nhung - Ảnh: Văn Tú\n"
    )
    doc = Document(source="vinhphuc.txt", raw=raw)
    meta = extract_metadata(doc, clean(doc))
    assert meta.published == DateValue(value="2019-07-15", precision="day")
    assert meta.outlet == "Dân trí"
    assert meta.authors == ["Hồng Nhung", "Văn Tú"]


def test_fields_supplied_by_the_source_win():
    doc = Document(
        source="x.jsonl#7",
        raw="Tỉnh Sơn La và tỉnh Hủa Phăn (Lào) ký kết thỏa thuận hợp tác. Minh Hà (TTXVN)",
        title="Sơn La và Hủa Phăn ký kết thỏa thuận hợp tác",
        published="2017-04-02",
        outlet="Báo Sơn La",
        authors=["Quang Quý"],
    )
    meta = extract_metadata(doc, clean(doc))
    assert meta.published == DateValue(value="2017-04-02", precision="day")
    assert meta.outlet == "Báo Sơn La"
    assert meta.authors == ["Quang Quý"]
