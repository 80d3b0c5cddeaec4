"""Following news outlets: read their feeds and sitemaps, fetch new article pages, store them.

    from hoptac import store
    from hoptac.crawl import crawl, load_sources

    report = crawl(store.open(), load_sources(), since=date(2024, 1, 1))
    print(report.summary())

A run reads every source's listings (conditionally: an unchanged feed costs one
304), queues the article URLs it has not seen, then fetches the queued pages and
sends each through the normal pipeline (`document_from_html` -> `pipeline.process`
-> `store.ingest_result`, with the page URL as source and url). Every step is
committed as it happens, so an interrupted run resumes where it stopped and
nothing is stored twice. URLs already stored as articles are not fetched again.
Problems with one URL (timeouts, HTTP errors, malformed feeds, pages that are not
Vietnamese HTML) become one-line entries of `CrawlReport.errors`; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from hoptac.crawl import state
from hoptac.crawl.feeds import VN_TZ, Entry, FeedError, Listing, feed_links, parse_listing
from hoptac.crawl.fetch import USER_AGENT, Fetcher, FetchError, FetchOptions, Response
from hoptac.crawl.sources import DEFAULT_SOURCES, Source, SourcesError, load_sources
from hoptac.store import Store
from hoptac.store.crawl_models import CrawlUrl

__all__ = [
    "DEFAULT_SOURCES",
    "USER_AGENT",
    "CrawlOptions",
    "CrawlReport",
    "Source",
    "SourcesError",
    "crawl",
    "load_sources",
]

# Sitemap indexes may nest; deeper than this is a loop or a mistake.
_MAX_DEPTH = 3
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


@dataclass(frozen=True)
class CrawlOptions:
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0
    retries: int = 2  # within one fetch, for timeouts, dropped connections, 429 and 5xx
    backoff: float = 2.0  # seconds before the first of those retries; doubles
    max_bytes: int = 5_000_000
    max_pages: int | None = None  # page fetches per run; the rest stays queued
    # Articles in which the extractor finds no cooperation fact are not stored unless this is set:
    # national outlets publish hundreds of articles a day, few about localities' foreign partners.
    keep_all: bool = False
    retry_after: timedelta = timedelta(minutes=15)  # a page that failed waits this long, doubling
    max_failures: int = 3  # then it is given up
    user_agent: str = USER_AGENT

    def fetch_options(self) -> FetchOptions:
        return FetchOptions(
            delay=self.delay,
            timeout=self.timeout,
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff=self.backoff,
            user_agent=self.user_agent,
        )


@dataclass
class CrawlReport:
    feeds_read: int = 0  # feeds and sitemaps read
    feeds_unchanged: int = 0  # ... that answered "not modified"
    pages_fetched: int = 0
    new: int = 0  # articles stored
    updated: int = 0
    unchanged: int = 0  # pages whose text was stored already (under another URL)
    out_of_scope: int = 0  # pages without cooperation facts, not stored
    skipped: int = 0  # entries older than --since, URLs stored already, pages robots.txt forbids
    queued: int = 0  # pages left for a later run
    events: int = 0
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False

    def summary(self) -> str:
        return (
            f"feeds {self.feeds_read} read ({self.feeds_unchanged} unchanged), "
            f"pages {self.pages_fetched} fetched: new {self.new}, updated {self.updated}, "
            f"unchanged {self.unchanged}, out of scope {self.out_of_scope}; "
            f"skipped {self.skipped}, errors {len(self.errors)}, queued {self.queued}; events {self.events}"
        )


def _cutoff(since: date | None) -> datetime | None:
    """--since as a moment: the start of that day in Vietnam."""
    return datetime.combine(since, time.min, tzinfo=VN_TZ) if since is not None else None


class _Run:
    def __init__(
        self,
        session: Session,
        fetcher: Fetcher,
        options: CrawlOptions,
        since: date | None,
        report: CrawlReport,
        log: Callable[[str], None] | None,
        on_page: Callable[[str], None] | None,
    ) -> None:
        self.session = session
        self.fetcher = fetcher
        self.options = options
        self.cutoff = _cutoff(since)
        self.report = report
        self.log = log
        self.on_page = on_page
        self._stored: dict[str, int] | None = None
        # The sitemap protocol allows 50 MB per file; a page limit of a few MB would cut big sitemaps off.
        self.listing_bytes = max(options.max_bytes, 50_000_000)

    def error(self, url: str, problem: str) -> None:
        line = f"{url}: {problem}"
        self.report.errors.append(line)
        if self.log is not None:
            self.log(line)

    def too_old(self, published: datetime | None) -> bool:
        return self.cutoff is not None and published is not None and published < self.cutoff

    # --- listings --------------------------------------------------------------------

    def read_source(self, source: Source) -> None:
        if source.feeds or source.sitemaps:
            for url in source.feeds:
                self.read_listing(state.listing(self.session, url, "feed", source.name), source.name)
            for url in source.sitemaps:
                self.read_listing(state.listing(self.session, url, "sitemap", source.name), source.name)
        elif source.homepage:
            self.read_homepage(source)

    def fetch_listing(self, row: CrawlUrl) -> Response | None:
        """The listing's answer, or None after recording why there is none. Commits first:
        no database lock is held while the network is waited on."""
        self.session.commit()
        try:
            refusal = self.fetcher.refusal(row.url)
            if refusal:
                raise FetchError(refusal)
            return self.fetcher.get(row.url, row.etag, row.last_modified, max_bytes=self.listing_bytes)
        except FetchError as exc:
            self.error(row.url, exc.message)
            state.failed(row, exc.message, status=exc.status, transient=exc.transient)
            self.session.commit()
            return None

    def read_homepage(self, source: Source) -> None:
        """A source without feeds: the feeds its homepage announces and the sitemaps of its robots.txt."""
        assert source.homepage is not None
        home = state.listing(self.session, source.homepage, "home", source.name)
        response = self.fetch_listing(home)
        listings: list[CrawlUrl] = []
        if response is None or response.status == 304:
            # Unchanged or unreachable: the feeds it announced before.
            listings = state.children(self.session, home, ("feed",))
        else:
            for url in feed_links(response.content, response.url):
                listings.append(state.listing(self.session, url, "feed", source.name, parent=home))
        if self.fetcher.refusal(source.homepage) is None:
            for url in self.fetcher.sitemaps(source.homepage):
                row = state.listing(self.session, url, "sitemap", source.name, parent=home)
                if row not in listings:
                    listings.append(row)
        if not listings and response is not None:
            self.error(source.homepage, "no feed announced on the homepage and no sitemap in robots.txt")
        if response is not None:
            state.fetched(home, response.status, etag=response.etag, last_modified=response.last_modified)
        self.session.commit()
        for row in listings:
            self.read_listing(row, source.name)

    def read_listing(self, row: CrawlUrl, source: str, depth: int = 0) -> None:
        response = self.fetch_listing(row)
        if response is None:
            return
        if response.status == 304:
            self.report.feeds_unchanged += 1
            state.fetched(row, 304)
            self.session.commit()
            if row.kind == "sitemap":
                for child in state.children(self.session, row, ("sitemap",)):
                    self.read_child_sitemap(child, source, depth)
            return
        try:
            listing: Listing = parse_listing(response.content, response.url, max_bytes=self.listing_bytes)
        except FeedError as exc:
            self.error(row.url, str(exc))
            # This answer's validators are not kept, so the next run reads the listing in full again.
            state.failed(row, str(exc), status=response.status, transient=False)
            self.session.commit()
            return
        self.report.feeds_read += 1
        children: list[CrawlUrl] = []
        if listing.kind == "sitemapindex":
            for entry in listing.entries:
                child = state.listing(self.session, entry.url, "sitemap", source, parent=row)
                child.published_at = state.as_utc(entry.published)
                children.append(child)
        else:
            self.add_pages(listing.entries, source, row)
        # Validators are stored with the entries they came with, in one transaction: a run
        # stopped before this commit reads the listing in full again.
        state.fetched(row, response.status, etag=response.etag, last_modified=response.last_modified)
        self.session.commit()
        for child in children:
            self.read_child_sitemap(child, source, depth)

    def read_child_sitemap(self, child: CrawlUrl, source: str, depth: int) -> None:
        if self.too_old(state.as_utc(child.published_at)):
            self.report.skipped += 1
        elif depth + 1 >= _MAX_DEPTH:
            self.error(child.url, f"sitemap indexes nested more than {_MAX_DEPTH} deep")
        else:
            self.read_listing(child, source, depth + 1)

    def add_pages(self, entries: list[Entry], source: str, parent: CrawlUrl) -> None:
        fresh = [(e.url, e.published) for e in entries if not self.too_old(e.published)]
        self.report.skipped += len(entries) - len(fresh)
        if self._stored is None:
            self._stored = state.stored_urls(self.session)
        _, stored = state.add_pages(self.session, fresh, source, parent, self._stored)
        self.report.skipped += stored

    # --- pages -----------------------------------------------------------------------

    def fetch_pages(self) -> None:
        cutoff = self.cutoff.astimezone(UTC) if self.cutoff else None
        due = state.due_pages(self.session, state.now(), cutoff)
        self.session.commit()
        attempts = 0
        for row_id in due:
            if self.options.max_pages is not None and attempts >= self.options.max_pages:
                break
            row = self.session.get(CrawlUrl, row_id)
            if row is None or row.next_fetch_at is None:
                continue
            if self.fetch_page(row):
                attempts += 1

    def fetch_page(self, row: CrawlUrl) -> bool:
        """Fetch and store one queued page; False when no request was made for it."""
        article_id = state.stored_article(self.session, row.url)
        if article_id is not None:
            # Stored meanwhile (by `hoptac ingest`, or by a run stopped before marking the page).
            state.done(row, article_id=article_id)
            self.report.skipped += 1
            self.session.commit()
            return False
        self.session.commit()
        try:
            refusal = self.fetcher.refusal(row.url)
        except FetchError as exc:  # robots.txt errors are handled inside; this is defensive
            refusal = exc.message
        if refusal is not None:
            state.done(row, error=refusal)
            self.report.skipped += 1
            self.session.commit()
            return False
        if self.on_page is not None:
            self.on_page(row.url)
        try:
            response = self.fetcher.get(row.url)
        except FetchError as exc:
            self.error(row.url, exc.message)
            state.failed(
                row,
                exc.message,
                status=exc.status,
                transient=exc.transient,
                retry_after=self.options.retry_after,
                max_failures=self.options.max_failures,
            )
            self.session.commit()
            return True
        self.report.pages_fetched += 1
        state.fetched(row, response.status)
        self.store_page(row, response)
        self.session.commit()
        return True

    def reject(self, row: CrawlUrl, problem: str) -> None:
        self.error(row.url, problem)
        state.done(row, error=problem)

    def store_page(self, row: CrawlUrl, response: Response) -> None:
        # Imported here: reading sources or listings needs neither trafilatura nor the extractor.
        from hoptac import pipeline
        from hoptac.ingest import Rejected
        from hoptac.ingest.html import document_from_html
        from hoptac.store import content_hash, ingest_result

        if response.content_type not in _HTML_TYPES:
            self.reject(row, f"not an HTML page ({response.content_type})")
            return
        doc = document_from_html(row.url, response.content)
        if isinstance(doc, Rejected):
            self.reject(row, doc.reason)
            return
        update: dict[str, object] = {"url": row.url}
        published = state.as_utc(row.published_at)
        if not doc.published and published is not None:
            # The listing's date, when the page itself shows none.
            update["published"] = published.astimezone(VN_TZ).date().isoformat()
        doc = doc.model_copy(update=update)
        try:
            result = pipeline.process(doc)
        except Exception as exc:  # one page the extractor cannot handle must not stop the crawl
            self.reject(row, f"extraction failed ({type(exc).__name__}: {exc})")
            return
        digest = content_hash(result.article.text)
        if not self.options.keep_all and not result.events and not result.relations:
            self.report.out_of_scope += 1
            state.done(row, error="no cooperation facts found; not stored", digest=digest)
            return
        outcome = ingest_result(self.session, result)
        if outcome.status == "new":
            self.report.new += 1
        elif outcome.status == "updated":
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        self.report.events += outcome.events
        # ingest_result committed the article; the row is marked in the caller's commit. A stop in
        # between leaves the page queued, and the next run finds the article by its URL.
        state.done(row, article_id=outcome.article_id, digest=digest)


def crawl(
    store: Store,
    sources: list[Source],
    since: date | None = None,
    *,
    options: CrawlOptions | None = None,
    report: CrawlReport | None = None,
    log: Callable[[str], None] | None = None,
    on_page: Callable[[str], None] | None = None,
) -> CrawlReport:
    """One crawl run over `sources` into `store` (a `hoptac.store.Store`).

    `since` skips listing entries dated before that day (entries without a date are kept).
    `report` is filled as the run goes, so a caller that catches KeyboardInterrupt still has
    the counts; `log` receives each one-line error as it happens, `on_page` each page URL
    before it is fetched.
    """
    options = options or CrawlOptions()
    report = report if report is not None else CrawlReport()
    with Fetcher(options.fetch_options()) as fetcher, store.session() as session:
        run = _Run(session, fetcher, options, since, report, log, on_page)
        try:
            for source in sources:
                run.read_source(source)
            run.fetch_pages()
        except BaseException:
            # Whatever was committed stays; count what is left for the caller's summary.
            report.interrupted = True
            session.rollback()
            try:
                report.queued = state.queued(session)
                session.commit()
            except SQLAlchemyError:
                session.rollback()
            raise
        report.queued = state.queued(session)
        session.commit()
    return report
