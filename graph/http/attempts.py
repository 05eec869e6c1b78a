"""Failed token attempts per client address: after ``MAX_FAILED_TOKENS`` wrong tokens
within ``FAILED_TOKEN_WINDOW_SECONDS`` the address is refused with 429 until the
window has passed (docs/security.md).

Only wrong tokens count, never a request without one, and a valid token is still
answered: the limit slows guessing, it does not lock out the owner. The count is per
server process and keeps at most ``MAX_TRACKED_ADDRESSES`` addresses (the oldest
forgotten first), so addresses made up by the thousand cost bounded memory.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

#: Wrong tokens an address may send in a window before it is refused.
MAX_FAILED_TOKENS = 20
FAILED_TOKEN_WINDOW_SECONDS = 60.0
MAX_TRACKED_ADDRESSES = 10_000


class FailedAttempts:
    """The wrong tokens of each address within the last window."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, address: str) -> int | None:
        """Seconds until ``address`` may try a token again, or None if it may now."""
        with self._lock:
            failures = self._recent(address)
            if failures is None or len(failures) < MAX_FAILED_TOKENS:
                return None
            return max(1, math.ceil(failures[0] + FAILED_TOKEN_WINDOW_SECONDS - self._clock()))

    def failed(self, address: str) -> None:
        """Count one wrong token from ``address``."""
        with self._lock:
            failures = self._recent(address)
            if failures is None:
                failures = self._failures[address] = deque(maxlen=MAX_FAILED_TOKENS)
                while len(self._failures) > MAX_TRACKED_ADDRESSES:
                    self._failures.popitem(last=False)
            failures.append(self._clock())
            self._failures.move_to_end(address)

    def _recent(self, address: str) -> deque[float] | None:
        failures = self._failures.get(address)
        if failures is None:
            return None
        since = self._clock() - FAILED_TOKEN_WINDOW_SECONDS
        while failures and failures[0] <= since:
            failures.popleft()
        return failures
