"""Web archives (WARC, gzipped or plain, as Common Crawl's news crawl publishes them).

Every `response` (or `resource`) record that is an HTTP 200 HTML page becomes
a `Document` whose source and URL are the record's WARC-Target-URI, when its
main text is Vietnamese; the language is told by the model bundled with
py3langid, and other pages come out as `Rejected` ("not Vietnamese (en)"),
most without the cost of extraction (`hoptac.ingest.language`). A page that
prints no publication date gets the crawl date (WARC-Date, in Vietnam's
time zone), which bounds it. Error statuses and non-HTML payloads are
rejected too; requests, metadata and other bookkeeping records are passed
over in silence. Chunked and gzip/deflate-encoded bodies are decoded.

Records are read one at a time, so an archive of any size goes through in
constant memory. A damaged archive (cut short, corrupt gzip, a record whose
length is wrong) gives the documents before the damage and then one
`Rejected` naming the file and the byte offset of the damaged record (for a
.gz file, of the gzip member that holds it, as Common Crawl's indexes count).
"""

from __future__ import annotations

import logging
import zlib
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import IO, NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from hoptac.ingest.common import Rejected, size_label
from hoptac.ingest.html import document_from_html
from hoptac.ingest.language import language_of
from hoptac.models import Document

__all__ = ["read_warc"]

_PAGE_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
# Crawl times are UTC; the pages are Vietnamese, so the date that bounds their publication is Vietnam's.
_VIETNAM = timezone(timedelta(hours=7))


class _Damaged(Exception):
    def __init__(self, offset: int, what: str) -> None:
        super().__init__(what)
        self.offset = offset
        self.what = what


class _GzipMembers:
    """The decompressed bytes of a multi-member gzip file, raising `_Damaged` where it breaks.

    warcio decompresses by itself, but a cut or corrupt gzip stream there ends
    the iteration silently (printing to stderr); here it is an error with the
    compressed offset of the member it is in.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._pending = b""  # compressed bytes not yet fed to the decompressor
        self._read = 0  # compressed bytes taken from the file
        self._out = 0  # decompressed bytes handed out
        self._inflate = zlib.decompressobj(31)
        self._in_member = False
        self.member = 0  # compressed offset of the member being read
        # (decompressed offset, compressed offset) of recent member starts; the
        # reader above lags behind by at most a buffer, so a short history is enough.
        self._starts: deque[tuple[int, int]] = deque(maxlen=256)

    def tell(self) -> int:
        return self._out

    def compressed_offset(self, offset: int) -> int:
        """The compressed offset of the member holding decompressed byte `offset`."""
        for out, member in reversed(self._starts):
            if out <= offset:
                return member
        return self._starts[0][1] if self._starts else 0

    def read(self, size: int = -1) -> bytes:
        size = _CHUNK if size is None or size < 0 else size
        while True:
            if not self._pending:
                self._pending = self._raw.read(_CHUNK)
                self._read += len(self._pending)
                if not self._pending:
                    if self._in_member:
                        raise _Damaged(self.member, "file ends inside a gzip member (truncated)")
                    return b""
            if not self._in_member:
                self.member = self._read - len(self._pending)
                self._starts.append((self._out, self.member))
                self._in_member = True
            try:
                out = self._inflate.decompress(self._pending, size)
            except zlib.error as exc:
                raise _Damaged(self.member, f"corrupt gzip data ({exc})") from None
            if self._inflate.eof:
                self._pending = self._inflate.unused_data
                self._inflate = zlib.decompressobj(31)
                self._in_member = False
            else:
                self._pending = self._inflate.unconsumed_tail
            if out:
                self._out += len(out)
                return out


# warcio logs oddities it repairs (spaces in a URI) as warnings; without a
# handler of its own they would reach stderr between our one-line reports.
logging.getLogger("warcio").addHandler(logging.NullHandler())


class _Archive(ArchiveIterator):
    # warcio prints a warning when a record is not followed by its blank lines
    # (a wrong Content-Length); it still counts it in err_count, which is checked
    # after every record, so the printed text is emptied.
    INC_RECORD = ""


def read_warc(path: str, stream: IO[bytes], max_bytes: int) -> Iterator[Document | Rejected]:
    """Documents and rejections from one archive, record by record."""
    magic = stream.read(2)
    stream.seek(0)
    if not magic:
        yield Rejected(path, "empty file")
        return
    source: _GzipMembers | IO[bytes] = _GzipMembers(stream) if magic == b"\x1f\x8b" else stream

    def where(offset: int) -> int:
        return source.compressed_offset(offset) if isinstance(source, _GzipMembers) else offset

    archive = _Archive(source)
    records = iter(archive)
    started = False
    pages = 0
    while True:
        try:
            record = next(records, None)
            if archive.err_count:
                raise _Damaged(where(archive.offset), "a record does not end where its Content-Length says")
            if record is None:
                if source.tell() > archive.offset:
                    raise _Damaged(where(archive.offset), "incomplete record at the end (truncated)")
                if not pages:  # an archive that is empty inside its compression, or holds no page
                    yield Rejected(path, "no pages in the archive" if started else "empty file")
                return
            started = True
            page = _page(path, record, max_bytes, where(archive.offset))
        except _Damaged as exc:
            yield Rejected(path, f"damaged archive at byte {exc.offset}: {exc.what}")
            return
        except ArchiveLoadFailed as exc:
            if not started:
                yield Rejected(path, "not a WARC file")
            else:
                yield Rejected(path, f"damaged archive at byte {where(archive.offset)}: {_first_line(exc)}")
            return
        except Exception as exc:  # warcio trips over malformed headers with assorted errors
            what = f"malformed record ({_first_line(exc)})"
            yield Rejected(path, f"damaged archive at byte {where(archive.offset)}: {what}")
            return
        if page is None:
            continue
        pages += 1
        if isinstance(page, Rejected):
            yield _in_archive(path, page)
            continue
        doc = document_from_html(page.url, page.body, charset=page.charset, language=language_of)
        if isinstance(doc, Document):
            doc = doc.model_copy(update={"url": page.url, "published": doc.published or page.crawled})
        yield doc if isinstance(doc, Document) else _in_archive(path, doc)


def _in_archive(path: str, page: Rejected) -> Rejected:
    """A page's rejection names the archive it is in, then the page."""
    return Rejected(f"{path}: {page.source}", page.reason)


