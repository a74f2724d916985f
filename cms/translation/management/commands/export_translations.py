from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Locale

from cms.translation.po import export_zip
from cms.translation.selection import UnknownSelection, source_pages


class Command(BaseCommand):
    help = (
        "Export PO files (one per page, zipped) for a category, a pathway or the whole catalogue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("locale", help="Target language code, e.g. fr")
        parser.add_argument("selection", help="all | category:<slug> | pathway:<slug>")
        parser.add_argument(
            "--output", "-o", type=Path, help="Zip file (default: <locale>-<selection>.zip)"
        )

    def handle(
        self, *args: Any, locale: str, selection: str, output: Path | None, **options: Any
    ) -> None:
        target = Locale.objects.filter(language_code=locale).first()
        if target is None:
            raise CommandError(f"Unknown locale “{locale}”.")
        try:
            pages = source_pages(selection)
        except UnknownSelection as error:
            raise CommandError(str(error)) from None
        output = output or Path(f"{locale}-{selection.replace(':', '-')}.zip")
        output.write_bytes(export_zip(pages, target))
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(pages)} PO file(s) to {output}"))
