"""In-process extraction against a local Dask cluster: speed and memory; prints figures, checks nothing.

Each mode runs in a child process of its own, so one mode's peak memory does
not show in the other's:

* ``in-process``: ``read_paths`` -> ``pipeline.process`` in one process, as
  ``hoptac extract`` does without ``--cluster``;
* ``cluster``: a ``LocalCluster`` of ``--workers`` processes (one thread
  each) fed by ``hoptac.cluster.extract``, as ``hoptac extract --cluster
  local:N`` does. Cluster start-up is timed apart from extraction.

Both serialise every result as the CLI does and hash the lines, so the table
also tells whether the two outputs are identical. Peak RSS (``VmHWM``) of
the driver and of each worker process is taken when 10%, 50% and 100% of the
input has come back (``--fractions``): flat figures mean memory does not
grow with the corpus. Figures go to stdout and to ``benchmarks/out/cluster.json``.

    python benchmarks/bench_cluster.py --limit 2000
    python benchmarks/bench_cluster.py                     # whole corpus
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from common import machine, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
OUT = ROOT / "benchmarks" / "out" / "cluster.json"


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _items(corpus: Path, limit: int | None):
    from hoptac.ingest import read_paths

    return itertools.islice(read_paths([str(corpus)]), limit)


def _checkpoints(total: int, fractions: list[float]) -> dict[int, float]:
    return {max(1, math.ceil(f * total)): f for f in fractions}


def run_child(mode: str, corpus: Path, limit: int | None, total: int, fractions: list[float], workers: int,
              batch_size: int) -> dict:
    from hoptac.models import ArticleResult

    marks = _checkpoints(total, fractions)
    digest = hashlib.sha256()
    figures: dict = {"mode": mode, "checkpoints": []}
    articles = rejected = failed = events = 0
    client = None
    stack = contextlib.ExitStack()
    if mode == "cluster":
        from hoptac import cluster

        started = time.perf_counter()
        # As `hoptac extract --cluster local:N` does: start, then check and warm every worker.
        client = stack.enter_context(cluster.connect(f"local:{workers}"))
        client.wait_for_workers(workers)
        cluster.check_workers(client)
        figures["startup_s"] = time.perf_counter() - started
        stream = cluster.extract(_items(corpus, limit), client, batch_size=batch_size)
    else:
        from hoptac import pipeline
        from hoptac.models import Document

        stream = (pipeline.process(i) if isinstance(i, Document) else i for i in _items(corpus, limit))

    workers_cpu = client.run(_cpu_s) if client is not None else {}
    driver_cpu = _cpu_s()
    start = time.perf_counter()
    for seen, item in enumerate(stream, 1):
        if isinstance(item, ArticleResult):
            articles += 1
            events += len(item.events)
            line = json.dumps(item.model_dump(mode="json"), ensure_ascii=False) + "\n"
            digest.update(line.encode())
        elif type(item).__name__ == "Failed":
            failed += 1
        else:
            rejected += 1
        if seen in marks:
            elapsed = time.perf_counter() - start
            point = {
                "fraction": marks[seen],
                "items": seen,
                "articles": articles,
                "elapsed_s": round(elapsed, 2),
                "articles_per_s": round(articles / elapsed, 1) if elapsed else 0.0,
                "driver_peak_rss_mb": round(peak_rss_mb(), 1),
            }
            if client is not None:
                peaks = client.run(peak_rss_mb)
                point["worker_peak_rss_mb"] = sorted(round(v, 1) for v in peaks.values())
            figures["checkpoints"].append(point)
            print(f"  {mode}: {marks[seen]:.0%} ({seen:,} items) after {elapsed:.1f} s", file=sys.stderr)
    wall = time.perf_counter() - start
    figures["driver_cpu_s"] = round(_cpu_s() - driver_cpu, 1)
    if client is not None:
        figures["workers_cpu_s"] = round(sum(client.run(_cpu_s).values()) - sum(workers_cpu.values()), 1)
    stack.close()
    figures.update(
        articles=articles,
        rejected=rejected,
        failed=failed,
        events=events,
        extraction_s=round(wall, 2),
        articles_per_s=round(articles / wall, 1) if wall else 0.0,
        output_sha256=digest.hexdigest(),
    )
    return figures


def _run_mode(mode: str, args: argparse.Namespace, total: int) -> dict:
    command = [
        sys.executable, __file__, str(args.corpus), "--child", mode, "--total", str(total),
        "--fractions", args.fractions, "--workers", str(args.workers), "--batch-size", str(args.batch_size),
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    done = subprocess.run(command, stdout=subprocess.PIPE, check=True)
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def _table(report: dict) -> str:
    rows = [f"{'mode':12} {'at':>5} {'items':>7} {'art/s':>7} {'driver MB':>10}  workers MB (peak each)"]
    for mode in ("in_process", "cluster"):
        for p in report[mode]["checkpoints"]:
            workers = ", ".join(f"{v:.0f}" for v in p.get("worker_peak_rss_mb", [])) or "-"
            rows.append(
                f"{mode:12} {p['fraction']:>5.0%} {p['items']:>7,} {p['articles_per_s']:>7.1f} "
                f"{p['driver_peak_rss_mb']:>10.0f}  {workers}"
            )
    inp, clu = report["in_process"], report["cluster"]
    if len(report["rounds"]) > 1:
        rows += ["", "round  in-process art/s  cluster art/s  speedup"]
        rows += [
            f"{n:>5}  {r['in_process']['articles_per_s']:>16.1f}  {r['cluster']['articles_per_s']:>13.1f}  "
            f"{r['speedup']:>6.2f}x"
            for n, r in enumerate(report["rounds"], 1)
        ]
        rows += ["(checkpoints and figures below: the round of the median speedup)"]
    rows += [
        "",
        f"in-process  {inp['articles']:,} articles in {inp['extraction_s']:.1f} s = {inp['articles_per_s']:.1f}/s",
        f"cluster     {clu['articles']:,} articles in {clu['extraction_s']:.1f} s = {clu['articles_per_s']:.1f}/s "
        f"(+ {clu['startup_s']:.1f} s start-up of {report['workers']} workers)",
        f"cpu         in-process {inp['driver_cpu_s']:.1f} s; cluster driver {clu['driver_cpu_s']:.1f} s "
        f"+ workers {clu['workers_cpu_s']:.1f} s",
        f"speedup     {report['speedup']:.2f}x",
        f"identical   {report['identical_output']}",
    ]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N inputs")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--batch-size", type=int, default=250, help="documents per task")
    parser.add_argument("--fractions", default="0.1,0.5,1.0", help="where to take memory figures")
    parser.add_argument(
        "--rounds", type=int, default=1, help="in-process and cluster runs, alternated; the median speedup is reported"
    )
    parser.add_argument("--child", choices=("in-process", "cluster"), help=argparse.SUPPRESS)
    parser.add_argument("--total", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    fractions = [float(f) for f in args.fractions.split(",")]
    if args.child:
        figures = run_child(args.child, args.corpus, args.limit, args.total, fractions, args.workers, args.batch_size)
        print(json.dumps(figures))
        return
    if not args.corpus.exists():
        sys.exit(f"error: {args.corpus}: no such corpus")
    print(f"counting inputs of {args.corpus} ...", file=sys.stderr)
    total = sum(1 for _ in _items(args.corpus, args.limit))
    report: dict = {
        "corpus": str(args.corpus),
        "limit": args.limit,
        "inputs": total,
        "workers": args.workers,
        "batch_size": args.batch_size,
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        # Other work on the machine takes cores from the workers: keep the load beside the figures.
        "load_average_before": round(os.getloadavg()[0], 2),
    }
    # Alternated rounds: a shared virtual machine runs faster or slower for minutes at a time,
    # and a drift during one mode's run would show as a speedup or a loss of the other.
    report["rounds"] = []
    for _ in range(args.rounds):
        done = {"in_process": _run_mode("in-process", args, total), "cluster": _run_mode("cluster", args, total)}
        done["speedup"] = round(done["cluster"]["articles_per_s"] / done["in_process"]["articles_per_s"], 2)
        report["rounds"].append(done)
    middle = sorted(report["rounds"], key=lambda r: r["speedup"])[len(report["rounds"]) // 2]
    report.update(in_process=middle["in_process"], cluster=middle["cluster"], speedup=middle["speedup"])
    report["identical_output"] = all(
        r["cluster"]["output_sha256"] == r["in_process"]["output_sha256"] for r in report["rounds"]
    )
    report["load_average_after"] = round(os.getloadavg()[0], 2)
    print(f"corpus   {args.corpus}{f' (first {args.limit})' if args.limit else ''}, {total:,} inputs")
    print(f"machine  {report['machine']}")
    print(f"date     {report['date']}, load average {report['load_average_before']} before, "
          f"{report['load_average_after']} after")
    print(_table(report))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
