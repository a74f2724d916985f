"""Certificates are issued when learners complete modules, once each, and survive erasure."""

import pytest
from wagtail.models import Locale

from cms.certs.models import Certificate
from cms.certs.printing import CertificateDocument, join_names
from cms.certs.verification import Status, verify
from cms.learners.signals import learner_erasing, module_completed, personal_data_requested
from cms.modules.models import PathwayPage
from cms.printing.documents import PrintOptions
from cms.printing.models import PrintJob

from .certs_helpers import (
    all_modules,
    category,
    certificate,
    complete,
    complete_category,
    complete_everything,
    learner,
    modules_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
Type = Certificate.Type


def test_completing_a_module_issues_a_type_1_certificate_for_it():
    amina = learner()
    module = modules_of(category())[0]
    complete(amina, module)

    issued = certificate(amina, Type.MODULE)
    assert issued.subject.pk == module.pk
    assert issued.title == module.title
    assert issued.holder_name == "Amina Diallo"
    assert issued.locale == "en"
    assert [entry["module"] for entry in issued.snapshot] == [module.pk]
    assert issued.snapshot[0]["completed"] == "2026-03-02"
    assert verify(issued).status == Status.VALID
    assert len(issued.pk) == 22


def test_the_six_digital_skills_modules_add_a_category_certificate():
    amina = learner()
    digital_skills = category("digital-skills")
    assert len(modules_of(digital_skills)) == 6
    complete_category(amina, digital_skills)

    assert Certificate.objects.filter(learner=amina, type=Type.MODULE).count() == 6
    group = certificate(amina, Type.GROUP)
    assert group.subject.pk == digital_skills.pk
    assert group.title == "Digital skills"
    assert [entry["module"] for entry in group.snapshot] == [
        m.pk for m in modules_of(digital_skills)
    ]
    assert verify(group).status == Status.VALID


def test_all_forty_modules_add_the_pathway_completion_certificate():
    amina = learner()
    complete_everything(amina)

    assert Certificate.objects.filter(learner=amina, type=Type.MODULE).count() == 40
    everything = certificate(amina, Type.ALL_MODULES)
    assert everything.subject is None
    assert everything.title == "The 40 e-modules"
    assert len(everything.snapshot) == 40 == len(all_modules())
    assert verify(everything).status == Status.VALID


def test_a_completion_announced_twice_issues_nothing_more():
    amina = learner()
    digital_skills = category()
    complete_category(amina, digital_skills)
    last = amina.completions.order_by("-completed_at").first()
    module_completed.send(
        type(amina), learner=amina, completion=last, groups=[digital_skills], all_modules=False
    )
    assert Certificate.objects.filter(learner=amina).count() == 7


def test_certificates_are_in_the_learners_language():
    karim = learner("Karim Haddad", locale="fr")
    module = modules_of(category())[0]
    complete(karim, module)
    issued = certificate(karim, Type.MODULE)
    french = module.get_translation(Locale.objects.get(language_code="fr"))
    assert issued.locale == "fr"
    assert issued.title == french.title != module.title


def test_issuing_queues_the_pdf_once_the_completion_is_committed(
    django_capture_on_commit_callbacks,
):
    amina = learner()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        complete(amina, modules_of(category())[0])
    issued = certificate(amina, Type.MODULE)
    assert issued.print_job.kind == "certificate"
    assert issued.print_job.targets == [issued.pk]
    assert issued.print_job.status == PrintJob.Status.QUEUED
    assert len(callbacks) == 1


def test_erasure_removes_the_name_and_keeps_the_certificate():
    amina = learner()
    complete_category(amina, category())
    before = {c.pk: c for c in Certificate.objects.filter(learner=amina)}

    learner_erasing.send(type(amina), learner=amina)
    amina.delete()

    after = Certificate.objects.filter(pk__in=before)
    assert after.count() == 7
    for kept in after:
        was = before[kept.pk]
        assert kept.holder_name == "" and kept.erased_at is not None
        assert (kept.title, kept.type, kept.snapshot) == (was.title, was.type, was.snapshot)
        assert (kept.completed_at, kept.issued_at) == (was.completed_at, was.issued_at)
        assert kept.print_job is None
        assert verify(kept).status == Status.ERASED


def test_personal_data_export_lists_the_certificates():
    amina = learner()
    complete(amina, modules_of(category())[0])
    answers = dict(
        answer for _receiver, answer in personal_data_requested.send(type(amina), learner=amina)
    )
    [exported] = answers["certificates"]
    assert exported["holder_name"] == "Amina Diallo"
    assert exported["type"] == 1 and exported["status"] == "valid"
    assert exported["verification_url"].endswith(f"/certificates/{exported['id']}/")


def test_completing_an_intern_pathway_adds_its_certificate():
    amina = learner()
    pathway = PathwayPage.objects.get(slug="first-steps-to-work", locale__language_code="en")
    modules = [link.module for link in pathway.pathway_modules.all()]
    for day, module in enumerate(modules):
        complete(amina, module, groups=[pathway] if day == len(modules) - 1 else [], day=day)

    issued = certificate(amina, Type.GROUP)
    assert issued.subject.pk == pathway.pk and issued.title == "First steps to work"
    assert [entry["module"] for entry in issued.snapshot] == [module.pk for module in modules]
    document = CertificateDocument([issued], "en", PrintOptions())
    expected = f"For completing the {len(modules)} courses of the intern pathway"
    assert document.for_completing() == expected


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
