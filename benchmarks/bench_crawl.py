"""Crawl speed against a generated site on 127.0.0.1: how fast big sitemaps are read and
queued, what an unchanged re-run costs, and pages per second through fetch + pipeline + store.

    .venv/bin/python benchmarks/bench_crawl.py                    # 50,000 sitemap URLs, 300 pages
    .venv/bin/python benchmarks/bench_crawl.py --urls 200000 --pages 1000

Prints figures; checks nothing. No pause between requests (--delay 0), so the figures
are the crawler's own cost, not the politeness a real crawl spends waiting.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import tempfile
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hoptac import store
from hoptac.crawl import CrawlOptions, crawl, load_sources

ARTICLE = Path(__file__).parents[1] / "tests" / "fixtures" / "site" / "tin" / "hai-phong-incheon.html"
PER_SITEMAP = 10_000


def make_site(urls: int, pages: int) -> dict[str, bytes]:
    files: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nDisallow: /private/\n"}
    count = (urls + PER_SITEMAP - 1) // PER_SITEMAP
    index = ['<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for n in range(count):
        index.append(f"<sitemap><loc>{{BASE}}/sitemaps/{n}.xml.gz</loc><lastmod>2024-09-01</lastmod></sitemap>")
        rows = ['<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        for i in range(n * PER_SITEMAP, min(urls, (n + 1) * PER_SITEMAP)):
            rows.append(f"<url><loc>{{BASE}}/tin/{i}.html</loc><lastmod>2024-08-{1 + i % 28:02d}</lastmod></url>")
        rows.append("</urlset>")
        files[f"/sitemaps/{n}.xml.gz"] = gzip.compress("\n".join(rows).encode(), mtime=0)
    index.append("</sitemapindex>")
    files["/sitemap_index.xml"] = "\n".join(index).encode()
    template = ARTICLE.read_text(encoding="utf-8")
    rows = ['<rss version="2.0"><channel><title>bench</title>']
    for i in range(pages):
        # Each page a distinct text, so every one is stored as a new article.
        text = template.replace("cuối năm.", f"cuối năm, theo kế hoạch số {i + 1}/KH-UBND.")
        files[f"/bai/{i}.html"] = text.encode()
        rows.append(f"<item><link>{{BASE}}/bai/{i}.html</link></item>")
    rows.append("</channel></rss>")
    files["/rss.xml"] = "\n".join(rows).encode()
    return files


def serve(files: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = files.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            body = body.replace(b"{BASE}", base.encode()) if not self.path.endswith(".gz") else body
            self.send_response(200)
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Type", "text/html; charset=utf-8" if self.path.endswith(".html") else "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for path, body in list(files.items()):
        if path.endswith(".gz"):
            files[path] = gzip.compress(gzip.decompress(body).replace(b"{BASE}", base.encode()), mtime=0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=50_000, help="URLs in the sitemaps")
    parser.add_argument("--pages", type=int, default=300, help="article pages fetched and stored")
    args = parser.parse_args()
    server, base = serve(make_site(args.urls, args.pages))
    options = CrawlOptions(delay=0, timeout=10)
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.csv"
        sources.write_text(
            "name,kind,province,feed_url,sitemap_url,homepage,source\n"
            f"sitemaps,national,,,{base}/sitemap_index.xml,,bench\n",
            encoding="utf-8",
        )
        db = store.open(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        first = crawl(db, load_sources(sources), options=replace(options, max_pages=0))
        queued = time.perf_counter() - start
        start = time.perf_counter()
        again = crawl(db, load_sources(sources), options=replace(options, max_pages=0))
        unchanged = time.perf_counter() - start
        print(
            f"sitemaps: {first.feeds_read} read, {first.queued} URLs queued in {queued:.1f} s "
            f"({first.queued / queued:,.0f} URLs/s); unchanged re-run ({again.feeds_unchanged} x 304) {unchanged:.2f} s"
        )

        feed = Path(tmp) / "feed.csv"
        feed.write_text(
            f"name,kind,province,feed_url,sitemap_url,homepage,source\nfeed,national,,{base}/rss.xml,,,bench\n",
            encoding="utf-8",
        )
        pages_db = store.open(f"sqlite:///{tmp}/pages.db")
        start = time.perf_counter()
        report = crawl(pages_db, load_sources(feed), options=options)
        took = time.perf_counter() - start
        print(
            f"pages: {report.pages_fetched} fetched, {report.new} stored in {took:.1f} s "
            f"({report.pages_fetched / took:.1f} pages/s, fetch + extract + store)"
        )
        db.close()
        pages_db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    server.shutdown()


if __name__ == "__main__":
    main()
