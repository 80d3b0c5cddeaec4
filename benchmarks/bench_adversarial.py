"""Seconds per MB of the whole pipeline for normal articles and for worst-case texts: prints figures.

Every stage must be linear in its input: no adversarial text may cost more
than 5x the corpus average per byte. Each adversarial text opens with a real
cooperation sentence, so it passes the extractor's cheap gates and reaches
every stage, then repeats one hostile pattern to the wanted size. Two sizes of
each show whether the cost per byte grows with the input (quadratic) or not.
Times are CPU seconds of this process, so other work on the machine does not
skew the comparison.

    python benchmarks/bench_adversarial.py                  # 300 corpus articles, 50 and 100 KB texts
    python benchmarks/bench_adversarial.py --sizes 100 400  # KB
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from common import machine

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"

OPENING = (
    "Ngày 12/3/2018, Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Đức Long đã tiếp Thống đốc tỉnh Gyeonggi "
    "(Hàn Quốc) Nam Kyung-pil. Hai bên ký kết biên bản ghi nhớ hợp tác về du lịch và giáo dục.\n\n"
)
_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
_MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Ngọc", "Thanh"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Sơn", "Tâm"]
_CAPS = ["Hà", "Nội", "Tokyo", "Quảng", "Ninh", "Gyeonggi", "Osaka", "Huế", "Đà", "Nẵng", "Busan", "Lào", "Cai"]


def _names(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)} "


# One generator per hostile pattern: a random source -> one repetition.
PATTERNS: dict[str, Callable[[random.Random], str]] = {
    "titles": lambda rng: "Chủ tịch UBND tỉnh ",
    "titles_and_places": lambda rng: rng.choice(["Chủ tịch UBND tỉnh Quảng Ninh ", "Thị trưởng thành phố Osaka "]),
    "capitalised_words": lambda rng: rng.choice(_CAPS) + " ",
    "dates": lambda rng: f"ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2025)} ",
    "numbers": lambda rng: f"{rng.randint(1, 999)}.{rng.randint(100, 999)} ",
    "names_no_punctuation": _names,
    "honorific_names": lambda rng: "ông " + _names(rng),
    "title_then_name": lambda rng: "Phó Chủ tịch UBND tỉnh " + _names(rng),
}


def adversarial_text(pattern: str, size: int, seed: int = 0) -> str:
    """The opening sentence, then `pattern` repeated until the text holds `size` bytes of UTF-8."""
    rng = random.Random(seed)
    parts = [OPENING]
    total = len(OPENING.encode())
    while total < size:
        piece = PATTERNS[pattern](rng)
        parts.append(piece)
        total += len(piece.encode())
    return "".join(parts)


def _run(text: str) -> float:
    from hoptac import pipeline
    from hoptac.models import Document

    doc = Document(source="bench", raw=text)
    start = time.process_time()
    pipeline.process(doc, time_limit=None)
    return time.process_time() - start


def corpus_rate(corpus: Path, limit: int) -> tuple[tuple[int, float], tuple[int, float, int]]:
    """Bytes and CPU seconds of the pipeline over the first `limit` Vietnamese articles of the corpus,
    and the same for those of them with cooperation events (the ones the whole extractor reads)."""
    from hoptac import pipeline
    from hoptac.ingest import read_paths
    from hoptac.models import Document

    docs = [d for d in itertools.islice(read_paths([str(corpus)]), limit) if isinstance(d, Document)]
    size = seconds = 0.0
    full_size = full_seconds = full = 0
    for doc in docs:
        nbytes = len(doc.raw.encode()) + len((doc.title or "").encode())
        start = time.process_time()
        result = pipeline.process(doc, time_limit=None)
        spent = time.process_time() - start
        size, seconds = size + nbytes, seconds + spent
        if result.events:
            full_size, full_seconds, full = full_size + nbytes, full_seconds + spent, full + 1
    return (int(size), seconds), (full_size, full_seconds, full)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300, help="corpus articles for the normal rate")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100], help="adversarial text sizes in KB")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args()

    _run(OPENING)  # load the gazetteer and the data files before timing
    rows: list[dict[str, object]] = []
    hostile: list[dict[str, object]] = []
    # The corpus is timed before and after the hostile texts, and its mean is the reference: on a
    # shared machine even CPU time per byte drifts over a minute.
    passes = [corpus_rate(args.corpus, args.limit)] if args.corpus.exists() else []
    for pattern in PATTERNS:
        for kb in args.sizes:
            hostile.append({"input": pattern, "kb": kb, "s": _run(adversarial_text(pattern, kb * 1000))})
    if passes:
        passes.append(corpus_rate(args.corpus, args.limit))
        size = passes[0][0][0]
        seconds = sum(p[0][1] for p in passes) / 2
        rows.append({"input": f"corpus ({args.limit} articles)", "kb": round(size / 1000), "s": seconds})
        full_size, _, full = passes[0][1]
        if full_size >= 1000:
            full_seconds = sum(p[1][1] for p in passes) / 2
            rows.append({"input": f"  of which {full} with events", "kb": round(full_size / 1000), "s": full_seconds})
        first, last = (p[0][1] / size * 1e6 for p in passes)
        print(f"corpus s/MB before and after the hostile texts: {first:.2f}, {last:.2f}")
    normal = rows[0]["s"] / rows[0]["kb"] * 1000 if rows else None
    rows += hostile
    for row in rows:
        row["s_per_mb"] = row["s"] / row["kb"] * 1000
        row["x_corpus"] = row["s_per_mb"] / normal if normal else None
    if args.json:
        print(json.dumps({"machine": machine(), "rows": rows}, ensure_ascii=False))
        return
    print(machine())
    print(f"{'input':<28}{'KB':>7}{'s':>9}{'s/MB':>9}{'x corpus':>10}")
    for row in rows:
        ratio = f"{row['x_corpus']:.2f}" if row["x_corpus"] is not None else "-"
        print(f"{row['input']:<28}{row['kb']:>7}{row['s']:>9.3f}{row['s_per_mb']:>9.2f}{ratio:>10}")


if __name__ == "__main__":
    main()
