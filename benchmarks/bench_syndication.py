"""Near-duplicate detection and event merging over hand-labelled article pairs: prints figures, checks nothing.

Reads `data/syndication_pairs.csv` (pairs of baomoi article ids labelled same/different
story, see benchmarks/README.md) and the corpus, then reports:

1. copy detection: precision and recall of `hoptac.store.syndication` at its threshold
   (through the real LSH index) and, for comparison, at other thresholds of the
   estimated Jaccard similarity; per similarity band, the labelled precision and how
   many corpus pairs fall in the band, giving a corpus-weighted precision estimate;
2. event merging: for every labelled pair whose two articles both yield events, both
   are stored (in id order) into a fresh SQLite database by the real ingest; a pair
   is merged when one event has both articles among its sources. With copy links and
   without them (fingerprint merging only);
3. cost: signing and looking up every corpus article (title + body as given, not
   cleaned), as if every one had events; memory of the index; storing the first 1,000
   articles with and without detection (there only articles with events are looked up
   and indexed); loading the index of a database where every corpus article is indexed.

    python benchmarks/bench_syndication.py
    python benchmarks/bench_syndication.py --cost-limit 5000   # cost over the first 5,000 articles only
    python benchmarks/bench_syndication.py --threshold 0.4     # evaluate another copy threshold
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from common import machine, time_ingest
from sqlalchemy import delete, insert, select

from hoptac import store
from hoptac.ingest import jsonl
from hoptac.models import ArticleResult, Document
from hoptac.pipeline import process
from hoptac.store import syndication
from hoptac.store.models import Article, EventSource
from hoptac.store.syndication_models import ArticleCopy, ArticleSignature

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
LABELS = Path(__file__).with_name("data") / "syndication_pairs.csv"
BANDS = [(0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
SWEEP = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


def load_labels(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_corpus(
    corpus: Path, wanted: set[str], limit: int | None, sample: int
) -> tuple[dict[str, bytes], list[str], list[bytes]]:
    """The raw lines of the wanted articles, title + body of the first `limit` articles (all by default),
    and the first `sample` raw lines."""
    lines: dict[str, bytes] = {}
    texts: list[str] = []
    first: list[bytes] = []
    with gzip.open(corpus, "rb") as f:
        for number, line in enumerate(f):
            record = json.loads(line)
            if str(record.get("id")) in wanted:
                lines[str(record["id"])] = line
            if limit is None or number < limit:
                texts.append(f"{record.get('title') or ''}\n\n{record.get('body') or ''}")
            if number < sample:
                first.append(line)
    return lines, texts, first


def extract(corpus: Path, lines: dict[str, bytes]) -> dict[str, ArticleResult]:
    results = {}
    for ident, line in lines.items():
        [doc] = list(jsonl.read_lines(str(corpus), [line], 5_000_000))
        assert isinstance(doc, Document), doc
        results[ident] = process(doc)
    return results


def rates(pairs: list[tuple[bool, bool, str]]) -> str:
    """Precision and recall of (detected, same, kind) triples; recall also over the 'copy' kind alone."""
    detected = [p for p in pairs if p[0]]
    hits = sum(1 for p in detected if p[1])
    same = sum(1 for p in pairs if p[1])
    copies = [p for p in pairs if p[2] == "copy"]
    precision = f"{hits}/{len(detected)} = {hits / len(detected):.0%}" if detected else "n/a"
    recall = f"{hits}/{same} = {hits / same:.0%}" if same else "n/a"
    found = sum(1 for p in copies if p[0])
    copy_recall = f"{found}/{len(copies)} = {found / len(copies):.0%}" if copies else "n/a"
    return f"precision {precision:>14}   recall {recall:>15}   recall of copies {copy_recall}"


def detection(labels: list[dict[str, str]], results: dict[str, ArticleResult]) -> dict[tuple[str, str], float]:
    values = {i: syndication._values(r.article.text) for i, r in results.items()}
    index = syndication.CopyIndex()
    for number, ident in enumerate(sorted(values)):
        index.add(number, values[ident])
    numbers = {ident: n for n, ident in enumerate(sorted(values))}
    similarity, found = {}, {}
    for row in labels:
        a, b = row["article_a"], row["article_b"]
        similarity[(a, b)] = float(np.count_nonzero(values[a] == values[b])) / syndication.NUM_PERM
        found[(a, b)] = numbers[b] in {n for n, _ in index.query(values[a])}
    print(f"\n## Copy detection ({len(labels)} labelled pairs)\n")
    print(f"threshold {syndication.THRESHOLD} via the LSH index: ", end="")
    print(rates([(found[(r["article_a"], r["article_b"])], r["label"] == "same", r["kind"]) for r in labels]))
    for stratum in sorted({r["stratum"] for r in labels}):
        rows = [r for r in labels if r["stratum"] == stratum]
        same = sum(r["label"] == "same" for r in rows)
        hit = sum(found[(r["article_a"], r["article_b"])] for r in rows)
        print(f"  stratum {stratum:22} {len(rows):3} pairs, {same:3} same story, {hit:3} detected")
    print("\nestimated Jaccard similarity at or above:")
    for threshold in SWEEP:
        pairs = [
            (similarity[(r["article_a"], r["article_b"])] >= threshold, r["label"] == "same", r["kind"]) for r in labels
        ]
        print(f"  {threshold:.1f}  {rates(pairs)}")
    return similarity


def cost(texts: list[str], results: list[ArticleResult]) -> dict[float, int]:
    """Time signing, indexing and storing; returns corpus pairs per similarity band (from an index at 0.3)."""
    print(f"\n## Cost over {len(texts):,} corpus articles (title + body, uncleaned)\n")
    start = time.perf_counter()
    values = [syndication._values(text) for text in texts]
    signed = time.perf_counter() - start
    index = syndication.CopyIndex()
    start = time.perf_counter()
    links = 0
    for number, value in enumerate(values):
        links += len(index.query(value))
        index.add(number, value)
    looked_up = time.perf_counter() - start
    per = 1000 / len(texts)
    print(f"signature (fold, shingles, MinHash) {signed * per:.2f} ms/article")
    print(f"LSH query + insert                  {looked_up * per:.2f} ms/article (threshold {syndication.THRESHOLD})")
    print(f"copy links found                    {links:,} among {len(texts):,} articles")
    index_memory(values[:5000])
    ingest_overhead(results)
    load_index(values)
    wide = syndication.CopyIndex(threshold=0.3)
    bands: Counter[float] = Counter()
    for number, value in enumerate(values):
        for _, score in wide.query(value):
            bands[next(lo for lo, hi in BANDS if lo <= score < hi)] += 1
        wide.add(number, value)
    return dict(bands)


def index_memory(values: list[np.ndarray]) -> None:
    tracemalloc.start()
    index = syndication.CopyIndex()
    for number, value in enumerate(values):
        index.add(number, value)
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    bands, rows = syndication._lsh_params(index.threshold)
    print(f"index memory                        {used / len(values) / 1024:.1f} kB/article ({bands} bands of {rows})")


def ingest_overhead(results: list[ArticleResult], rounds: int = 3) -> None:
    """Store the same articles into fresh SQLite files with and without near-copy detection, in turn.

    The best round of each is kept: on a shared machine the others measure the neighbours.
    """
    real_record = syndication.record
    best: dict[bool, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(rounds * 2):
            links = number % 2 == 0
            if not links:
                syndication.record = lambda session, article, folded=None, index=True: []  # type: ignore[assignment]
            try:
                elapsed = time_ingest(f"sqlite:///{Path(tmp) / f'ingest{number}.db'}", results)
            finally:
                syndication.record = real_record  # type: ignore[assignment]
            best[links] = min(best.get(links, elapsed), elapsed)
    per = 1000 / len(results)
    print(
        f"ingest into SQLite                  {best[True] * per:.2f} ms/article with detection, "
        f"{best[False] * per:.2f} without ({len(results):,} articles, best of {rounds})"
    )


def load_index(values: list[np.ndarray]) -> None:
    """Time the lazy build of an ingest process's index from a database holding every signature."""
    with tempfile.TemporaryDirectory() as tmp:
        opened = store.open(f"sqlite:///{Path(tmp) / 'signatures.db'}")
        now = datetime.now(UTC)
        with opened.engine.begin() as connection:
            for start in range(0, len(values), 5000):
                chunk = range(start, min(start + 5000, len(values)))
                connection.execute(
                    insert(Article),
                    [
                        {
                            "id": i + 1,
                            "source": f"a{i}",
                            "content_hash": f"{i:064d}",
                            "text": "",
                            "authors": [],
                            "ingested_at": now,
                            "extractor_version": "bench",
                        }
                        for i in chunk
                    ],
                )
                connection.execute(
                    insert(ArticleSignature),
                    [
                        {
                            "article_id": i + 1,
                            "scheme": syndication.SCHEME,
                            "signature": syndication._pack(values[i]),
                            "stamp": 0,
                            "indexed": True,
                        }
                        for i in chunk
                    ],
                )
        start = time.perf_counter()
        with opened.session() as session:
            index = syndication.index_for(session)
        print(f"index load from DB {time.perf_counter() - start:.2f} s for {len(index.signatures):,} signatures")
        opened.close()


