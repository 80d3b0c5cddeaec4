"""Near-duplicate articles: one story republished by several outlets, its facts merged into one event."""

from __future__ import annotations

import csv
import io

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text

from hoptac import store
from hoptac.export import export
from hoptac.models import Document
from hoptac.pipeline import process
from hoptac.store import queries, syndication
from hoptac.store.models import Article, EventRow, EventSource
from hoptac.store.syndication_models import ArticleCopy, ArticleSignature
from hoptac.textnorm import fold

# --- articles of our own writing ------------------------------------------------------------

HUE_TITLE = "Thừa Thiên Huế và tỉnh Gyeongsangbuk ký kết biên bản ghi nhớ hợp tác văn hóa, du lịch"
HUE_BODY = (
    "Sáng 14/5, tại thành phố Huế, UBND tỉnh Thừa Thiên Huế và chính quyền tỉnh Gyeongsangbuk (Hàn Quốc) "
    "đã ký kết biên bản ghi nhớ hợp tác trong lĩnh vực văn hóa, du lịch và đào tạo nguồn nhân lực giai đoạn "
    "2024 - 2028. Tham dự lễ ký kết có ông Nguyễn Văn Phương, Chủ tịch UBND tỉnh Thừa Thiên Huế và ông "
    "Lee Cheol-woo, Tỉnh trưởng tỉnh Gyeongsangbuk. Phát biểu tại buổi lễ, ông Nguyễn Văn Phương cho biết "
    "hai địa phương có nhiều nét tương đồng về di sản văn hóa, đặc biệt là hệ thống di tích cung đình và các "
    "làng nghề truyền thống. Theo biên bản ghi nhớ, hai bên sẽ phối hợp tổ chức các hoạt động quảng bá du lịch, "
    "trao đổi đoàn nghệ nhân, hỗ trợ đào tạo hướng dẫn viên và kết nối các doanh nghiệp lữ hành. Tỉnh "
    "Gyeongsangbuk cũng cam kết cấp 20 suất học bổng mỗi năm cho sinh viên Thừa Thiên Huế theo học tại các "
    "trường đại học của tỉnh. Ông Lee Cheol-woo bày tỏ mong muốn hai địa phương sớm mở đường bay thẳng giữa "
    "Huế và Daegu để thuận tiện cho du khách. Hai bên cũng thống nhất cùng quảng bá Festival Huế năm 2026 tới "
    "du khách Hàn Quốc."
)

# Another outlet two days later: its own title, the scholarship sentence dropped, the date
# written "Ngày 14-5", the province under its short name "Gyeongbuk", the city named as a party.
REPUBLISHED_TITLE = "Huế bắt tay tỉnh Gyeongbuk của Hàn Quốc phát triển du lịch, văn hóa"
REPUBLISHED_BODY = (
    HUE_BODY.replace("Sáng 14/5, tại thành phố Huế", "Ngày 14-5, tại TP Huế")
    .replace(
        " Tỉnh Gyeongsangbuk cũng cam kết cấp 20 suất học bổng mỗi năm cho sinh viên Thừa Thiên Huế theo học "
        "tại các trường đại học của tỉnh.",
        "",
    )
    .replace("Gyeongsangbuk", "Gyeongbuk")
)

# A third outlet with no date in the text: the signing is dated by its own publication day.
UNDATED_TITLE = "Thừa Thiên Huế hợp tác với tỉnh Gyeongsangbuk về văn hóa, du lịch và đào tạo nhân lực"
UNDATED_BODY = HUE_BODY.replace("Sáng 14/5, tại thành phố Huế", "Vừa qua, tại thành phố Huế").replace(
    " Tỉnh Gyeongsangbuk cũng cam kết cấp 20 suất học bổng mỗi năm cho sinh viên Thừa Thiên Huế theo học "
    "tại các trường đại học của tỉnh.",
    "",
)

# The same signing told in an outlet's own words: no copy, but the same parties and date.
OWN_WORDS_TITLE = "Mở rộng hợp tác giữa Thừa Thiên Huế và Gyeongsangbuk"
OWN_WORDS_BODY = (
    "Chiều 14/5, lãnh đạo tỉnh Thừa Thiên Huế và tỉnh Gyeongsangbuk (Hàn Quốc) đã ký biên bản ghi nhớ về "
    "hợp tác du lịch. Theo Sở Ngoại vụ, văn kiện mở ra cơ hội đưa các tour du lịch di sản của Huế tới du "
    "khách Hàn Quốc, đồng thời thúc đẩy giao lưu giữa các trường nghề hai địa phương."
)

