"""What several benchmark scripts share: the machine line, peak memory, a timed store run.

Nothing heavy is imported at module level: a script that starts child processes
must stay small itself, as a child's ``ru_maxrss`` starts from its parent's size.
"""

from __future__ import annotations

import os
import platform
import resource
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


def peak_rss_mb() -> float:
    """Peak resident memory of this process's own program, in MB.

    ``VmHWM`` rather than ``ru_maxrss``: Linux carries ``ru_maxrss`` over an exec,
    so a child started by a 150 MB parent would report at least 150 MB.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def time_ingest(url: str, results: list[ArticleResult]) -> float:
    """Seconds to store `results` in one session of the store at `url` (open and close not counted)."""
    from hoptac import store

    opened = store.open(url)
    start = time.perf_counter()
    with opened.session() as session:
        for result in results:
            store.ingest_result(session, result)
    elapsed = time.perf_counter() - start
    opened.close()
    return elapsed
