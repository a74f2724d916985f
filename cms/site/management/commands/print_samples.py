"""Print one document of each kind and save its first pages as PNG images (for docs/print/).

Right-to-left and long-label languages have their own samples: an Arabic handout fully translated
and one whose body is still English, a Ukrainian pack, a Persian certificate (recto and verso).
"""

import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Page

from cms.certs.samples import sample_certificate
from cms.guide.models import InfographicPage
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.printing.documents import PrintOptions
from cms.printing.jobs import render_document

FIRST_PAGES = 2
RESOLUTION = 50


def _source(model: type[Page], **lookup: Any) -> Any:
    return model.objects.live().filter(locale__language_code="en", **lookup).order_by("path")[0]


def samples() -> list[tuple[str, str, list[int], str, PrintOptions]]:
    """(name, kind, page ids, locale, options) of every sample."""
    handout = _source(ModulePage, slug="teamwork-1").pk
    translated = _source(ModulePage, slug="how-to-create-and-keep-a-schedule").pk
    return [
        ("module-handout-en", "module", [handout], "en", PrintOptions()),
        ("module-handout-ar", "module", [translated], "ar", PrintOptions()),
        ("module-handout-ar-mixed", "module", [handout], "ar", PrintOptions()),
        ("module-handout-fr", "module", [translated], "fr", PrintOptions(paper="Letter")),
        (
            "category-pack",
            "category",
            [_source(CategoryPage, slug="soft-skills").pk],
            "en",
            PrintOptions(),
        ),
        (
            "category-pack-uk",
            "category",
            [_source(CategoryPage, slug="digital-skills").pk],
            "uk",
            PrintOptions(),
        ),
        ("pathway-pack", "pathway", [_source(PathwayPage).pk], "en", PrintOptions()),
        ("e-library-catalogue", "library", [], "en", PrintOptions()),
        ("learning-guide", "guide", [], "en", PrintOptions()),
        ("poster", "poster", [_source(InfographicPage).pk], "en", PrintOptions()),
    ]


class Command(BaseCommand):
    help = "Print a sample of every document kind and save the first pages as PNG images."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--keep-pdf", action="store_true")

    def handle(self, *args: Any, folder: Path, keep_pdf: bool, **options: Any) -> None:
        pdftoppm = shutil.which("pdftoppm")
        if not pdftoppm:
            raise CommandError("pdftoppm is missing: run bin/bootstrap (poppler-utils).")
        folder.mkdir(parents=True, exist_ok=True)
        for name, kind, ids, locale, print_options in samples():
            self.sample(pdftoppm, folder, name, kind, ids, locale, print_options, keep_pdf)
        teamwork = _source(ModulePage, slug="teamwork-1")
        with sample_certificate("fa", teamwork) as certificate:
            self.sample(
                pdftoppm,
                folder,
                "certificate-fa",
                "certificate",
                [certificate.pk],
                "fa",
                PrintOptions(),
                keep_pdf,
            )

    def sample(
        self,
        pdftoppm: str,
        folder: Path,
        name: str,
        kind: str,
        ids: list[Any],
        locale: str,
        print_options: PrintOptions,
        keep_pdf: bool,
    ) -> None:
        pdf = folder / f"{name}.pdf"
        rendered = render_document(kind, ids, locale, print_options, pdf)
        pages = ["-l", str(FIRST_PAGES), "-r", str(RESOLUTION)]
        subprocess.run([pdftoppm, "-png", *pages, pdf, folder / name], check=True)  # noqa: S603
        if not keep_pdf:
            pdf.unlink()
        self.stdout.write(f"{name}: {rendered.page_count} pages")
