import json
import re
import unicodedata
from pathlib import Path

import pytest

from hoptac.clean import clean
from hoptac.ingest import read_paths
from hoptac.metadata import extract_metadata
from hoptac.models import DateValue, Document

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def one_doc(path):
    (doc,) = list(read_paths([str(path)]))
    return doc


def test_vov_page_keeps_the_article_and_drops_menu_captions_and_related_news():
    doc = one_doc(FIXTURES / "danang_daegu_vov.txt")
    cleaned = clean(doc)
    assert cleaned.title == "Đà Nẵng và Daegu mở rộng hợp tác về y tế và giáo dục"
    assert cleaned.body.split("\n") == [
        "VOV.VN - Chiều 10/4, Phó Chủ tịch UBND thành phố Đà Nẵng Trần Văn Minh đã tiếp đoàn công tác của "
        "thành phố Daegu (Hàn Quốc) do ông Kim Sang-hoon, Phó Thị trưởng thành phố Daegu dẫn đầu.",
        "Quang cảnh buổi tiếp tại trụ sở UBND thành phố Đà Nẵng.",
        "Tại buổi tiếp, ông Trần Văn Minh cho biết, sau 15 năm kết nghĩa, quan hệ giữa Đà Nẵng và Daegu "
        "ngày càng phát triển trên nhiều lĩnh vực như y tế, giáo dục, văn hóa và du lịch.",
        "Ông Kim Sang-hoon đề nghị hai thành phố tăng cường trao đổi sinh viên, đào tạo điều dưỡng và tổ "
        "chức Tuần lễ văn hóa Daegu tại Đà Nẵng vào tháng 9 tới.",
        "Phó Chủ tịch UBND thành phố Đà Nẵng Trần Văn Minh tặng quà lưu niệm cho đoàn.",
        "Hai bên thống nhất giao các sở, ngành liên quan xây dựng kế hoạch cụ thể để triển khai các nội "
        "dung hợp tác trong năm 2019.",
    ]
    meta = extract_metadata(doc, cleaned)
    assert meta.published == DateValue(value="2019-04-10", precision="day")
    assert meta.outlet == "VOV"
    assert meta.authors == ["Hoàng Anh"]


def test_teasers_after_a_bare_byline_and_glued_headlines_are_dropped():
    doc = one_doc(FIXTURES / "cantho_kumamoto.txt")
    cleaned = clean(doc)
    assert cleaned.title == "Cần Thơ tìm kiếm cơ hội hợp tác với tỉnh Kumamoto (Nhật Bản)"
    body = cleaned.body.split("\n")
    assert len(body) == 4
    assert body[0].startswith("Sáng 4/10, tại thành phố Cần Thơ")
    assert body[1] == "Chủ tịch UBND thành phố Cần Thơ Lê Quang Mạnh phát biểu tại buổi làm việc."
    assert body[3].startswith("Ông Tanaka Hiroshi cho biết")
    for leaked in ("Vĩnh Long", "Gimhae", "Sóc Trăng", "Ảnh", "NGỌC TRÂM", "Lên đầu trang"):
        assert leaked not in cleaned.body
    meta = extract_metadata(doc, cleaned)
    assert meta.published == DateValue(value="2019-10-05", precision="day")
    assert meta.authors == ["Ngọc Trâm"]


def test_a_headline_printed_twice_before_a_dated_lead_ends_the_article():
    raw = "\n".join(
        [
            "Bắc Ninh làm việc với tỉnh Gyeonggi về phát triển khu công nghiệp",
            "Sáng 12/9, lãnh đạo tỉnh Bắc Ninh đã làm việc với đoàn công tác tỉnh Gyeonggi (Hàn Quốc).",
            "Hai bên trao đổi về thu hút đầu tư vào các khu công nghiệp và đào tạo lao động.",
            "Tỉnh Gyeonggi đề nghị Bắc Ninh hỗ trợ doanh nghiệp Hàn Quốc mở rộng sản xuất.",
            "Hưng Yên đón đoàn doanh nghiệp Đài Loan",
            "Hưng Yên đón đoàn doanh nghiệp Đài Loan",
            "Ngày 11/9, UBND tỉnh Hưng Yên tiếp đoàn doanh nghiệp Đài Loan tìm hiểu cơ hội đầu tư.",
        ]
    )
    cleaned = clean(Document(source="bacninh.txt", raw=raw))
    assert cleaned.body.split("\n") == raw.split("\n")[1:4]


def test_province_menu_login_and_paywall_boxes_never_reach_title_or_body():
    raw = "\n".join(
        [
            "xem thêm",
            "Cà Mau",
            "Kiên Giang",
            "Long An",
            "Tiền Giang",
            "icon 24h qua",
            "Đăng nhập",
            "",
            "Kiên Giang và tỉnh Kampot (Campuchia) ký kết hợp tác giai đoạn mới",
            "",
            "(PLO) - Chiều 20-8, tỉnh Kiên Giang và tỉnh Kampot đã ký biên bản hợp tác về an ninh biên giới.",
            "",
            "Ông Lâm Minh Thành khẳng định hai tỉnh sẽ phối hợp phòng chống buôn lậu qua biên giới.",
            "",
            "Lên đầu trang",
            "Bạn cần đăng nhập để thực hiện chức năng này!",
            "Gia hạn tài khoản bạn đọc VIP",
            "Chọn phương thức thanh toán",
        ]
    )
    doc = Document(source="kiengiang.txt", raw=raw)
    cleaned = clean(doc)
    assert cleaned.title == "Kiên Giang và tỉnh Kampot (Campuchia) ký kết hợp tác giai đoạn mới"
    assert cleaned.body.split("\n") == [raw.split("\n")[10], raw.split("\n")[12]]
    assert extract_metadata(doc, cleaned).outlet == "Pháp Luật TP.HCM"


