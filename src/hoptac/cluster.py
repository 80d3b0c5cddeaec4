"""Extraction on a Dask distributed cluster, streamed back in input order.

The driver reads the input (``hoptac.ingest.read_paths``, one document at a
time), packs documents into batches and sends each batch to the cluster, where
a worker runs ``hoptac.pipeline.process`` on every document of it. At most
``in_flight`` batches are out at once and results are handed back in input
order, so the driver holds a few batches, never the corpus: memory stays flat
however large the input.

Each batch of documents is scattered to a worker as data and the task only
names it, so workers need no access to the input files and the scheduler
keeps no documents. Workers do need the ``hoptac`` package importable, at the
same version as the driver (install the same package on every worker; a
``local:N`` cluster runs this interpreter, so it just works). Inputs that are
not documents (rejections, stored extraction results) never leave the driver
and come out at their place in the order.

    with connect("tcp://10.0.0.5:8786") as client:        # or "local:2"
        for item in extract_paths(["corpus.jsonl.gz"], client):
            ...  # ArticleResult, Rejected or Failed, in input order
"""

from __future__ import annotations

import hashlib
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import hoptac
from hoptac.models import ArticleResult, Document

if TYPE_CHECKING:
    from distributed import Client, Future

    from hoptac.ingest import Rejected

__all__ = ["BATCH_SIZE", "ClusterError", "Failed", "check_workers", "connect", "extract", "extract_paths"]

# A few hundred documents per task: large enough that scheduling costs little
# next to extraction (~4 ms an article), small enough to spread a corpus evenly.
BATCH_SIZE = 250
# Dask warns about task graphs over 10 MB; 4 M characters of Vietnamese stay well under.
MAX_BATCH_CHARS = 4_000_000


class ClusterError(Exception):
    """The cluster cannot be reached or cannot run hoptac; the message is one line."""


@dataclass(frozen=True)
class Failed:
    """A document the extractor raised on (as in-process, it must not stop a corpus run)."""

    source: str
    error: str


def _process_batch(docs: list[Document], time_limit: float | None = None) -> list[ArticleResult | Failed]:
    """Runs on a worker: one batch through the pipeline, one outcome per document."""
    from pydantic import ValidationError

    from hoptac import pipeline
    from hoptac.timelimit import TimeLimitExceeded

    outcomes: list[ArticleResult | Failed] = []
    for doc in docs:
        try:
            outcomes.append(pipeline.process(doc, time_limit))
        except TimeLimitExceeded as exc:  # the same line as the in-process loop prints
            outcomes.append(Failed(doc.source, f"extraction stopped: {exc}"))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "article"
            outcomes.append(Failed(doc.source, f"not a valid article ({where}: {first['msg']})"))
        except Exception as exc:  # reported per document by the driver, like the in-process loop does
            outcomes.append(Failed(doc.source, f"extraction failed ({type(exc).__name__}: {exc})"))
    return outcomes


def _size(doc: Document) -> int:
    return len(doc.raw) + len(doc.summary or "") + len(doc.title or "")


def _batches(
    items: Iterable[Document | ArticleResult | Rejected], batch_size: int, max_chars: int
) -> Iterator[list[Document | ArticleResult | Rejected]]:
    batch: list[Document | ArticleResult | Rejected] = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            chars += _size(item)
        if len(batch) >= batch_size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _submit(client: Client, docs: list[Document], key: str, time_limit: float | None) -> Future:
    # Scattered, the documents go to a worker as data; inside the task they would
    # pass through the scheduler, whose message log keeps recent tasks whole.
    [data] = client.scatter([docs], hash=False)
    return client.submit(_process_batch, data, time_limit, key=key)


def _collect(batch: list, future: Future | None) -> Iterator[ArticleResult | Rejected | Failed]:
    try:
        outcomes = iter(future.result()) if future is not None else iter(())
    except Exception as exc:  # a task the cluster could not run at all (worker lost, not importable)
        reason = (str(exc).strip().splitlines() or [""])[0]
        raise ClusterError(f"a batch failed on the cluster: {type(exc).__name__}: {reason}") from exc
    for item in batch:
        yield next(outcomes) if isinstance(item, Document) else item


