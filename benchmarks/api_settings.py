"""Settings of the API benchmark's server only: the product, plus Wagtail's stock API v2 and a
static copy of one response, to compare against. Never used by the product itself."""

import os

from cms.settings.base import *  # noqa: F403
from cms.settings.base import INSTALLED_APPS, MIDDLEWARE, REQUEST_METRICS_MIDDLEWARE

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
ROOT_URLCONF = "benchmarks.api_urls"
# WhiteNoise serves this folder at the site root: the static-file baseline.
WHITENOISE_ROOT = os.environ["BENCHMARK_STATIC_ROOT"]
LOGGING = {"version": 1, "disable_existing_loggers": True}
# The "no-metrics" configuration: what the request metrics cost, measured by leaving them out.
if os.environ.get("BENCHMARK_WITHOUT_REQUEST_METRICS"):
    MIDDLEWARE = [name for name in MIDDLEWARE if name != REQUEST_METRICS_MIDDLEWARE]
