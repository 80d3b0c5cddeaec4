"""Crawl state: every feed, sitemap, homepage and article page `hoptac crawl` knows of.

One row per URL. Listings (feeds, sitemaps, homepages) keep the validators of their
last answer (ETag, Last-Modified) so the next run asks only for changes. Pages are a
queue: `next_fetch_at` is set while a page waits for its (next) fetch and cleared once
it is done, so a crawl that stops half-way picks up the rest on its next run.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hoptac.store.base import Base


class CrawlUrl(Base):
    __tablename__ = "crawl_urls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    host: Mapped[str] = mapped_column(String(255), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # feed | sitemap | home | page
    # Name of the sources-file row that led here.
    source: Mapped[str | None] = mapped_column(String(200))
    # The listing this URL was found in (a page's feed, a sitemap's index, a feed's homepage).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_urls.id", ondelete="SET NULL"))
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    discovered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The date the listing gave (an item's pubDate, a sitemap's lastmod), in UTC.
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_fetch_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
