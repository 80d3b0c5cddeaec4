"""Speed and memory of extraction over a news corpus: prints figures, checks nothing.

Two modes:

* ``--mode cli`` (default) runs ``hoptac extract CORPUS --format jsonl`` as a
  child process, exactly as a user would, and reads the child's peak RSS
  from ``resource.getrusage(RUSAGE_CHILDREN)``.
* ``--mode pipeline`` runs ``read_paths`` -> ``pipeline.process`` in this
  process, which also splits the time between the stages' gate outcomes.

``--limit N`` stops after N articles (in cli mode the first N lines are fed
through stdin as a temporary JSON Lines file).

    python benchmarks/bench_extract.py --limit 2000
    python benchmarks/bench_extract.py --mode pipeline
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import machine, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def _limited_copy(corpus: Path, limit: int) -> Path:
    """The first `limit` lines of the corpus as a plain JSON Lines file."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rb") as src, tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as tmp:
        for line in itertools.islice(src, limit):
            tmp.write(line)
    return Path(tmp.name)


def run_cli(corpus: Path, limit: int | None) -> dict[str, float]:
    hoptac = Path(sys.executable).with_name("hoptac")
    source = _limited_copy(corpus, limit) if limit else corpus
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [str(hoptac), "extract", str(source), "--format", "jsonl"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        articles = with_events = events = 0
        assert proc.stdout is not None
        for line in proc.stdout:
            articles += 1
            n = len(json.loads(line).get("events", []))
            events += n
            with_events += n > 0
        stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        proc.wait()
        wall = time.perf_counter() - start
    finally:
        if limit:
            source.unlink()
    rejected = sum(1 for line in stderr.splitlines() if line.strip())
    return {
        "articles": articles,
        "rejected_lines_on_stderr": rejected,
        "wall_s": wall,
        "articles_per_s": articles / wall if wall else 0.0,
        # The child's own peak: this script imports no hoptac before it, so it stays the smaller.
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "articles_with_events": with_events,
        "events": events,
        "exit_status": proc.returncode,
    }


def run_pipeline(corpus: Path, limit: int | None) -> dict[str, float]:
    from hoptac import pipeline
    from hoptac.ingest import Rejected, read_paths

    articles = rejected = with_events = events = relations = failed = 0
    start = time.perf_counter()
    for item in itertools.islice(read_paths([str(corpus)]), limit):
        if isinstance(item, Rejected):
            rejected += 1
            continue
        articles += 1
        try:
            result = pipeline.process(item)
        except Exception:  # counted, as the CLI does, so one bad article does not stop the run
            failed += 1
            continue
        # Serialise as the CLI does, so the figure includes output cost.
        json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
        events += len(result.events)
        relations += len(result.relations)
        with_events += bool(result.events)
    wall = time.perf_counter() - start
    return {
        "articles": articles,
        "rejected": rejected,
        "failed": failed,
        "wall_s": wall,
        "articles_per_s": articles / wall if wall else 0.0,
        "peak_rss_mb": peak_rss_mb(),
        "articles_with_events": with_events,
        "events": events,
        "relations": relations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--mode", choices=("cli", "pipeline"), default="cli")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"error: {args.corpus}: no such corpus file")
    figures = (run_cli if args.mode == "cli" else run_pipeline)(args.corpus, args.limit)
    print(f"corpus   {args.corpus}{f' (first {args.limit})' if args.limit else ''}")
    print(f"mode     {args.mode}")
    print(f"machine  {machine()}")
    print(f"date     {time.strftime('%Y-%m-%d %H:%M')}")
    for key, value in figures.items():
        print(f"{key:26} {value:,.1f}" if isinstance(value, float) else f"{key:26} {value:,}")


if __name__ == "__main__":
    main()
