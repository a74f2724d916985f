"""The live server's settings: the developer ones, with a cache all its processes share.

Without Redis the developer settings keep the API's response cache in each process's memory, so
a publication handled by one gunicorn worker would not make another worker's cached responses
stale, and a test could not make them stale from outside either. A file cache stands in for the
shared Redis of a real deployment.
"""

from cms.settings.dev import *  # noqa: F403
from cms.settings.dev import CACHES, REDIS_URL, env

if not REDIS_URL:
    CACHES = {
        **CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.str("LIVE_SERVER_CACHE_DIR"),
        },
    }
