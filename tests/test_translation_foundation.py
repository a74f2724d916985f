"""A module holding every block type can be translated with wagtail-localize, end to end."""

import polib
import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.modules.models import ModulePage

from .factories import ModulePageFactory, every_block

pytestmark = pytest.mark.django_db

EVERY_BLOCK_TYPE = {
    "section",
    "image",
    "video",
    "audio",
    "vocabulary",
    "card_deck",
    "scenario_game",
    "case_study",
    "template_download",
    "further_resources",
    "self_evaluation",
    "evaluation",
}


def translate_to_french(page: ModulePage) -> ModulePage:
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        entry.msgstr = f"[fr] {entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=True)
    return page.get_translation(Locale.objects.get(language_code="fr"))


@pytest.fixture
def showcase() -> ModulePage:
    return ModulePageFactory(title="Teamwork", body=every_block())


def test_the_showcase_module_holds_every_block_type(showcase):
    assert {block.block_type for block in showcase.body} == EVERY_BLOCK_TYPE


def test_a_french_translation_of_every_block_type_keeps_structure_and_translates_text(
    django_capture_on_commit_callbacks, showcase
):
    source_page = showcase
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_to_french(source_page)
    french.refresh_from_db()

    assert french.live
    assert french.title == "[fr] Teamwork"
    blocks = {block.block_type: block.value for block in french.body}
    assert set(blocks) == EVERY_BLOCK_TYPE
    assert blocks["video"]["title"].startswith("[fr] ")
    assert blocks["image"]["alt_text"].startswith("[fr] ")
    assert (
        blocks["image"]["image"]
        == {b.block_type: b.value for b in source_page.body}["image"]["image"]
    )
    first_question = blocks["evaluation"]["questions"][0]
    assert first_question.value["prompt"].startswith("[fr] ")
    assert [o["correct"] for o in first_question.value["options"]] == [True, False, False]
    choices = blocks["scenario_game"]["steps"][0]["choices"]
    assert [c["score_change"] for c in choices] == [15, -10]
    assert blocks["further_resources"]["resources"][0]["url"].startswith("https://")
    assert french.partner_id == source_page.partner_id
    assert french.get_parent().locale.language_code == "fr"


def test_an_empty_optional_text_is_not_offered_for_translation(showcase):
    source, _ = TranslationSource.get_or_create_from_instance(showcase)
    contexts = list(source.stringsegment_set.values_list("context__path", flat=True))
    card_alt_texts = [path for path in contexts if path.endswith(".image_alt_text")]
    assert len(card_alt_texts) == 1, "only the one card with a picture has alt text to translate"
