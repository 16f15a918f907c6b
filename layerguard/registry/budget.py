"""Time budgets for requests: a socket timeout bounds each read, not a response that dribbles in.

A `Watch` gives one request (connect, headers and body, redirects included) a budget and, for
blob bodies, a lowest speed; when either is broken it shuts the request's socket down from a
timer thread, which wakes the blocked read at once. Sockets are handed to the watch by the
connection classes below, mounted on the sessions the transport makes itself; with a session
passed in (tests with recorded responses) the budget is still checked after every read.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_local = threading.local()


class Watch:
    """One request's budget: `seconds` in all, and at least `min_bytes` in every `window` s."""

    def __init__(self, seconds: float, window: float = 0.0, min_bytes: int = 0) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        self.deadline = self.started + seconds
        self.problem = ""
        self._window = window
        self._min_bytes = min_bytes
        self._progress = 0
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        threading.Thread(target=self._run, daemon=True, name="layerguard-watch").start()

    @property
    def expired(self) -> bool:
        if not self.problem and time.monotonic() > self.deadline:
            self.problem = f"no complete response within {self.seconds:g}s"
        return bool(self.problem)

    def progress(self, count: int) -> None:
        self._progress += count

    def attach(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._socket = sock
            if self.problem:
                self._shut()

    def finish(self) -> None:
        """The response is read or given up: the timer must not touch the socket any more."""
        with self._lock:
            self._done.set()
            self._socket = None

    def __enter__(self) -> Watch:
        _local.watch = self
        return self

    def __exit__(self, *exc: object) -> None:
        _local.watch = None

    def _run(self) -> None:
        seen = 0
        while True:
            left = self.deadline - time.monotonic()
            step = min(left, self._window) if self._window else left
            if self._done.wait(max(step, 0.0)):
                return
            if time.monotonic() >= self.deadline:
                problem = f"no complete response within {self.seconds:g}s"
            elif self._progress - seen < self._min_bytes:
                problem = (
                    f"slower than {self._min_bytes / self._window / 1024:g} KiB/s "
                    f"for {self._window:g}s"
                )
            else:
                seen = self._progress
                continue
            with self._lock:
                if not self._done.is_set():
                    self.problem = problem
                    self._shut()
            return

    def _shut(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)


def _attach(connection: HTTPConnection) -> None:
    watch = getattr(_local, "watch", None)
    if watch is not None:
        watch.attach(connection.sock)


class _WatchedHTTPConnection(HTTPConnection):
    def getresponse(self) -> Any:
        _attach(self)  # the request is sent; from here on the server decides how long it takes
        return super().getresponse()


class _WatchedHTTPSConnection(HTTPSConnection):
    def getresponse(self) -> Any:
        _attach(self)
        return super().getresponse()


class _Pool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class WatchedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections hand their socket to the current thread's Watch."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}
