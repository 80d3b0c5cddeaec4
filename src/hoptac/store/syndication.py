"""Near-duplicate articles: one story republished by several outlets with small edits.

Each article gets a MinHash signature over the 5-word shingles of its folded text
(title and body, lower case, no diacritics); an LSH index over the signatures
finds the stored articles whose estimated Jaccard similarity reaches THRESHOLD.

    sig = signature(text)                      # NUM_PERM integers
    find_copies(session, text)                 # ids of indexed near-copies, most similar first
    record(session, article, index=True)       # store the signature and the copy links

Every article is signed, but only articles with events are indexed and linked: copy
links serve to merge events and to name an event's first report, and an LSH index
costs memory per article (about 19 kB at THRESHOLD 0.3), which the many articles
without events would spend for nothing. An article that gains events when
re-extracted is indexed then (`sync`).

Signatures live in `article_signatures`, so a process builds its index from the
database, not by re-reading texts. The index is kept per engine and brought up to
date before each look-up by loading the rows written since (their `stamp` is the
store generation, which grows in commit order), so several ingest processes see
each other's articles and an updated article replaces its old signature.
"""

from __future__ import annotations

import re
import threading
import weakref
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, Engine, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from hoptac.store import overlay
from hoptac.store.models import Article, EventSource
from hoptac.store.syndication_models import ArticleCopy, ArticleSignature
from hoptac.textnorm import fold

SHINGLE_WORDS = 5
NUM_PERM = 128
# Estimated Jaccard similarity from which two articles count as copies; chosen on the
# labelled pairs of benchmarks/data/syndication_pairs.csv (see benchmarks/README.md).
THRESHOLD = 0.3
_HASH = "affine32"
# Stored with every signature: a row made another way is recomputed, never compared.
SCHEME = f"minhash-{_HASH}-{NUM_PERM}p-{SHINGLE_WORDS}w-crc"
_WORD = re.compile(r"\w+")
# One seeded set of permutations shared by every signature: signatures made with other
# permutations would not be comparable.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=_HASH).permutations
# Odd 64-bit multipliers that combine the five word hashes of a shingle, one per position.
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)


