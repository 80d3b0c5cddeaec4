"""`hoptac crawl` against a local web site (tests/fixtures/site/) served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from hoptac import store
from hoptac.cli import app
from hoptac.crawl import USER_AGENT, CrawlOptions, CrawlReport, SourcesError, crawl, load_sources
from hoptac.crawl.feeds import FeedError, feed_links, parse_date, parse_listing
from hoptac.crawl.fetch import Fetcher, FetchError, FetchOptions
from hoptac.store.crawl_models import CrawlUrl
from hoptac.store.models import Article, EventParty, EventRow, EventSource

SITE = Path(__file__).with_name("fixtures") / "site"
SLOW_SECONDS = 1.5
SITEMAP_DATE = "Wed, 11 Sep 2024 00:00:00 GMT"
# No pause between requests, a short timeout for the slow page, quick retries.
FAST = CrawlOptions(delay=0, timeout=0.5, retries=1, backoff=0.01)
SINCE = date(2024, 1, 1)


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]
    at: float


@dataclass
class Site:
    """The fixture site; every request is logged with the status it got."""

    hits: list[Hit] = field(default_factory=list)
    robots: str | None = None  # replaces robots.txt when set
    routes: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)  # path -> status, type, body
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def count(self, path: str) -> int:
        return self.paths().count(path)

    def render(self, path: Path) -> bytes:
        return path.read_bytes().replace(b"{{BASE}}", self.base.encode())


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class SiteHandler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def handle(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client gave up on the slow page
                super().handle()

        def answer(self, path: str, status: int, ctype: str = "", body: bytes = b"", **headers: str) -> None:
            self.hit.status = status
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            earlier = site.count(path)
            # Logged on arrival: a slow answer must not show up in a later run's log.
            self.hit = Hit(path, 0, dict(self.headers.items()), time.monotonic())
            with site.lock:
                site.hits.append(self.hit)
            if path in site.routes:
                status, ctype, body = site.routes[path]
                return self.answer(path, status, ctype, body)
            if path == "/robots.txt" and site.robots is not None:
                return self.answer(path, 200, "text/plain", site.robots.replace("{{BASE}}", site.base).encode())
            if path == "/tin/cham.html":
                time.sleep(SLOW_SECONDS)
                return self.answer(path, 200, "text/html", b"<html><body>qua cham</body></html>")
            if path == "/tin/can-tho-gifu.html" and earlier == 0:
                return self.answer(path, 500, "text/plain", b"loi may chu")
            if path == "/tin/ban-in.pdf":
                return self.answer(path, 200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
            gzipped = path.endswith(".gz")
            file = SITE / path.lstrip("/").removesuffix(".gz")
            if path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                return self.answer(path, 404, "text/html", "<html><body>Không tìm thấy</body></html>".encode())
            body = site.render(file)
            if gzipped:
                body = gzip.compress(body, mtime=0)
            ctype = {".xml": "application/xml", ".html": "text/html; charset=utf-8"}.get(file.suffix, "text/plain")
            if gzipped:
                ctype = "application/x-gzip"
            if "sitemap" in path:
                # Sitemaps carry a date only: the crawler must come back with If-Modified-Since.
                if self.headers.get("If-Modified-Since") == SITEMAP_DATE:
                    return self.answer(path, 304)
                return self.answer(path, 200, ctype, body, Last_Modified=SITEMAP_DATE)
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self.answer(path, 304, ETag=etag)
            return self.answer(path, 200, ctype, body, ETag=etag)

    return SiteHandler


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    server.daemon_threads = True
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture
def sources_file(site: Site, tmp_path: Path) -> Path:
    path = tmp_path / "sources.csv"
    b = site.base
    path.write_text(
        "name,kind,province,feed_url,sitemap_url,homepage,source\n"
        "# a comment line\n"
        f"Báo Thử Nghiệm,national,,{b}/rss.xml|{b}/hong.xml,{b}/sitemap_index.xml,{b}/,test site\n"
        f"Sở Ngoại vụ thử,foreign_affairs,VN-DN,,,{b}/so-ngoai-vu/,test site\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def db(tmp_path: Path) -> Iterator[store.Store]:
    opened = store.open(f"sqlite:///{tmp_path / 'crawl.db'}")
    yield opened
    opened.close()


def stored(db: store.Store) -> dict[str, list[tuple[str, str | None, list[str]]]]:
    """url -> [(event kind, date, sorted party ids)] of every stored article."""
    found: dict[str, list[tuple[str, str | None, list[str]]]] = {}
    with db.session() as s:
        for article in s.scalars(select(Article).order_by(Article.id)):
            assert article.source == article.url
            events = []
            query = select(EventRow).join(EventSource).where(EventSource.article_id == article.id)
            for event in s.scalars(query.order_by(EventSource.position)):
                parties = s.scalars(select(EventParty.party_id).where(EventParty.event_id == event.id)).all()
                events.append((event.kind, event.date_value, sorted(parties)))
            found[article.url] = events
    return found


def expected(base: str) -> dict[str, list[tuple[str, str | None, list[str]]]]:
    return {
        f"{base}/tin/da-nang-shizuoka.html": [("signing", "2024-03-13", ["JP-22", "VN-DN"])],
        f"{base}/tin/can-tho-gifu.html": [("meeting", "2024-09-09", ["JP-21", "VN-CT"])],
        f"{base}/tin/hai-phong-incheon.html": [("meeting", "2024-05-20", ["KR-28", "VN-HP"])],
        f"{base}/so-ngoai-vu/da-nang-champasak.html": [("meeting", "2024-06-07", ["LA-CH", "VN-DN"])],
    }


def row(db: store.Store, url: str) -> CrawlUrl:
    with db.session() as s:
        found = s.scalar(select(CrawlUrl).where(CrawlUrl.url == url))
        assert found is not None, url
        return found


# --- a whole crawl -------------------------------------------------------------------


def test_crawl_stores_new_articles_and_records_each_problem_in_one_line(site, sources_file, db):
    base = site.base
    report = crawl(db, load_sources(sources_file), since=SINCE, options=FAST)

    assert stored(db) == expected(base)
    assert (report.feeds_read, report.feeds_unchanged) == (4, 0)  # rss, sitemap index, sitemap, atom
    assert (report.pages_fetched, report.new, report.unchanged, report.out_of_scope) == (6, 4, 0, 1)
    assert report.events == 4
    # 2018 sitemap and 2019 item (older than --since), the page robots.txt disallows.
    assert report.skipped == 3
    assert report.queued == 1  # the slow page, for a later try
    assert report.errors == [
        f"{base}/hong.xml: malformed XML (mismatched tag: line 6, column 2)",
        f"{base}/tin/cham.html: timed out after 0.5 s (after 2 attempts)",
        f"{base}/tin/khong-co.html: HTTP 404",
        f"{base}/tin/ban-in.pdf: not an HTML page (application/pdf)",
    ]
    assert report.summary() == (
        "feeds 4 read (0 unchanged), pages 6 fetched: new 4, updated 0, unchanged 0, out of scope 1; "
        "skipped 3, errors 4, queued 1; events 4"
    )

    paths = site.paths()
    assert "/private/noi-bo.html" not in paths  # disallowed by robots.txt: never requested
    assert "/tin/cu-2019.html" not in paths and "/sitemaps/tin-2018.xml.gz" not in paths
    assert paths.count("/robots.txt") == 1  # once per host and run
    assert [h.status for h in site.hits if h.path == "/tin/can-tho-gifu.html"] == [500, 200]  # retried
    assert paths.count("/tin/cham.html") == 2  # one retry after the timeout, then given up for this run
    assert paths.count("/tin/da-nang-shizuoka.html") == 1  # in the feed and in the sitemap
    assert {h.headers["User-Agent"] for h in site.hits} == {USER_AGENT}
    assert USER_AGENT.startswith("hoptac/")

    private = row(db, f"{base}/private/noi-bo.html")
    assert (private.next_fetch_at, private.last_error) == (None, "disallowed by robots.txt")
    slow = row(db, f"{base}/tin/cham.html")
    assert slow.failures == 1 and slow.next_fetch_at is not None and slow.article_id is None
    weather = row(db, f"{base}/tin/thoi-tiet.html")  # the feed's #fragment is dropped
    assert (weather.next_fetch_at, weather.article_id, weather.last_error) == (
        None,
        None,
        "no cooperation facts found; not stored",
    )
    champasak = row(db, f"{base}/so-ngoai-vu/da-nang-champasak.html")
    assert champasak.source == "Sở Ngoại vụ thử" and champasak.article_id is not None
    # The portal's feed was found through the <link rel="alternate"> of its homepage.
    assert row(db, f"{base}/so-ngoai-vu/atom.xml").parent_id == row(db, f"{base}/so-ngoai-vu/").id


def test_second_run_asks_conditionally_gets_304s_and_stores_nothing_new(site, sources_file, db):
    sources = load_sources(sources_file)
    crawl(db, sources, since=SINCE, options=FAST)
    etag = row(db, f"{site.base}/rss.xml").etag
    site.hits.clear()

    again = crawl(db, sources, since=SINCE, options=FAST)

    assert (again.feeds_read, again.feeds_unchanged) == (0, 4)
    assert (again.pages_fetched, again.new, again.skipped, again.queued) == (0, 0, 1, 1)
    assert again.errors == [f"{site.base}/hong.xml: malformed XML (mismatched tag: line 6, column 2)"]
    by_path = {hit.path: hit for hit in site.hits}
    assert by_path["/rss.xml"].headers["If-None-Match"] == etag and by_path["/rss.xml"].status == 304
    assert by_path["/sitemap_index.xml"].headers["If-Modified-Since"] == SITEMAP_DATE
    for path in ("/sitemap_index.xml", "/sitemaps/tin-2024.xml.gz", "/so-ngoai-vu/", "/so-ngoai-vu/atom.xml"):
        assert by_path[path].status == 304, path
    # No article page is asked for again (the slow one waits for its retry time).
    assert not [p for p in site.paths() if p.startswith(("/tin/", "/so-ngoai-vu/da-nang"))]
    assert stored(db) == expected(site.base)


def test_interrupted_crawl_resumes_without_duplicates(site, sources_file, db):
    sources = load_sources(sources_file)
    first = crawl(db, sources, since=SINCE, options=replace(FAST, max_pages=1))
    assert (first.pages_fetched, first.new, first.queued) == (1, 1, 8)
    assert list(stored(db)) == [f"{site.base}/tin/da-nang-shizuoka.html"]

    # Ctrl-C just before the third page of the next run.
    seen: list[str] = []

    def interrupt(url: str) -> None:
        seen.append(url)
        if len(seen) == 3:
            raise KeyboardInterrupt

    partial = CrawlReport()
    with pytest.raises(KeyboardInterrupt):
        crawl(db, sources, since=SINCE, options=FAST, report=partial, on_page=interrupt)
    assert partial.interrupted and partial.new == 1 and partial.queued == 6

    last = crawl(db, sources, since=SINCE, options=FAST)
    assert (last.new, last.unchanged, last.queued) == (2, 0, 1)
    assert stored(db) == expected(site.base)
    for path in ("/tin/da-nang-shizuoka.html", "/tin/hai-phong-incheon.html", "/so-ngoai-vu/da-nang-champasak.html"):
        assert site.count(path) == 1, path
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 4


def test_crawl_on_postgresql(site, sources_file, pg_schema):
    opened = store.open(pg_schema)
    try:
        sources = load_sources(sources_file)
        first = crawl(opened, sources, since=SINCE, options=replace(FAST, max_pages=4))
        assert (first.new, first.queued) == (2, 5)
        second = crawl(opened, sources, since=SINCE, options=FAST)
        assert (second.feeds_unchanged, second.new, second.queued) == (4, 2, 1)
        assert stored(opened) == expected(site.base)
        assert row(opened, f"{site.base}/tin/cham.html").next_fetch_at.tzinfo is not None
    finally:
        opened.close()


def test_pages_stored_before_are_not_fetched(site, tmp_path, db):
    # An article already ingested (from a saved copy) under the URL the sitemap lists.
    url = f"{site.base}/tin/hai-phong-incheon.html"
    copy = tmp_path / "copy.html"
    copy.write_bytes(site.render(SITE / "tin" / "hai-phong-incheon.html"))
    from hoptac.ingest import read_paths
    from hoptac.pipeline import process

    doc = next(iter(read_paths([str(copy)])))
    with db.session() as s:
        store.ingest_result(s, process(doc.model_copy(update={"url": url})))
    sources = tmp_path / "one.csv"
    sources.write_text(
        f"name,kind,province,feed_url,sitemap_url,homepage,source\nThử,national,,,{site.base}/sitemap_index.xml,,t\n",
        encoding="utf-8",
    )
    report = crawl(db, load_sources(sources), since=SINCE, options=FAST)
    assert (report.new, report.skipped, report.pages_fetched) == (1, 2, 1)  # 2018 sitemap, the stored page
    assert site.count("/tin/hai-phong-incheon.html") == 0
    assert row(db, url).article_id is not None


def test_homepage_source_uses_announced_feeds_and_robots_sitemaps(site, tmp_path, db):
    site.robots = "User-agent: *\nDisallow: /private/\n\nSitemap: {{BASE}}/sitemap_index.xml\n"
    sources = tmp_path / "portal.csv"
    sources.write_text(
        f"name,kind,province,feed_url,sitemap_url,homepage,source\nCổng,foreign_affairs,VN-DN,,,{site.base}/so-ngoai-vu/,t\n",
        encoding="utf-8",
    )
    report = crawl(db, load_sources(sources), since=SINCE, options=FAST)
    assert report.feeds_read == 3 and report.errors == []
    assert sorted(stored(db)) == sorted(
        f"{site.base}{p}"
        for p in ("/so-ngoai-vu/da-nang-champasak.html", "/tin/hai-phong-incheon.html", "/tin/da-nang-shizuoka.html")
    )


# --- sources file ----------------------------------------------------------------------


def test_shipped_sources_load():
    sources = load_sources()
    kinds = {s.kind for s in sources}
    assert kinds == {"national", "provincial", "foreign_affairs"}
    names = {s.name for s in sources}
    assert {"VnExpress", "Tuổi Trẻ", "VietnamPlus", "Báo Đà Nẵng", "Báo Quảng Ninh", "Hànộimới"} <= names
    assert all(s.source for s in sources)
    assert all(s.province for s in sources if s.kind != "national")
    assert {s.province for s in sources if s.name.startswith("Sở Ngoại vụ")} >= {"VN-HN", "VN-SG", "VN-DN"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "Báo Tỉnh,tinh,VN-DN,https://a.vn/rss,,,x",
            "unknown kind 'tinh' (choose national, provincial or foreign_affairs)",
        ),
        ("Báo Tỉnh,provincial,,https://a.vn/rss,,,x", "a provincial source needs a province id"),
        (
            "Báo Tỉnh,provincial,VN-99,https://a.vn/rss,,,x",
            "unknown province id 'VN-99' (ids as in gazetteer/data/vn_units.csv, e.g. VN-DN)",
        ),
        ("Báo Tỉnh,national,,ftp://a.vn/rss,,,x", "feed_url 'ftp://a.vn/rss' is not an http(s) URL"),
        ("Báo Tỉnh,national,,,,,x", "no feed_url, sitemap_url or homepage"),
        ("Báo Tỉnh,national,,https://a.vn/rss", "too few fields (expected 7)"),
        ("VnExpress,national,,https://b.vn/rss,,,x", "name 'VnExpress' already used on line 2"),
    ],
)
def test_bad_sources_row_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "sources.csv"
    path.write_text(
        "name,kind,province,feed_url,sitemap_url,homepage,source\n"
        "VnExpress,national,,https://vnexpress.net/rss/thoi-su.rss,,,x\n"
        f"{line}\n",
        encoding="utf-8",
    )
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    assert str(caught.value) == f"{path}:3: {message}"


def test_sources_file_problems(tmp_path):
    missing = tmp_path / "none.csv"
    with pytest.raises(SourcesError) as caught:
        load_sources(missing)
    assert str(caught.value) == f"{missing}: no such file"
    header = tmp_path / "header.csv"
    header.write_text("name,kind,feed_url\n", encoding="utf-8")
    with pytest.raises(SourcesError) as caught:
        load_sources(header)
    assert str(caught.value) == f"{header}:1: missing column(s) province, sitemap_url, homepage, source"


# --- feeds and sitemaps --------------------------------------------------------------


def test_listing_formats():
    rdf = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://a.vn/"><title>A</title></channel>
<item rdf:about="https://a.vn/tin/1.html"><title>Một</title><link>https://a.vn/tin/1.html</link>
<dc:date>2024-07-01T08:00:00+07:00</dc:date></item>
</rdf:RDF>""".encode()
    listing = parse_listing(rdf, "https://a.vn/rss")
    assert listing.kind == "feed"
    assert [(e.url, e.published.isoformat(), e.title) for e in listing.entries] == [
        ("https://a.vn/tin/1.html", "2024-07-01T08:00:00+07:00", "Một")
    ]
    # Leading blank lines before the declaration, a guid instead of a link, a day-first local date.
    rss = """\n\n<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<item><title>Hai</title><guid>https://a.vn/tin/2.html</guid><pubDate>05/08/2024 14:30</pubDate></item>
<item><title>Ba</title><link>/tin/3.html</link></item>
<item><title>Không liên kết</title></item>
</channel></rss>""".encode()
    entries = parse_listing(rss, "https://a.vn/rss").entries
    ict = timezone(timedelta(hours=7))
    assert [(e.url, e.published) for e in entries] == [
        ("https://a.vn/tin/2.html", datetime(2024, 8, 5, 14, 30, tzinfo=ict)),
        ("https://a.vn/tin/3.html", None),
    ]
    index = gzip.compress(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://a.vn/s1.xml</loc><lastmod>2024-09-01</lastmod></sitemap></sitemapindex>"
    )
    listing = parse_listing(index, "https://a.vn/sitemap.xml.gz")
    assert listing.kind == "sitemapindex"
    assert [(e.url, e.published.date()) for e in listing.entries] == [("https://a.vn/s1.xml", date(2024, 9, 1))]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty response"),
        ("<html><body>Trang chủ</body></html>".encode(), "not a feed or sitemap (root element <html>)"),
        (b"<rss><channel><item></channel></rss>", "malformed XML (mismatched tag: line 1, column 22)"),
        (b"\x1f\x8b\x08\x00garbage", "broken gzip data (truncated)"),
    ],
)
def test_bad_listings_give_one_line(data, message):
    with pytest.raises(FeedError) as caught:
        parse_listing(data, "https://a.vn/rss")
    assert str(caught.value) == message


