"""Listings of article URLs: RSS 2.0, RSS 1.0 (RDF), Atom, sitemaps and sitemap
indexes (plain or gzipped), and the feeds a homepage announces.

Stdlib parsers only. Entity expansion is bounded by expat and no external entity
is ever resolved; the caller has already capped the size of what it downloaded.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

# Vietnamese outlets that print a bare local time mean Indochina Time.
VN_TZ = timezone(timedelta(hours=7), "ICT")
Kind = Literal["feed", "urlset", "sitemapindex"]
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


class FeedError(ValueError):
    """A listing that cannot be read; the message is one line."""


@dataclass(frozen=True)
class Entry:
    url: str
    published: datetime | None = None  # timezone-aware
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    kind: Kind
    entries: list[Entry]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: ElementTree.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


_DAY_FIRST = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y %H:%M", "%d-%m-%Y")


def parse_date(text: str) -> datetime | None:
    """RFC 822 (RSS), ISO 8601 (Atom, sitemaps) or day-first Vietnamese dates; None when none fits."""
    text = text.strip()
    if not text:
        return None
    found: datetime | None = None
    try:
        found = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            found = datetime.fromisoformat(text)
        except ValueError:
            for pattern in _DAY_FIRST:
                try:
                    found = datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
    if found is None:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=VN_TZ)


def clean_url(url: str, base: str | None = None) -> str | None:
    """An absolute http(s) URL without its #fragment, or None."""
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    url = urldefrag(url).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise FeedError(f"broken gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise FeedError(f"unpacks to more than {max_bytes} bytes")
    if not inflater.eof:
        raise FeedError("broken gzip data (truncated)")
    return out


def _entry_date(item: ElementTree.Element, names: tuple[str, ...]) -> datetime | None:
    for name in names:
        for element in item.iter():
            if _local(element.tag) == name:
                found = parse_date(element.text or "")
                if found is not None:
                    return found
    return None


def _rss_items(root: ElementTree.Element, base: str) -> list[Entry]:
    entries = []
    for item in root.iter():
        if _local(item.tag) != "item":
            continue
        link = _text(_child(item, "link"))
        if not link:
            guid = _child(item, "guid")
            if guid is not None and guid.get("isPermaLink", "true").lower() != "false":
                link = _text(guid)
        if not link:
            link = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", "")
        url = clean_url(link, base)
        if url:
            published = _entry_date(item, ("pubdate", "date", "published", "updated"))
            entries.append(Entry(url, published, _text(_child(item, "title")) or None))
    return entries


def _atom_entries(root: ElementTree.Element, base: str) -> list[Entry]:
    entries = []
    for item in root:
        if _local(item.tag) != "entry":
            continue
        link = ""
        for element in item:
            if _local(element.tag) == "link" and element.get("rel", "alternate") == "alternate":
                link = element.get("href", "")
                break
        if not link and _text(_child(item, "id")).startswith(("http://", "https://")):
            link = _text(_child(item, "id"))
        url = clean_url(link, base)
        if url:
            published = _entry_date(item, ("published", "updated"))
            entries.append(Entry(url, published, _text(_child(item, "title")) or None))
    return entries


def _sitemap_entries(root: ElementTree.Element, base: str, item_name: str) -> list[Entry]:
    entries = []
    for item in root:
        if _local(item.tag) != item_name:
            continue
        url = clean_url(_text(_child(item, "loc")), base)
        if url:
            # A Google News sitemap dates the article itself; lastmod may be a later edit.
            published = _entry_date(item, ("publication_date", "lastmod"))
            entries.append(Entry(url, published))
    return entries


def parse_listing(data: bytes, base: str, *, max_bytes: int = 50_000_000) -> Listing:
    """The article (or sitemap) URLs of an RSS/Atom feed, a sitemap or a sitemap index."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    data = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not data:
        raise FeedError("empty response")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise FeedError(f"malformed XML ({exc})") from None
    except (LookupError, ValueError) as exc:  # an unknown or wrong encoding declaration
        raise FeedError(f"malformed XML ({exc})") from None
    name = _local(root.tag)
    if name in ("rss", "rdf", "channel"):
        return Listing("feed", _rss_items(root, base))
    if name == "feed":
        return Listing("feed", _atom_entries(root, base))
    if name == "urlset":
        return Listing("urlset", _sitemap_entries(root, base, "url"))
    if name == "sitemapindex":
        return Listing("sitemapindex", _sitemap_entries(root, base, "sitemap"))
    raise FeedError(f"not a feed or sitemap (root element <{name}>)")


class _FeedLinks(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base = urljoin(self.base, href)
            return
        if tag != "link":
            return
        values = {k: (v or "") for k, v in attrs}
        rels = re.split(r"\s+", values.get("rel", "").lower())
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in _FEED_TYPES:
            url = clean_url(values.get("href", ""), self.base)
            if url and url not in self.found:
                self.found.append(url)


def feed_links(html: bytes, base: str) -> list[str]:
    """Feeds a page announces with `<link rel="alternate" type="application/rss+xml" href=...>`."""
    parser = _FeedLinks(base)
    try:
        parser.feed(html.decode("utf-8", errors="replace"))
        parser.close()
    except Exception:  # HTMLParser copes with most markup; what it cannot read announces nothing
        return parser.found
    return parser.found
