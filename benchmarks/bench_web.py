"""Throughput and latency of the web API and the dashboard's pages under load: prints figures, checks nothing.

Starts `hoptac serve --workers 2` over the database `make_web_db.py` builds,
waits until it answers, requests every URL once (the "cold" column: the first
computation, on whichever worker took it), then loads one endpoint group at a
time with `wrk -t2 -c50 -d20s --latency`, rotating through realistic URLs
(`wrk_urls.lua`):

* profile: `/api/parties/{id}` for ~200 parties drawn by popularity, the
  biggest (TP Hồ Chí Minh, Hà Nội, Đà Nẵng, Busan, ...) always among them;
* search: `/api/search?q=...` for ~100 queries: place names typed without
  diacritics ("hue", "da nang", "busan"), topic words ("du lich", "hop tac"),
  some with filters (`&country=KR&field=tourism`);
* graph: `/api/graph` with ~20 filter combinations (country, field, years);
* overview, events, parties: `/api/overview`, the first pages of `/api/events`
  under the search filters and for 40 popular parties, `/api/parties` by name,
  kind and country;
* page_home, page_party, page_search: `/`, `/party/{id}` and `/search?q=...`
  for the same parties and queries; page_partnership: `/partnership/A/B` for
  the 100 pairs with most shared events; page_event, page_article: 200
  `/event/{id}` and `/article/{id}` drawn at random.

The server is stopped at the end, also on error or Ctrl-C. wrk runs on the
same machine as the server, so on 2 cores it takes part of their CPU.

    .venv/bin/python benchmarks/make_web_db.py      # once: benchmarks/out/web.db
    .venv/bin/python benchmarks/bench_web.py        # ~10 minutes; writes benchmarks/out/web_results.json
    .venv/bin/python benchmarks/bench_web.py --only page_party --only events --duration 10
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from common import machine

from hoptac import store as store_module
from hoptac.textnorm import fold

HERE = Path(__file__).resolve().parent
DEFAULT_DB = HERE / "out" / "web.db"
DEFAULT_OUT = HERE / "out" / "web_results.json"
LUA = HERE / "wrk_urls.lua"
TARGET_P99_MS = 200.0
GROUPS = (
    "profile",
    "search",
    "graph",
    "overview",
    "events",
    "parties",
    "page_home",
    "page_party",
    "page_search",
    "page_partnership",
    "page_event",
    "page_article",
)
LEVELS = (50, 100, 200)

# What people type into the search box: places without diacritics, and topics.
PLACE_QUERIES = (
    "hue", "da nang", "busan", "ho chi minh", "ha noi", "hai phong", "can tho", "quang ninh", "seoul",
    "tokyo", "vientiane", "phnom penh", "lao cai", "khanh hoa", "osaka", "fukuoka", "incheon", "gyeonggi",
    "van nam", "quang tay", "bangkok", "jica", "koica", "nghe an", "tp hcm",
)  # fmt: skip
TOPIC_QUERIES = (
    "du lich", "hop tac", "dau tu", "giao duc", "ky ket", "ket nghia", "y te", "van hoa", "thuong mai",
    "chuyen doi so", "nong nghiep", "vien tro", "le hoi", "hoi dam", "bien ban ghi nho", "logistics",
    "nang luong", "dao tao nguon nhan luc", "cang bien", "moi truong", "huu nghi", "xuc tien dau tu",
)  # fmt: skip
SEARCH_FILTERS = (
    {"country": "KR", "field": "tourism"},
    {"country": "KR"},
    {"country": "JP"},
    {"country": "JP", "field": "education"},
    {"country": "CN", "field": "trade"},
    {"country": "LA"},
    {"field": "tourism"},
    {"field": "investment"},
    {"kind": "signing"},
    {"since": "2020"},
    {"since": "2015", "until": "2019"},
    {"country": "US", "since": "2022"},
    {"field": "health", "since": "2020-01", "until": "2022-12"},
)
GRAPH_FILTERS = (
    {},
    {"country": "KR"},
    {"country": "JP"},
    {"country": "CN"},
    {"country": "LA"},
    {"country": "US"},
    {"field": "tourism"},
    {"field": "education"},
    {"field": "investment"},
    {"since": 2020},
    {"since": 2015, "until": 2019},
    {"until": 2012},
    {"country": "KR", "field": "tourism"},
    {"country": "JP", "since": 2022},
    {"country": "CN", "field": "trade", "since": 2018},
    {"field": "health", "since": 2020, "until": 2022},
    {"country": "LA", "field": "education"},
    {"limit": 1000},
    {"country": "KR", "limit": 100},
    {"field": "digital", "since": 2024},
)


# --- the URLs -------------------------------------------------------------------------------


def _short(name: str) -> str:
    for prefix in ("thành phố ", "tỉnh ", "thủ đô ", "bang "):
        if name.lower().startswith(prefix):
            return name[len(prefix) :]
    return name


def make_urls(db: Path, seed: int) -> dict[str, list[str]]:
    """Request paths per endpoint group, drawn from what the database holds."""
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        popular = conn.execute(
            "SELECT ep.party_id, COUNT(*) FROM event_parties ep JOIN events e ON e.id = ep.event_id "
            "WHERE NOT e.hidden GROUP BY ep.party_id ORDER BY 2 DESC, 1"
        ).fetchall()
        names = {row[0]: row[1:] for row in conn.execute("SELECT id, name, name_vi FROM parties")}
    # Profiles: the 20 biggest parties, then 180 more drawn by popularity (without repeats).
    chosen = [pid for pid, _ in popular[:20]]
    rest = popular[20:]
    while len(chosen) < 200 and rest:
        total = sum(n for _, n in rest)
        pick = rng.random() * total
        for k, (pid, n) in enumerate(rest):
            pick -= n
            if pick <= 0:
                chosen.append(pid)
                del rest[k]
                break
    profile = [f"/api/parties/{quote(pid, safe=':')}" for pid in chosen]

    # Search: fixed place and topic words, plus the names of popular parties as typed (no diacritics).
    queries = list(PLACE_QUERIES) + list(TOPIC_QUERIES)
    for pid, _ in popular[:60]:
        name, name_vi = names[pid]
        typed = fold(_short(name_vi or name))
        if typed not in queries and len(queries) < 70:
            queries.append(typed)
    search = [f"/api/search?{urlencode({'q': q})}" for q in queries]
    for k in range(100 - len(search)):
        q = queries[(k * 7) % len(queries)] if k % 4 else TOPIC_QUERIES[k % len(TOPIC_QUERIES)]
        search.append(f"/api/search?{urlencode({'q': q, **SEARCH_FILTERS[k % len(SEARCH_FILTERS)]})}")
    graph = [f"/api/graph?{urlencode(f)}" if f else "/api/graph" for f in GRAPH_FILTERS]
    # Lists: the first pages of events under each filter, and parties by name, kind and country.
    events = ["/api/events"] + [
        f"/api/events?{urlencode({**f, 'page': 1 + k % 3})}" for k, f in enumerate(SEARCH_FILTERS)
    ]
    events += [f"/api/events?{urlencode({'party': pid, 'page': 1 + k % 2})}" for k, pid in enumerate(chosen[:40])]
    parties = ["/api/parties", "/api/parties?kind=city", "/api/parties?country=KR", "/api/parties?country=JP&page=2"]
    parties += [f"/api/parties?{urlencode({'q': q})}" for q in PLACE_QUERIES]
    # Pages as people open them: the same parties and queries, pairs, events and articles.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        pairs = conn.execute(
            "SELECT a.party_id, b.party_id, COUNT(*) FROM event_parties a JOIN event_parties b"
            " ON a.event_id = b.event_id AND a.party_id < b.party_id"
            " JOIN parties pa ON pa.id = a.party_id JOIN parties pb ON pb.id = b.party_id"
            " WHERE (pa.country = 'VN') != (pb.country = 'VN') GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 100"
        ).fetchall()
        event_ids = [row[0] for row in conn.execute("SELECT id FROM events WHERE NOT hidden ORDER BY id")]
        article_ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
    pages = {
        "page_home": ["/", "/?lang=en"],
        "page_party": [p.replace("/api/parties/", "/party/") for p in profile],
        "page_search": [p.replace("/api/search", "/search") for p in search],
        "page_partnership": [f"/partnership/{quote(a, safe=':')}/{quote(b, safe=':')}" for a, b, _ in pairs],
        "page_event": [f"/event/{i}" for i in sorted(rng.sample(event_ids, min(200, len(event_ids))))],
        "page_article": [f"/article/{i}" for i in sorted(rng.sample(article_ids, min(200, len(article_ids))))],
    }
    lists = {"overview": ["/api/overview"], "events": events, "parties": parties}
    return {"profile": profile, "search": search, "graph": graph, **lists, **pages}


# --- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    hoptac = Path(sys.executable).with_name("hoptac")
    command = [str(hoptac if hoptac.exists() else shutil.which("hoptac") or "hoptac")]
    command += ["serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    env = {**os.environ, "HOPTAC_SECRET_KEY": os.environ.get("HOPTAC_SECRET_KEY") or "bench-web-not-secret"}
    with log.open("wb") as out:
        # Its own process group, so that stopping it also stops the workers it forks.
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def get(base: str, path: str, timeout: float = 60) -> tuple[int, float]:
    """Status and seconds of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.perf_counter() - started


def wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 120) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if get(base, "/openapi.json", timeout=5)[0] == 200:
                return time.perf_counter() - started
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"server not ready after {timeout:.0f} s")


# --- wrk ------------------------------------------------------------------------------------

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(text: str) -> dict[str, Any]:
    """Figures from wrk's report (run with --latency)."""
    out: dict[str, Any] = {}
    for pct in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{pct}%\s+(\S+)\s*$", text, re.M)
        out[f"p{pct}_ms"] = _ms(match.group(1)) if match else None
    match = re.search(r"^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)", text, re.M)
    out["mean_ms"], out["max_ms"] = (_ms(match.group(1)), _ms(match.group(3))) if match else (None, None)
    match = re.search(r"(\d+) requests in ([\d.]+\w+), (\S+) read", text)
    out["requests"] = int(match.group(1)) if match else 0
    out["read"] = match.group(3) if match else None
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(match.group(1)) if match else 0.0
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    sockets = dict(zip(("connect", "read", "write", "timeout"), map(int, match.groups()), strict=True)) if match else {}
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non_2xx"] = int(match.group(1)) if match else 0
    out["socket_errors"] = sockets
    out["statuses"] = {int(code): int(n) for code, n in re.findall(r"^status (\d+): (\d+)$", text, re.M)}
    # A 503 is the server shedding load on purpose (with Retry-After), not an error.
    out["shed_503"] = out["statuses"].get(503, 0)
    out["errors"] = out["non_2xx"] - out["shed_503"] + sum(sockets.values())
    return out


