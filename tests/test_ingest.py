import gzip
import io
import json
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from hoptac.clean import clean
from hoptac.ingest import Rejected, read_paths
from hoptac.models import Document
from hoptac.textnorm import normalize, slug

FIXTURES = Path(__file__).parent / "fixtures"
DANANG = FIXTURES / "danang_daegu_vov.txt"


def read_one(path, **kw):
    items = list(read_paths([str(path)], **kw))
    assert len(items) == 1
    return items[0]


def test_text_file_becomes_a_document():
    doc = read_one(DANANG)
    assert isinstance(doc, Document)
    assert doc.source == str(DANANG)
    assert not doc.html
    assert "Đà Nẵng và Daegu mở rộng hợp tác về y tế và giáo dục" in doc.raw.splitlines()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("photo_saved_as.txt", "binary content"),
        ("english.txt", "not Vietnamese"),
        ("no_such_article.txt", "no such file or directory"),
    ],
)
def test_unreadable_inputs_are_rejected_with_a_reason(name, reason):
    assert read_one(FIXTURES / name) == Rejected(str(FIXTURES / name), reason)


def test_oversized_file_is_rejected(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(DANANG.read_bytes() * (5_000_000 // len(DANANG.read_bytes()) + 1))
    assert read_one(big) == Rejected(str(big), "over 5 MB")
    assert read_one(DANANG, max_bytes=1000) == Rejected(str(DANANG), "over 0.001 MB")


def test_undecodable_bytes_are_rejected(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Đà Nẵng hợp tác với Daegu".encode() + b"\x81\x8d\x90\xc3")
    assert read_one(bad) == Rejected(str(bad), "cannot decode as UTF-8/UTF-16/CP1258")


def test_utf16_with_bom_reads_like_utf8(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(DANANG.read_text(encoding="utf-8").encode("utf-16"))
    assert read_one(path).raw == read_one(DANANG).raw


def _cp1258(text: str) -> bytes:
    # Windows-1258 has the base letters (ă, ơ, đ...) but writes tones as combining marks.
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            stem = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
            tones = "".join(m for m in marks if m not in "\u0302\u0306\u031b")
            out += (stem + tones).encode("cp1258")
    return out


def test_windows_1258_is_decoded_and_normalised(tmp_path):
    text = "Cần Thơ hợp tác với tỉnh Kumamoto về nông nghiệp, xử lý nước thải và đào tạo nguồn nhân lực."
    path = tmp_path / "legacy.txt"
    path.write_bytes(_cp1258(text))
    assert read_one(path).raw == normalize(text)


def test_html_page_gives_main_text_and_metadata():
    page = FIXTURES / "quangninh_quangtay.html"
    doc = read_one(page)
    assert doc.html
    assert doc.title == "Quảng Ninh và Quảng Tây tăng cường hợp tác thương mại biên giới"
    assert doc.published == "2019-10-05"
    assert doc.outlet == "Báo Biên Cương"
    assert doc.authors == ["Minh Đức"]
    assert doc.url == "https://baobiencuong.example.vn/quang-ninh-quang-tay-hop-tac.html"
    assert "cặp cửa khẩu Móng Cái - Đông Hưng" in doc.raw
    assert "Thời sự" not in doc.raw


@pytest.mark.parametrize("name", ["laocai_vannam.jsonl", "laocai_vannam.jsonl.gz"])
def test_jsonl_lines_become_documents_and_bad_lines_are_rejected(name):
    path = str(FIXTURES / name)
    items = list(read_paths([path]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Document", f"{path}#lc-01"),
        ("Rejected", path),
        ("Rejected", f"{path}#en-01"),
        ("Document", f"{path}#vt-02"),
    ]
    first, bad_json, english, _ = items
    assert first.title == "Lào Cai và Vân Nam bàn hợp tác phát triển cửa khẩu"
    assert first.summary.startswith("Ngày 15/3, tại thành phố Lào Cai")
    assert first.published == "2017-03-15"
    assert first.url == "https://example.vn/lao-cai-van-nam.html"
    assert first.outlet == "Báo Lào Cai"
    assert bad_json.reason == "line 2: not JSON"
    assert english.reason == "line 3: not Vietnamese"


def test_truncated_gzip_is_rejected_after_the_lines_it_holds(tmp_path):
    whole = (FIXTURES / "laocai_vannam.jsonl.gz").read_bytes()
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) - 40])
    items = list(read_paths([str(path)]))
    assert isinstance(items[-1], Rejected)
    assert "corrupt compressed stream" in items[-1].reason


def test_gzipped_corpus_streams_in_constant_memory(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    paragraph = "Tỉnh Điện Biên và tỉnh Phongsaly (Lào) trao đổi kinh nghiệm quản lý biên giới. " * 25
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(4000):  # about 8 MB of text
            out.write(json.dumps({"id": n, "title": f"Bài {n}", "body": paragraph}, ensure_ascii=False) + "\n")
    tracemalloc.start()
    count = sum(1 for item in read_paths([str(path)]) if isinstance(item, Document))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 4000
    assert peak < 2_000_000


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_bytes(DANANG.read_bytes())
    (tmp_path / "a.htm").write_bytes((FIXTURES / "quangninh_quangtay.html").read_bytes())
    (tmp_path / "notes.md").write_text("bỏ qua", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    assert [(type(i).__name__, Path(i.source).name) for i in read_paths([str(tmp_path)])] == [
        ("Document", "a.htm"),
        ("Document", "z.txt"),
        ("Rejected", "c.txt"),
    ]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text_is_one_document(monkeypatch):
    _stdin(monkeypatch, DANANG.read_bytes())
    doc = read_one("-")
    assert doc.source == "-"
    assert clean(doc).title == "Đà Nẵng và Daegu mở rộng hợp tác về y tế và giáo dục"


def test_stdin_json_lines_are_articles(monkeypatch):
    _stdin(monkeypatch, b"\n\n" + (FIXTURES / "laocai_vannam.jsonl").read_bytes())
    items = list(read_paths(["-"]))
    assert [i.source for i in items] == ["-#lc-01", "-", "-#en-01", "-#vt-02"]
    assert items[1].reason == "line 4: not JSON"


def test_an_id_slug_keeps_letters_that_have_no_combining_mark() -> None:
    assert [slug(n) for n in ("Łódź", "Wrocław", "Østfold", "Đà Nẵng", "İzmir")] == [
        "lodz",
        "wroclaw",
        "ostfold",
        "da-nang",
        "izmir",
    ]
