"""Generated malformed inputs through the real commands: prints how many files went in and what failed.

Writes N files (seeded) of every kind the readers take, mixing real article text with hostile pieces:
deep nesting, huge integers, NULs and lone surrogates, oversized fields, binary noise, impossible dates,
legacy encodings, broken gzip and WARC. Then runs `hoptac extract DIR` and `hoptac ingest DIR` (SQLite,
and PostgreSQL when a URL is given) as child processes, twice for ingest, and counts as a failure:
a traceback, an exit status other than 0/1, a stderr line that does not start with a generated file's
path, a second ingest that stores anything new.

    python benchmarks/fuzz_cli.py --files 2000
    python benchmarks/fuzz_cli.py --files 500 --pg postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "tests" / "fixtures" / "danang_daegu_vov.txt").read_text(encoding="utf-8")
LINE = json.dumps({"id": "ok", "title": "Đà Nẵng và Daegu hợp tác", "body": ARTICLE}, ensure_ascii=False)

HOSTILE_LINES = [
    "[" * 100_000,
    '{"body": ' + "9" * 5000 + "}",
    LINE.replace('"ok"', '"\\ud800"'),
    LINE.replace("Đà Nẵng và", "Đà Nẵng\\u0000và"),
    LINE[:-1] + ', "source": "' + "x" * 300 + '"}',
    LINE[:-1] + ', "url": "javascript:' + "a" * 2100 + '"}',
    LINE.replace('"ok"', '"' + "i" * 1200 + '"'),
    LINE.replace("Chiều 10/4", "Ngày 31/4/2018"),
    '{"title": 1e999, "body": NaN}',
    "not json {",
    "",
    '"just a string"',
]


def _bytes(rng: random.Random) -> bytes:
    pieces = [
        ARTICLE[: rng.randint(0, len(ARTICLE))].encode(rng.choice(["utf-8", "utf-16", "cp1258"]), "replace"),
        bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300))),
        "Chủ tịch UBND tỉnh ".encode() * rng.randint(0, 200),
        b"<html><body><p>" + ARTICLE.encode()[: rng.randint(0, 2000)],
        b"\x00" * rng.randint(0, 5),
    ]
    rng.shuffle(pieces)
    return b"".join(pieces[: rng.randint(1, len(pieces))])


def make_file(folder: Path, n: int, rng: random.Random) -> Path:
    kind = rng.choice(["txt", "html", "jsonl", "jsonl.gz", "warc", "warc.gz", "results"])
    path = folder / f"f{n:05d}.{kind.replace('results', 'jsonl')}"
    if kind in ("jsonl", "jsonl.gz"):
        lines = [rng.choice([*HOSTILE_LINES, LINE, LINE]) for _ in range(rng.randint(0, 6))]
        lines = [line.replace('"ok"', f'"{n}-{k}"') for k, line in enumerate(lines)]
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        if rng.random() < 0.1:
            data = _bytes(rng)
        path.write_bytes(gzip.compress(data)[: rng.choice([None, None, 30])] if kind.endswith("gz") else data)
    elif kind == "results":
        result = {"source": f"r{n}", "article": {"text": ARTICLE[:200]}, "events": [], "relations": []}
        mutate = rng.choice(["date", "span", "party", "none"])
        if mutate == "date":
            value = rng.choice(["not-a-date", "2018-04-31", "2019"])
            result["article"]["published"] = {"value": value, "precision": "day"}
        elif mutate == "span":
            span = {"start": 5, "end": 10**6, "text": "x"}
            result["events"] = [{"kind": "meeting", "parties": [], "evidence": [span]}]
        elif mutate == "party":
            party = {"id": "", "name": "x", "kind": "city", "country": None}
            result["events"] = [{"kind": "meeting", "parties": [party]}]
        path.write_text(json.dumps(result, ensure_ascii=False) + "\n", encoding="utf-8")
    elif kind.startswith("warc"):
        data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\n" + _bytes(rng)
        path.write_bytes(gzip.compress(data) if kind.endswith("gz") else data)
    else:
        path.write_bytes(_bytes(rng))
    return path


def check(name: str, done: subprocess.CompletedProcess[str], folder: Path) -> list[str]:
    problems = []
    if "Traceback" in done.stderr:
        problems.append(f"{name}: traceback")
    if done.returncode not in (0, 1):
        problems.append(f"{name}: exit status {done.returncode}")
    for line in done.stderr.splitlines():
        if not line.startswith(str(folder)):
            problems.append(f"{name}: stray stderr line: {line[:200]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", help="a PostgreSQL URL to ingest into as well (an empty database or schema)")
    args = parser.parse_args()
    hoptac = str(Path(sys.executable).with_name("hoptac"))
    rng = random.Random(args.seed)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs"
        folder.mkdir()
        for n in range(args.files):
            make_file(folder, n, rng)
        started = time.perf_counter()
        runs = [("extract", [hoptac, "extract", str(folder)])]
        for db in [f"sqlite:///{tmp}/fuzz.db", *([args.pg] if args.pg else [])]:
            runs += [(f"ingest {db.split(':')[0]}", [hoptac, "ingest", str(folder), "--db", db])] * 2
        outputs = []
        for name, command in runs:
            done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
            problems += check(name, done, folder)
            outputs.append((name, done))
            rejections = len(done.stderr.splitlines())
            print(f"{name}: exit {done.returncode}, {rejections} rejection lines; {done.stdout.strip()[:160]}")
        for (name, _), (_, second) in zip(outputs[1::2], outputs[2::2], strict=True):
            if " new 0," not in second.stdout:
                problems.append(f"{name}: the second run stored something new: {second.stdout.strip()}")
    print(f"files fuzzed: {args.files}; failures: {len(problems)}; {time.perf_counter() - started:.0f} s")
    for problem in problems[:20]:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
