"""Decoding web pages whose charset is missing, wrong or a Vietnamese legacy one.

Vietnamese pages from before Unicode took over come in Windows-1258 (tones
as combining marks), VISCII (RFC 1456) or TCVN3 (ABC fonts), often declared
as ISO-8859-1 or not at all; newer pages are UTF-8 but sometimes still
declare a legacy charset. `decode_html` honours the BOM; takes bytes that
are valid UTF-8 as UTF-8 (legacy 8-bit text practically never is); otherwise
tries the charset the server declared, the page's own `<meta charset>` and
the legacy candidates, and keeps the one that reads as the most valid
Vietnamese syllables, the declared charset winning every tie.

Python has Windows-1258 but no VISCII or TCVN3 codec; those two are charmaps
read from `data/viscii.csv` and `data/tcvn3.csv` (sources in
`data/SOURCES.md`). Every text comes out NFC-normalised.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

__all__ = ["charset_label", "decode_html", "is_syllable", "meta_charset", "vietnamese_score"]

# Tried after the declared charsets, in this order (an earlier one wins a tie).
_DETECT = ("utf-8", "cp1258", "tcvn3", "viscii", "cp1252")

# Labels pages and servers use, to the codec names above; others go through
# codecs.lookup. ISO-8859-1 and ASCII mean Windows-1252 on the web (WHATWG
# Encoding), and a UTF-16 label on a page without a BOM is a mistake for UTF-8.
_LABELS = {
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
    "windows-1258": "cp1258",
    "x-cp1258": "cp1258",
    "cp1258": "cp1258",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "viscii": "viscii",
    "csviscii": "viscii",
    "viscii1.1-1": "viscii",
    "tcvn": "tcvn3",
    "tcvn3": "tcvn3",
    "tcvn-3": "tcvn3",
    "tcvn-5712": "tcvn3",
    "tcvn5712": "tcvn3",
    "tcvn5712-1": "tcvn3",
    "tcvn5712-3": "tcvn3",
    "x-viet-tcvn5712": "tcvn3",
    "vn3": "tcvn3",
    "abc": "tcvn3",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
}


def charset_label(label: str | None) -> str | None:
    """The codec for a charset label (`"Windows-1258"` -> `"cp1258"`); None when unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


