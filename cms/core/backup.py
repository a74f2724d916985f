"""Backups that restore: the database and every stored file in one folder, with a manifest.

A backup is a folder::

    manifest.json          what is inside: checksums, row counts, versions, when
    database.dump          PostgreSQL's custom format (pg_dump -Fc), or database.sqlite3
    files/default/...      the media storage (images, renditions, documents)
    files/private/...      the private storage (printed packs, certificates, answer keys)

Files are read and written through Django's storages, so the same commands work whether they
live in local folders or in the buckets (``cms.core.object_storage``). A backup is written under
a temporary name and renamed once whole; a restore checks every checksum before it changes
anything, refuses a database that already holds tables unless forced, restores PostgreSQL in one
transaction, and compares every table's row count with the manifest at the end.
"""

import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
STORAGE_ALIASES = ("default", "private")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something an operator must fix; the message says which file and what is wrong."""


@dataclass(frozen=True)
class Summary:
    folder: Path
    tables: int
    rows: int
    files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _pg_environment() -> dict[str, str]:
    """libpq's variables for the configured database (no password on a command line)."""
    settings = connection.settings_dict
    values = {
        "PGDATABASE": settings["NAME"],
        "PGHOST": settings.get("HOST") or "",
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": settings.get("USER") or "",
        "PGPASSWORD": settings.get("PASSWORD") or "",
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command: list[str]) -> str:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} was not found: install PostgreSQL's client programs "
            "(Debian's postgresql-client, as bin/bootstrap does)."
        )
    # The programs are ours (pg_dump, pg_restore) and the arguments are paths and a database name.
    result = subprocess.run(  # noqa: S603
        command, env=_pg_environment(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def row_counts() -> dict[str, int]:
    """Rows in every table of the installed models (and their many-to-many tables)."""
    tables: set[str] = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(tables & existing):
            # Table names come from the models, quoted by the database backend.
            query = f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608
            cursor.execute(query)
            counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """The names of the files ``storage`` holds below ``folder``, in order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        if _is_plain_file(storage, f"{folder}{name}"):
            yield f"{folder}{name}"
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}{sub}/")


def _is_plain_file(storage: Storage, name: str) -> bool:
    """On local disk, only regular files count: reading a named pipe would block the backup for
    good, and a symbolic link could copy a file from anywhere on the machine into it."""
    try:
        path = Path(storage.path(name))
    except NotImplementedError:  # object storage: objects only
        return True
    return not path.is_symlink() and path.is_file()


def _copy_out(storage: Storage, name: str, target: Path) -> dict[str, Any]:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with storage.open(name, "rb") as source, target.open("wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"name": name, "bytes": size, "sha256": digest.hexdigest()}


def _safe_name(name: str) -> str:
    parts = Path(name).parts
    if Path(name).is_absolute() or ".." in parts or not parts:
        raise BackupError(f"{MANIFEST}: the file name {name!r} leaves its folder.")
    return name


def backup(destination: Path) -> Summary:
    """Write a backup of the database and every stored file into the new folder ``destination``."""
    destination = destination.resolve()
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination}: already exists and is not empty; choose a new folder.")
    engine = _engine()
    partial = destination.with_name(destination.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    try:
        versions = {
            "python": platform.python_version(),
            "django": version("django"),
            "wagtail": version("wagtail"),
        }
        if engine == "postgresql":
            dump = partial / "database.dump"
            versions["pg_dump"] = _run(["pg_dump", "--version"]).strip()
            _run(["pg_dump", "-Fc", "--no-owner", "--no-privileges", "-f", str(dump)])
        else:
            dump = partial / "database.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        counts = row_counts()
        # The files after the database: every file the dump names was stored before it was named
        # (an upload, a finished print), so it is in the backup. A file deleted while the backup
        # runs (a superseded rendition or cached part) is left out.
        files: dict[str, list[dict[str, Any]]] = {}
        for alias in STORAGE_ALIASES:
            storage = storages[alias]
            files[alias] = []
            for name in stored_files(storage):
                copy = partial / "files" / alias / name
                try:
                    files[alias].append(_copy_out(storage, name, copy))
                except FileNotFoundError:
                    copy.unlink(missing_ok=True)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": {
                "engine": engine,
                "file": dump.name,
                "bytes": dump.stat().st_size,
                "sha256": _sha256(dump),
                "rows": counts,
                "migrations": _applied_migrations(),
            },
            "files": files,
            "versions": versions,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        if destination.exists():
            destination.rmdir()
        partial.rename(destination)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Summary(
        destination,
        len(counts),
        sum(counts.values()),
        sum(len(entries) for entries in files.values()),
    )


def read_manifest(source: Path) -> dict[str, Any]:
    """The backup's manifest, once every file it lists is there with its checksum."""
    path = source / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(f"{path}: missing; is {source} a backup folder?") from None
    except (ValueError, OSError) as error:
        raise BackupError(f"{path}: unreadable ({error}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: format {manifest.get('format')!r}, expected {FORMAT}.")
    database = manifest["database"]
    expected = [(source / database["file"], database["sha256"], database["bytes"])]
    for alias, entries in manifest["files"].items():
        if alias not in STORAGE_ALIASES:
            raise BackupError(f"{path}: unknown storage {alias!r}.")
        for entry in entries:
            name = _safe_name(entry["name"])
            expected.append((source / "files" / alias / name, entry["sha256"], entry["bytes"]))
    for file, checksum, size in expected:
        if not file.is_file():
            raise BackupError(f"{file}: listed in the manifest but missing.")
        if file.stat().st_size != size or _sha256(file) != checksum:
            raise BackupError(f"{file}: its content does not match the manifest's checksum.")
    return manifest


def _check_migrations(manifest: dict[str, Any]) -> None:
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = sorted(set(manifest["database"]["migrations"]) - known)
    if unknown:
        raise BackupError(
            "The backup was made by a newer version of the site (migrations this code lacks: "
            f"{', '.join(unknown[:5])}{'…' if len(unknown) > 5 else ''}); restore it with that "
            "version."
        )


def _restore_database(source: Path, manifest: dict[str, Any], force: bool) -> None:
    engine = _engine()
    database = manifest["database"]
    if database["engine"] != engine:
        raise BackupError(
            f"{source / MANIFEST}: a {database['engine']} backup cannot go into {engine}."
        )
    if connection.introspection.table_names() and not force:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} already holds tables; restore into "
            "a new, empty database, or add --force to replace what it holds."
        )
    dump = source / database["file"]
    if engine == "postgresql":
        connection.close()
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        command += ["--single-transaction", "-d", connection.settings_dict["NAME"]]
        if force:
            command += ["--clean", "--if-exists"]
        _run([*command, str(dump)])
    else:
        connection.close()
        name = Path(connection.settings_dict["NAME"])
        incoming = name.with_name(name.name + ".restoring")
        shutil.copyfile(dump, incoming)
        for suffix in ("-wal", "-shm"):
            name.with_name(name.name + suffix).unlink(missing_ok=True)
        os.replace(incoming, name)


