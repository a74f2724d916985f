"""The certificates' annex (what the project is), printed once per locale and content version.

Every certificate in a locale carries the same annex pages, so they are rendered once into
``print/annex/<key>.pdf`` and appended to each certificate by the print pipeline. The key covers
everything the annex shows: the published revisions of the project page and of the modules (in
English and in the locale), the competences and partners as they stand, and the layout's
version; any change prints a new annex. Two workers printing the same annex at once is harmless
(each file is written whole, then renamed).
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page, TranslatableMixin

from cms.core.locales import (
    direction_of,
    localize,
    localize_snippets,
    source_locale,
    source_locale_code,
)
from cms.modules.models import ModulePage
from cms.printing.fingerprint import cache_key
from cms.printing.pdf import write_pdf
from cms.printing.storage import printed_copy, private_copy, private_output
from cms.project.models import Competence, Partner, ProjectPage

from . import texts

SIGNATORY_COUNTRIES = ("FR", "BE", "PT", "TR")
NEUTRAL_COLOUR = "#1d4e89"


def localized_snippets(model: type[TranslatableMixin], locale: str, **filters: Any) -> list:
    """Source-locale snippets in ``locale`` where translated, else as written."""
    served = localize_snippets(model, locale)
    sources = model.objects.filter(locale__language_code=source_locale_code(), **filters)
    return [served[source.pk].item for source in sources]


def _sources() -> tuple[ProjectPage | None, list[ModulePage]]:
    project = ProjectPage.objects.live().filter(locale=source_locale()).first()
    modules = list(ModulePage.objects.live().filter(locale=source_locale()).order_by("path"))
    return project, modules


def annex_key(locale: str) -> str:
    project, modules = _sources()
    keys = [page.translation_key for page in [project, *modules] if page is not None]
    revisions = sorted(
        Page.objects.filter(
            translation_key__in=keys,
            live=True,
            locale__language_code__in={settings.LANGUAGE_CODE, locale},
        ).values_list("id", "live_revision_id", "alias_of_id")
    )
    snippets = [
        list(
            model.objects.filter(locale__language_code__in={settings.LANGUAGE_CODE, locale})
            .order_by("pk")
            .values_list(*fields)
        )
        for model, fields in (
            (Competence, ("pk", "name", "description", "kind")),
            (Partner, ("pk", "name", "country", "website", "description")),
        )
    ]
    return cache_key("annex", locale, revisions, snippets)[:32]


def annex_context(locale: str) -> dict[str, Any]:
    project, modules = _sources()
    partners = sorted(
        localized_snippets(Partner, locale),
        key=lambda partner: SIGNATORY_COUNTRIES.index(partner.country),
    )
    return {
        "project": localize([project], locale)[0] if project else None,
        "competences": localized_snippets(Competence, locale, kind=Competence.Kind.TRANSVERSAL),
        "modules": localize(modules, locale),
        "partners": [(partner, texts.COUNTRY_NAMES[partner.country]) for partner in partners],
    }


def annex_pdf(locale: str) -> Path:
    """The annex in ``locale``, printed now if this version was never printed."""
    name = f"print/annex/{annex_key(locale)}-{locale}.pdf"
    path = private_copy(name)
    if path is None:
        with translation.override(locale):
            html = render_to_string(
                "certs/print/annex_document.html",
                {
                    "locale": locale,
                    "direction": direction_of(locale),
                    "colour": NEUTRAL_COLOUR,
                    "annex": annex_context(locale),
                    "reference": texts.PROJECT_REFERENCE
                    % {"reference": "2020-1-FR01-KA204-080342"},
                    "texts": texts,
                },
            )
        with private_output(name) as destination:
            write_pdf(html, destination, expected_pages=8)
        path = printed_copy(name)
    return path
