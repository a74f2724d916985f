from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Locale

from cms.core.locales import source_locale
from cms.translation.po import import_zip


class Command(BaseCommand):
    help = (
        "Import a zip of PO files into one locale as drafts of the translated pages. A file with "
        "a broken entry is reported and nothing from it is applied; the reviewers then publish."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("locale", help="Target language code, e.g. fr")
        parser.add_argument("zip", type=Path)

    def handle(self, *args: Any, locale: str, zip: Path, **options: Any) -> None:
        target = Locale.objects.filter(language_code=locale).first()
        if target is None:
            raise CommandError(f"Unknown locale “{locale}”.")
        if not zip.is_file():
            raise CommandError(f"No file {zip}.")
        report = import_zip(zip.read_bytes(), target, source_locale())
        for name in report.applied:
            self.stdout.write(f"applied  {name}")
        for name, problems in report.refused.items():
            self.stderr.write(self.style.ERROR(f"refused  {name} (nothing from it was applied):"))
            for problem in problems:
                self.stderr.write(f"         {problem}")
        if report.refused:
            raise CommandError(
                f"{len(report.refused)} file(s) refused, {len(report.applied)} applied."
            )
        self.stdout.write(self.style.SUCCESS(f"{len(report.applied)} file(s) applied as drafts."))
