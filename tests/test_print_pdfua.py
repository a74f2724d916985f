"""PDF/UA on every page of every kind of document, certificates included, in English and Arabic.

Two oracles we did not write: the PyPI ``pdfua`` checker (the machine-checkable subset of
PDF/UA-1 it implements: see docs/printing.md), and the PDF itself read with pikepdf: every page
is reached from the structure tree, and every structure element has a language.
"""

import pikepdf
import pytest
from pdfua import Severity, validate

from cms.certs.models import Certificate

from .certs_helpers import complete, complete_category, learner
from .factories import (
    CategoryPageFactory,
    CompetenceFactory,
    GoodPracticePageFactory,
    InfographicPageFactory,
    LearningGuidePageFactory,
    ModulePageFactory,
    PathwayPageFactory,
    ProjectPageFactory,
    TrainerFactory,
    every_block,
)
from .print_helpers import document_targets, module, render_to_file, structure_elements

pytestmark = pytest.mark.django_db

KINDS = ("module", "category", "pathway", "selection", "library", "poster", "guide")


@pytest.fixture(autouse=True)
def documents():
    """What each kind of document prints (see ``document_targets``): Teamwork 1, with every
    block type and a trainer, and a second module in its category, a pathway, a good practice,
    an infographic, the guide, and the project page and a competence for certificates' annex."""
    trainer = TrainerFactory()
    soft_skills = CategoryPageFactory(title="Soft skills")
    teamwork = ModulePageFactory(
        parent=soft_skills,
        slug="teamwork-1",
        title="Teamwork 1",
        body=every_block(),
        partner=trainer.partner,
        trainers=[trainer],
        objectives=[("item", "To understand what teamwork is.")],
        outcomes=[("item", "You can name three things a good team member does.")],
    )
    schedule = ModulePageFactory(parent=soft_skills, slug="how-to-create-and-keep-a-schedule")
    PathwayPageFactory(parent=soft_skills.get_parent(), modules=[schedule, teamwork])
    GoodPracticePageFactory()
    InfographicPageFactory()
    LearningGuidePageFactory()
    ProjectPageFactory()
    CompetenceFactory()
    return soft_skills


def certificate(locale: str, kind: Certificate.Type, category) -> Certificate:
    holder = learner("Amina Diallo", locale)
    if kind == Certificate.Type.MODULE:
        complete(holder, module("teamwork-1"))
    else:
        complete_category(holder, category)
    return Certificate.objects.get(learner=holder, type=kind)


def errors(path) -> list[str]:
    report = validate(str(path))
    return [
        f"{finding.rule_id} page {finding.location.page}: {finding.message}"
        for finding in report.findings
        if finding.severity >= Severity.ERROR
    ]


def check(path) -> None:
    assert errors(path) == []
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        reached, unnamed = set(), []
        for element, lang in structure_elements(pdf):
            page = element.get("/Pg")
            if page is not None and page.objgen in pages:
                reached.add(pages[page.objgen])
            if not lang:
                unnamed.append(str(element.S))
        assert sorted(set(pages.values()) - reached) == [], "pages outside the structure tree"
        assert unnamed == [], "structure elements with no language"
        assert "pdfuaid:part" in str(pdf.open_metadata())


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_document_passes_the_pdfua_checker(tmp_path, kind, locale):
    check(render_to_file(tmp_path, kind, document_targets(kind), locale))


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("kind", [Certificate.Type.MODULE, Certificate.Type.GROUP])
def test_certificates_are_tagged_on_every_page(tmp_path, kind, locale, documents):
    """Recto, verso (appended for a module certificate) and annex: all in the tags."""
    issued = certificate(locale, kind, documents)
    path = render_to_file(tmp_path, "certificate", [issued.pk], locale)
    check(path)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) > 3
        parts = [
            element
            for element, _lang in structure_elements(pdf)
            if element.S == "/Part" and element.get("/Lang") == locale
        ]
        assert len(parts) == (2 if kind == Certificate.Type.MODULE else 1)
        titles = [item.title for item in pdf.open_outline().root]
        assert len(titles) >= 2, "the annex's bookmarks are kept"


def test_table_header_cells_have_a_scope_and_layouts_are_not_tables(tmp_path):
    path = render_to_file(tmp_path, "module", [module("teamwork-1").pk], "ar")
    with pikepdf.open(path) as pdf:
        elements = [element for element, _lang in structure_elements(pdf)]
        headers = [element for element in elements if element.S == "/TH"]
        scopes = {str(header.A.Scope) for header in headers}
        assert headers and scopes == {"/Row", "/Column"}  # facts by row, vocabulary by column
        for table in (element for element in elements if element.S == "/Table"):
            cells = [kid for kid, _lang in structure_elements(pdf, table)]
            assert any(cell.S == "/TH" for cell in cells), "a table without header cells"
