"""A time bound on a block of pure-Python work, in any thread of the process.

`within(seconds)` raises `TimeLimitExceeded` inside the block once it has run
that long. One watchdog thread per process, started on first use and shared by
every block, raises the exception in the thread that overran
(`PyThreadState_SetAsyncExc`). That works where a signal cannot: in the worker
threads of a Dask cluster as well as in a command's main thread, and it leaves
no thread behind per block. The exception arrives between two Python
bytecodes, so a block that waits inside one long C call stops when that returns;
where it lands in code that drops exceptions (a weakref callback), it is raised
again a moment later.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class TimeLimitExceeded(Exception):
    """A block ran past its time bound."""


_lock = threading.Condition()
_deadlines: list[tuple[float, int]] = []  # (monotonic deadline, block number): the earliest first
_blocks: dict[int, int] = {}  # block number -> thread id, while the block runs
_fired: set[int] = set()
_numbers = itertools.count()
_watchdog: threading.Thread | None = None
_AGAIN_S = 0.05


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _watch() -> None:
    with _lock:
        while True:
            while _deadlines and _deadlines[0][1] not in _blocks:
                heapq.heappop(_deadlines)  # finished in time
            if not _deadlines:
                _lock.wait()
                continue
            deadline, number = _deadlines[0]
            left = deadline - time.monotonic()
            if left > 0:
                _lock.wait(left)
                continue
            heapq.heappop(_deadlines)
            _fired.add(number)
            _set_async_exc(_blocks[number], TimeLimitExceeded)
            # Raised inside a weakref callback or a __del__, the exception is printed and dropped:
            # raise it again until the block has ended.
            heapq.heappush(_deadlines, (time.monotonic() + _AGAIN_S, number))


def _quiet_hook(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """`sys.unraisablehook` that stays silent about a time limit dropped in a callback (it is raised again)."""

    def unraisable(info: Any) -> object:
        return None if isinstance(info.exc_value, TimeLimitExceeded) else hook(info)

    return unraisable


def _forget_watchdog() -> None:
    global _watchdog
    _watchdog = None  # a forked child has no copy of the parent's thread


os.register_at_fork(after_in_child=_forget_watchdog)


@contextmanager
def within(seconds: float | None) -> Iterator[None]:
    """Run the block with a bound of `seconds` (None or 0: no bound)."""
    if not seconds:
        yield
        return
    global _watchdog
    number = next(_numbers)
    with _lock:
        if _watchdog is None:
            _watchdog = threading.Thread(target=_watch, name="hoptac-time-limit", daemon=True)
            _watchdog.start()
            sys.unraisablehook = _quiet_hook(sys.unraisablehook)
        _blocks[number] = threading.get_ident()
        heapq.heappush(_deadlines, (time.monotonic() + seconds, number))
        _lock.notify()
    try:
        yield
    except TimeLimitExceeded:
        raise TimeLimitExceeded(f"took over {seconds:g} s") from None
    finally:
        _end(number)


def _end(number: int) -> None:
    """Unregister a block; a late exception must not land in whatever its thread does next."""
    while True:
        try:
            with _lock:
                _blocks.pop(number, None)
                if number in _fired:
                    _fired.discard(number)
                    _set_async_exc(threading.get_ident(), None)  # drop one still pending
            return
        except TimeLimitExceeded:
            continue  # raised here, after the block: the block is over all the same
