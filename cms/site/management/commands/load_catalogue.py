import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from cms.site.catalogue.loader import DEFAULT_DATA_DIR, load_catalogue
from cms.site.catalogue.source import CatalogueError


class Command(BaseCommand):
    help = (
        "Load the MigranTech catalogue (partners, curriculum, 40 e-modules, e-library, guide) from "
        "the YAML data files. Safe to re-run: unchanged entries are skipped and pages edited in "
        "the admin are kept unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
        parser.add_argument(
            "--force", action="store_true", help="Overwrite pages editors changed since loading."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(
        self, *args: Any, data_dir: Path, force: bool, no_progress: bool, **options: Any
    ) -> None:
        def progress(items: Iterable[Any], label: str, total: int) -> Iterable[Any]:
            if no_progress:
                return items
            if sys.stderr.isatty():
                return tqdm(
                    items, desc=f"{label:<20}", total=total, unit=" entries", file=sys.stderr
                )
            self.stderr.write(f"Loading {total} {label}…")
            return items

        try:
            report = load_catalogue(data_dir, force=force, progress=progress)
        except CatalogueError as error:
            count = len(error.problems)
            raise CommandError(
                f"The catalogue was not loaded ({count} problem{'s' * (count != 1)}; nothing "
                f"was changed):\n" + "\n".join(f"  {problem}" for problem in error.problems)
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        if report.kept:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept {len(report.kept)} item(s) changed in the admin since they were loaded "
                    "(use --force to overwrite): " + ", ".join(report.kept)
                )
            )
        self.stdout.write(self.style.SUCCESS("Catalogue loaded."))