def test_gzip_bomb_is_cut_off():
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    with pytest.raises(FeedError, match=r"^unpacks to more than 1000000 bytes$"):
        parse_listing(bomb, "https://a.vn/s.xml.gz", max_bytes=1_000_000)


def test_dates_and_feed_links():
    assert parse_date("Thu, 14 Mar 2024 09:15:00 +0700") == datetime(
        2024, 3, 14, 9, 15, tzinfo=timezone(timedelta(hours=7))
    )
    assert parse_date("2024-03-14T02:15:00Z") == datetime(2024, 3, 14, 2, 15, tzinfo=UTC)
    assert parse_date("14/03/2024").date() == date(2024, 3, 14)
    assert parse_date("hôm qua") is None
    html = b"""<html><head><base href="https://a.vn/tin/">
<link rel="alternate" type="application/rss+xml" href="rss.xml">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://b.vn/atom">
<link rel="alternate" hreflang="en" href="https://a.vn/en/">
<link rel="stylesheet" href="a.css"></head><body><p>Tin</body>"""
    assert feed_links(html, "https://a.vn/") == ["https://a.vn/tin/rss.xml", "https://b.vn/atom"]


# --- fetching ------------------------------------------------------------------------


def test_pause_between_requests_to_one_host(site):
    with Fetcher(FetchOptions(delay=0.3, retries=0)) as fetcher:
        fetcher.get(f"{site.base}/rss.xml")
        fetcher.get(f"{site.base}/so-ngoai-vu/atom.xml")
    first, second = site.hits
    assert second.at - first.at >= 0.3