def _restore_files(source: Path, manifest: dict[str, Any]) -> int:
    restored = 0
    for alias, entries in manifest["files"].items():
        storage = storages[alias]
        for entry in entries:
            name = entry["name"]
            path = source / "files" / alias / name
            if storage.exists(name):
                with storage.open(name, "rb") as current:
                    digest = hashlib.sha256()
                    while chunk := current.read(CHUNK):
                        digest.update(chunk)
                if digest.hexdigest() == entry["sha256"]:
                    continue
                storage.delete(name)
            with path.open("rb") as stream:
                stored = storage.save(name, File(stream, name=name))
            if stored != name:
                raise BackupError(f"{alias} storage: {name} was stored as {stored}.")
            restored += 1
    return restored


def restore(source: Path, force: bool = False) -> Summary:
    """Put the backup in ``source`` back into the configured database and storages."""
    source = source.resolve()
    manifest = read_manifest(source)
    _check_migrations(manifest)
    _restore_database(source, manifest, force)
    counts = row_counts()
    expected = manifest["database"]["rows"]
    differ = {table: (rows, counts.get(table)) for table, rows in expected.items()}
    differ = {table: pair for table, pair in differ.items() if pair[0] != pair[1]}
    if differ:
        listed = ", ".join(f"{table} {had}≠{now}" for table, (had, now) in list(differ.items())[:5])
        raise BackupError(f"The restored database does not match the manifest's rows: {listed}.")
    files = _restore_files(source, manifest)
    return Summary(source, len(counts), sum(counts.values()), files)
