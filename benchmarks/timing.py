"""Wall-clock timing shared by the benchmark scripts."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def median_time(call: Callable[[], object], rounds: int, *, warm_up: bool = True) -> float:
    """Return the median wall time of `rounds` calls of `call`, in seconds.

    One untimed warm-up call first (imports, caches) unless `warm_up` is False; a garbage
    collection before each timed call so one call's garbage is not charged to the next.
    """
    if warm_up:
        call()
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
