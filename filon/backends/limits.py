"""Per-article budgets: a time limit (SIGALRM) and a memory limit (a resident-memory watchdog).

Both interrupt the main thread with an exception that derives from `BaseException`, so that no
`except Exception` on the way (spaCy's error handlers, filon's component guards) can swallow it
and carry on with a half-annotated doc. Both hold only in a process's main thread (the CLI, each
worker of `--processes N`) and interrupt Python code: a long C call is stopped when it returns
to Python.

The memory limit counts what the block adds to the process's resident set (RSS, read from
/proc/self/statm every 20 ms by a watchdog thread), not the process's whole size: a worker
starts at about 0.5 GB with the model loaded, and the CLI's own process also holds the store.
Once the block is over, memory freed by the interrupted article is handed back to the system
(`release_memory`), so a worker stays near its size before the article. Off Linux (no
/proc/self/statm) there is no memory limit.
"""

from __future__ import annotations

import _thread
import ctypes
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from filon.errors import Errors

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

_STATM = "/proc/self/statm"
_STATUS = "/proc/self/status"
_POLL_SECONDS = 0.02
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


class ArticleTimeout(BaseException):
    """The time budget ran out."""


class ArticleOverMemory(BaseException):
    """The memory budget ran out."""


def _on_alarm(signum: int, frame: object) -> None:
    raise ArticleTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `ArticleTimeout` in this block after `seconds`; no limit off the main thread."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_size(value: str) -> int:
    """Bytes of a size such as "2G", "512MiB", "1.5 GB" or "1048576" (powers of 1024); 0 is 0."""
    match = _SIZE.fullmatch(value)
    if not match:
        raise ValueError(f"not a size: {value!r} (examples: 2G, 512M, 0)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def format_size(size: int) -> str:
    """`size` bytes as the largest whole-ish unit: 2 GiB, 512 MiB, 1.5 GiB."""
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} B"


def resident_bytes() -> int | None:
    """This process's resident set size, or None where /proc/self/statm cannot be read."""
    try:
        with open(_STATM, "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class _Watchdog:
    """Polls the RSS; past `baseline + budget` it interrupts the main thread, once."""

    def __init__(self, budget: int, baseline: int) -> None:
        self.limit = baseline + budget
        self.lock = threading.Lock()
        self.armed = True
        self.tripped = False
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="filon-memory-watchdog",
                                       daemon=True)

    def _watch(self) -> None:
        while not self.stop.wait(_POLL_SECONDS):
            rss = resident_bytes()
            if rss is not None and rss > self.limit:
                with self.lock:
                    if self.armed:
                        self.tripped = True
                        # simulates SIGUSR1 in the main thread: no real signal, so no other
                        # thread or process is disturbed
                        _thread.interrupt_main(signal.SIGUSR1)
                return

    def on_signal(self, signum: int, frame: object) -> None:
        if self.armed:
            raise ArticleOverMemory

    def disarm(self) -> None:
        with self.lock:
            self.armed = False
        self.stop.set()
        self.thread.join()
        if self.tripped:
            _let_pending_signals_run()


def _let_pending_signals_run() -> None:
    # the interpreter runs a pending handler when a Python function starts: this one lets a
    # trip that raced with the block's end run (and, disarmed, do nothing) before the
    # handler is put back
    return None


@contextmanager
def memory_limit(budget: int | None) -> Iterator[None]:
    """Raise `ArticleOverMemory` in this block once it has added `budget` bytes to the
    process's RSS; no limit when `budget` is None or 0, off the main thread, or off Linux.

    The watchdog acts only when the main thread runs Python code; a C call that holds on
    allocating meets a hard limit at twice the budget instead (RLIMIT_DATA), where its
    allocation fails with a `MemoryError`.
    """
    baseline = resident_bytes() if budget and budget > 0 else None
    usable = (baseline is not None and hasattr(signal, "SIGUSR1")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    assert budget is not None and baseline is not None
    watchdog = _Watchdog(budget, baseline)
    previous = signal.signal(signal.SIGUSR1, watchdog.on_signal)
    watchdog.thread.start()
    try:
        with _data_limit(2 * budget):
            yield
    finally:
        try:
            watchdog.disarm()
        finally:
            signal.signal(signal.SIGUSR1, previous)


@contextmanager
def _data_limit(extra: int) -> Iterator[None]:
    """Cap the process's data segment (private writable memory) at its size now plus `extra`."""
    used = _data_bytes()
    if used is None or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = used + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:  # a tighter limit is already set
        yield
        return
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def _data_bytes() -> int | None:
    """VmData of this process (what RLIMIT_DATA counts), or None where it cannot be read."""
    try:
        with open(_STATUS, encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def release_memory() -> None:
    """Hand the memory the allocator keeps for reuse back to the system (glibc's malloc_trim):
    after an article ran over its budget, its freed pages would otherwise stay resident."""
    if not sys.platform.startswith("linux"):
        return
    with suppress(OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        ctypes.CDLL(None).malloc_trim(0)


class Budget:
    """The time and memory budgets of one block of work."""

    def __init__(self, seconds: float | None, memory: int | None) -> None:
        self.seconds = seconds or None
        self.memory = memory or None

    @contextmanager
    def limit(self, parts: int) -> Iterator[None]:
        """Both budgets over `parts` articles or parts of long texts: the time one grows with
        them, the memory one does not (the docs run through the model together are few, see
        `filon.backends.local`)."""
        with time_limit(self.seconds * parts if self.seconds else None), \
                memory_limit(self.memory):
            yield

    def overrun(self, exc: BaseException, parts: int = 1) -> str | None:
        """The message of an article (in `parts` parts) that ran over a budget, else None."""
        if isinstance(exc, ArticleTimeout):
            each = f" ({parts} parts of a long text, {self.seconds:g} s each)" if parts > 1 else ""
            return Errors.F013.format(seconds=f"{self.seconds * parts:g}", parts=each)
        if isinstance(exc, ArticleOverMemory | MemoryError):
            return Errors.F017.format(budget=format_size(self.memory) if self.memory else "what "
                                      "the system allows")
        return None
