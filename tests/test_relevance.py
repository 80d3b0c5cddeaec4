"""The shipped relevance model on news of our own writing: cooperation news passes, other news does not."""

from __future__ import annotations

from hoptac.extract import extract_facts
from hoptac.extract.relevance import STRONG_FLOOR, model, relevance, set_aside, tokens
from hoptac.models import DateValue

COOPERATION = (
    "Bình Định tiếp đoàn công tác tỉnh Kagoshima\n\n"
    "Chiều 14/5, Chủ tịch UBND tỉnh Bình Định đã tiếp đoàn công tác tỉnh Kagoshima (Nhật Bản) do Phó Thống đốc "
    "dẫn đầu. Hai bên trao đổi về hợp tác đào tạo nguồn nhân lực, du lịch và nông nghiệp, hướng tới ký kết "
    "biên bản ghi nhớ hợp tác giữa hai địa phương."
)
CELEBRITY = (
    "Hoa hậu rạng rỡ tại sự kiện thời trang ở Paris\n\n"
    "Tối 14/5, hoa hậu xuất hiện rạng rỡ trên thảm đỏ tuần lễ thời trang, diện váy dạ hội của nhà thiết kế "
    "nổi tiếng. Người đẹp chia sẻ cô đã tập luyện catwalk suốt nhiều tháng và rất hạnh phúc khi được khán giả "
    "yêu mến. Trước đó, cô từng đăng quang cuộc thi sắc đẹp và tham gia nhiều show truyền hình."
)


def test_features_are_words_and_word_pairs_with_names_as_one() -> None:
    assert tokens("hợp tác du lịch với Đà Nẵng") == [
        "hợp", "tác", "du", "lịch", "với", "<name>", "<name>",
        "hợp tác", "tác du", "du lịch", "lịch với", "với <name>", "<name> <name>",
    ]  # fmt: skip


def test_cooperation_news_is_far_above_the_threshold_and_celebrity_news_below() -> None:
    m = model()
    assert m.probability(COOPERATION) > 0.5
    assert m.probability(CELEBRITY) < m.threshold
    assert not set_aside(relevance(COOPERATION), strong=False) and set_aside(relevance(CELEBRITY), strong=False)


def test_a_place_named_in_celebrity_news_makes_no_event() -> None:
    organised = "tuần lễ thời trang do Đại sứ quán Pháp và UBND TP Hồ Chí Minh phối hợp tổ chức,"
    text = CELEBRITY.replace("tuần lễ thời trang,", organised)
    assert extract_facts(text, DateValue(value="2024-05-15", precision="day")) == ([], [])


def test_a_province_with_a_foreign_locality_is_set_aside_only_far_lower() -> None:
    assert model().threshold > STRONG_FLOOR
    between = (STRONG_FLOOR + model().threshold) / 2
    assert set_aside(between, strong=False) and not set_aside(between, strong=True)


def test_an_aid_article_in_words_the_training_never_saw_is_read() -> None:
    text = (
        "Tỉnh Chungcheongnam (Hàn Quốc) tặng khẩu trang cho tỉnh Hà Nam\n\n"
        "Ngày 12/8/2021, đại diện tỉnh Chungcheongnam (Hàn Quốc) đã trao tặng 100.000 khẩu trang y tế và "
        "3 máy thở cho ngành y tế tỉnh Hà Nam để hỗ trợ công tác phòng, chống dịch COVID-19."
    )
    events, _ = extract_facts(text, DateValue(value="2021-08-13", precision="day"))
    assert [(e.kind, {p.id: p.role for p in e.parties}) for e in events] == [
        ("aid", {"KR-44": "funder", "VN-63": "recipient"})
    ]
