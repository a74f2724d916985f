"""The translation report: modules × locales, shared by the admin, the API and the command."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Page

from cms.core.locales import target_locales
from cms.modules.models import ModulePage

from .status import PageStatus, translation_status


@dataclass
class LocaleSummary:
    locale: str
    average_percent: int
    out_of_date: int
    awaiting_review: int


def module_statuses(
    locales: list[Locale] | None = None, live_only: bool = False
) -> list[PageStatus]:
    """Every source module's status (drafts too, for the admin), or the published ones only."""
    modules = ModulePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if live_only:
        modules = modules.live()
    return translation_status(modules.order_by("path").specific(), locales)


def page_statuses(locales: list[Locale] | None = None) -> list[PageStatus]:
    """Every translatable page of the source tree (curriculum, e-library, tools, infographics,
    guide, project), in tree order."""
    from cms.core.pages import ContentPage

    pages = (
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=2)
        .order_by("path")
        .specific()
    )
    return translation_status([p for p in pages if isinstance(p, ContentPage)], locales)


def summarise(
    statuses: list[PageStatus], locales: list[Locale] | None = None
) -> list[LocaleSummary]:
    summaries = []
    for locale in locales if locales is not None else target_locales():
        rows = [status.locales[locale.language_code] for status in statuses]
        summaries.append(
            LocaleSummary(
                locale=locale.language_code,
                average_percent=round(sum(r.percent for r in rows) / len(rows)) if rows else 0,
                out_of_date=sum(r.out_of_date for r in rows),
                awaiting_review=sum(r.awaiting_review for r in rows),
            )
        )
    return summaries
