"""Relative time bounds for unit tests: no absolute seconds, which flake on a loaded machine."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best_time(func: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of `repeat` runs: the one least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def assert_linear(func: Callable[[T], object], small: T, big: T, size_ratio: int) -> None:
    """`func(big)`, with input `size_ratio` times `small`'s, takes at most 3x the linear share:
    a quadratic step would take `size_ratio` times more than that."""
    # (five runs each: a machine loaded by other work once stretched a 5 ms run enough to
    # read 30x for a 10x input)
    small_time = best_time(lambda: func(small), repeat=5)
    big_time = best_time(lambda: func(big), repeat=5)
    assert big_time < 3 * size_ratio * small_time, (
        f"{size_ratio}x the input took {big_time / small_time:.1f}x the time"
    )
