"""`StopSignal`: a request, from another thread, that a running `solve` end its search now.

Solver-free (no OR-Tools): the solver hands each CP-SAT search to `searching`, and a request
calls its `stop_search` (CP-SAT's StopSearch, safe from any thread). Once requested, the
solver's clock has no time left, so no later step starts a search: `solve` goes on with what
it has (the best plan so far) and returns it as it would at the time limit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Search(Protocol):
    def stop_search(self) -> None: ...


class StopSignal:
    """Set once by `request`; the solver reads `requested` and registers its searches."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._search: Search | None = None

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def request(self) -> None:
        """Stop the search under way, and every one after it. Safe to call again: a search
        that had not quite begun when the first request came is stopped by the next."""
        self._event.set()
        with self._lock:
            if self._search is not None:
                self._search.stop_search()

    @contextmanager
    def searching(self, search: Search) -> Iterator[None]:
        """Within the block, `request` stops `search`."""
        with self._lock:
            self._search = search
        try:
            yield
        finally:
            with self._lock:
                self._search = None
