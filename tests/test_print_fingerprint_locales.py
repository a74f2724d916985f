"""Each locale is its own PDF: a request in one language never reuses another's file, even for
documents whose pages are not translated into it (the e-library, a poster, the guide)."""

import pytest
from django.conf import settings

from cms.printing.documents import PrintOptions, document_class
from cms.printing.fingerprint import content_fingerprint

from .factories import (
    GoodPracticePageFactory,
    InfographicPageFactory,
    LearningGuidePageFactory,
    ModulePageFactory,
)

pytestmark = pytest.mark.django_db

LOCALES = [code for code, _name in settings.LANGUAGES]
BUILD = {
    "library": lambda: GoodPracticePageFactory().get_parent(),
    "poster": InfographicPageFactory,
    "guide": LearningGuidePageFactory,
    "module": ModulePageFactory,
}


@pytest.mark.parametrize("kind", ["library", "poster", "guide", "module"])
def test_every_locale_has_its_own_fingerprint(kind):
    """Nothing is translated: only the locale differs between the eight requests."""
    document_type = document_class(kind)
    target = BUILD[kind]()
    if kind != "module":
        assert [page.pk for page in document_type.default_targets()] == [target.pk]
    fingerprints = {
        content_fingerprint(document_type([target], locale, PrintOptions())) for locale in LOCALES
    }
    assert len(LOCALES) == 8 and len(fingerprints) == 8
