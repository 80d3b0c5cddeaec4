"""Precision and recall of the extractor on general news, against hand labels.

`data/relevance_labels.csv` (``id,label,reason``; see `data/LABELLING.md`)
labels articles of the corpus `in` or `out` of scope. This runs the real
pipeline (clean, metadata, extract) on every labelled article and prints:

- precision: of the labelled articles that get an event or a relation, the
  share labelled `in`;
- recall: of the `in` articles, the share that get one;
- the false positives and the misses, one line each, with the label's reason.

Only ids ending in 0-6 are labelled: those ending in 7, 8 or 9 are kept for an
independent check. `--all` also runs the whole corpus and lists the articles
with a fact whose id is not labelled (precision there is unknown: they are for a reader to check).

    .venv/bin/python benchmarks/relevance.py
    .venv/bin/python benchmarks/relevance.py --all
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "relevance_labels.csv"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def _labels() -> dict[str, tuple[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as f:
        return {row["id"]: (row["label"], row["reason"]) for row in csv.DictReader(f)}


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--all", action="store_true", help="also list the unlabelled articles that get a fact")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"error: {args.corpus}: no such corpus file")

    from hoptac import pipeline
    from hoptac.ingest import Rejected, read_paths

    labels = _labels()
    found: dict[str, list[str]] = {}
    unlabelled: dict[str, list[str]] = {}
    articles = 0
    started = time.perf_counter()
    for doc in read_paths([str(args.corpus)]):
        if isinstance(doc, Rejected):
            continue
        ident = doc.source.rsplit("#", 1)[-1]
        if ident[-1:] in "789":
            continue  # reserved for an independent check
        if ident not in labels and not args.all:
            continue
        articles += 1
        result = pipeline.process(doc)
        facts = [f"{e.kind}:{'+'.join(p.id for p in e.parties)}" for e in result.events]
        facts += [f"rel:{r.a.id}~{r.b.id}" for r in result.relations]
        if ident in labels:
            found[ident] = facts
        elif facts:
            unlabelled[ident] = facts
    seconds = time.perf_counter() - started

    inside = [i for i, (label, _) in labels.items() if label == "in" and i in found]
    flagged = [i for i in found if found[i]]
    true_pos = [i for i in flagged if labels[i][0] == "in"]
    print(f"labelled articles read: {len(found)} ({len(inside)} in scope); {articles} articles in {seconds:.0f} s")
    print(f"precision (flagged articles that are in scope): {_share(len(true_pos), len(flagged))}")
    print(f"recall (in-scope articles that are flagged):    {_share(len(true_pos), len(inside))}")
    if args.all:
        print(f"unlabelled articles with a fact: {len(unlabelled)}")
        for i, facts in unlabelled.items():
            print(f"  {i}  {facts[:3]}")
    print("\nfalse positives:")
    for i in flagged:
        if labels[i][0] != "in":
            print(f"  {i}  {found[i][:3]}  [{labels[i][1]}]")
    print("\nmissed:")
    for i in inside:
        if not found[i]:
            print(f"  {i}  [{labels[i][1]}]")


if __name__ == "__main__":
    main()
