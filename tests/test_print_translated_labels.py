"""A handout printed in a learner's language carries its labels in that language too: the
vocabulary table, the worksheet instructions, the cover facts and the answer key."""

import pytest

from cms.modules.printing import ModuleHandout
from cms.printing.documents import PrintOptions

from .factories import ModulePageFactory, TrainerFactory, every_block
from .print_helpers import flat, render, text

pytestmark = pytest.mark.django_db

ENGLISH_LABELS = ["What it means", "Tick one answer.", "Learning objectives", "Written by"]


def module():
    """A module with objectives, a trainer and every block type, translated into no language:
    the labels come from the interface's translations, not from the page."""
    trainer = TrainerFactory()
    return ModulePageFactory(
        body=every_block(),
        objectives=[("item", "To understand what teamwork is.")],
        partner=trainer.partner,
        trainers=[trainer],
    )


def test_a_french_handout_has_french_labels(tmp_path):
    reader = render(tmp_path, "module", [module().pk], locale="fr", answer_key=True)
    words = flat(text(reader))
    for label in [
        "Mot Ce que ça veut dire Exemple",
        "Cochez une seule réponse.",
        "Écrivez la bonne lettre après chaque numéro.",
        "Objectifs d'apprentissage",
        "Écrit par",
        "Corrigé",
        "Nom:",
    ]:
        assert label in words, label
    for label in ENGLISH_LABELS:
        assert label not in words, label


def test_an_arabic_handout_has_arabic_labels():
    # pypdf cannot give right-to-left text back in reading order: read the HTML WeasyPrint gets.
    html = ModuleHandout([module()], "ar", PrintOptions()).render_html()
    assert '<html lang="ar" dir="rtl">' in html
    for label in ["الكلمة", "معناها", "ضع علامة على إجابة واحدة.", "أهداف التعلّم", "من إعداد"]:
        assert label in html, label
    for label in ENGLISH_LABELS:
        assert label not in html, label