def shingle_hashes(folded: str) -> np.ndarray:
    """32-bit hashes of the distinct 5-word shingles of an already folded text.

    A text of five words or fewer is one shingle. Words are hashed once (CRC-32, the
    same in every process) and combined per window, which is several times faster
    than hashing each shingle's string; MinHash mixes the values again before use.
    """
    words = np.fromiter((zlib.crc32(word.encode("utf-8")) for word in _WORD.findall(folded)), dtype=np.uint64)
    if len(words) == 0:
        return words.astype(np.uint32)
    width = min(SHINGLE_WORDS, len(words))
    windows = len(words) - width + 1
    combined = np.zeros(windows, dtype=np.uint64)
    for position in range(width):
        combined += words[position : position + windows] * _MIX[position]
    combined ^= combined >> np.uint64(32)
    return np.unique((combined & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def _minhash(values: np.ndarray | None = None) -> MinHash:
    if values is None:
        return MinHash(num_perm=NUM_PERM, seed=1, scheme=_HASH, permutations=_PERMUTATIONS, hashfunc=int)
    return MinHash(seed=1, scheme=_HASH, hashvalues=values, permutations=_PERMUTATIONS, hashfunc=int)


def _values(text: str, folded: str | None = None) -> np.ndarray:
    minhash = _minhash()
    minhash.update_batch(shingle_hashes(fold(text) if folded is None else folded))
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def signature(text: str) -> list[int]:
    """The MinHash signature of `text`: NUM_PERM integers below 2**32."""
    return [int(v) for v in _values(text)]


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    """Estimated Jaccard similarity of the shingles behind two signatures."""
    x, y = np.asarray(list(a), dtype=np.uint32), np.asarray(list(b), dtype=np.uint32)
    return float(np.count_nonzero(x == y)) / len(x)


def _pack(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def _unpack(blob: bytes) -> np.ndarray | None:
    values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
    return values if len(values) == NUM_PERM else None


def _lsh_params(threshold: float) -> tuple[int, int]:
    """Bands and rows that make pairs at `threshold` candidates almost surely.

    Candidates are checked against the threshold afterwards, so a loose band
    setting costs a few comparisons, never a wrong link.
    """
    best = (NUM_PERM, 1)
    for rows in range(1, NUM_PERM + 1):
        bands = NUM_PERM // rows
        if 1 - (1 - threshold**rows) ** bands >= 0.995:
            best = (bands, rows)
    return best


@dataclass
class CopyIndex:
    """The signatures of one database's articles in memory, with an LSH index over them."""

    # Read when the index is made, so a changed THRESHOLD applies to indexes made after.
    threshold: float = field(default_factory=lambda: THRESHOLD)
    signatures: dict[int, np.ndarray] = field(default_factory=dict)
    stamp: int = -1
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.signatures = {}
        self.stamp = -1
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params(self.threshold))

    def add(self, article_id: int, values: np.ndarray) -> None:
        if article_id in self.signatures:
            self.lsh.remove(article_id)
        self.signatures[article_id] = values
        self.lsh.insert(article_id, _minhash(values), check_duplication=False)

    def remove(self, article_id: int) -> None:
        if self.signatures.pop(article_id, None) is not None:
            self.lsh.remove(article_id)

    def refresh(self, session: Session) -> None:
        """Load the signatures written since the last refresh, by this process or another."""
        if self.stamp > overlay.generation(session):
            # The database was emptied and refilled under the same engine: start over.
            self._reset()
        table = ArticleSignature
        rows = session.execute(
            select(table.article_id, table.scheme, table.indexed, table.stamp, table.signature)
            .where(table.stamp > self.stamp)
            .order_by(table.stamp)
        ).all()
        for article_id, scheme, indexed, stamp, blob in rows:
            self.stamp = max(self.stamp, stamp)
            if not indexed:
                self.remove(article_id)
                continue
            values = _unpack(blob) if scheme == SCHEME else None
            if values is None:
                # Written by another version of this module: recompute from the stored text.
                text = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
                values = _values(text)
                session.execute(
                    update(table).where(table.article_id == article_id).values(scheme=SCHEME, signature=_pack(values))
                )
            self.add(article_id, values)

    def query(self, values: np.ndarray) -> list[tuple[int, float]]:
        """(article id, similarity) of the indexed articles at or above the threshold, most similar first."""
        found = []
        for key in self.lsh.query(_minhash(values)):
            score = float(np.count_nonzero(self.signatures[key] == values)) / NUM_PERM
            if score >= self.threshold:
                found.append((int(key), score))
        return sorted(found, key=lambda item: (-item[1], item[0]))


_INDEXES: weakref.WeakKeyDictionary[Engine, CopyIndex] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def index_for(session: Session) -> CopyIndex:
    """The up-to-date index of the session's database, built on first use."""
    engine = session.get_bind()
    assert isinstance(engine, Engine), "sessions are bound to one engine"
    with _INDEXES_LOCK:
        index = _INDEXES.get(engine)
        if index is None:
            index = _INDEXES[engine] = CopyIndex()
    with index.lock:
        index.refresh(session)
    return index


def _matches(session: Session, values: np.ndarray, exclude: int | None) -> list[tuple[int, float]]:
    index = index_for(session)
    with index.lock:
        found = [(i, s) for i, s in index.query(values) if i != exclude]
    if not found:
        return []
    # An article deleted since it was indexed has no row any more.
    alive = set(session.scalars(select(Article.id).where(Article.id.in_([i for i, _ in found]))))
    return [(i, s) for i, s in found if i in alive]


def matches(session: Session, text: str, exclude: int | None = None) -> list[tuple[int, float]]:
    """(article id, similarity) of the indexed near-copies of `text`, most similar first."""
    return _matches(session, _values(text), exclude)


def find_copies(session: Session, text: str, exclude: int | None = None) -> list[int]:
    """Ids of the indexed articles that tell `text`'s story in nearly the same words."""
    return [article_id for article_id, _ in matches(session, text, exclude)]


def record(
    session: Session, article: Article, folded: str | None = None, index: bool = True
) -> list[tuple[int, float]]:
    """Store the article's signature and, when `index`, its links to the indexed near-copies; returns them.

    `folded` is `fold(article.text)` when the caller has it already. Called in the
    transaction that stores the article, after the store generation was bumped, so the
    row's stamp is newer than any other process has loaded.
    """
    values = _values(article.text, folded)
    found = _matches(session, values, exclude=article.id) if index else []
    row = session.get(ArticleSignature, article.id)
    # A new article that stays out of the index is in no process's index: its stamp does not
    # matter, which spares reading the generation for most articles.
    stamp = overlay.generation(session) if index or row is not None else 0
    if row is None:
        session.add(
            ArticleSignature(article_id=article.id, scheme=SCHEME, signature=_pack(values), stamp=stamp, indexed=index)
        )
    else:
        row.scheme, row.signature, row.stamp, row.indexed = SCHEME, _pack(values), stamp, index
        # An updated article may no longer be, or may newly be, a copy of others.
        session.execute(
            delete(ArticleCopy).where(or_(ArticleCopy.article_id == article.id, ArticleCopy.original_id == article.id))
        )
    for other, score in found:
        later, earlier = max(article.id, other), min(article.id, other)
        session.add(ArticleCopy(article_id=later, original_id=earlier, similarity=round(score, 4)))
    session.flush()
    return found


def sync(session: Session, article: Article, index: bool) -> None:
    """Sign, index or unindex the article when its stored state does not match (after re-extraction)."""
    row = session.get(ArticleSignature, article.id)
    if row is not None and row.indexed == index and row.scheme == SCHEME:
        return
    # A new stamp must be newer than what other processes have loaded.
    overlay.bump_generation(session)
    session.flush()
    record(session, article, index=index)


def related(session: Session, article_id: int) -> list[int]:
    """Ids of the articles linked to this one as near-copies, either way."""
    rows = session.execute(
        select(ArticleCopy.article_id, ArticleCopy.original_id).where(
            or_(ArticleCopy.article_id == article_id, ArticleCopy.original_id == article_id)
        )
    ).all()
    return sorted({b if a == article_id else a for a, b in rows})


def backfill(connection: Connection, batch: int = 500) -> int:
    """Sign the articles stored before signatures existed and link the copies among those
    with events (migration 0004).

    Articles are taken in id order, each compared with the indexed ones before it, as
    ingest would have; returns the number signed. Facts are not re-merged: `hoptac
    reextract` does that.
    """
    index = CopyIndex()
    with_events = set(connection.scalars(select(EventSource.article_id).distinct()))
    signed, last = 0, 0
    while True:
        rows = connection.execute(
            select(Article.id, Article.text).where(Article.id > last).order_by(Article.id).limit(batch)
        ).all()
        if not rows:
            return signed
        signatures, copies = [], []
        for article_id, text in rows:
            values = _values(text or "")
            indexed = article_id in with_events
            if indexed:
                for other, score in index.query(values):
                    copies.append({"article_id": article_id, "original_id": other, "similarity": round(score, 4)})
                index.add(article_id, values)
            signatures.append(
                {
                    "article_id": article_id,
                    "scheme": SCHEME,
                    "signature": _pack(values),
                    "stamp": 0,
                    "indexed": indexed,
                }
            )
        connection.execute(insert(ArticleSignature), signatures)
        if copies:
            connection.execute(insert(ArticleCopy), copies)
        signed += len(rows)
        last = rows[-1][0]
