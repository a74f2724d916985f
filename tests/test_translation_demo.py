"""The demo catalogue speaks every locale where learners look first."""

import re

import pytest
import yaml
from django.conf import settings
from wagtail.models import Locale

from cms.core.catalogue.loader import DEFAULT_DATA_DIR
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.translation.report import module_statuses

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

TARGETS = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != "en"]
FULLY_TRANSLATED = "how-to-create-and-keep-a-schedule"
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


def demo(code: str) -> dict:
    return yaml.safe_load((DEFAULT_DATA_DIR / "translations" / f"{code}.yaml").read_text())


@pytest.mark.parametrize("code", TARGETS)
def test_names_titles_and_summaries_are_live_in_every_locale(code):
    locale = Locale.objects.get(language_code=code)
    data = demo(code)
    for model, key in ((CategoryPage, "categories"), (PathwayPage, "pathways")):
        for page in model.objects.filter(locale__language_code="en"):
            translated = page.get_translation(locale)
            assert translated.live and translated.alias_of_id is None
            assert translated.title == data[key][page.slug]["title"]
    for module in ModulePage.objects.filter(locale__language_code="en"):
        translated = module.get_translation(locale).specific
        assert translated.live
        if module.slug != FULLY_TRANSLATED:
            assert translated.summary == data["modules"][module.slug]["summary"].strip()


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_one_module_is_fully_translated_in_french_and_arabic(code):
    status = next(s for s in module_statuses() if s.page.slug == FULLY_TRANSLATED)
    assert status.locales[code].percent == 100
    assert status.locales[code].assets["questionnaire"] == "complete"
    translated = status.page.get_translation(Locale.objects.get(language_code=code)).specific
    body_text = " ".join(str(block.value) for block in translated.body)
    if code == "ar":
        assert ARABIC_SCRIPT.search(translated.title)
        assert len(ARABIC_SCRIPT.findall(body_text)) > 500
    assert status.page.title not in body_text