def run_wrk(base: str, paths: list[str], threads: int, connections: int, duration: int) -> tuple[dict[str, Any], str]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        command = [
            "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
            "-s", str(LUA), base, "--", listing.name,
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
    finally:
        os.unlink(listing.name)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip()}")
    return parse_wrk(done.stdout), done.stdout


def recovery(base: str, path: str, normal_s: float, window: float = 3.0) -> dict[str, Any]:
    """Right after a load run: the first request's time, and how long until one answers at normal speed.

    Normal is at most twice the latency measured before any load, and at least 50 ms.
    """
    stopped = time.perf_counter()
    first: tuple[int, float] | None = None
    normal_after = None
    while time.perf_counter() - stopped < window:
        try:
            status, seconds = get(base, path, timeout=window)
        except OSError:  # refused or timed out: not recovered yet
            status, seconds = 0, window
        first = first or (status, seconds)
        if status == 200 and seconds <= max(2 * normal_s, 0.05):
            normal_after = time.perf_counter() - stopped
            break
        time.sleep(0.02)
    assert first is not None
    return {"first_status": first[0], "first_ms": 1000 * first[1], "normal_after_s": normal_after}


def run_levels(base: str, paths: list[str], threads: int, duration: int, levels: list[int]) -> list[dict[str, Any]]:
    """`/api/events` at each number of connections: statuses, errors, and the recovery after the load."""
    probe = "/api/events"
    normal = statistics.median(get(base, probe)[1] for _ in range(5))
    rows = []
    for connections in levels:
        print(f"wrk events: -t{threads} -c{connections} -d{duration}s")
        figures, raw = run_wrk(base, paths, threads, connections, duration)
        after = recovery(base, probe, normal)
        rows.append({"connections": connections, **figures, "normal_ms": 1000 * normal, **after, "wrk_output": raw})
    return rows


