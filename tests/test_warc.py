"""Web archives: Vietnamese pages out of WARC records, legacy encodings, damaged archives, the CLI."""

import csv
import io
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import hoptac.ingest
from hoptac.cli import app
from hoptac.ingest import Rejected, read_paths
from hoptac.models import Document

DATA = Path(hoptac.ingest.__file__).with_name("data")


# --- encoders for writing legacy pages --------------------------------------


def charmap_encoder(name: str):
    rows = csv.DictReader(
        line for line in (DATA / f"{name}.csv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    )
    table = {chr(int(row["unicode"][2:], 16)): bytes([int(row["byte"], 16)]) for row in rows}

    def encode(text: str) -> bytes:
        return b"".join(table.get(ch) or ch.encode("ascii") for ch in unicodedata.normalize("NFC", text))

    return encode


tcvn3 = charmap_encoder("tcvn3")
viscii = charmap_encoder("viscii")


def cp1258(text: str) -> bytes:
    """Windows-1258 as legacy editors wrote it: base letters (ă, ơ, đ...) with tones as combining marks."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323")
        stem = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
        out += (stem + tones).encode("cp1258")
    return out


def test_legacy_tables_match_the_standards():
    # Spot checks against the printed tables (TCVN 5712:1993 VN3, RFC 1456).
    assert tcvn3("Nghệ An, Đà Nẵng, người") == b"Ngh\xd6 An, \xa7\xb5 N\xbdng, ng\xad\xeai"
    assert viscii("Nghệ An, Đà Nẵng, người") == b"Ngh\xae An, \xd0\xe0 N\xc7ng, ng\xdf\xb6i"
    assert cp1258("Hợp") == b"H\xf5\xf2p"


# --- the archive --------------------------------------------------------------

SITE = "https://baotinh.example.vn"
NAV = "Trang chủ | Thời sự | Kinh tế | Đối ngoại | Văn hóa | Thể thao"
FOOTER = "Bản quyền thuộc Báo Tin Tỉnh. Ghi rõ nguồn khi phát hành lại thông tin từ website này."

NGHEAN = (
    "Nghệ An và tỉnh Gifu thúc đẩy hợp tác nông nghiệp công nghệ cao",
    [
        "Chiều 12/3, tại thành phố Vinh, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đã tiếp đoàn công tác tỉnh "
        "Gifu (Nhật Bản) do ông Kato Yasushi, Phó Thống đốc tỉnh Gifu làm trưởng đoàn.",
        "Tại buổi tiếp, hai bên trao đổi về hợp tác trong lĩnh vực nông nghiệp công nghệ cao, đào tạo nghề và du "
        "lịch. Ông Nguyễn Đức Trung đề nghị tỉnh Gifu giới thiệu doanh nghiệp chế biến nông sản đến tìm hiểu cơ hội "
        "đầu tư tại Nghệ An.",
        "Ông Kato Yasushi cho biết tỉnh Gifu sẵn sàng tiếp nhận thực tập sinh và chia sẻ kinh nghiệm phát triển hợp "
        "tác xã nông nghiệp.",
    ],
)
BINHDINH = (
    "Bình Định tăng cường hợp tác với tỉnh Chungcheongnam",
    [
        "Sáng 20/5, tại thành phố Quy Nhơn, Phó Chủ tịch UBND tỉnh Bình Định Nguyễn Tự Công Hoàng đã tiếp và làm "
        "việc với đoàn công tác tỉnh Chungcheongnam (Hàn Quốc) do ông Park Jung-ho, Phó Tỉnh trưởng tỉnh "
        "Chungcheongnam dẫn đầu.",
        "Hai bên thống nhất tăng cường hợp tác trong lĩnh vực giáo dục, y tế và thủy sản, đồng thời khuyến khích "
        "trao đổi sinh viên giữa các trường đại học của hai địa phương.",
        "Ông Park Jung-ho mời lãnh đạo tỉnh Bình Định tham dự diễn đàn hợp tác địa phương Việt Nam - Hàn Quốc "
        "tổ chức vào tháng 9 tới.",
    ],
)
LAOCAI = (
    "Lào Cai hội đàm với tỉnh Vân Nam về phát triển cửa khẩu",
    [
        "Ngày 8/4, tại thành phố Lào Cai, đoàn công tác tỉnh Lào Cai do ông Trịnh Xuân Trường, Bí thư Tỉnh ủy dẫn "
        "đầu đã hội đàm với đoàn đại biểu tỉnh Vân Nam (Trung Quốc) do ông Vương Dữ Ba, Tỉnh trưởng tỉnh Vân Nam "
        "làm trưởng đoàn.",
        "Hai bên nhất trí đẩy nhanh nâng cấp cặp cửa khẩu quốc tế Lào Cai - Hà Khẩu, tăng cường hợp tác về thương "
        "mại, giao thông và du lịch.",
        "Hai tỉnh cũng thống nhất tổ chức hội chợ thương mại quốc tế tại Lào Cai vào cuối năm nay.",
    ],
)
ENGLISH = (
    "Gifu delegation explores farming ties with Nghe An",
    [
        "A delegation from Gifu prefecture led by vice governor Kato Yasushi met provincial leaders in Vinh on "
        "Tuesday afternoon to discuss high-tech agriculture, vocational training and tourism.",
        "Both sides agreed to encourage food processing companies to study investment opportunities and to "
        "exchange experience in running agricultural cooperatives.",
    ],
)
CHINESE = (
    "云南省与老街省举行会谈 推动口岸合作",
    [
        "4月8日，云南省代表团在老街市与越南老街省领导举行会谈。双方同意加快河口—老街国际口岸的升级改造，"
        "加强在贸易、交通和旅游领域的合作。",
        "双方还商定于今年年底在老街举办国际商品交易会，并进一步便利两地人员往来和货物通关。",
    ],
)


FURNITURE = {
    "vi": (NAV, FOOTER),
    "en": ("Home | World | Business | Asia | Culture | Sport", "© News Example. All rights reserved."),
    "zh": ("首页 | 新闻 | 经济 | 国际 | 文化 | 体育", "版权所有 云南新闻网"),
}


def page(article: tuple[str, list[str]], head: str = "", lang: str = "vi") -> str:
    title, paragraphs = article
    nav, footer = FURNITURE[lang]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head><body>\n<div class="menu">{nav}</div>\n'
        f"<article><h1>{title}</h1>\n{body}\n</article>\n<footer>{footer}</footer></body></html>\n"
    )


PAGES = [
    # (url, HTTP status, Content-Type, body, WARC-Date)
    (
        f"{SITE}/nghe-an-gifu.html",
        "200 OK",
        "text/html; charset=utf-8",
        page(NGHEAN, '<meta property="article:published_time" content="2024-03-12T16:20:00+07:00">').encode(),
        "2024-03-12T10:00:00Z",
    ),
    (
        f"{SITE}/binh-dinh-chungcheongnam.html",
        "200 OK",
        "text/html; charset=windows-1258",
        cp1258(page(BINHDINH)),
        "2024-05-20T18:10:00Z",  # 21 May in Vietnam
    ),
    (f"{SITE}/anh/gifu.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), None),
    (
        "https://news.example.com/gifu-nghe-an",
        "200 OK",
        "text/html; charset=utf-8",
        page(ENGLISH, lang="en").encode(),
        "2024-03-13T02:00:00Z",
    ),
    (f"{SITE}/bai-da-xoa.html", "404 Not Found", "text/html; charset=utf-8", b"<html>404</html>", None),
    (
        "https://yn.example.cn/laojie.html",
        "200 OK",
        "text/html; charset=utf-8",
        page(CHINESE, lang="zh").encode(),
        "2024-04-09T01:00:00Z",
    ),
    (f"{SITE}/tai-lieu/bien-ban.pdf", "200 OK", "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", None),
    (f"{SITE}/lao-cai-van-nam.html", "200 OK", "text/html", tcvn3(page(LAOCAI)), "2019-04-08T09:30:00Z"),
]

EXPECTED = [
    ("Document", f"{SITE}/nghe-an-gifu.html", NGHEAN[0]),
    ("Document", f"{SITE}/binh-dinh-chungcheongnam.html", BINHDINH[0]),
    ("Rejected", f"{SITE}/anh/gifu.jpg", "not HTML (image/jpeg)"),
    ("Rejected", "https://news.example.com/gifu-nghe-an", "not Vietnamese (en)"),
    ("Rejected", f"{SITE}/bai-da-xoa.html", "HTTP 404"),
    ("Rejected", "https://yn.example.cn/laojie.html", "not Vietnamese (zh)"),
    ("Rejected", f"{SITE}/tai-lieu/bien-ban.pdf", "not HTML (application/pdf)"),
    ("Document", f"{SITE}/lao-cai-van-nam.html", LAOCAI[0]),
]


def expected(path: Path, rows=EXPECTED) -> list[tuple[str, str, str]]:
    """EXPECTED as read from `path`: a page's rejection names the archive, then the page."""
    return [(kind, f"{path}: {source}" if kind == "Rejected" else source, what) for kind, source, what in rows]


def write_warc(path: Path, gzip: bool, pages=PAGES) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test crawler"}))
        for url, status, ctype, body, date in pages:
            request = StatusAndHeaders(
                f"GET {url.split('/', 3)[3]} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": date} if date else None
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=warc_headers
            )
            writer.write_record(record)
    return path


def outcome(items) -> list[tuple[str, str, str]]:
    return [(type(i).__name__, i.source, i.title if isinstance(i, Document) else i.reason) for i in items]


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def archive(request, tmp_path) -> Path:
    name = "news.warc.gz" if request.param else "news.warc"
    return write_warc(tmp_path / name, gzip=request.param)


def test_vietnamese_pages_come_out_and_the_rest_is_rejected(archive):
    items = list(read_paths([str(archive)]))
    assert outcome(items) == expected(archive)
    nghean, binhdinh, laocai = (i for i in items if isinstance(i, Document))
    for doc, (title, paragraphs) in ((nghean, NGHEAN), (binhdinh, BINHDINH), (laocai, LAOCAI)):
        assert doc.title == unicodedata.normalize("NFC", title)
        assert doc.url == doc.source
        assert doc.html
        assert unicodedata.normalize("NFC", paragraphs[0]) in doc.raw
        assert unicodedata.is_normalized("NFC", doc.raw)
        assert "Trang chủ" not in doc.raw
    # The page's own date wins; the crawl date (in Vietnam's time) stands in when the page has none.
    assert nghean.published == "2024-03-12"
    assert binhdinh.published == "2024-05-21"
    assert laocai.published == "2019-04-08"


def test_windows_1258_page_is_composed(archive):
    doc = next(i for i in read_paths([str(archive)]) if i.source.endswith("binh-dinh-chungcheongnam.html"))
    assert "Phó Chủ tịch UBND tỉnh Bình Định Nguyễn Tự Công Hoàng" in doc.raw
    assert "\u0323" not in doc.raw and "\u0301" not in doc.raw


def record_offsets(path: Path) -> dict[str, int]:
    """Offset of each response record, by URL (of its gzip member when gzipped)."""
    offsets = {}
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type == "response":
                offsets[record.rec_headers.get_header("WARC-Target-URI")] = records.get_record_offset()
    return offsets


def test_truncated_gzip_archive_gives_what_precedes_the_damage(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", gzip=True)
    cut_at = record_offsets(whole)["https://yn.example.cn/laojie.html"]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: cut_at + 200])  # inside the Chinese page's member
    items = list(read_paths([str(cut)]))
    assert outcome(items) == [
        *expected(cut, EXPECTED[:5]),
        ("Rejected", str(cut), f"damaged archive at byte {cut_at}: file ends inside a gzip member (truncated)"),
    ]


