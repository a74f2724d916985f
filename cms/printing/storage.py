"""Where printed files live: the private storage, never the public media.

Printed files include certificates (the holder's name), answer keys and every intermediate file
of a rendering; they are reached only through views that check who asks (the print-jobs API and
the holder's certificate endpoint), never at a guessable public address. The storage is the
``"private"`` alias of ``STORAGES``: a folder outside ``MEDIA_ROOT`` by default, a private bucket
when the site runs on several machines (``cms.core.object_storage``).

WeasyPrint and pikepdf work on local files. With a folder, they write straight into it; with a
bucket, a rendering is written under ``PRINT_WORK_DIR`` on the worker's own disk and stored in
the bucket once whole (``private_output``), and the certificate parts appended to many
certificates are read from a local copy kept there (``private_copy``).
"""

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils import timezone

PRIVATE_STORAGE = "private"
TOUCH_INTERVAL = timedelta(days=1)
"""A cached part in a bucket is marked as used at most this often (a copy onto itself)."""


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk that have no address: nothing may link to them, only views read them."""

    def url(self, name: str | None) -> str:
        raise ValueError("Files in the private storage have no public address.")


def private_storage() -> Storage:
    return storages[PRIVATE_STORAGE]


def is_local(storage: Storage) -> bool:
    """Whether ``storage`` keeps its files in a folder of this machine."""
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def private_path(name: str) -> Path:
    """A local path for ``name`` in a private storage kept on disk."""
    return Path(private_storage().path(name))


def work_dir(*parts: str) -> Path:
    """A folder of this machine's own, for renderings in progress and local copies."""
    return Path(settings.PRINT_WORK_DIR).joinpath(*parts)


@contextmanager
def private_output(name: str) -> Iterator[Path]:
    """A local path to print ``name`` to; once the block succeeds, the file is in the private
    storage (a bucket gets it whole, and this machine keeps a copy for ``private_copy``)."""
    storage = private_storage()
    if is_local(storage):
        yield private_path(name)
        return
    work_dir().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work_dir(), prefix="render-") as folder:
        path = Path(folder) / Path(name).name
        yield path
        with path.open("rb") as rendered:
            storage.save(name, File(rendered, name=path.name))
        copy = work_dir("copies", name)
        copy.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, copy)


def private_copy(name: str) -> Path | None:
    """A local file holding ``name`` of the private storage, or ``None`` if there is none.

    Meant for files whose name changes with their content (the certificate parts): a local copy,
    once made, is never stale.
    """
    storage = private_storage()
    if is_local(storage):
        path = private_path(name)
        return path if path.is_file() else None
    copy = work_dir("copies", name)
    if copy.is_file():
        return copy
    if not storage.exists(name):
        return None
    copy.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(dir=copy.parent, prefix=f".{copy.name}.")
    try:
        with os.fdopen(descriptor, "wb") as output, storage.open(name, "rb") as stored:
            shutil.copyfileobj(stored, output)
        os.replace(partial, copy)
    finally:
        Path(partial).unlink(missing_ok=True)
    return copy


def printed_copy(name: str) -> Path:
    """The local copy of ``name``, just printed."""
    path = private_copy(name)
    if path is None:
        raise FileNotFoundError(f"{name} was printed but is not in the private storage")
    return path


def mark_used(name: str) -> None:
    """Mark a cached part as used now, so that the sweeper keeps it."""
    storage = private_storage()
    if is_local(storage):
        private_path(name).touch()
        return
    work_copy = work_dir("copies", name)
    if work_copy.is_file():
        work_copy.touch()
    if storage.get_modified_time(name) > timezone.now() - TOUCH_INTERVAL:
        return
    key = storage._normalize_name(name)  # type: ignore[attr-defined]
    stored = storage.bucket.Object(key)  # type: ignore[attr-defined]
    stored.copy_from(
        CopySource={"Bucket": stored.bucket_name, "Key": key},
        MetadataDirective="REPLACE",
        ContentType=stored.content_type or "application/pdf",
        CacheControl=stored.cache_control or "private, no-store",
    )


def private_files(folder: str) -> list[str]:
    """The names of the files directly in ``folder`` of the private storage, sorted."""
    try:
        _, files = private_storage().listdir(folder)
    except FileNotFoundError:
        return []
    return sorted(f"{folder}/{file}" for file in files if not file.startswith("."))


def remove_private(name: str) -> None:
    private_storage().delete(name)
    work_dir("copies", name).unlink(missing_ok=True)


def remove_stale_work(max_age_seconds: float) -> None:
    """Renderings left in the work folder by a worker killed before it could clean up."""
    folder = work_dir()
    if not folder.is_dir():
        return
    limit = time.time() - max_age_seconds
    for entry in folder.glob("render-*"):
        if entry.stat().st_mtime < limit:
            shutil.rmtree(entry, ignore_errors=True)