def weighted_precision(labels: list[dict[str, str]], similarity: dict[tuple[str, str], float], bands: dict) -> None:
    print("\n## Precision by similarity band (labelled pairs) and corpus pairs per band\n")
    print("band        corpus pairs  labelled  same  precision")
    band_precision = {}
    for lo, hi in BANDS:
        rows = [r for r in labels if lo <= similarity[(r["article_a"], r["article_b"])] < hi]
        same = sum(r["label"] == "same" for r in rows)
        band_precision[lo] = same / len(rows) if rows else None
        shown = f"{same / len(rows):.0%}" if rows else "n/a"
        print(f"{lo:.1f}-{min(hi, 1.0):.1f}  {bands.get(lo, 0):>14,}  {len(rows):>8}  {same:>4}  {shown:>9}")
    for threshold in SWEEP:
        kept = [(bands.get(lo, 0), band_precision[lo]) for lo, _ in BANDS if lo >= threshold - 1e-9]
        total = sum(n for n, p in kept if p is not None)
        if total:
            estimate = sum(n * p for n, p in kept if p is not None) / total
            print(f"corpus-weighted precision at {threshold:.1f}: {estimate:.0%} over {total:,} pairs")


def merged_pairs(
    pairs: list[dict[str, str]], results: dict[str, ArticleResult], template: Path, links: bool
) -> list[tuple[dict[str, str], bool]]:
    out = []
    real_record = syndication.record
    if not links:
        # Fingerprint merging alone: sign the article but link no copies.
        def record(session, article, folded=None, index=True):  # type: ignore[no-untyped-def]
            real_record(session, article, folded, index)
            session.execute(delete(ArticleCopy))
            return []

        syndication.record = record  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for row in pairs:
                path = Path(tmp) / "pair.db"
                shutil.copy(template, path)
                opened = store.open(f"sqlite:///{path}")
                with opened.session() as session:
                    for ident in (row["article_a"], row["article_b"]):
                        store.ingest_result(session, results[ident])
                    sources: dict[int, set[int]] = {}
                    for event_id, article_id in session.execute(select(EventSource.event_id, EventSource.article_id)):
                        sources.setdefault(event_id, set()).add(article_id)
                    out.append((row, any(len(s) > 1 for s in sources.values())))
                opened.close()
                path.unlink()
    finally:
        syndication.record = real_record  # type: ignore[assignment]
    return out


