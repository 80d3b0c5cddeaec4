"""Crawl state in the database (`crawl_urls`): listings with their validators, the page queue."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from hoptac.crawl.fetch import host_of
from hoptac.store.crawl_models import CrawlUrl
from hoptac.store.models import Article


def now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite gives stored moments back without their zone; they were written in UTC."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def find(session: Session, url: str) -> CrawlUrl | None:
    return session.scalar(select(CrawlUrl).where(CrawlUrl.url == url))


def listing(session: Session, url: str, kind: str, source: str, parent: CrawlUrl | None = None) -> CrawlUrl:
    """The row of a feed, sitemap or homepage, created on first sight."""
    row = find(session, url)
    if row is None:
        row = CrawlUrl(
            url=url,
            host=host_of(url),
            kind=kind,
            source=source,
            parent_id=parent.id if parent else None,
            discovered_at=now(),
            failures=0,
        )
        session.add(row)
        session.flush()
    return row


def children(session: Session, parent: CrawlUrl, kinds: tuple[str, ...]) -> list[CrawlUrl]:
    """Listings found in `parent` on an earlier run (its answer now is "not modified")."""
    query = select(CrawlUrl).where(CrawlUrl.parent_id == parent.id, CrawlUrl.kind.in_(kinds)).order_by(CrawlUrl.id)
    return list(session.scalars(query))


def stored_article(session: Session, url: str) -> int | None:
    """The id of an article already stored under this URL (as its source or its url)."""
    query = select(Article.id).where(or_(Article.source == url, Article.url == url)).limit(1)
    return session.scalar(query)


def stored_urls(session: Session) -> dict[str, int]:
    """Every URL under which an article is stored, with its id: looked up once per run, since
    `articles.url` has no index and a sitemap may list tens of thousands of pages."""
    found: dict[str, int] = {}
    for article_id, source, url in session.execute(select(Article.id, Article.source, Article.url)):
        found[source] = article_id
        if url:
            found.setdefault(url, article_id)
    return found


def add_pages(
    session: Session,
    entries: list[tuple[str, datetime | None]],
    source: str,
    parent: CrawlUrl | None,
    stored: dict[str, int],
) -> tuple[int, int]:
    """Queue the pages of one listing that are not known yet; a page already stored as an
    article (by `stored`, see `stored_urls`) is recorded as done instead. Returns (queued, stored).
    One query per 500 URLs and one batched insert: a sitemap lists up to 50,000 pages."""
    urls = list(dict.fromkeys(url for url, _ in entries))
    known: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        known.update(session.scalars(select(CrawlUrl.url).where(CrawlUrl.url.in_(chunk))))
    moment = now()
    rows = []
    done_already = 0
    for url, published in entries:
        if url in known:
            continue
        known.add(url)
        article_id = stored.get(url)
        done_already += article_id is not None
        rows.append(
            {
                "url": url,
                "host": host_of(url),
                "kind": "page",
                "source": source,
                "parent_id": parent.id if parent else None,
                "discovered_at": moment,
                "published_at": as_utc(published),
                "next_fetch_at": None if article_id is not None else moment,
                "failures": 0,
                "article_id": article_id,
            }
        )
    if rows:
        # A Core executemany: ORM objects would cost one INSERT each.
        session.execute(insert(CrawlUrl), rows)
    return len(rows) - done_already, done_already


def due_pages(session: Session, moment: datetime, since: datetime | None = None) -> list[int]:
    """Ids of the pages due for a fetch, oldest discovery first, one host after another in turn
    so that the pause between two requests to one host is spent on the others."""
    query = select(CrawlUrl.id, CrawlUrl.host).where(CrawlUrl.kind == "page", CrawlUrl.next_fetch_at <= moment)
    if since is not None:
        query = query.where(or_(CrawlUrl.published_at.is_(None), CrawlUrl.published_at >= since))
    queues: dict[str, deque[int]] = {}
    for row_id, host in session.execute(query.order_by(CrawlUrl.id)):
        queues.setdefault(host, deque()).append(row_id)
    order: list[int] = []
    while queues:
        for host in list(queues):
            order.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return order


def queued(session: Session) -> int:
    """Pages waiting for a first fetch or for another try."""
    waiting = (CrawlUrl.kind == "page", CrawlUrl.next_fetch_at.is_not(None))
    query = select(func.count()).select_from(CrawlUrl).where(*waiting)
    return session.scalar(query) or 0


def fetched(
    row: CrawlUrl, status: int, *, etag: str | None = None, last_modified: str | None = None, digest: str | None = None
) -> None:
    """A successful answer (200 or 304)."""
    row.last_status = status
    row.last_fetched_at = now()
    row.last_error = None
    row.failures = 0
    if status != 304:
        row.etag = etag
        row.last_modified = last_modified
        if digest is not None:
            row.content_hash = digest


def done(row: CrawlUrl, *, article_id: int | None = None, error: str | None = None, digest: str | None = None) -> None:
    """A page that needs no further fetch: stored, out of scope, refused or unusable."""
    row.next_fetch_at = None
    row.last_error = error
    if article_id is not None:
        row.article_id = article_id
    if digest is not None:
        row.content_hash = digest


def failed(
    row: CrawlUrl,
    error: str,
    *,
    status: int | None,
    transient: bool,
    retry_after: timedelta = timedelta(0),
    max_failures: int = 1,
) -> None:
    """A failed fetch: a page that may get through later waits, doubling, up to `max_failures` tries."""
    moment = now()
    row.last_status = status
    row.last_fetched_at = moment
    row.last_error = error
    row.failures = (row.failures or 0) + 1
    if row.kind != "page":
        return
    if transient and row.failures < max_failures:
        row.next_fetch_at = moment + retry_after * 2 ** (row.failures - 1)
    else:
        row.next_fetch_at = None
