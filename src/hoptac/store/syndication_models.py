"""Tables of near-duplicate detection (see `hoptac.store.syndication`), created by migration 0004."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from hoptac.store.base import Base


class ArticleSignature(Base):
    """An article's MinHash signature, so that no process has to re-read every text to find copies."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    # How the signature was made (shingle size, permutations, hash); a row of another scheme is recomputed.
    scheme: Mapped[str] = mapped_column(String(60))
    # NUM_PERM unsigned 32-bit integers, little-endian.
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    # The store generation of the transaction that wrote the row: an index loads only the rows
    # newer than the ones it holds, which also brings in other processes' articles.
    stamp: Mapped[int] = mapped_column(Integer, index=True)
    # Whether the article is in the LSH index and linked to its copies: only articles with events are.
    indexed: Mapped[bool] = mapped_column(Boolean, default=False)


class ArticleCopy(Base):
    """Two articles that tell the same story in nearly the same words (one republishing the other).

    `original_id` is the one stored first; which was published first is read from the articles'
    dates (see `queries.first_report`).
    """

    __tablename__ = "article_copies"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    original_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # Estimated Jaccard similarity of their 5-word shingles.
    similarity: Mapped[float] = mapped_column(Float)
