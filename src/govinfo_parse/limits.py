"""Resource limits: how big, how many pages, how much decompressed text, how long.

Reports are a few pages and a few hundred kilobytes; anything far beyond that
is not a report but a mistake or an attack (a 100 MB text file, a zip bomb
saved as .docx, a PDF whose streams inflate to gigabytes, a layout plugin
caught in a loop).  ``parse`` and ``parse_file`` take a ``Limits``; the
defaults are safe for batches of unknown files::

    govinfo_parse.parse_file(path, limits=Limits(max_bytes=8 * MiB, timeout=10))

Converters and layouts read the limits in force with ``current_limits()``.

Time limits use ``SIGALRM``, so they apply where Python can deliver it: on
Unix, in the main thread of a process (the CLI and its ``--jobs`` workers
are).  Elsewhere ``timeout`` and ``plugin_timeout`` are not enforced.
"""

from __future__ import annotations

import contextlib
import math
import signal
import threading
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Final

import attrs

from govinfo_parse.errors import ParseTimeoutError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType

__all__ = ["Limits", "MiB", "current_limits", "deadline", "overdue", "using"]

MiB: Final = 1024 * 1024


@attrs.frozen(kw_only=True)
class Limits:
    """Limits on one document.  ``None`` switches a limit off."""

    #: Bytes of an input file (text, HTML, PDF or Word).
    max_bytes: int | None = 64 * MiB
    #: Pages of a PDF.
    max_pages: int | None = 500
    #: Bytes a compressed part may inflate to (a Word file's XML), and characters
    #: of text a converter may produce (a PDF's text layer).
    max_decompressed_bytes: int | None = 32 * MiB
    #: Seconds to parse one document, conversion included.
    timeout: float | None = 120.0
    #: Seconds for one call of one plugin; a plugin that overruns is reported and skipped.
    #: Converters (PDF, Word, OCR), whose work grows with the document, have ``timeout`` only.
    plugin_timeout: float | None = 30.0

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if value is not None and not value > 0:
                msg = f"{field.name} must be positive or None, not {value!r}"
                raise ValueError(msg)


_CURRENT: ContextVar[Limits] = ContextVar("govinfo_parse_limits", default=Limits())  # noqa: B039 - frozen


def current_limits() -> Limits:
    """The limits of the parse in progress (the defaults outside one)."""
    return _CURRENT.get()


@contextlib.contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    """Make ``limits`` the ones in force inside the block."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


# --- time limits ---------------------------------------------------------------------------
# Deadlines nest (a document's, then a plugin call's inside it).  One interval
# timer serves them all.  It is set again only when a new deadline is earlier
# than the time it is set for: a plugin call that ends leaves it running, and
# when it fires with no deadline passed, it is set for the earliest one left.
# (Setting a timer per plugin call costs more than the call, for the ~50 calls
# of a report.)

_deadlines: list[tuple[float, Callable[[], BaseException]]] = []
_armed_at: float | None = None  # when the timer fires, if it is set


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _set_timer(at: float | None) -> None:
    global _armed_at  # noqa: PLW0603 - the one timer of the process
    _armed_at = at
    signal.setitimer(signal.ITIMER_REAL, 0 if at is None else max(at - time.monotonic(), 1e-4))


def _earliest_passed(now: float) -> Callable[[], BaseException] | None:
    """The error maker of the earliest deadline in force that has passed by ``now``."""
    passed = [(at, make) for at, make in _deadlines if at <= now]
    return min(passed, key=lambda d: d[0])[1] if passed else None


def overdue() -> BaseException | None:
    """The error of the earliest deadline in force that has passed, or None.

    For code that catches what a library raised: the timer's error may have
    come out of the library as another exception (one that wraps whatever it
    caught), and must not then pass for the library's own failure.
    """
    make = _earliest_passed(time.monotonic())
    return make() if make is not None else None


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    now = time.monotonic()
    make = _earliest_passed(now)
    if make is None:
        _set_timer(min((at for at, _ in _deadlines), default=None))
        return
    # Fire again soon in case the code under the deadline swallows the error.
    _set_timer(now + 0.25)
    raise make()


def deadline(
    seconds: float | None, error: Callable[[], BaseException] | None = None,
) -> contextlib.AbstractContextManager[None]:
    """Raise ``error()`` (a ``ParseTimeoutError`` by default) in the block after ``seconds``.

    A no-op when ``seconds`` is None or the platform or thread cannot take a timer signal.
    """
    if seconds is None or math.isinf(seconds) or not _can_alarm():
        return contextlib.nullcontext()
    return _Deadline(seconds, error)


class _Deadline:
    """A deadline in force inside a ``with`` block (a class: entered ~50 times a report)."""

    __slots__ = ("_entry", "_outermost", "_previous", "_seconds")

    def __init__(self, seconds: float, error: Callable[[], BaseException] | None) -> None:
        self._seconds = seconds
        self._entry = (0.0, error or self._timed_out)
        self._outermost = False
        self._previous: Any = None

    def _timed_out(self) -> BaseException:
        return ParseTimeoutError(f"took more than the {self._seconds:g}-second limit")

    def __enter__(self) -> None:
        self._entry = (time.monotonic() + self._seconds, self._entry[1])
        self._outermost = not _deadlines
        if self._outermost:
            self._previous = signal.signal(signal.SIGALRM, _on_alarm)
        _deadlines.append(self._entry)
        if self._outermost or _armed_at is None or self._entry[0] < _armed_at:
            _set_timer(self._entry[0])

    def __exit__(self, *_exc: object) -> None:
        _deadlines.remove(self._entry)
        if self._outermost:
            _set_timer(None)
            signal.signal(signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL)
