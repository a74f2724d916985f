"""The admin's translation report: every translatable page × the target languages.

Titles are in the reader's admin language where translated; each cell links to that page's
translation editor; ``?locale=`` narrows to one language and ``?needs_work=1`` to the pages
that still need a translator or a reviewer there.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.core.admin_languages import content_language
from cms.core.locales import target_locales

from .report import page_statuses, summarise
from .status import LocaleStatus, PageStatus


@dataclass
class Cell:
    locale: Locale
    status: LocaleStatus
    edit_url: str

    @property
    def state(self) -> str:
        """One state per cell, worst first: a translation out of date is never shown as done."""
        if not self.status.translated:
            return "none"
        if self.status.out_of_date:
            return "out-of-date"
        if self.status.percent < 100:
            return "partial"
        if self.status.awaiting_review:
            return "review"
        return "done"

    @property
    def needs_work(self) -> bool:
        return self.state != "done"


@dataclass
class Row:
    page: Page
    title: str
    cells: list[Cell]


def _rows(statuses: list[PageStatus], locales: list[Locale], language: str) -> list[Row]:
    keys = [status.page.translation_key for status in statuses]
    translated = {
        (key, locale_id): (pk, title)
        for key, locale_id, pk, title in Page.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id", "pk", "title"
        )
    }
    reader = Locale.objects.filter(language_code=language).first()
    rows = []
    for status in statuses:
        key = status.page.translation_key
        cells = []
        for locale in locales:
            pk, _title = translated.get((key, locale.pk), (None, ""))
            url = reverse("wagtailadmin_pages:edit", args=[pk]) if pk else ""
            cells.append(Cell(locale, status.locales[locale.language_code], url))
        title = translated.get((key, reader.pk), (None, status.page.title))[1] if reader else ""
        rows.append(Row(status.page, title or status.page.title, cells))
    return rows


def report_view(request: HttpRequest) -> HttpResponse:
    every_locale = target_locales()
    asked = request.GET.get("locale", "")
    locales = [locale for locale in every_locale if locale.language_code == asked] or every_locale
    needs_work = request.GET.get("needs_work") == "1"
    statuses = page_statuses(locales)
    rows = _rows(statuses, locales, content_language())
    if needs_work:
        rows = [row for row in rows if any(cell.needs_work for cell in row.cells)]
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return TemplateResponse(
        request,
        "translation/report.html",
        {
            "every_locale": [
                (loc.language_code, names.get(loc.language_code)) for loc in every_locale
            ],
            "locales": locales,
            "names": names,
            "asked": asked if len(locales) == 1 else "",
            "needs_work": needs_work,
            "summary": [
                (names.get(row.locale, row.locale), row)
                for row in summarise(
                    [s for s in statuses if s.page.specific_class.__name__ == "ModulePage"], locales
                )
            ],
            "rows": rows,
        },
    )
