"""Ingest throughput into SQLite and PostgreSQL: extraction first, then storing alone.

    python benchmarks/bench_ingest.py [CORPUS] [--limit 5000] [--postgres URL]

Documents are read and extracted once; the timed part is `ingest_result` over the
same results into a fresh SQLite file and a fresh PostgreSQL schema, so the two
figures compare the databases, not the extractor. Writes benchmarks/out/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from itertools import islice
from pathlib import Path

from common import time_ingest
from sqlalchemy import create_engine, text

from hoptac.ingest import read_paths
from hoptac.models import Document
from hoptac.pipeline import process

HERE = Path(__file__).parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _store_all(url: str, results: list) -> dict[str, float]:
    elapsed = time_ingest(url, results)
    events = sum(1 for r in results if r.events)
    return {
        "articles": len(results),
        "with_events": events,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(results) / elapsed, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=5000, help="first N documents")
    parser.add_argument("--postgres", default=DEFAULT_PG, help="server URL; a fresh schema is made and dropped")
    args = parser.parse_args()

    start = time.perf_counter()
    docs = [d for d in islice(read_paths([str(args.corpus)]), args.limit) if isinstance(d, Document)]
    results = [process(d) for d in docs]
    extract_s = time.perf_counter() - start
    print(f"read and extracted {len(results)} articles in {extract_s:.1f} s")

    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    sqlite_path = out_dir / "ingest-bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    figures = {"extract_seconds": round(extract_s, 1), "sqlite": _store_all(f"sqlite:///{sqlite_path}", results)}
    print("sqlite    ", figures["sqlite"])

    schema = f"hoptac_bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(args.postgres)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"create schema {schema}"))
        figures["postgresql"] = _store_all(f"{args.postgres}?options=-csearch_path%3D{schema}", results)
        print("postgresql", figures["postgresql"])
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"drop schema if exists {schema} cascade"))
        engine.dispose()
    (out_dir / "ingest.json").write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