def test_truncated_plain_archive_gives_what_precedes_the_damage(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", gzip=False)
    cut_at = record_offsets(whole)[f"{SITE}/lao-cai-van-nam.html"]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[: cut_at + 900])  # inside the TCVN3 page's body
    items = list(read_paths([str(cut)]))
    assert outcome(items) == [
        *expected(cut, EXPECTED[:7]),
        ("Rejected", str(cut), f"damaged archive at byte {cut_at}: record cut short (truncated)"),
    ]


def test_corrupt_gzip_member_is_reported_with_its_offset(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", gzip=True)
    at = record_offsets(whole)[f"{SITE}/binh-dinh-chungcheongnam.html"]
    data = bytearray(whole.read_bytes())
    data[at + 60 : at + 64] = b"\x00\xff\x00\xff"
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    items = list(read_paths([str(bad)]))
    assert outcome(items[:1]) == EXPECTED[:1]
    assert len(items) == 2
    assert items[1].source == str(bad)
    assert items[1].reason.startswith(f"damaged archive at byte {at}: corrupt gzip data")


def test_not_an_archive_and_empty_file(tmp_path):
    html = tmp_path / "page.warc"
    html.write_text(page(NGHEAN), encoding="utf-8")
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert outcome(read_paths([str(html), str(empty)])) == [
        ("Rejected", str(html), "not a WARC file"),
        ("Rejected", str(empty), "empty file"),
    ]


def test_oversized_page_is_rejected_and_reading_goes_on(tmp_path):
    path = write_warc(tmp_path / "big.warc.gz", gzip=True, pages=[PAGES[0], PAGES[7]])
    tcvn_size = len(PAGES[7][3])
    items = list(read_paths([str(path)], max_bytes=tcvn_size))
    assert outcome(items) == [
        ("Rejected", f"{path}: {PAGES[0][0]}", f"over {tcvn_size / 1_000_000:g} MB"),
        ("Document", PAGES[7][0], LAOCAI[0]),
    ]


def test_directories_with_archives_are_read(tmp_path):
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "a.warc.gz", gzip=True, pages=PAGES[:2])
    write_warc(tmp_path / "crawl" / "b.warc", gzip=False, pages=PAGES[7:])
    (tmp_path / "crawl" / "b.warc.gz.md5").write_text("d41d8cd98f00b204e9800998ecf8427e", encoding="ascii")
    assert [(type(i).__name__, i.source) for i in read_paths([str(tmp_path)])] == [
        ("Document", PAGES[0][0]),
        ("Document", PAGES[1][0]),
        ("Document", PAGES[7][0]),
    ]


