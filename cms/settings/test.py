"""The test suite: fast password hashing, media in a throw-away folder.

Under pytest-xdist each worker process gets its own Redis database (the run's number plus one plus
the worker's), so queues, caches and locks of parallel workers never meet; the processes a test
starts (live servers, Celery workers) inherit it through the environment.
"""

import os
import re
import tempfile


def _redis_url_of_this_worker() -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    url = os.environ.get("REDIS_URL_OF_RUN") or os.environ.get("REDIS_URL", "")
    if not (worker.startswith("gw") and url):
        return
    os.environ["REDIS_URL_OF_RUN"] = url
    match = re.fullmatch(r"(.*?)(?:/(\d+))?/?", url)
    assert match is not None
    base, number = match.group(1), int(match.group(2) or 0)
    os.environ["REDIS_URL"] = f"{base}/{number + 1 + int(worker[2:])}"


_redis_url_of_this_worker()

from .base import *  # noqa: E402, F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local folders, whatever the environment says: the object-storage tests give their buckets to
# the web and worker processes they start (tests/object_storage.py).
MEDIA_URL = "/media/"
MEDIA_ROOT = tempfile.mkdtemp(prefix="migrantech-test-media-")
PRINT_WORK_DIR = tempfile.mkdtemp(prefix="migrantech-test-print-work-")
STATIC_ROOT = tempfile.mkdtemp(prefix="migrantech-test-static-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="migrantech-test-private-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "cms.printing.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "cms.translation.machine.LabelledTranslator"}