def merging(labels: list[dict[str, str]], results: dict[str, ArticleResult]) -> None:
    pairs = [r for r in labels if results[r["article_a"]].events and results[r["article_b"]].events]
    print(f"\n## Event merging ({len(pairs)} labelled pairs whose two articles both yield events)\n")
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.db"
        store.open(f"sqlite:///{template}").close()
        for links in (True, False):
            outcome = merged_pairs(pairs, results, template, links)
            same = [m for r, m in outcome if r["label"] == "same"]
            different = [(r, m) for r, m in outcome if r["label"] == "different"]
            wrong = [r for r, m in different if m]
            name = "with copy links" if links else "fingerprint only"
            print(
                f"{name:17} same story merged {sum(same)}/{len(same)} = {sum(same) / max(1, len(same)):.0%}; "
                f"different stories merged {len(wrong)}/{len(different)}"
            )
            for r in wrong:
                print(f"    wrongly merged: {r['article_a']} {r['article_b']} ({r['note']})")
            if links:
                missed = [r for r, m in outcome if r["label"] == "same" and not m]
                for r in missed:
                    print(f"    not merged: {r['article_a']} {r['article_b']} {r['kind']} ({r['note']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--cost-limit", type=int, default=None, help="measure cost over the first N articles only")
    parser.add_argument("--ingest-sample", type=int, default=1000, help="articles stored to time ingest (default 1000)")
    parser.add_argument("--threshold", type=float, default=None, help="evaluate another copy threshold")
    args = parser.parse_args()
    if args.threshold is not None:
        syndication.THRESHOLD = args.threshold
    for path, what in ((args.corpus, "corpus"), (args.labels, "labels")):
        if not path.is_file():
            sys.exit(f"error: {path}: no such {what} file")
    labels = load_labels(args.labels)
    wanted = {r["article_a"] for r in labels} | {r["article_b"] for r in labels}
    lines, texts, sample = read_corpus(args.corpus, wanted, args.cost_limit, args.ingest_sample)
    missing = sorted(wanted - set(lines))
    if missing:
        sys.exit(f"error: {args.corpus}: labelled articles not in the corpus: {', '.join(missing[:5])}")
    results = extract(args.corpus, lines)
    stored = [
        process(doc) for doc in jsonl.read_lines(str(args.corpus), sample, 5_000_000) if isinstance(doc, Document)
    ]
    print(f"corpus   {args.corpus}")
    print(f"labels   {args.labels} ({len(labels)} pairs, {len(wanted)} articles)")
    print(f"date     {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"machine  {machine()}")
    print(f"copy threshold {syndication.THRESHOLD}")
    similarity = detection(labels, results)
    merging(labels, results)
    bands = cost(texts, stored)
    weighted_precision(labels, similarity, bands)


if __name__ == "__main__":
    main()