def test_archive_streams_in_constant_memory(tmp_path):
    # 2,000 non-HTML records of 4 KB (8 MB): each is read, judged and dropped.
    image = b"\xff\xd8\xff\xe0" + bytes(4096)
    pages = [(f"{SITE}/anh/{n}.jpg", "200 OK", "image/jpeg", image, None) for n in range(2000)]
    path = write_warc(tmp_path / "images.warc.gz", gzip=True, pages=pages)
    tracemalloc.start()
    count = sum(1 for _ in read_paths([str(path)]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 2000
    assert peak < 2_000_000


# --- end to end ---------------------------------------------------------------

runner = CliRunner()


def test_cli_stores_the_vietnamese_articles_once(tmp_path):
    path = write_warc(tmp_path / "news.warc.gz", gzip=True)
    db = f"sqlite:///{tmp_path / 'hoptac.db'}"
    first = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("read 3, new 3, unchanged 0, updated 0, rejected 5; events ")
    assert first.stderr.splitlines() == [
        f"{source}: {reason}" for kind, source, reason in expected(path) if kind == "Rejected"
    ]

    engine = create_engine(db)
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT url, title FROM articles ORDER BY url")).all()
        per_article = dict(
            conn.execute(
                text(
                    "SELECT a.url, count(DISTINCT s.event_id) FROM articles a "
                    "JOIN event_sources s ON s.article_id = a.id GROUP BY a.url"
                )
            ).all()
        )
        events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    assert articles == [
        (f"{SITE}/binh-dinh-chungcheongnam.html", BINHDINH[0]),
        (f"{SITE}/lao-cai-van-nam.html", LAOCAI[0]),
        (f"{SITE}/nghe-an-gifu.html", NGHEAN[0]),
    ]
    assert all(per_article.get(url, 0) >= 1 for url, _ in articles), per_article

    again = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("read 3, new 0, unchanged 3, updated 0, rejected 5; events 0")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar_one() == 3
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == events
    engine.dispose()


# --- the language gate ----------------------------------------------------------


def test_foreign_page_full_of_vietnamese_names_is_judged_on_its_main_text():
    from hoptac.ingest.html import document_from_html
    from hoptac.ingest.language import could_be_vietnamese, language_of

    names = (
        "Nguyễn Đức Trung, Trịnh Xuân Trường, Nguyễn Tự Công Hoàng, Vương Dữ Ba, Bắc Ninh, Quảng Ngãi, "
        "Thừa Thiên Huế, Đắk Lắk, Hà Tĩnh, Bình Dương, Vũng Tàu, Hải Dương, Lạng Sơn, Điện Biên, Sơn La, "
        "Tuyên Quang, Phú Thọ, Vĩnh Phúc, Hưng Yên, Thái Bình and Quảng Trị"
    )
    article = (
        "Provincial leaders meet Japanese partners",
        [
            "A delegation from Gifu prefecture spent five days in central and northern Vietnam this month, "
            "meeting provincial leaders to discuss agriculture, vocational training and tourism. The visit was "
            "the largest the prefecture has sent to the region since the two countries upgraded their ties.",
            f"Officials who received the delegation came from {names}.",
            "Both sides agreed to continue the talks next year in Gifu, where companies from the prefecture will "
            "present their plans for food processing plants and training centres. The prefecture also offered "
            "scholarships for young farmers who want to study greenhouse cultivation in Japan.",
        ],
    )
    html = page(article, lang="en")
    assert could_be_vietnamese(html)  # so the main text decides
    rejected = document_from_html("https://news.example.com/names", html.encode(), language=language_of)
    assert rejected == Rejected("https://news.example.com/names", "not Vietnamese (en)")


def test_vietnamese_without_diacritics_is_not_stopped_by_the_gate():
    from hoptac.ingest.html import document_from_html
    from hoptac.ingest.language import could_be_vietnamese, language_of

    plain = (
        "Nghe An va Gifu thuc day hop tac nong nghiep",
        [
            "Chieu 12/3, tai thanh pho Vinh, Chu tich UBND tinh Nghe An da tiep doan cong tac tinh Gifu "
            "(Nhat Ban) do Pho Thong doc tinh Gifu lam truong doan.",
            "Hai ben trao doi ve hop tac trong linh vuc nong nghiep cong nghe cao, dao tao nghe va du lich.",
        ],
    )
    html = page(plain, lang="en")
    assert not could_be_vietnamese(html)
    doc = document_from_html("https://baotinh.example.vn/khong-dau", html.encode(), language=language_of)
    assert isinstance(doc, Document)
    assert doc.title == plain[0]


def test_chunked_and_gzip_encoded_bodies_are_decoded(tmp_path):
    import zlib

    html = page(NGHEAN).encode()
    packer = zlib.compressobj(wbits=31)
    packed = packer.compress(html) + packer.flush()
    chunked = b"".join(
        b"%x\r\n%s\r\n" % (len(packed[i : i + 500]), packed[i : i + 500]) for i in range(0, len(packed), 500)
    )
    url = f"{SITE}/nghe-an-gifu.html"
    path = tmp_path / "raw.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Encoding", "gzip"),
                ("Transfer-Encoding", "chunked"),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(chunked + b"0\r\n\r\n"), http_headers=headers)
        )
    assert outcome(read_paths([str(path)])) == [("Document", url, NGHEAN[0])]
