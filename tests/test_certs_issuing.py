"""Certificates are issued when learners complete modules, once each, and survive erasure."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.certs import issuing
from cms.certs.models import Certificate
from cms.certs.printing import CertificateDocument, join_names
from cms.certs.verification import Status, verify
from cms.learners.models import Attempt, Learner, ModuleCompletion
from cms.learners.signals import learner_erasing, module_completed, personal_data_requested
from cms.printing.documents import PrintOptions
from cms.printing.models import PrintJob

from .api_helpers import translate
from .certs_helpers import (
    built_category,
    certificate,
    complete,
    complete_category,
    complete_everything,
    learner,
    modules_of,
)
from .factories import (
    ModulePageFactory,
    PathwayPageFactory,
    evaluation,
    section,
)
from .learner_helpers import (  # noqa: F401 (fresh_throttles is an autouse fixture)
    fresh_throttles,
    pass_module,
    register,
)

pytestmark = pytest.mark.django_db
Type = Certificate.Type

TRUE_FALSE = {
    "type": "true_false",
    "id": "q-1",
    "value": {"prompt": "Plans change.", "answer": "true", "explanation": "They do.", "points": 1},
}


@pytest.fixture
def category():
    return built_category()


@pytest.fixture
def module(category):
    return modules_of(category)[0]


def test_completing_a_module_issues_a_type_1_certificate_for_it(module):
    amina = learner()
    complete(amina, module)

    issued = certificate(amina, Type.MODULE)
    assert issued.subject.pk == module.pk
    assert issued.title == "Using e-mail"
    assert issued.holder_name == "Amina Diallo"
    assert issued.locale == "en"
    assert [entry["module"] for entry in issued.snapshot] == [module.pk]
    assert issued.snapshot[0]["completed"] == "2026-03-02"
    assert verify(issued).status == Status.VALID
    assert len(issued.pk) == 22


def test_the_modules_of_a_category_add_a_category_certificate(category):
    amina = learner()
    digital_skills = category
    complete_category(amina, digital_skills)

    assert Certificate.objects.filter(learner=amina, type=Type.MODULE).count() == 3
    group = certificate(amina, Type.GROUP)
    assert group.subject.pk == digital_skills.pk
    assert group.title == "Digital skills"
    assert [entry["module"] for entry in group.snapshot] == [
        m.pk for m in modules_of(digital_skills)
    ]
    assert verify(group).status == Status.VALID


def test_every_module_completed_adds_the_course_completion_certificate(category):
    ModulePageFactory(title="Asking for help")  # in another category
    amina = learner()
    complete_everything(amina)

    assert Certificate.objects.filter(learner=amina, type=Type.MODULE).count() == 4
    everything = certificate(amina, Type.ALL_MODULES)
    assert everything.subject is None
    assert everything.title == "The 40 e-modules"
    assert len(everything.snapshot) == 4
    assert verify(everything).status == Status.VALID


def test_a_completion_announced_twice_issues_nothing_more(category):
    amina = learner()
    digital_skills = category
    complete_category(amina, digital_skills)
    last = amina.completions.order_by("-completed_at").first()
    module_completed.send(
        type(amina), learner=amina, completion=last, groups=[digital_skills], all_modules=False
    )
    assert Certificate.objects.filter(learner=amina).count() == 4


def test_certificates_are_in_the_learners_language(module, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate(module, "fr", prefix="[fr]")
    karim = learner("Karim Haddad", locale="fr")
    complete(karim, module)
    issued = certificate(karim, Type.MODULE)
    assert module.get_translation(Locale.objects.get(language_code="fr")).live
    assert issued.locale == "fr"
    assert issued.title == "[fr] Using e-mail"


def test_certificates_are_issued_and_their_pdf_queued_only_once_the_completion_commits(
    django_capture_on_commit_callbacks, module
):
    amina = learner()
    with django_capture_on_commit_callbacks(execute=False) as at_commit:
        completion = ModuleCompletion.objects.create(
            learner=amina, module=module, completed_at=timezone.now()
        )
        module_completed.send(Learner, learner=amina, completion=completion, groups=[])
    assert not Certificate.objects.filter(learner=amina).exists()
    (issue,) = at_commit
    with django_capture_on_commit_callbacks(execute=False) as after_issue:
        issue()
    issued = certificate(amina, Type.MODULE)
    assert issued.print_job.kind == "certificate"
    assert issued.print_job.targets == [issued.pk]
    assert issued.print_job.status == PrintJob.Status.QUEUED
    assert len(after_issue) == 1


def test_a_failure_in_issuing_never_loses_the_passed_attempt_and_the_sweep_issues_later(
    client, monkeypatch
):
    token = register(client)["token"]
    module = ModulePageFactory(body=[section(), evaluation([TRUE_FALSE])])

    def signing_fails(*args, **kwargs):
        raise RuntimeError("the signing key is unreadable")

    monkeypatch.setattr(issuing, "issue", signing_fails)
    result = pass_module(client, token, module)
    assert result["passed"] is True and result["module_completed"] is True
    (attempt,) = Attempt.objects.filter(module=module, passed=True)
    (completion,) = ModuleCompletion.objects.filter(module=module, learner=attempt.learner)
    assert not Certificate.objects.filter(learner=attempt.learner).exists()

    monkeypatch.undo()
    assert issuing.issue_missing() == 1
    issued = certificate(attempt.learner, Type.MODULE)
    assert issued.subject.pk == module.pk and issued.completed_at == completion.completed_at
    assert issuing.issue_missing() == 0


def test_erasure_removes_the_name_and_keeps_the_certificate(category):
    amina = learner()
    complete_category(amina, category)
    before = {c.pk: c for c in Certificate.objects.filter(learner=amina)}

    learner_erasing.send(type(amina), learner=amina)
    amina.delete()

    after = Certificate.objects.filter(pk__in=before)
    assert after.count() == 4
    for kept in after:
        was = before[kept.pk]
        assert kept.holder_name == "" and kept.erased_at is not None
        assert (kept.title, kept.type, kept.snapshot) == (was.title, was.type, was.snapshot)
        assert (kept.completed_at, kept.issued_at) == (was.completed_at, was.issued_at)
        assert kept.print_job is None
        assert verify(kept).status == Status.ERASED


def test_personal_data_export_lists_the_certificates(module):
    amina = learner()
    complete(amina, module)
    answers = dict(
        answer for _receiver, answer in personal_data_requested.send(type(amina), learner=amina)
    )
    [exported] = answers["certificates"]
    assert exported["holder_name"] == "Amina Diallo"
    assert exported["type"] == 1 and exported["status"] == "valid"
    assert exported["verification_url"].endswith(f"/certificates/{exported['id']}/")


def test_completing_an_intern_pathway_adds_its_certificate(category):
    amina = learner()
    modules = [ModulePageFactory(), *reversed(modules_of(category))]
    pathway = PathwayPageFactory(title="First steps to work", modules=modules)
    for day, module in enumerate(modules):
        complete(amina, module, groups=[pathway] if day == len(modules) - 1 else [], day=day)

    issued = certificate(amina, Type.GROUP)
    assert issued.subject.pk == pathway.pk and issued.title == "First steps to work"
    assert [entry["module"] for entry in issued.snapshot] == [module.pk for module in modules]
    document = CertificateDocument([issued], "en", PrintOptions())
    assert document.for_completing() == "For completing the 4 courses of the intern pathway"


@pytest.mark.parametrize(
    ("names", "printed"),
    [
        ([], ""),
        (["AMSED"], "AMSED"),
        (["AMSED", "AMSED", "Factor Social"], "AMSED & Factor Social"),
    ],
)
def test_lists_of_names_read_as_the_certificate_design_writes_them(names, printed):
    assert join_names(names) == printed
