"""Sweeping the certificate parts printed once and appended to many (annexes and versos).

Their file names carry the key of what they show (``cms.printing.fingerprint.cache_key``), so a
change prints a new file and the old one is never appended again: it is superseded. An annex
is superseded as soon as its locale's key changes. A verso's key depends on the day a module was
completed as well, so many are current at once; each use touches its file, and one unused for
``CERTIFICATE_PART_UNUSED_DAYS`` is removed (printed again if it is ever needed).
"""

import time
from pathlib import Path

from django.conf import settings

from cms.core.locales import locale_codes
from cms.printing.storage import private_path

from .annex import annex_key

ANNEX_DIR = "print/annex"
VERSO_DIR = "print/verso"


def _files(folder: str) -> list[Path]:
    directory = private_path(folder)
    return sorted(path for path in directory.glob("*.pdf")) if directory.is_dir() else []


def sweep_superseded_parts() -> list[Path]:
    """Remove superseded annexes and long-unused versos; the paths removed."""
    current = {f"{annex_key(code)}-{code}.pdf" for code in locale_codes()}
    removed = [path for path in _files(ANNEX_DIR) if path.name not in current]
    oldest = time.time() - settings.CERTIFICATE_PART_UNUSED_DAYS * 86400
    removed += [path for path in _files(VERSO_DIR) if path.stat().st_mtime < oldest]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