def test_size_limit_and_status_errors(site):
    site.routes["/lon.html"] = (200, "text/html", b"<p>" + "Hợp tác ".encode() * 20_000)
    site.routes["/bao-tri.html"] = (503, "text/plain", b"bao tri")
    with Fetcher(FetchOptions(delay=0, max_bytes=100_000, retries=2, backoff=0.01)) as fetcher:
        with pytest.raises(FetchError, match=r"^response larger than 100000 bytes \(220003 declared\)$"):
            fetcher.get(f"{site.base}/lon.html")
        with pytest.raises(FetchError) as caught:
            fetcher.get(f"{site.base}/bao-tri.html")
        assert (caught.value.message, caught.value.transient) == ("HTTP 503 (after 3 attempts)", True)
        with pytest.raises(FetchError, match=r"^connection failed \(ConnectError: .*\)$"):
            fetcher.get("http://127.0.0.1:9/")  # discard port: nothing listens
    assert site.count("/bao-tri.html") == 3


def test_unreachable_robots_txt_keeps_the_crawler_off_the_host(site):
    site.routes["/robots.txt"] = (500, "text/plain", b"loi")
    with Fetcher(FetchOptions(delay=0, retries=0)) as fetcher:
        assert fetcher.refusal(f"{site.base}/rss.xml") == "robots.txt unreachable (HTTP 500)"
    site.routes["/robots.txt"] = (404, "text/plain", b"")
    with Fetcher(FetchOptions(delay=0, retries=0)) as fetcher:
        assert fetcher.refusal(f"{site.base}/private/noi-bo.html") is None  # no robots.txt: no rules


