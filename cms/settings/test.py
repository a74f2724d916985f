"""The test suite: fast password hashing, media in a throw-away folder."""

import tempfile

from .base import *  # noqa: F403

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
