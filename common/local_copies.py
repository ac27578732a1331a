"""This process's copies of values it read from the shared cache, kept by the same versioned key.

A key that carries the data's version (lookup answers: `lookup:<version>:<congress>:<zip>`) never names stale data:
a sync bumps the version, and every process reads the new one within a second. So the hottest values can be kept
here too, and a warm read makes no round trip to the shared cache and unpickles nothing. Bounded (least recently
used out first) and shared by gunicorn's threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache


class LocalCopies:
    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        """The value kept under `key`, or None."""
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._values[key] = value
            if len(self._values) > self.size:
                self._values.popitem(last=False)

    def read_through(self, key: str, load: Callable[[], Any], timeout: int) -> Any:
        """The value under `key`: this process's copy, else the shared cache's, else `load()` put in the shared
        cache for `timeout` seconds; kept here in either case."""
        value = self.get(key)
        if value is None:
            value = cache.get(key)
            if value is None:
                value = load()
                cache.set(key, value, timeout)
            self.put(key, value)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
