"""The demo catalogue speaks every locale where learners look first."""

import json
import re

import pytest
import yaml
from django.conf import settings
from wagtail.models import Locale

from cms.core.translated_parts import PartState, translated_parts
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.site.catalogue.loader import DEFAULT_DATA_DIR
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


# Which parts of the demo's Arabic translations are marked as translated, checked against the
# text each page really shows: a part said to be in English holds the English page's value.


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


def test_the_same_queries_for_one_page_as_for_forty(django_assert_num_queries):
    pages = [translated for _source, translated in arabic_modules()]
    with django_assert_num_queries(4):
        translated_parts(pages[:1], "ar")
    with django_assert_num_queries(4):
        translated_parts(pages, "ar")