class _Page(NamedTuple):
    url: str
    body: bytes
    charset: str | None  # as the HTTP Content-Type declares it
    crawled: str | None  # WARC-Date as a Vietnamese calendar date


def _page(path: str, record: ArcWarcRecord, max_bytes: int, offset: int) -> _Page | Rejected | None:
    """URL, body, declared charset and crawl date of a page record; None for other records."""
    # A header block cut short lacks its Content-Length or has it cut.
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        raise _Damaged(offset, "record without a valid Content-Length (truncated?)")
    if record.rec_type not in _PAGE_RECORDS:
        _drain(record, offset)
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{offset}"
    http = record.http_headers
    if record.rec_type == "response":
        if http is None:  # dns: and other non-HTTP responses
            _drain(record, offset)
            return None
        status = http.get_statuscode()
        if status != "200":
            _drain(record, offset)
            return Rejected(url, f"HTTP {status}")
        content_type = http.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime, charset = _content_type(content_type)
    if mime is not None and mime not in _HTML_TYPES:
        _drain(record, offset)
        return Rejected(url, f"not HTML ({mime})")
    body = _body(record, max_bytes, offset)
    if body is None:
        return Rejected(url, size_label(max_bytes))
    if http is not None:
        encoding = (http.get_header("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", ""):
            body = _inflate(body, encoding, max_bytes)
            if isinstance(body, str):
                return Rejected(url, body)
    if mime is None and not body[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return Rejected(url, "not HTML (no content type)")
    return _Page(url, body, charset, _vietnam_date(record.rec_headers.get_header("WARC-Date")))


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    mime, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return mime.strip().lower() or None, charset


def _body(record: ArcWarcRecord, max_bytes: int, offset: int) -> bytes | None:
    """The HTTP body (de-chunked), or None when it is over `max_bytes`."""
    http = record.http_headers
    stream = record.raw_stream
    if http is not None and (http.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream)
    body = stream.read(max_bytes + 1)
    _drain(record, offset)
    return None if len(body) > max_bytes else body


def _drain(record: ArcWarcRecord, offset: int) -> None:
    """Read the record to its end; one cut short is damage, not a page."""
    while record.raw_stream.read(_CHUNK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _Damaged(offset, "record cut short (truncated)")


def _inflate(body: bytes, encoding: str, max_bytes: int) -> bytes | str:
    """A gzip or deflate body decompressed, or the reason it cannot be."""
    if encoding in ("gzip", "x-gzip"):
        wbits = 31
    elif encoding == "deflate":
        wbits = 15 if body[:1] == b"\x78" else -15  # servers send both zlib-wrapped and raw deflate
    else:
        return f"unsupported content encoding ({encoding})"
    try:
        inflate = zlib.decompressobj(wbits)
        out = inflate.decompress(body, max_bytes + 1)
    except zlib.error:
        return f"corrupt {encoding} body"
    return size_label(max_bytes) if len(out) > max_bytes else out


def _vietnam_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_VIETNAM).date().isoformat()


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    return text[:120]
