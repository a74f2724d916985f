from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by the backup command into the configured database (which must "
        "be empty unless --force) and storages, after checking every checksum of its manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, help="The backup's folder.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what a non-empty database holds.",
        )

    def handle(self, *args: Any, source: Path, force: bool, **options: Any) -> None:
        try:
            summary = restore(source, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored {summary.folder}: ")
            + f"{summary.rows} rows in {summary.tables} tables match the manifest, "
            f"{summary.files} files written."
        )
