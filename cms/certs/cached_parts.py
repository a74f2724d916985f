"""Sweeping the certificate parts printed once and appended to many (annexes and versos).

Their file names carry the key of what they show (``cms.printing.fingerprint.cache_key``), so a
change prints a new file and the old one is never appended again: it is superseded. An annex
is superseded as soon as its locale's key changes. A verso's key depends on the day a module was
completed as well, so many are current at once; each use marks its file as used, and one unused
for ``CERTIFICATE_PART_UNUSED_DAYS`` is removed (printed again if it is ever needed). The parts
are read through the private storage, a folder or a bucket alike.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from cms.core.locales import locale_codes
from cms.printing.storage import private_files, private_storage, remove_private

from .annex import annex_key

ANNEX_DIR = "print/annex"
VERSO_DIR = "print/verso"


def _parts(folder: str) -> list[str]:
    return [name for name in private_files(folder) if name.endswith(".pdf")]


def sweep_superseded_parts() -> list[str]:
    """Remove superseded annexes and long-unused versos; the names removed."""
    current = {f"{ANNEX_DIR}/{annex_key(code)}-{code}.pdf" for code in locale_codes()}
    removed = [name for name in _parts(ANNEX_DIR) if name not in current]
    oldest = timezone.now() - timedelta(days=settings.CERTIFICATE_PART_UNUSED_DAYS)
    storage = private_storage()
    removed += [name for name in _parts(VERSO_DIR) if storage.get_modified_time(name) < oldest]
    for name in removed:
        remove_private(name)
    return removed