# --- command line ----------------------------------------------------------------------

runner = CliRunner()


def test_cli_crawl_prints_a_summary_and_errors(site, tmp_path):
    sources = tmp_path / "cli.csv"
    sources.write_text(
        "name,kind,province,feed_url,sitemap_url,homepage,source\n"
        f"Cổng,foreign_affairs,VN-DN,{site.base}/so-ngoai-vu/atom.xml|{site.base}/hong.xml,,,t\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    args = ["crawl", "--sources", str(sources), "--db", url, "--delay", "0", "--since", "2024-01-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "feeds 1 read (0 unchanged), pages 1 fetched: new 1, updated 0, unchanged 0, out of scope 0; "
        "skipped 0, errors 1, queued 0; events 1\n"
    )
    assert result.stderr == f"{site.base}/hong.xml: malformed XML (mismatched tag: line 6, column 2)\n"
    again = runner.invoke(app, args)
    assert again.stdout.startswith("feeds 0 read (1 unchanged), pages 0 fetched: new 0")


def test_cli_every_stops_cleanly_on_ctrl_c(site, tmp_path, monkeypatch):
    sources = tmp_path / "cli.csv"
    sources.write_text(
        f"name,kind,province,feed_url,sitemap_url,homepage,source\nCổng,national,,{site.base}/so-ngoai-vu/atom.xml,,,t\n",
        encoding="utf-8",
    )
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("hoptac.cli._wait", nap)
    db_url = f"sqlite:///{tmp_path / 'every.db'}"
    result = runner.invoke(app, ["crawl", "--sources", str(sources), "--db", db_url, "--delay", "0", "--every", "30m"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert naps == [1800, 1800] and len(lines) == 3 and lines[-1] == "stopped"
    assert "new 1," in lines[0] and "(1 unchanged)" in lines[1]


def test_cli_rejects_bad_input(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind,province,feed_url,sitemap_url,homepage,source\nX,tinh,,https://a.vn/rss,,,x\n")
    db_url = f"sqlite:///{tmp_path / 'bad.db'}"
    result = runner.invoke(app, ["crawl", "--sources", str(bad), "--db", db_url])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {bad}:2: unknown kind 'tinh' (choose national, provincial or foreign_affairs)\n"
    )
    for option, value, message in (
        ("--every", "soon", "error: bad --every 'soon' (a number and s, m, h or d: 30m, 1h, 1d)\n"),
        ("--since", "2024-13-01", "error: bad --since '2024-13-01' (a day as YYYY-MM-DD)\n"),
    ):
        result = runner.invoke(app, ["crawl", "--sources", str(bad), option, value])
        assert (result.exit_code, result.stderr) == (1, message)