def extract(
    items: Iterable[Document | ArticleResult | Rejected],
    client: Client,
    *,
    batch_size: int = BATCH_SIZE,
    max_batch_chars: int = MAX_BATCH_CHARS,
    in_flight: int | None = None,
    time_limit: float | None = None,
) -> Iterator[ArticleResult | Rejected | Failed]:
    """Each document's `ArticleResult` (or `Failed`), other items unchanged, all in input order.

    `time_limit` bounds each document's extraction, in seconds, as `pipeline.process` does.

    `in_flight` bounds the batches submitted and not yet handed back (default:
    three per worker thread, so a worker that finishes early has the next
    batches queued while the driver waits for the oldest one).
    """
    if in_flight is None:
        in_flight = max(2, 3 * sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:12]
    window: deque[tuple[list, Future | None]] = deque()
    try:
        for number, batch in enumerate(_batches(items, batch_size, max_batch_chars)):
            docs = [item for item in batch if isinstance(item, Document)]
            # An explicit key: hashing a batch of documents for a "pure" key would cost more than it saves.
            future = _submit(client, docs, f"hoptac-batch-{run}-{number}", time_limit) if docs else None
            window.append((batch, future))
            if len(window) >= in_flight:
                yield from _collect(*window.popleft())
        while window:
            yield from _collect(*window.popleft())
    finally:
        # Stopped early (an error, or the consumer closed us): free the cluster of what is left.
        pending = [future for _, future in window if future is not None]
        if pending:
            client.cancel(pending)


def extract_paths(
    paths: Iterable[str], client: Client, *, max_bytes: int = 5_000_000, **options: int
) -> Iterator[ArticleResult | Rejected | Failed]:
    """`extract` over `hoptac.ingest.read_paths(paths)`; stored extraction results pass through."""
    from hoptac.ingest import read_paths

    return extract(read_paths(paths, max_bytes=max_bytes, results=True), client, **options)


def _fingerprint() -> str:
    """Digest of the package's code and curated data: equal digests give equal extraction.

    Not cached: a few milliseconds per check, and a source tree being edited must not compare stale.
    """
    root = Path(hoptac.__file__).parent
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and (p.suffix == ".py" or p.parent.name == "data")
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _identity() -> tuple[str, str]:
    # Importing the pipeline proves the worker can run it (its dependencies are
    # installed) and loads it before the first batch arrives.
    import hoptac.pipeline

    return hoptac.__version__, _fingerprint()


def check_workers(client: Client, *, timeout: float = 30) -> list[str]:
    """Wait for a worker, check each one runs this hoptac; warnings returned, fatal problems raised."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(f"no worker joined the scheduler {client.scheduler.address} in {timeout:g} s") from None
    mine = _identity()
    warnings = []
    for worker, theirs in sorted(client.run(_identity, on_error="return").items()):
        if isinstance(theirs, BaseException):
            raise ClusterError(
                f"worker {worker} cannot run hoptac ({theirs}); "
                "install the same hoptac on every worker"
            )
        if theirs[0] != mine[0]:
            raise ClusterError(f"worker {worker} has hoptac {theirs[0]}, this machine {mine[0]}")
        if theirs[1] != mine[1]:
            warnings.append(
                f"worker {worker} runs other hoptac code or data than this machine; results may differ"
            )
    return warnings


# A local cluster has no dashboard to feed: its monitors would only take CPU
# from the workers, on the same cores. The sampling profiler walks the
# extractor's stack every 10 ms (about 5% of a worker's time); the event-loop
# tick (20 ms), system monitor (0.5 s) and memory monitor (0.1 s) add about 2%
# of the run's CPU between them. Memory limits are still checked, each second.
_LOCAL_QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


def _local_workers(address: str) -> int:
    count = address.removeprefix("local:")
    if not count.isdigit() or int(count) < 1:
        raise ClusterError(f"bad cluster address '{address}': use local:N with N >= 1, or tcp://HOST:PORT")
    return int(count)


@contextmanager
def connect(address: str, *, timeout: float = 30) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a new `local:N` cluster (closed on exit)."""
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if address.startswith("local:"):
            with dask.config.set(_LOCAL_QUIET):
                # One thread per process: extraction is pure Python and would only contend for the GIL.
                cluster = LocalCluster(
                    n_workers=_local_workers(address),
                    threads_per_worker=1,
                    processes=True,
                    # Any free port: a fixed one (8787) clashes with a second cluster on the machine.
                    dashboard_address="127.0.0.1:0",
                )
            # Batches and results go straight between this process and the workers,
            # not relayed through the scheduler: all of them are on this machine.
            client = Client(cluster, direct_to_workers=True)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, ValueError, TypeError) as exc:
        if cluster is not None:
            cluster.close()
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
