"""Where printed files live: the private storage, never the public media.

Printed files include certificates (the holder's name), answer keys and every intermediate file
of a rendering; they are reached only through views that check who asks (the print-jobs API and
the holder's certificate endpoint), never at a guessable public address. The storage is the
``"private"`` alias of ``STORAGES``: a folder outside ``MEDIA_ROOT`` by default, a private bucket
in production.
"""

from pathlib import Path

from django.core.files.storage import FileSystemStorage, Storage, storages

PRIVATE_STORAGE = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk that have no address: nothing may link to them, only views read them."""

    def url(self, name: str | None) -> str:
        raise ValueError("Files in the private storage have no public address.")


def private_storage() -> Storage:
    return storages[PRIVATE_STORAGE]


def private_path(name: str) -> Path:
    """A local path for ``name`` in the private storage (WeasyPrint writes to files)."""
    return Path(private_storage().path(name))
