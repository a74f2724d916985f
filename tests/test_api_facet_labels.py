"""Facet labels come in the language asked, as translators wrote them in the PO files."""

import polib
import pytest
from django.conf import settings

from cms.library.api.queries import FACETS
from cms.library.facets import COST_CHOICES, OBJECTIVE_CHOICES, RESOURCE_TYPE_CHOICES

from .factories import GoodPracticePageFactory

pytestmark = pytest.mark.django_db

LOCALES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != "en"]


def catalogue(locale: str) -> dict[str, str]:
    path = settings.BASE_DIR / "locale" / locale / "LC_MESSAGES" / "django.po"
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_facet_label_is_the_translators_text(client, locale):
    # Between them, the practices use every type, objective and cost.
    for (kind, _), (objective, _), (cost, _) in zip(
        RESOURCE_TYPE_CHOICES, OBJECTIVE_CHOICES * 2, COST_CHOICES * 3, strict=False
    ):
        GoodPracticePageFactory(resource_type=kind, objectives=[objective], cost=cost)
    translated = catalogue(locale)
    english = {
        name: {choice["value"]: choice["label"] for choice in choices}
        for name, choices in client.get("/api/v1/library/good-practices/?locale=en")
        .json()["facets"]
        .items()
    }
    facets = client.get(f"/api/v1/library/good-practices/?locale={locale}").json()["facets"]
    assert set(facets) == {facet.parameter for facet in FACETS}
    assert len(facets["resource_type"]) == 8 and len(facets["objectives"]) == 5
    for name, choices in facets.items():
        for choice in choices:
            source = english[name][choice["value"]]
            assert source in translated, f"{source!r} has no {locale} translation"
            assert choice["label"] == translated[source], (name, choice["value"])