# A different story about the same partners, four months later.
AGRICULTURE_TITLE = "Gyeongsangbuk hỗ trợ Thừa Thiên Huế phát triển nông nghiệp công nghệ cao"
AGRICULTURE_BODY = (
    "Ngày 20/9, tại Huế, UBND tỉnh Thừa Thiên Huế và tỉnh Gyeongsangbuk (Hàn Quốc) đã ký thỏa thuận hợp tác "
    "phát triển nông nghiệp công nghệ cao. Theo thỏa thuận, phía Hàn Quốc sẽ chuyển giao kỹ thuật trồng nấm "
    "và dâu tây trong nhà kính cho ba hợp tác xã ở huyện Phong Điền, đồng thời cử chuyên gia sang hướng dẫn "
    "nông dân trong hai năm. Ông Hoàng Hải Minh, Phó Chủ tịch UBND tỉnh Thừa Thiên Huế, đề nghị tỉnh bạn "
    "giới thiệu các doanh nghiệp chế biến nông sản đến tìm hiểu cơ hội đầu tư tại khu công nghiệp Phong Điền."
)


# Two meetings of one province with two delegations, written from one template: the shared
# paragraph on the province's investment makes them near-copies, yet they are two events.
BOILERPLATE = (
    "Quảng Nam hiện có 152 dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký hơn 6 tỷ USD, tập trung tại "
    "Khu kinh tế mở Chu Lai và các khu công nghiệp Điện Nam - Điện Ngọc, Thuận Yên. Tỉnh đang ưu tiên thu hút "
    "các dự án công nghệ cao, công nghiệp hỗ trợ, chế biến nông sản và du lịch chất lượng cao, đồng thời cam kết "
    "tạo mọi điều kiện thuận lợi về thủ tục hành chính, mặt bằng và nguồn nhân lực cho nhà đầu tư."
)
GIFU_BODY = (
    "Sáng 3/5, tại trụ sở UBND tỉnh, ông Lê Trí Thanh, Chủ tịch UBND tỉnh Quảng Nam đã tiếp đoàn công tác tỉnh "
    "Gifu (Nhật Bản) do ông Furuta Hajime, Thống đốc tỉnh Gifu dẫn đầu. Hai bên trao đổi về khả năng hợp tác "
    "trong lĩnh vực nông nghiệp và đào tạo nghề. " + BOILERPLATE
)
CHUNGBUK_BODY = (
    "Chiều 10/5, tại trụ sở UBND tỉnh, ông Lê Trí Thanh, Chủ tịch UBND tỉnh Quảng Nam đã tiếp đoàn công tác tỉnh "
    "Chungcheongbuk (Hàn Quốc) do ông Lee Si-jong, Tỉnh trưởng tỉnh Chungcheongbuk dẫn đầu. Hai bên bàn về hợp tác "
    "đưa lao động thời vụ và phát triển làng nghề. " + BOILERPLATE
)


def article(source: str, title: str, body: str, published: str, outlet: str) -> Document:
    return Document(source=source, raw=body, title=title, published=published, outlet=outlet)


ORIGINAL = article("thuathienhue.vn/ky-ket-gyeongsangbuk", HUE_TITLE, HUE_BODY, "2024-05-14", "Báo Thừa Thiên Huế")
REPUBLISHED = article("baomoi.vn/hue-bat-tay-gyeongbuk", REPUBLISHED_TITLE, REPUBLISHED_BODY, "2024-05-16", "Báo Mới")
UNDATED = article("dulich.vn/hue-gyeongsangbuk", UNDATED_TITLE, UNDATED_BODY, "2024-05-17", "Tạp chí Du lịch")
OWN_WORDS = article("vov.vn/hue-gyeongsangbuk", OWN_WORDS_TITLE, OWN_WORDS_BODY, "2024-05-15", "VOV")
AGRICULTURE = article(
    "thuathienhue.vn/nong-nghiep-gyeongsangbuk", AGRICULTURE_TITLE, AGRICULTURE_BODY, "2024-09-21", "Báo Thừa Thiên Huế"
)


