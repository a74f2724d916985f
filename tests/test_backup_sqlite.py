"""The demo's embedded database backs up and restores too: SQLite's own backup, then a copy."""

import json
import os
import sqlite3
import subprocess
from pathlib import Path

from django.core.files.storage import FileSystemStorage

from cms.core.backup import stored_files

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str, database: Path, media: Path, private: Path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key != "REDIS_URL"
    } | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
    }
    return subprocess.run(
        [*command], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )


def rows(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        # The table names come from the database itself.
        count = 'SELECT COUNT(*) FROM "{}"'
        return {table: db.execute(count.format(table)).fetchone()[0] for table in tables}


def test_a_sqlite_site_backs_up_and_restores_into_a_new_file_and_folders(tmp_path):
    site = {"media": tmp_path / "media", "private": tmp_path / "private"}
    database = tmp_path / "site.sqlite3"
    migrated = run(".venv/bin/python", "manage.py", "migrate", "-v0", database=database, **site)
    assert migrated.returncode == 0, migrated.stderr
    (site["media"] / "images").mkdir(parents=True)
    (site["media"] / "images" / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    (site["private"] / "print").mkdir(parents=True)
    (site["private"] / "print" / "job.pdf").write_bytes(b"%PDF-1.7 a certificate")

    backup = tmp_path / "backup"
    made = run("bin/backup", str(backup), database=database, **site)
    assert made.returncode == 0, made.stderr
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == "sqlite"
    assert [entry["name"] for entry in manifest["files"]["private"]] == ["print/job.pdf"]

    restored_db = tmp_path / "restored.sqlite3"
    elsewhere = {"media": tmp_path / "media-2", "private": tmp_path / "private-2"}
    restored = run("bin/restore", str(backup), database=restored_db, **elsewhere)
    assert restored.returncode == 0, restored.stderr
    assert rows(restored_db) == rows(database)
    assert (elsewhere["media"] / "images" / "photo.jpg").read_bytes() == b"\xff\xd8 a photo"
    assert (elsewhere["private"] / "print" / "job.pdf").read_bytes().startswith(b"%PDF")

    again = run("bin/restore", str(backup), database=restored_db, **elsewhere)
    assert again.returncode != 0 and "already holds tables" in again.stderr


def test_a_backup_reads_plain_files_only(tmp_path):
    """A named pipe would block it for good; a link would copy a file from elsewhere."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "picture.png").write_bytes(b"png")
    os.mkfifo(tmp_path / "images" / "pipe.png")
    (tmp_path / "passwd.png").symlink_to("/etc/passwd")
    assert list(stored_files(FileSystemStorage(location=tmp_path))) == ["images/picture.png"]