def test_corpus_article_keeps_summary_first_and_cuts_inline_related_links():
    (doc, *_) = list(read_paths([str(FIXTURES / "laocai_vannam.jsonl")]))
    cleaned = clean(doc)
    assert cleaned.title == "Lào Cai và Vân Nam bàn hợp tác phát triển cửa khẩu"
    assert cleaned.body.split("\n") == [
        "Ngày 15/3, tại thành phố Lào Cai, lãnh đạo tỉnh Lào Cai đã hội đàm với đoàn đại biểu tỉnh "
        "Vân Nam (Trung Quốc).",
        "Hai bên thống nhất nâng cấp cặp cửa khẩu quốc tế Lào Cai - Hà Khẩu và tăng cường hợp tác "
        "trong lĩnh vực nông nghiệp, du lịch.",
        "Quang cảnh buổi hội đàm.",
        "Phía Vân Nam đề nghị hai tỉnh sớm hoàn thành cầu đường bộ qua sông Hồng tại khu vực Bát Xát.",
    ]
    assert "Hà Giang" not in cleaned.body and "Lai Châu" not in cleaned.body
    assert extract_metadata(doc, cleaned).authors == ["Quốc Hồng"]


def test_html_body_drops_the_repeated_heading_and_related_list():
    doc = one_doc(FIXTURES / "quangninh_quangtay.html")
    cleaned = clean(doc)
    assert cleaned.title == "Quảng Ninh và Quảng Tây tăng cường hợp tác thương mại biên giới"
    body = cleaned.body.split("\n")
    assert len(body) == 4
    assert body[0].startswith("Ngày 4/10, tại thành phố Hạ Long")
    assert "Lạng Sơn" not in cleaned.body and "Cao Bằng" not in cleaned.body


# --- the real seed pages (read at run time, never copied) ---------------------


def score_fold(text: str) -> str:
    """The scorer's comparison key: no case, diacritics or punctuation."""
    text = unicodedata.normalize("NFD", text).lower().replace("đ", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="shared seeds not available")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_title_found_and_teasers_gone(seed):
    gold = json.loads((SHARED / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
    doc = one_doc(seed)
    cleaned = clean(doc)
    assert score_fold(cleaned.title) == score_fold(gold["title"])
    text = score_fold(cleaned.title + "\n" + cleaned.body)
    for leak in gold.get("must_not_appear") or []:
        assert not re.search(r"\b" + re.escape(score_fold(leak)) + r"\b", text), leak
    if gold.get("published"):
        published = extract_metadata(doc, cleaned).published
        assert published is not None and published.value.startswith(gold["published"]["value"])


def test_a_portal_s_site_name_breadcrumb_and_view_count_are_no_lead():
    doc = one_doc(FIXTURES / "binhphuoc_portal_breadcrumb.txt")
    cleaned = clean(doc)
    assert cleaned.body.split("\n")[0].startswith("Ngày 11/12, tại thành phố Kratie")
    for furniture in ("Cổng thông tin", "Trang chủ", "Lượt xem"):
        assert furniture not in cleaned.body
    assert extract_metadata(doc, cleaned).published == DateValue(value="2024-12-12", precision="day")


def test_a_related_headline_on_its_own_line_is_dropped_wherever_it_stands():
    raw = (
        "Bến Tre tiếp đoàn tỉnh Chungcheongnam\n\n"
        "Chiều 3/6, Chủ tịch UBND tỉnh Bến Tre tiếp đoàn đại biểu tỉnh Chungcheongnam (Hàn Quốc).\n"
        "Tin liên quan: Cần Thơ và Singapore thúc đẩy hợp tác phát triển đô thị thông minh\n"
        "Hai bên trao đổi về hợp tác nông nghiệp và đào tạo nghề."
    )
    cleaned = clean(Document(source="bentre.txt", raw=raw))
    assert cleaned.body.split("\n") == [
        "Chiều 3/6, Chủ tịch UBND tỉnh Bến Tre tiếp đoàn đại biểu tỉnh Chungcheongnam (Hàn Quốc).",
        "Hai bên trao đổi về hợp tác nông nghiệp và đào tạo nghề.",
    ]


def test_a_bracketed_headline_of_another_article_is_dropped():
    raw = "\n".join(
        [
            "Lạng Sơn và thành phố Sùng Tả hội đàm đầu xuân",
            "Ngày 20/2, tại thành phố Sùng Tả, đoàn đại biểu tỉnh Lạng Sơn đã hội đàm với lãnh đạo thành phố Sùng Tả.",
            "[Lạng Sơn tiếp đoàn công tác huyện Long Châu (Quảng Tây, Trung Quốc)]",
            "Kết thúc buổi hội đàm, hai bên đã ký biên bản hội đàm năm 2024.",
        ]
    )
    cleaned = clean(Document(source="langson.txt", raw=raw))
    assert cleaned.body.split("\n") == [raw.split("\n")[1], raw.split("\n")[3]]
