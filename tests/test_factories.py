"""The factories build valid, published data on a database that is only migrated."""

import pytest

from cms.learners.questionnaires import evaluation_of
from cms.modules.models import ModulePage

from .factories import (
    CompetenceFactory,
    LearnerFactory,
    ModulePageFactory,
    PathwayPageFactory,
    TrainerFactory,
    evaluation,
    section,
)

pytestmark = pytest.mark.django_db

TRUE_FALSE = {
    "type": "true_false",
    "id": "q-1",
    "value": {"prompt": "Plans change.", "answer": "true", "explanation": "They do.", "points": 1},
}


def test_a_module_is_live_under_its_category_with_its_partner_and_blocks():
    trainer, competence = TrainerFactory(), CompetenceFactory()
    page = ModulePageFactory(
        body=[section("Plan", "<p>Write it down.</p>"), evaluation([TRUE_FALSE], pass_mark=50)],
        partner=trainer.partner,
        trainers=[trainer],
        competences=[competence],
    )
    stored = ModulePage.objects.live().get(pk=page.pk)
    assert stored.get_parent().specific.colour and stored.partner == trainer.partner
    assert list(stored.trainers.all()) == [trainer]
    assert stored.body[0].value["heading"] == "Plan"
    assert evaluation_of(stored)["questions"][0]["value"]["prompt"] == "Plans change."
    assert stored.full_url.startswith("http://localhost")


def test_two_modules_in_one_category_and_a_draft():
    first = ModulePageFactory()
    second = ModulePageFactory(parent=first.get_parent(), published=False)
    assert second.get_parent() == first.get_parent()
    draft = ModulePage.objects.get(pk=second.pk)
    assert not draft.live and draft.has_unpublished_changes
    assert list(ModulePage.objects.live().child_of(first.get_parent())) == [first]


def test_a_pathway_and_a_learner():
    assert PathwayPageFactory().get_parent().slug.startswith("curriculum-")
    assert LearnerFactory().display_name.startswith("Learner ")
