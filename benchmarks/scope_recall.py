"""Recall of the extractor's scope decision on in-scope articles of a news corpus.

1. ``candidates``: a deliberately broad keyword rule, independent of the
   extractor, finds likely in-scope articles (a Vietnamese province or city
   AND a foreign country, locality or body AND a cooperation cue) and prints
   a seeded random sample of them for reading by hand.
2. The hand labels live in ``benchmarks/data/scope_labels.csv``
   (``id,label,reason``; label is ``in`` or ``out``; no article text).
3. ``measure``: on the labelled ``in`` articles, the share the cheap gate
   lets through (cue regex, then the scope rule over resolved places) and
   the share with at least one event; on the ``out`` ones, the share with
   events (false positives). Prints figures and per-article misses.

    python benchmarks/scope_recall.py candidates --sample 40
    python benchmarks/scope_recall.py measure
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
LABELS = DATA / "scope_labels.csv"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"

_CUE = re.compile(
    r"kết nghĩa|hợp tác hữu nghị|ký kết|biên bản ghi nhớ|tiếp\b.{0,60}\bđoàn|hội đàm|thăm và làm việc|"
    r"thỏa thuận hợp tác|bản ghi nhớ|chào xã giao|tỉnh bạn|thành phố kết nghĩa",
    re.IGNORECASE,
)


def _names(file: str) -> re.Pattern[str]:
    lines = (DATA / file).read_text(encoding="utf-8").splitlines()
    names = sorted((x.strip() for x in lines if x.strip() and not x.startswith("#")), key=len, reverse=True)
    # Case-sensitive and whole-word: proper names are capitalised, common words are not.
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _records(corpus: Path) -> Iterator[dict]:
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


# Look-alikes of province names: the Pacific Ocean, a Deputy Prime Minister's name.
_NOT_LOCALITY = re.compile(r"Thái Bình Dương|Trương Hòa Bình")
# Cooperation news states its parties and its act in the title and lead.
_LEAD_CHARS = 800


def _silver(corpus: Path) -> list[tuple[str, str, str, str]]:
    """(id, title, Vietnamese name, foreign name) of every article the broad rule keeps."""
    import unicodedata

    vn, foreign = _names("silver_vn_localities.txt"), _names("silver_foreign.txt")
    kept = []
    for rec in _records(corpus):
        lead = (
            " ".join(str(rec.get(k) or "") for k in ("title", "summary"))
            + " "
            + str(rec.get("body") or "")[:_LEAD_CHARS]
        )
        text = _NOT_LOCALITY.sub("", unicodedata.normalize("NFC", lead))
        if not _CUE.search(text):
            continue
        v, f = vn.search(text), foreign.search(text)
        if v and f:
            kept.append((str(rec["id"]), str(rec.get("title") or ""), v.group(), f.group()))
    return kept


def candidates(corpus: Path, sample: int, seed: int) -> None:
    kept = _silver(corpus)
    print(f"silver candidates: {len(kept)}")
    for ident, title, v, f in random.Random(seed).sample(kept, min(sample, len(kept))):
        print(f"{ident}\t[{v} / {f}]\t{title}")


def _labels() -> dict[str, tuple[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as f:
        return {row["id"]: (row["label"], row["reason"]) for row in csv.DictReader(f)}


def measure(corpus: Path) -> None:
    from hoptac import clean, metadata
    from hoptac import extract as extract_module
    from hoptac.extract import context, events, extract_facts
    from hoptac.ingest import Rejected, read_paths

    labels = _labels()
    cue = getattr(extract_module, "_FOREIGN_CUE", None)
    rows = []
    for doc in read_paths([str(corpus)]):
        if isinstance(doc, Rejected):
            continue
        ident = doc.source.rsplit("#", 1)[-1]
        if ident not in labels:
            continue
        cleaned = clean.clean(doc)
        meta = metadata.extract_metadata(doc, cleaned)
        text = cleaned.title + "\n\n" + cleaned.body if cleaned.title else cleaned.body
        cue_ok = bool(cue.search(text)) if cue is not None else True
        title_end = text.find("\n\n")
        ctx = context.build(text, max(title_end, 0), meta.published)
        scope_ok = cue_ok and events.in_scope(ctx.places)
        found, _ = extract_facts(text, published=meta.published)
        places = sorted(
            {f"{p.entity.country}:{p.mention.text if hasattr(p.mention, 'text') else p.entity}" for p in ctx.places}
        )
        rows.append((ident, labels[ident][0], cue_ok, scope_ok, found, places, labels[ident][1]))

    inside = [r for r in rows if r[1] == "in"]
    outside = [r for r in rows if r[1] == "out"]
    missing = sorted(set(labels) - {r[0] for r in rows})

    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} = {part / whole:.0%}" if whole else "n/a"

    print(f"labelled: {len(labels)} ({len(inside)} in scope, {len(outside)} out of scope)")
    if missing:
        print(f"labelled ids not found or rejected in corpus: {', '.join(missing)}")
    print(f"in scope, passes cue regex:          {share(sum(r[2] for r in inside), len(inside))}")
    print(f"in scope, passes gate (cue + scope): {share(sum(r[3] for r in inside), len(inside))}")
    print(f"in scope, >= 1 event:                {share(sum(bool(r[4]) for r in inside), len(inside))}")
    print(f"out of scope, >= 1 event (FP):       {share(sum(bool(r[4]) for r in outside), len(outside))}")
    print("\nin scope without event:")
    for ident, _, cue_ok, scope_ok, _, places, reason in inside:
        if not _found(rows, ident):
            print(f"  {ident}  cue={cue_ok} scope={scope_ok}  places={places[:8]}  [{reason}]")
    print("\nout of scope with events:")
    for ident, _, _, _, found, _, reason in outside:
        if found:
            parties = [p.name for e in found for p in e.parties]
            print(f"  {ident}  {found[0].kind}  parties={parties}  [{reason}]")


def _found(rows: list, ident: str) -> bool:
    return any(r[0] == ident and r[4] for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("candidates", "measure"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"error: {args.corpus}: no such corpus file")
    if args.command == "candidates":
        candidates(args.corpus, args.sample, args.seed)
    elif not LABELS.is_file():
        sys.exit(f"error: {LABELS}: no labels yet (run candidates and label a sample)")
    else:
        measure(args.corpus)


if __name__ == "__main__":
    main()