GIFU = article(
    "quangnam.gov.vn/tiep-doan-gifu",
    "Quảng Nam tiếp đoàn công tác tỉnh Gifu (Nhật Bản)",
    GIFU_BODY,
    "2024-05-03",
    "Cổng TTĐT Quảng Nam",
)
CHUNGBUK = article(
    "quangnam.gov.vn/tiep-doan-chungbuk",
    "Quảng Nam tiếp đoàn công tác tỉnh Chungcheongbuk (Hàn Quốc)",
    CHUNGBUK_BODY,
    "2024-05-10",
    "Cổng TTĐT Quảng Nam",
)


@pytest.fixture
def db(db_url):
    opened = store.open(db_url)
    yield opened
    opened.close()


def ingest(opened: store.Store, *docs: Document) -> list[store.IngestOutcome]:
    with opened.session() as session:
        return [store.ingest_result(session, process(doc)) for doc in docs]


def article_id(session, doc: Document) -> int:
    return session.scalar(select(Article.id).where(Article.source == doc.source))


def signings(session) -> list[queries.StoredEvent]:
    return queries.events(session, kind="signing")


# --- signatures ------------------------------------------------------------------------------


def test_signature_is_deterministic_and_folds_diacritics():
    sig = syndication.signature(HUE_BODY)
    assert len(sig) == syndication.NUM_PERM
    assert all(0 <= v < 2**32 for v in sig)
    assert sig == syndication.signature(HUE_BODY)
    # Case and diacritics do not matter: "Huế" and "HUE" are one word.
    assert syndication.similarity(sig, syndication.signature(HUE_BODY.upper())) == 1.0
    assert syndication.similarity(sig, syndication.signature(fold(HUE_BODY))) == 1.0


def test_shingles_are_the_distinct_five_word_windows():
    # Seven words, three windows; the same words in any case or accents hash alike.
    hashes = syndication.shingle_hashes(fold("Đà Nẵng tiếp đoàn Daegu hôm nay"))
    assert len(hashes) == 3
    assert list(hashes) == list(syndication.shingle_hashes("da nang tiep doan daegu hom nay"))
    # A window seen twice counts once; a text of five words or fewer is one shingle.
    assert len(syndication.shingle_hashes("a b c d e a b c d e")) == 5
    assert len(syndication.shingle_hashes("tin ngan")) == 1
    assert len(syndication.shingle_hashes("…")) == 0
    # Word order matters: the same words in another order are other shingles.
    assert set(syndication.shingle_hashes("b a c d e")).isdisjoint(syndication.shingle_hashes("a b c d e"))


def test_republication_is_similar_and_other_stories_are_not():
    original = syndication.signature(f"{HUE_TITLE}\n\n{HUE_BODY}")
    republished = syndication.similarity(original, syndication.signature(f"{REPUBLISHED_TITLE}\n\n{REPUBLISHED_BODY}"))
    undated = syndication.similarity(original, syndication.signature(f"{UNDATED_TITLE}\n\n{UNDATED_BODY}"))
    own_words = syndication.similarity(original, syndication.signature(f"{OWN_WORDS_TITLE}\n\n{OWN_WORDS_BODY}"))
    other = syndication.similarity(original, syndication.signature(f"{AGRICULTURE_TITLE}\n\n{AGRICULTURE_BODY}"))
    assert 0.6 <= republished <= 0.8
    assert 0.65 <= undated <= 0.85
    assert own_words < 0.1
    assert other < 0.1


# --- ingest ----------------------------------------------------------------------------------


