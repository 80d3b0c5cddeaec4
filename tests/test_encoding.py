"""Decoding pages in UTF-8, Windows-1258, VISCII and TCVN3, declared, mislabelled or silent."""

import unicodedata

import pytest
from test_warc import cp1258, tcvn3, viscii

from hoptac.ingest import read_paths
from hoptac.ingest.encoding import charset_label, decode_html, is_syllable, meta_charset

LEAD = (
    "Sáng 5/9, tại Đà Nẵng, Phó Chủ tịch UBND thành phố đã tiếp đoàn đại biểu thành phố Sakai (Nhật Bản). "
    "Hai bên thống nhất mở rộng hợp tác về quản lý đô thị, xử lý nước thải và đào tạo nguồn nhân lực."
)
HTML = "<html><head>{meta}<title>Đà Nẵng và Sakai mở rộng hợp tác</title></head><body><p>{lead}</p></body></html>"


def html(meta: str = "") -> str:
    return HTML.format(meta=meta, lead=LEAD)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


VISCII_META = '<meta http-equiv="Content-Type" content="text/html; charset=VISCII">'


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


@pytest.mark.parametrize(
    ("encode", "meta", "declared", "used"),
    [
        (utf8, "", "utf-8", "utf-8"),
        (utf8, "", None, "utf-8"),
        (utf8, "", "iso-8859-1", "utf-8"),  # mislabelled: would read as "Ä\x90Ã\xa0 Náº´ng"
        (cp1258, "", "windows-1258", "cp1258"),
        (cp1258, "", None, "cp1258"),
        (cp1258, "", "utf-8", "cp1258"),  # declared UTF-8, bytes are not
        (cp1258, '<meta charset="windows-1258">', None, "cp1258"),
        (viscii, "", None, "viscii"),
        (viscii, VISCII_META, None, "viscii"),
        (tcvn3, "", None, "tcvn3"),
        (tcvn3, "", "ISO-8859-1", "tcvn3"),  # how TCVN3 pages were usually served
    ],
)
def test_vietnamese_pages_decode_to_the_same_nfc_text(encode, meta, declared, used):
    assert decode_html(encode(html(meta)), declared) == (nfc(html(meta)), used)


def test_a_declared_charset_is_kept_when_nothing_reads_better():
    french = "<p>Le comité a visité la région de Nouvelle-Aquitaine pour préparer l'accord.</p>".encode("cp1252")
    assert decode_html(french, "iso-8859-1") == (french.decode("cp1252"), "cp1252")
    chinese = "<p>云南省代表团访问老街省，双方讨论口岸合作。</p>".encode("gb2312")
    assert decode_html(chinese, "GB2312") == (chinese.decode("gb18030"), "gb18030")


def test_bom_ascii_and_broken_bytes():
    assert decode_html("\ufeff<p>Hà Nội</p>".encode(), "windows-1252") == ("<p>Hà Nội</p>", "utf-8")
    assert decode_html(b"<p>Ha Noi</p>", None) == ("<p>Ha Noi</p>", "ascii")
    # One stray byte in a UTF-8 page costs one replacement character, not the page.
    text, codec = decode_html("<p>Hợp tác với Sakai, Đà Nẵng</p>".encode() + b"\x81", None)
    assert (text, codec) == ("<p>Hợp tác với Sakai, Đà Nẵng</p>\ufffd", "utf-8")


def test_charset_labels_and_meta():
    assert charset_label("Windows-1258") == "cp1258"
    assert charset_label('"VISCII"') == "viscii"
    assert charset_label("TCVN5712-1") == "tcvn3"
    assert charset_label("latin1") == "cp1252"
    assert charset_label("x-no-such-charset") is None
    assert meta_charset(b'<html><head><meta charset="windows-1258"/>') == "windows-1258"
    assert meta_charset(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=tcvn'>") == "tcvn"
    assert meta_charset(b'<?xml version="1.0" encoding="UTF-8"?><html>') == "UTF-8"
    assert meta_charset(b"<html><head><title>x</title>") is None


@pytest.mark.parametrize("word", ["nghiêng", "Quốc", "ĐOÀN", "người", "khuya", "khuỷu", "giữa", "gì", "thuở", "ạch"])
def test_valid_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["tửnh", "tØnh", "Náº", "hõòp", "đàng̀", "nGười", "tìt", "ưnh", "über", "français"],
)
def test_malformed_syllables(word):
    assert not is_syllable(word)


def test_html_files_use_the_detection(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>Đà Nẵng và Sakai mở rộng hợp tác</title></head><body>"
        "<article><h1>Đà Nẵng và Sakai mở rộng hợp tác</h1>"
        f"<p>{LEAD}</p><p>Thành phố Sakai sẵn sàng chia sẻ kinh nghiệm quản lý môi trường với Đà Nẵng.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "tcvn3.html"
    path.write_bytes(tcvn3(page))
    (doc,) = read_paths([str(path)])
    assert doc.title == "Đà Nẵng và Sakai mở rộng hợp tác"
    assert nfc(LEAD) in doc.raw
