"""The generation of the published content: one value in the shared cache that every change
replaces (``bump_generation``), and each web process's knowledge of it (``watch``).

Reading it from Redis at every request costs a round trip to another process (another machine in
production) per cached answer, most of a cached answer's time. So each process subscribes to a
Redis pub/sub channel on which every bump is announced, and remembers the value it last read:

- a bump writes the new value, then announces it. Redis hands the announcement to every
  subscriber's connection while it answers the bump (in the same pass of its event loop), so by
  the time the publishing request has finished, and any later request reaches another process,
  the announcement is waiting in that process's socket;
- before answering, a request looks at that socket without waiting (a ``poll``, no round trip).
  Any announcement there makes the process forget the value and read it again;
- the remembered value is read again anyway after ``API_GENERATION_RECHECK_SECONDS`` (1 s), which
  bounds what a silently broken subscription could cost. A subscription that fails is retried
  after ``RETRY_SECONDS``, one that redis-py silently reconnected is made anew at once (what was
  announced in between is lost), and meanwhile every request reads the value.

Without Redis (a developer's machine, the demo) the value lives in the process's own memory and
is simply read at every request.
"""

import contextlib
import os
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.client import PubSub
from redis.exceptions import RedisError

GENERATION_KEY = "api:generation"
SUBSCRIBE_TIMEOUT_SECONDS = 1.0
RETRY_SECONDS = 5.0


@dataclass(frozen=True)
class Generation:
    token: str
    changed_at: float


def _new_generation() -> str:
    return f"{uuid.uuid4().hex}:{time.time():.3f}"


def _parse_generation(value: str | None) -> Generation | None:
    if not value or ":" not in value:
        return None
    token, changed_at = value.split(":", 1)
    return Generation(token, float(changed_at))


def _redis() -> Any | None:
    """The Redis client behind the default cache, or None when the cache is not Redis."""
    if not isinstance(caches["default"], RedisCache):
        return None
    return get_redis_connection("default")


def _channel(client: Any) -> str:
    # Channels are shared by every database of a Redis server: name the database too.
    database = client.connection_pool.connection_kwargs.get("db", 0)
    return f"{cache.make_key(GENERATION_KEY)}@{database}"


class Announcements(PubSub):
    """The subscription. After a failure redis-py connects and subscribes again by itself;
    announcements made in between are lost, so a reconnection is noted for the watch to forget
    what it knew and subscribe anew, waiting for the confirmation."""

    reconnected = False

    def on_connect(self, connection: Any) -> None:
        self.reconnected = True
        super().on_connect(connection)


class GenerationWatch:
    """What this process knows of the generation, and the subscription that keeps it true.

    ``epoch`` counts the announcements seen: a value read from Redis is remembered only if no
    announcement arrived since the request that read it started looking, so a slow read can
    never put back a value an announcement has replaced.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = 0
        self._pubsub: Any = None
        self._retry_at = 0.0
        self._generation: Generation | None = None
        self._read_at = 0.0
        self._epoch = 0

    def known(self) -> tuple[Generation | None, int]:
        """The remembered generation if it may be used without asking Redis, and the epoch."""
        with self._lock:
            if not self._listening():
                return None, self._epoch
            try:
                while self._pubsub.get_message(timeout=0) is not None:
                    self._forget()
            except (RedisError, OSError):
                self._stop(retry_after=RETRY_SECONDS)
                return None, self._epoch
            if self._pubsub.reconnected:
                self._stop(retry_after=0)
                return None, self._epoch
            recheck = settings.API_GENERATION_RECHECK_SECONDS
            if self._generation is None or time.monotonic() - self._read_at > recheck:
                return None, self._epoch
            return self._generation, self._epoch

    def remember(self, generation: Generation, epoch: int, read_at: float) -> None:
        with self._lock:
            if epoch == self._epoch and self._pubsub is not None:
                self._generation, self._read_at = generation, read_at

    def forget(self) -> None:
        with self._lock:
            self._forget()

    def _forget(self) -> None:
        self._generation = None
        self._epoch += 1

    def _listening(self) -> bool:
        if self._pid != os.getpid():
            # A forked worker must not share its parent's connection.
            self._pid, self._pubsub, self._retry_at = os.getpid(), None, 0.0
            self._forget()
        if self._pubsub is not None:
            return True
        if time.monotonic() < self._retry_at:
            return False
        client = _redis()
        if client is None:
            self._retry_at = float("inf")
            return False
        pubsub = Announcements(client.connection_pool)
        try:
            pubsub.subscribe(_channel(client))
            # Values read before Redis confirms the subscription could miss an announcement.
            confirmed = pubsub.get_message(timeout=SUBSCRIBE_TIMEOUT_SECONDS)
        except (RedisError, OSError):
            confirmed = None
        if not confirmed or confirmed.get("type") != "subscribe":
            pubsub.close()
            self._retry_at = time.monotonic() + RETRY_SECONDS
            return False
        pubsub.reconnected = False
        self._pubsub = pubsub
        self._forget()
        return True

    def _stop(self, retry_after: float) -> None:
        # The connection is dropped because it failed; closing it may fail too.
        with contextlib.suppress(RedisError, OSError):
            self._pubsub.close()
        self._pubsub = None
        self._retry_at = time.monotonic() + retry_after
        self._forget()


watch = GenerationWatch()


def _announce() -> None:
    client = _redis()
    if client is not None:
        client.publish(_channel(client), "")


def bump_generation() -> None:
    """Make every cached response stale (called when published content changes)."""
    cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    watch.forget()
    _announce()


def generation_from(stored: str | None, epoch: int, read_at: float) -> Generation:
    """The generation from the value read from the cache (made if there is none), remembered."""
    generation = _parse_generation(stored)
    if generation is None:
        value = _new_generation()
        if cache.add(GENERATION_KEY, value, timeout=None):
            _announce()
        generation = _parse_generation(cache.get(GENERATION_KEY) or value)
    assert generation is not None
    watch.remember(generation, epoch, read_at)
    return generation