def test_copies_merge_into_one_event_whose_first_report_is_the_earliest(db):
    # The republication is stored before the original: first report goes by publication date.
    outcomes = ingest(db, REPUBLISHED, ORIGINAL, UNDATED, AGRICULTURE)
    assert [o.status for o in outcomes] == ["new"] * 4
    assert [o.merged for o in outcomes] == [0, 1, 1, 0]
    with db.session() as s:
        ids = {doc.source: article_id(s, doc) for doc in (ORIGINAL, REPUBLISHED, UNDATED, AGRICULTURE)}
        assert syndication.find_copies(s, ORIGINAL.title + "\n\n" + HUE_BODY, exclude=ids[ORIGINAL.source]) == [
            ids[UNDATED.source],
            ids[REPUBLISHED.source],
        ]
        links = {(a, b): sim for a, b, sim in s.execute(select(ArticleCopy.__table__))}
        # Linked later-stored to earlier-stored, whatever was published first.
        assert set(links) == {
            (ids[ORIGINAL.source], ids[REPUBLISHED.source]),
            (ids[UNDATED.source], ids[REPUBLISHED.source]),
            (ids[UNDATED.source], ids[ORIGINAL.source]),
        }
        assert 0.6 <= links[(ids[ORIGINAL.source], ids[REPUBLISHED.source])] <= 0.8
        assert [c.source for c in queries.copies_of(s, ids[ORIGINAL.source])] == [UNDATED.source, REPUBLISHED.source]

        found = signings(s)
        assert [(e.event.date.value, sorted(e.sources)) for e in found] == [
            ("2024-05-14", sorted([ORIGINAL.source, REPUBLISHED.source, UNDATED.source])),
            ("2024-09-20", [AGRICULTURE.source]),
        ]
        merged = found[0]
        assert merged.first_report == ORIGINAL.source
        assert sorted(merged.copies) == sorted([REPUBLISHED.source, UNDATED.source])
        # Each article keeps what it said: the undated copy's own day, the republication's extra party.
        dates = {
            s.get(Article, src.article_id).source: src.date["value"]
            for src in s.scalars(select(EventSource).where(EventSource.event_id == merged.id))
        }
        assert dates == {ORIGINAL.source: "2024-05-14", REPUBLISHED.source: "2024-05-14", UNDATED.source: "2024-05-17"}
        # "Huế bắt tay tỉnh Gyeongbuk" names the province, as "tại TP Huế" names only the venue.
        assert [p.id for p in merged.event.parties] == ["VN-26", "KR-47"]
        assert found[1].first_report == AGRICULTURE.source
        assert found[1].copies == []


def test_without_the_copy_link_the_edited_copies_stay_apart():
    """The control: the undated copy's event differs in date, so only the copy link merges it."""
    original, republished, undated = process(ORIGINAL), process(REPUBLISHED), process(UNDATED)
    fingerprints = {store.write.fingerprint(r.events[0]) for r in (original, republished, undated)}
    assert fingerprints == {"signing|KR-47,VN-26"}
    days = [r.events[0].date.value for r in (original, republished, undated)]
    assert days == ["2024-05-14", "2024-05-14", "2024-05-17"]


def test_same_meeting_in_own_words_merges_by_fingerprint(db):
    outcomes = ingest(db, ORIGINAL, OWN_WORDS)
    assert [o.merged for o in outcomes] == [0, 1]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ArticleCopy)) == 0
        [event] = signings(s)
        assert sorted(event.sources) == sorted([ORIGINAL.source, OWN_WORDS.source])
        assert event.first_report == ORIGINAL.source
        assert event.copies == []


def test_template_articles_about_two_meetings_keep_two_events(db):
    outcomes = ingest(db, GIFU, CHUNGBUK)
    assert [o.merged for o in outcomes] == [0, 0]
    with db.session() as s:
        [(_, _, similarity)] = s.execute(select(ArticleCopy.__table__)).all()
        assert 0.5 <= similarity <= 0.7
        meetings = queries.events(s, kind="meeting")
        assert [(e.event.date.value, [p.id for p in e.event.parties], e.copies) for e in meetings] == [
            ("2024-05-03", ["VN-27", "JP-21"], []),
            ("2024-05-10", ["VN-27", "KR-43"], []),
        ]


def indexed(session) -> dict[int, bool]:
    return dict(session.execute(select(ArticleSignature.article_id, ArticleSignature.indexed)).all())


def test_articles_without_events_are_signed_but_not_indexed_until_they_have_some(db):
    bare = process(ORIGINAL).model_copy(update={"events": []})
    with db.session() as s:
        store.ingest_result(s, bare)
    ingest(db, REPUBLISHED)
    with db.session() as s:
        oid, rid = article_id(s, ORIGINAL), article_id(s, REPUBLISHED)
        assert indexed(s) == {oid: False, rid: True}
        assert s.scalar(select(func.count()).select_from(ArticleCopy)) == 0
        assert syndication.find_copies(s, HUE_TITLE + "\n\n" + HUE_BODY) == [rid]
        # Re-extraction finds the original's signing: it joins the index, its copy and the copy's event.
        assert store.reextract(s)[0] == 2
        assert indexed(s) == {oid: True, rid: True}
        assert [(a, b) for a, b, _ in s.execute(select(ArticleCopy.__table__))] == [(rid, oid)]
        [event] = signings(s)
        assert sorted(event.sources) == sorted([ORIGINAL.source, REPUBLISHED.source])
        assert event.first_report == ORIGINAL.source


