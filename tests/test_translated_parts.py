"""Which parts of a served page are translated: checked against the text the page really shows.

The oracle is the stored content itself: a block or field said to be in the source language must
hold exactly the English page's value, one said to be translated must not.
"""

import json

import pytest
from wagtail.models import Locale

from cms.core.translated_parts import PartState, parts_of, translated_parts
from cms.library.models import GoodPracticePage
from cms.modules.models import ModulePage
from cms.translation.segments import translate_segments

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

WHOLE_PO_MODULE = "how-to-create-and-keep-a-schedule"  # catalogue/translations/ar/*.po


def english(slug: str) -> ModulePage:
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def arabic_modules() -> list[tuple[ModulePage, ModulePage]]:
    pairs = []
    for source in ModulePage.objects.filter(locale__language_code="en"):
        translated = source.get_translation_or_none(Locale.objects.get(language_code="ar"))
        if translated is not None and translated.live:
            pairs.append((source, translated))
    return pairs


def blocks_by_id(page: ModulePage) -> dict[str, str]:
    return {item["id"]: json.dumps(item["value"]) for item in page.body.raw_data}


def test_every_part_said_in_english_shows_the_english_text_and_no_other():
    pairs = arabic_modules()
    assert len(pairs) == 40
    parts = translated_parts([translated for _source, translated in pairs], "ar")
    seen = set()
    for (source, translated), marks in zip(pairs, parts, strict=True):
        for name in ("title", "summary"):
            same = getattr(source, name) == getattr(translated, name)
            assert (marks.state(name) is PartState.SOURCE) == same, (source.slug, name)
            seen.add(marks.state(name))
        english_blocks = blocks_by_id(source)
        for block_id, value in blocks_by_id(translated).items():
            state = marks.block(block_id)
            seen.add(state)
            if state is PartState.SOURCE:
                assert value == english_blocks[block_id], (source.slug, block_id)
            elif state is PartState.TRANSLATED and marks.has_text(f"body.{block_id}"):
                assert value != english_blocks[block_id], (source.slug, block_id)
    assert {PartState.SOURCE, PartState.TRANSLATED} <= seen


def test_a_module_with_only_title_and_summary_translated():
    translated = english("how-to-create-your-own-business").get_translation(
        Locale.objects.get(language_code="ar")
    )
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
    source = GoodPracticePage.objects.filter(locale__language_code="en").first()
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
    source = english("how-to-create-your-own-business")
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


def test_the_same_queries_for_one_page_as_for_forty(django_assert_num_queries):
    pages = [translated for _source, translated in arabic_modules()]
    with django_assert_num_queries(4):
        translated_parts(pages[:1], "ar")
    with django_assert_num_queries(4):
        translated_parts(pages, "ar")


def test_the_api_marks_every_block_and_field_not_in_the_served_language(client):
    partly = english("how-to-create-your-own-business")
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
    source = GoodPracticePage.objects.filter(locale__language_code="en").first()
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
