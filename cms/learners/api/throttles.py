"""Rate limits: registering and signing in per client address, attempts per learner.

Counters live in the ``throttles`` cache (Redis in production) under a hash of the client
address, so not even the cache holds addresses. Rates come from ``LEARNER_THROTTLE_RATES``,
read on each request so that a deployment (or a test) can change them.
"""

import hashlib
from typing import Any, cast

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.utils.connection import ConnectionProxy
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

THROTTLE_CACHE = "throttles"


class LearnerThrottle(SimpleRateThrottle):
    cache = cast(BaseCache, ConnectionProxy(caches, THROTTLE_CACHE))  # stands for that cache
    scope: str

    def get_rate(self) -> str:
        return settings.LEARNER_THROTTLE_RATES[self.scope]

    def __init__(self) -> None:
        # DRF reads the rate once, when the class is built; ours may change at run time.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)

    def ident_of(self, request: Request) -> str:
        raise NotImplementedError

    def get_cache_key(self, request: Request, view: Any) -> str:
        ident = hashlib.sha256(self.ident_of(request).encode()).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PerClientAddress(LearnerThrottle):
    def ident_of(self, request: Request) -> str:
        return self.get_ident(request)


class PerLearner(LearnerThrottle):
    def ident_of(self, request: Request) -> str:
        return str(request.user.pk)


class RegistrationThrottle(PerClientAddress):
    scope = "registration"


class SignInThrottle(PerClientAddress):
    scope = "sign-in"


class AttemptThrottle(PerLearner):
    scope = "attempts"


class SubmissionThrottle(PerLearner):
    scope = "submissions"


def clear_throttles() -> None:
    """Forget every counter (for tests: each starts with the full allowance)."""
    cache = caches[THROTTLE_CACHE]
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")  # django-redis: only keys under this cache's prefix
    else:
        cache.clear()
