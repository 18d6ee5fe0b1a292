"""Login for the web app: Gradio's auth callable with throttling of repeated failures."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0


@dataclass
class LoginGuard:
    """Checks ``user:password`` and locks a client out after repeated failures.

    Gradio hands the auth callable only the typed user name and password, so the
    client is known by the user name it tries. After ``max_failures`` failures in a
    row it is refused for ``lockout_seconds`` (doubling with each further lock-out),
    even with the right password; every failure and lock-out is logged. One guard
    is created per launched app; its table lives and dies with it.
    """

    user: str
    password: str
    max_failures: int = 10
    lockout_seconds: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _table: dict[str, _Failures] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _lockouts: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __call__(self, username: str, password: str) -> bool:
        """True when the login may proceed (the right pair, and not locked out)."""
        now = self.clock()
        client = str(username)[:100]
        with self._lock:
            entry = self._table.setdefault(client, _Failures())
            if now < entry.locked_until:
                log.warning("login refused for %r: locked out for %.0f more s",
                            client, entry.locked_until - now)
                return False
            good = hmac.compare_digest(str(username).encode(), self.user.encode()) & \
                hmac.compare_digest(str(password).encode(), self.password.encode())
            if good:
                self._table.pop(client, None)
                self._lockouts.pop(client, None)
                return True
            entry.count += 1
            log.warning("failed login for %r (%d in a row)", client, entry.count)
            if entry.count >= self.max_failures:
                times = self._lockouts[client] = self._lockouts.get(client, 0) + 1
                entry.locked_until = now + self.lockout_seconds * 2 ** (times - 1)
                entry.count = 0
                log.warning("login locked out for %r for %.0f s after %d failures",
                            client, entry.locked_until - now, self.max_failures)
            return False


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """``user:password`` from ``SRDI_AUTH`` as Gradio's auth pair (None: no login)."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("SRDI_AUTH must look like user:password")
    return user, password
