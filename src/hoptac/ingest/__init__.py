"""Reading inputs into `Document`s: text files, HTML pages, JSON Lines corpora, web archives, stdin.

`read_paths` streams: files are opened one at a time, corpora line by line
and web archives (WARC) record by record, so a corpus of any size goes
through in constant memory. An input that gives no document comes out as a
`Rejected` with a one-line reason instead of an exception, and reading goes
on.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from hoptac.ingest import jsonl, warc
from hoptac.ingest.common import Rejected, size_label
from hoptac.ingest.html import document_from_html
from hoptac.ingest.text import document_from_text
from hoptac.models import ArticleResult, Document

__all__ = ["Rejected", "read_paths"]

_TEXT = (".txt",)
_HTML = (".html", ".htm")
_JSONL = (".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")
_WARC = (".warc", ".warc.gz")
_KNOWN = _TEXT + _HTML + _JSONL + _WARC


def read_paths(
    paths: Iterable[str], *, max_bytes: int = 5_000_000, results: bool = False
) -> Iterator[Document | ArticleResult | Rejected]:
    """Documents (or rejections) from files, directories (recursive) and `-` for stdin.

    With `results`, JSON Lines of extraction results (`hoptac extract --out`)
    come out as validated `ArticleResult`s, to be stored without re-extracting.
    """
    for path in paths:
        if path == "-":
            yield from _read_stream("-", sys.stdin.buffer, max_bytes, results)
        elif os.path.isdir(path):
            for file in _walk(path):
                yield from _read_file(file, max_bytes, results)
        else:
            yield from _read_file(path, max_bytes, results)


def _walk(root: str) -> Iterator[str]:
    """Known files under `root`, depth first in name order (folders among files)."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry.path)
        elif entry.name.lower().endswith(_KNOWN):
            yield entry.path


def _read_file(path: str, max_bytes: int, results: bool = False) -> Iterator[Document | ArticleResult | Rejected]:
    lower = path.lower()
    try:
        # A device (a link to /dev/zero) would never end and a FIFO may never answer.
        if not stat.S_ISREG(os.stat(path).st_mode):
            yield Rejected(path, "not a regular file")
            return
        if lower.endswith(_JSONL):
            opener = gzip.open if lower.endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from jsonl.read_lines(path, jsonl.bounded_lines(stream, max_bytes), max_bytes, results=results)
            return
        if lower.endswith(_WARC):  # max_bytes bounds each page, not the archive
            with open(path, "rb") as stream:
                yield from warc.read_warc(path, stream, max_bytes)
            return
        if os.path.getsize(path) > max_bytes:
            yield Rejected(path, size_label(max_bytes))
            return
        with open(path, "rb") as stream:
            data = stream.read()
    except FileNotFoundError:
        yield Rejected(path, "no such file or directory")
        return
    except OSError as exc:
        yield Rejected(path, f"cannot read ({exc.strerror or exc})")
        return
    if lower.endswith(_HTML) or (not lower.endswith(_TEXT) and _sniff_html(data)):
        yield document_from_html(path, data)
    else:
        yield document_from_text(path, data)


_HTML_TAG = re.compile(rb"<(?:!doctype html|html|head|body|meta|title|article|div|p|h1)[\s>/]")


def _sniff_html(data: bytes) -> bool:
    """A page that opens with an HTML tag (a saved page, or a fragment piped in)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and _HTML_TAG.match(head) is not None


def _read_stream(
    name: str, stream: IO[bytes], max_bytes: int, results: bool = False
) -> Iterator[Document | ArticleResult | Rejected]:
    """Stdin: JSON Lines when the first non-blank character is `{`, else one text document."""
    lineno = 0
    first: bytes | None = b""
    lines = jsonl.bounded_lines(stream, max_bytes)
    for first in lines:
        lineno += 1
        if first is None or first.strip():
            break
    if first is None:
        yield Rejected(name, size_label(max_bytes))
        return
    if first.lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"{"):
        yield from jsonl.read_lines(name, _chain(first, lines), max_bytes, first=lineno, results=results)
        return
    data = first + stream.read(max_bytes + 1 - len(first))
    if len(data) > max_bytes:
        yield Rejected(name, size_label(max_bytes))
        return
    yield document_from_html(name, data) if _sniff_html(data) else document_from_text(name, data)


def _chain(first: bytes, rest: Iterable[bytes | None]) -> Iterator[bytes | None]:
    yield first
    yield from rest
