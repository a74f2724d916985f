"""Each locale is its own PDF: a request in one language never reuses another's file, even for
documents whose pages are not translated into it (the e-library, a poster, the guide)."""

import pytest
from django.conf import settings

from cms.modules.models import ModulePage
from cms.printing.documents import PrintOptions, document_class
from cms.printing.fingerprint import content_fingerprint

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

LOCALES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("kind", ["library", "poster", "guide", "module"])
def test_every_locale_has_its_own_fingerprint(kind):
    document_type = document_class(kind)
    targets = document_type.default_targets()
    if kind == "module":
        targets = [ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")]
    fingerprints = {
        content_fingerprint(document_type(targets, locale, PrintOptions())) for locale in LOCALES
    }
    assert len(LOCALES) == 8 and len(fingerprints) == len(LOCALES)
