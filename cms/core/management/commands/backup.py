from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's backup) and every stored file, from disk or "
        "the buckets, into a new folder with a manifest of checksums and row counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", type=Path, help="A new (or empty) folder.")

    def handle(self, *args: Any, destination: Path, **options: Any) -> None:
        try:
            summary = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Backed up into {summary.folder}: ")
            + f"{summary.rows} rows in {summary.tables} tables, {summary.files} files."
        )