def print_levels(rows: list[dict[str, Any]]) -> None:
    header = (
        f"{'conns':>5} {'requests':>9} {'req/s':>7} {'200':>7} {'503':>7} {'errors':>6} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'max ms':>7} {'after: 1st ms':>13} {'normal in s':>11}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        normal_in = "-" if r["normal_after_s"] is None else f"{r['normal_after_s']:.2f}"
        print(
            f"{r['connections']:>5} {r['requests']:>9,} {r['rps']:>7.0f} {r['statuses'].get(200, 0):>7,}"
            f" {r['shed_503']:>7,} {r['errors']:>6} {_fmt(r['p50_ms']):>7} {_fmt(r['p99_ms']):>7}"
            f" {_fmt(r['max_ms']):>7} {_fmt(r['first_ms']):>13} {normal_in:>11}"
        )


# --- report ---------------------------------------------------------------------------------


def _db_figures(db: Path) -> dict[str, Any]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        counts = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "parties", "relations", "people")
        }
    return {"path": str(db), "size_mb": round(db.stat().st_size / 2**20, 1), **counts}


def _fmt(value: float | None) -> str:
    return "-" if value is None else (f"{value:.0f}" if value >= 100 else f"{value:.1f}")


def print_table(results: list[dict[str, Any]]) -> None:
    header = (
        f"{'endpoint':<16} {'urls':>4} {'requests':>9} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7}"
        f" {'max ms':>7} {'errors':>6} {'cold p50':>8} {'cold max':>8}  p99<{TARGET_P99_MS:.0f}ms"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        cold = r["cold"]
        print(
            f"{r['endpoint']:<16} {r['urls']:>4} {r['requests']:>9,} {r['rps']:>8.1f} {_fmt(r['p50_ms']):>7}"
            f" {_fmt(r['p90_ms']):>7} {_fmt(r['p99_ms']):>7} {_fmt(r['max_ms']):>7} {r['errors']:>6}"
            f" {_fmt(cold['p50_ms']):>8} {_fmt(cold['max_ms']):>8}  {'yes' if r['meets_target'] else 'NO'}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"database (default {DEFAULT_DB})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"results JSON (default {DEFAULT_OUT})")
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=50, help="wrk connections (default 50)")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per endpoint (default 20)")
    parser.add_argument("--warmup-budget", type=float, default=600, help="seconds at most for the warm-up")
    parser.add_argument(
        "--warmup-passes",
        type=int,
        default=1,
        help="requests per URL before the load (default 1; each worker keeps its own cache, so with 2 workers"
        " one pass leaves about half the URLs cold on one of them)",
    )
    parser.add_argument(
        "--settle",
        type=int,
        default=0,
        help="seconds of unmeasured load per endpoint before the measured run (default 0): with it, every"
        " worker has computed every answer, so the figures are those of a warm steady state",
    )
    parser.add_argument("--only", choices=GROUPS, action="append", help="endpoint group(s) to run (default all)")
    parser.add_argument("--seed", type=int, default=1, help="seed for drawing the URLs (default 1)")
    parser.add_argument(
        "--levels",
        type=int,
        nargs="*",
        metavar="N",
        help=f"instead of the endpoint groups, load /api/events at each number of connections (no N: {LEVELS})"
        " and report statuses, errors (503s shed on purpose are not errors) and the recovery after each run",
    )
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} not found: run benchmarks/make_web_db.py first", file=sys.stderr)
        return 2
    if shutil.which("wrk") is None:
        print("wrk not found on PATH", file=sys.stderr)
        return 2
    groups = args.only or list(GROUPS)
    # Bring the database to the current schema first (as any hoptac command would on opening it),
    # so that a migration does not run inside the server's start-up.
    migrating = time.perf_counter()
    store_module.open(f"sqlite:///{args.db}").close()
    if time.perf_counter() - migrating > 5:
        print(f"database migrated to the current schema in {time.perf_counter() - migrating:.0f} s")
    urls = make_urls(args.db, args.seed)
    figures = _db_figures(args.db)
    print(
        f"database {args.db}: {figures['size_mb']:,.0f} MB, {figures['articles']:,} articles,"
        f" {figures['events']:,} events, {figures['parties']:,} parties"
    )
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"note: load average {load:.1f} before starting: other work on the machine skews the figures")
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    log = args.out.with_name("serve.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def interrupted(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupted)
    proc = start_server(args.db, port, args.workers, log)
    results: list[dict[str, Any]] = []
    try:
        ready = wait_ready(base, proc, log)
        print(f"server {base} ({args.workers} workers) ready in {ready:.1f} s")
        if args.levels is not None:
            return _levels_report(args, base, urls["events"], figures, load, started)
        cold: dict[str, list[tuple[int, float]]] = {}
        deadline = time.perf_counter() + args.warmup_budget
        for group in groups:
            cold[group] = []
            for path in urls[group]:
                if time.perf_counter() > deadline:
                    break
                cold[group].append(get(base, path))
            for _ in range(args.warmup_passes - 1):
                for path in urls[group]:
                    if time.perf_counter() > deadline:
                        break
                    get(base, path)
            seconds = [t for _, t in cold[group]]
            print(
                f"warm-up {group}: {len(seconds)}/{len(urls[group])} URLs in {sum(seconds):.1f} s"
                f" (slowest {1000 * max(seconds, default=0):.0f} ms)"
            )
        for group in groups:
            if args.settle:
                run_wrk(base, urls[group], args.threads, args.connections, args.settle)
            print(f"wrk {group}: {len(urls[group])} URLs, -t{args.threads} -c{args.connections} -d{args.duration}s")
            figures_wrk, raw = run_wrk(base, urls[group], args.threads, args.connections, args.duration)
            ms = sorted(1000 * t for _, t in cold[group])
            results.append(
                {
                    "endpoint": group,
                    "urls": len(urls[group]),
                    **figures_wrk,
                    "meets_target": figures_wrk["p99_ms"] is not None
                    and figures_wrk["p99_ms"] < TARGET_P99_MS
                    and figures_wrk["errors"] == 0,
                    "cold": {
                        "requests": len(ms),
                        "p50_ms": statistics.median(ms) if ms else None,
                        "max_ms": ms[-1] if ms else None,
                        "non_200": sum(1 for status, _ in cold[group] if status != 200),
                    },
                    "wrk_output": raw,
                }
            )
    finally:
        stop_server(proc)
    print()
    print_table(results)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_before": round(load, 2),
        "database": figures,
        "server": {"workers": args.workers},
        "warmup_passes": args.warmup_passes,
        "settle_s": args.settle,
        "wrk": {"threads": args.threads, "connections": args.connections, "duration_s": args.duration},
        "target_p99_ms": TARGET_P99_MS,
        "results": results,
        "urls": urls,
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults in {args.out} ({report['elapsed_s']:.0f} s in all)")
    return 0 if all(r["meets_target"] for r in results) else 1


def _levels_report(
    args: argparse.Namespace, base: str, paths: list[str], figures: dict[str, Any], load: float, started: float
) -> int:
    for path in paths:  # warm: the load measures serving, not the first computation
        get(base, path)
    rows = run_levels(base, paths, args.threads, args.duration, args.levels or list(LEVELS))
    print()
    print_levels(rows)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_before": round(load, 2),
        "database": figures,
        "server": {"workers": args.workers},
        "wrk": {"threads": args.threads, "duration_s": args.duration},
        "levels": rows,
        "urls": paths,
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
    out = args.out.with_name("web_levels.json")
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults in {out}")
    recovered = all(r["normal_after_s"] is not None and r["normal_after_s"] <= 1 for r in rows)
    return 0 if recovered and all(r["errors"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
