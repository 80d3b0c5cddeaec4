"""What several benchmark scripts share: the machine line of their reports, a timed store run."""

from __future__ import annotations

import os
import platform
import time

from hoptac import store
from hoptac.models import ArticleResult


def machine() -> str:
    """CPU model, core count and Python version, to print beside every figure."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def time_ingest(url: str, results: list[ArticleResult]) -> float:
    """Seconds to store `results` in one session of the store at `url` (open and close not counted)."""
    opened = store.open(url)
    start = time.perf_counter()
    with opened.session() as session:
        for result in results:
            store.ingest_result(session, result)
    elapsed = time.perf_counter() - start
    opened.close()
    return elapsed