_META_RE = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)"""
    rb"""|<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9._:-]+)""",
    re.IGNORECASE,
)
_META_SCAN = 8192  # browsers look at the first 1024 bytes; generated pages put it later


def meta_charset(data: bytes) -> str | None:
    """The charset label a page declares in `<meta>` (or its XML declaration), as written."""
    m = _META_RE.search(data[:_META_SCAN])
    if m is None:
        return None
    return (m.group(1) or m.group(2)).decode("ascii")


# --- charmaps for the legacy encodings Python lacks ---------------------------


def _read_map(name: str) -> dict[int, str]:
    text = resources.files("hoptac.ingest").joinpath(f"data/{name}.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {int(row["byte"], 16): chr(int(row["unicode"][2:], 16)) for row in rows}


@cache
def _table(name: str) -> str:
    """A 256-character decoding table for codecs.charmap_decode ('\\ufffe' = undefined)."""
    mapping = _read_map(name)
    table = [chr(b) for b in range(128)] + ["\ufffe"] * 128
    if name == "tcvn3":
        # VN3 leaves 0x80-0x9F free; pages typed on Windows put Windows-1252 punctuation there.
        for b in range(0x80, 0xA0):
            with contextlib.suppress(UnicodeDecodeError):  # the five bytes cp1252 leaves undefined
                table[b] = bytes([b]).decode("cp1252")
    for b, ch in mapping.items():
        table[b] = ch
    return "".join(table)


def _decoder(codec: str) -> Callable[[bytes, str], str]:
    if codec in ("viscii", "tcvn3"):
        table = _table(codec)
        return lambda data, errors: codecs.charmap_decode(data, errors, table)[0]
    return lambda data, errors: data.decode(codec, errors)


# --- scoring candidates by valid Vietnamese syllables ---------------------------

_INITIAL = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Toneless rhymes by nucleus (with its medial glide): nucleus -> allowed endings,
# "-" for none. From the rhyme inventory of standard orthography.
_RHYMES = {
    "a": "- c ch i m n ng nh o p t u y",
    "ă": "c m n ng p t",
    "â": "c m n ng p t u y",
    "e": "- c m n ng o p t",
    "ê": "- ch m n nh p t u",
    "i": "- a ch m n nh p t u",
    "iê": "c m n ng p t u",
    "yê": "m n ng t u",
    "y": "-",
    "o": "- c i m n ng p t",
    "oo": "c ng",
    "oa": "- c ch i m n ng nh o p t y",
    "oă": "c m n ng t",
    "oe": "- n o t",
    "ô": "- c i m n ng p t",
    "ơ": "- i m n p t",
    "u": "- a c i m n ng p t y",
    "uâ": "n ng t y",
    "uê": "- ch nh",
    "uy": "- a ch n nh p t u",
    "uyê": "n t",
    "uô": "c i m n ng t",
    "uơ": "-",
    "ư": "- a c i m n ng t u",
    "ươ": "c i m n ng p t u",
}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOP_TONES = {"\u0301", "\u0323"}  # syllables closed by c, ch, p, t take only these


def _syllable_re() -> re.Pattern[str]:
    rhymes = {n + ("" if e == "-" else e) for n, endings in _RHYMES.items() for e in endings.split()}
    alternatives = "|".join(sorted(rhymes, key=len, reverse=True))
    return re.compile(f"(?:{_INITIAL})?(?:{alternatives})")


_SYLLABLE = _syllable_re()
_STOPS = ("c", "ch", "p", "t")


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable ("nghiêng", "Quốc", "ĐOÀN"), one tone at most."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    parts = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in parts if c in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    if _SYLLABLE.fullmatch(base) is None:
        return False
    if base.endswith(_STOPS):
        return bool(tones) and tones[0] in _STOP_TONES
    return True


_WORD_RE = re.compile(r"[^\W\d_]+")
_LATIN_EXTRA_RE = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_BAD_RE = re.compile("[\ufffd\u0080-\u009f]")


def vietnamese_score(text: str) -> int:
    """Valid syllables with Vietnamese letters, minus malformed Latin words and undecodable bytes.

    Plain ASCII words and other scripts count nothing, so the score only tells
    decodings of the same bytes apart; mojibake ("Ä‘áº¡i") and a legacy table
    read as another ("tØnh") make malformed words.
    """
    text = unicodedata.normalize("NFC", text)
    score = -3 * len(_BAD_RE.findall(text))
    for word in _WORD_RE.findall(text):
        if word.isascii() or not _LATIN_EXTRA_RE.search(word):
            continue
        score += 1 if is_syllable(word) else -1
    return score


# Words holding a non-ASCII byte: the only places where candidate decodings differ.
_SAMPLE_RE = re.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
_SAMPLE_WORDS = 3000


def _sample(data: bytes) -> bytes:
    words = []
    for n, m in enumerate(_SAMPLE_RE.finditer(data)):
        if n == _SAMPLE_WORDS:
            break
        words.append(m.group())
    return b" ".join(words)


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The page's text (NFC) and the codec used to read it.

    `declared` is the charset of the HTTP Content-Type, if any. Never fails:
    bytes no candidate can read become U+FFFD.
    """
    if data.startswith(codecs.BOM_UTF8):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", "replace")), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unicodedata.normalize("NFC", data.decode("utf-16", "replace")), "utf-16"
    if data.isascii():
        return data.decode("ascii"), "ascii"
    try:
        # Legacy 8-bit text is practically never valid UTF-8, so a page that is
        # valid UTF-8 is UTF-8 whatever it declares (the usual mislabelled page).
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    for label in (declared, meta_charset(data), *_DETECT):
        codec = charset_label(label)
        if codec and codec not in candidates:
            candidates.append(codec)
    sample = _sample(data)
    best, best_score = candidates[0], None
    for codec in candidates:
        try:
            score = vietnamese_score(_decoder(codec)(sample, "replace"))
        except (LookupError, UnicodeError):  # a declared codec that cannot decode (utf-7 and the like)
            continue
        if best_score is None or score > best_score:
            best, best_score = codec, score
    try:
        text = _decoder(best)(data, "replace")
    except (LookupError, UnicodeError):
        best, text = "utf-8", data.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text), best
