"""Which parts of a served page are translated, for pages translated wholly, partly or not at all.

The same marks checked on every Arabic translation of the demo catalogue are in
``test_translation_demo``.
"""

import pytest
from wagtail.models import Locale

from cms.core.translated_parts import PartState, parts_of
from cms.modules.models import ModulePage
from cms.translation.segments import translate_segments

from .api_helpers import translate
from .factories import GoodPracticePageFactory, ModulePageFactory, every_block

pytestmark = pytest.mark.django_db

WHOLE_PO_MODULE = "how-to-create-and-keep-a-schedule"
TITLE_ONLY = "how-to-create-your-own-business"


@pytest.fixture(autouse=True)
def modules(django_capture_on_commit_callbacks):
    """Two modules with every block type, objectives and outcomes: one wholly translated into
    Arabic, one with only its title and summary translated."""
    fields = {
        "body": every_block(),
        "objectives": [("item", "To plan your week."), ("item", "To keep your appointments.")],
        "outcomes": [("item", "You can keep a schedule.")],
    }
    whole = ModulePageFactory(slug=WHOLE_PO_MODULE, **fields)
    fields["body"] = every_block()
    partly = ModulePageFactory(slug=TITLE_ONLY, **fields)
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        translate(whole, "ar", prefix="عربي")
        translate_segments(partly, arabic, {"title": "كيف تنشئ عملك", "summary": "ملخص الوحدة."})


def english(slug: str) -> ModulePage:
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def test_a_module_with_only_title_and_summary_translated():
    translated = english(TITLE_ONLY).get_translation(Locale.objects.get(language_code="ar"))
    marks = parts_of(translated, "ar")
    assert marks.state("title") is PartState.TRANSLATED
    assert marks.state("summary") is PartState.TRANSLATED
    assert marks.locale_of("summary") == "ar"
    assert marks.untranslated_fields() == {"body": "en", "objectives": "en", "outcomes": "en"}
    assert {marks.block_locale(item["id"]) for item in translated.body.raw_data} == {"en"}
    assert 0 < marks.completeness < 20


def test_a_module_translated_from_a_whole_po_file_is_wholly_arabic():
    translated = english(WHOLE_PO_MODULE).get_translation(Locale.objects.get(language_code="ar"))
    marks = parts_of(translated, "ar")
    assert marks.completeness == 100
    assert marks.untranslated_fields() == {}
    assert {marks.block_locale(item["id"]) for item in translated.body.raw_data} == {"ar"}


def test_the_source_served_as_a_fallback_is_all_english():
    source = GoodPracticePageFactory()
    assert source.get_translation_or_none(Locale.objects.get(language_code="uk")) is None
    marks = parts_of(source, "uk")
    assert marks.completeness == 0
    assert marks.state("title") is PartState.SOURCE
    assert marks.locale_of("title") == "en"
    assert marks.block_locale("any-block-id") == "en"


def test_english_served_in_english_is_complete():
    marks = parts_of(english(WHOLE_PO_MODULE), "en")
    assert marks.completeness == 100
    assert marks.untranslated_fields() == {}
    assert marks.locale_of("body") == "en"


def test_a_translation_counts_only_once_published():
    source = english(TITLE_ONLY)
    arabic = Locale.objects.get(language_code="ar")
    objective = source.objectives.raw_data[0]["id"]
    translate_segments(source, arabic, {f"objectives.{objective}": "هدف"}, publish=False)
    translated = source.get_translation(arabic)
    assert parts_of(translated, "ar").state("objectives") is PartState.SOURCE

    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    marks = parts_of(translated, "ar")
    assert marks.state(f"objectives.{objective}") is PartState.TRANSLATED
    assert marks.state("objectives") is PartState.PARTIAL
    assert marks.locale_of("objectives") == "en"


def test_the_api_marks_every_block_and_field_not_in_the_served_language(client):
    partly = english(TITLE_ONLY)
    response = client.get(f"/api/v1/modules/{partly.pk}/?locale=ar")
    item = response.json()
    assert response["Content-Language"] == "ar"
    assert (item["locale"], item["fallback"]) == ("ar", False)
    assert 0 < item["completeness"] < 20
    assert item["field_locales"] == {"objectives": "en", "outcomes": "en", "body": "en"}
    assert {block["locale"] for block in item["body"]} == {"en"}

    whole = client.get(f"/api/v1/modules/{english(WHOLE_PO_MODULE).pk}/?locale=ar").json()
    assert (whole["completeness"], whole["field_locales"]) == (100, {})
    assert {block["locale"] for block in whole["body"]} == {"ar"}


def test_content_language_is_the_language_served_even_from_the_cache(client):
    source = GoodPracticePageFactory()
    for _ in range(2):  # built, then from the cache
        response = client.get(f"/api/v1/library/good-practices/{source.pk}/?locale=uk")
        item = response.json()
        assert (item["locale"], item["fallback"], item["completeness"]) == ("en", True, 0)
        assert response["Content-Language"] == "en"
    again = client.get(
        f"/api/v1/library/good-practices/{source.pk}/?locale=uk",
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304
    assert again["Content-Language"] == "en"
    assert "Content-Type" not in again