def test_reingest_duplicates_nothing(db):
    ingest(db, ORIGINAL, REPUBLISHED, AGRICULTURE)
    again = ingest(db, ORIGINAL, REPUBLISHED, AGRICULTURE)
    assert [o.status for o in again] == ["unchanged"] * 3
    with db.session() as s:
        counts = [s.scalar(select(func.count()).select_from(m)) for m in (ArticleSignature, ArticleCopy, EventRow)]
        assert counts == [3, 1, 2]
        assert [len(e.sources) for e in signings(s)] == [2, 1]


def test_updated_article_recomputes_its_signature_and_copy_links(db):
    ingest(db, ORIGINAL, REPUBLISHED)
    with db.session() as s:
        rid = article_id(s, REPUBLISHED)
        before = s.get(ArticleSignature, rid)
        old_signature, old_stamp = before.signature, before.stamp
    # The outlet replaced the page with another story.
    replaced = article(REPUBLISHED.source, AGRICULTURE_TITLE, AGRICULTURE_BODY, "2024-09-21", "Báo Mới")
    [outcome] = ingest(db, replaced)
    assert (outcome.status, outcome.article_id) == ("updated", rid)
    with db.session() as s:
        after = s.get(ArticleSignature, rid)
        assert after.signature != old_signature
        assert after.stamp > old_stamp
        assert after.signature == syndication._pack(syndication._values(AGRICULTURE_TITLE + "\n\n" + AGRICULTURE_BODY))
        assert s.scalar(select(func.count()).select_from(ArticleCopy)) == 0
        assert [(e.event.date.value, e.sources) for e in signings(s)] == [
            ("2024-05-14", [ORIGINAL.source]),
            ("2024-09-20", [REPUBLISHED.source]),
        ]
        # The index follows: the original's text no longer finds the replaced page.
        assert syndication.find_copies(s, HUE_TITLE + "\n\n" + HUE_BODY) == [article_id(s, ORIGINAL)]


def test_a_second_ingest_process_sees_the_first_ones_articles(db_url):
    first, second = store.open(db_url), store.open(db_url)
    try:
        # The second process builds its index before the original exists ...
        ingest(second, AGRICULTURE)
        ingest(first, ORIGINAL)
        # ... and still finds it when the republication arrives.
        [outcome] = ingest(second, REPUBLISHED)
        assert outcome.merged == 1
        with second.session() as s:
            assert [len(e.sources) for e in signings(s)] == [2, 1]
    finally:
        first.close()
        second.close()


def test_reextract_keeps_copies_merged(db):
    ingest(db, ORIGINAL, REPUBLISHED, UNDATED)
    with db.session() as s:
        assert store.reextract(s)[0] == 3
        [event] = signings(s)
        assert len(event.sources) == 3
        assert event.first_report == ORIGINAL.source


def test_csv_export_appends_first_report_and_copies(db):
    ingest(db, REPUBLISHED, ORIGINAL, AGRICULTURE)
    with db.session() as s:
        buffer = io.StringIO()
        export(s, "csv", buffer)
    header, *rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert header[-5:] == ["sources", "curated", "first_report", "copies", "sample"]
    signing = {r[header.index("date")]: dict(zip(header, r, strict=True)) for r in rows if r[1] == "signing"}
    assert signing["2024-05-14"]["sources"] == f"{REPUBLISHED.source}; {ORIGINAL.source}"
    assert signing["2024-05-14"]["first_report"] == ORIGINAL.source
    assert signing["2024-05-14"]["copies"] == REPUBLISHED.source
    assert (signing["2024-09-20"]["first_report"], signing["2024-09-20"]["copies"]) == (AGRICULTURE.source, "")


def test_migration_signs_articles_stored_before_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    opened = store.open(url)
    ingest(opened, ORIGINAL, REPUBLISHED, AGRICULTURE)
    config = Config()
    config.set_main_option("script_location", str(store._MIGRATIONS))
    with opened.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        assert "article_signatures" not in {
            name for (name,) in connection.execute(text("select name from sqlite_master where type='table'"))
        }
    opened.close()
    reopened = store.open(url)
    try:
        with reopened.session() as s:
            ids = [article_id(s, doc) for doc in (ORIGINAL, REPUBLISHED, AGRICULTURE)]
            assert sorted(s.scalars(select(ArticleSignature.article_id))) == sorted(ids)
            assert [(a, b) for a, b, _ in s.execute(select(ArticleCopy.__table__))] == [(ids[1], ids[0])]
    finally:
        reopened.close()
