"""The e-library on paper: the catalogue of good practices, one sheet per practice.

The sheets are also attached to module packs on request: a good practice is related to a module
when the module's "To go further" links point to the practice's website (same host). Editors
thus control the relation through the links they write; no extra field to keep in step.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page

from cms.printing.documents import PrintableDocument, register, source_locale
from cms.printing.locales import Localized

from .models import GoodPracticePage, LibraryIndexPage


@dataclass
class PrintedPractice:
    practice: Localized

    @property
    def page(self) -> GoodPracticePage:
        return self.practice.page

    @property
    def anchor(self) -> str:
        return f"practice-{self.practice.source.pk}"

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def lang(self) -> str:
        return self.practice.lang

    @property
    def direction(self) -> str:
        return self.practice.direction

    def lang_of(self, part: str) -> str:
        return self.practice.lang_of(part)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def practices_linked_from(urls: Iterable[str]) -> list[GoodPracticePage]:
    """Published good practices whose website is on the host of one of ``urls``, in that order."""
    hosts = list(dict.fromkeys(filter(None, map(_host, urls))))
    if not hosts:
        return []
    by_host: dict[str, GoodPracticePage] = {}
    for practice in _live_practices().exclude(website=""):
        by_host.setdefault(_host(practice.website), practice)
    return [by_host[host] for host in hosts if host in by_host]


def _live_practices() -> Any:
    return GoodPracticePage.objects.live().filter(locale=source_locale()).order_by("path")


@register
class LibraryCatalogue(PrintableDocument):
    kind = "library"
    label = gettext_lazy("E-library catalogue")
    template_name = "library/print/catalogue.html"
    target_model = LibraryIndexPage
    needs_targets = False

    def practices(self) -> list[GoodPracticePage]:
        return list(_live_practices().descendant_of(self.targets[0]))

    def pages_involved(self) -> list[Page]:
        return [*self.targets, *self.practices()]

    def expected_pages(self) -> int:
        return 3 * len(self.practices()) + 3

    def title(self) -> str:
        return self.localize(self.targets)[0].page.title

    def get_context(self) -> dict[str, Any]:
        (library,) = self.localize(self.targets)
        printed = [PrintedPractice(item) for item in self.localize(self.practices())]
        count = len(printed)
        return {
            "cover": {
                "title": library.page.title,
                "kicker": _("E-library"),
                "description": library.page.introduction,
                "lang": library.lang_of("title"),
                "direction": library.dir_of("title"),
                "description_lang": library.lang_of("introduction"),
                "description_direction": library.dir_of("introduction"),
                "facts": [
                    (_("Good practices"), ngettext("%d practice", "%d practices", count) % count)
                ],
            },
            "contents": printed,
            "practices": printed,
        }
