"""Certificates on paper: every field of the recto and verso, the annex, the QR code.

Arabic is checked on page images (WeasyPrint's Arabic text layer is unreliable).
"""

import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import formats
from PIL import Image
from pypdf import PdfReader

from cms.certs import offline_verify
from cms.certs.models import Certificate
from cms.modules.models import CategoryPage
from cms.printing.documents import PrintOptions
from cms.printing.jobs import render_document

from .api_helpers import translate
from .certs_helpers import (
    REAL_KEY,
    certificate,
    complete,
    complete_category,
    complete_everything,
    learner,
    modules_of,
)
from .factories import (
    CategoryPageFactory,
    CompetenceFactory,
    ModulePageFactory,
    PartnerFactory,
    ProjectPageFactory,
    TrainerFactory,
)
from .print_helpers import alternate_texts, flat, text

pytestmark = pytest.mark.django_db
Type = Certificate.Type
SIGNATORIES = [
    ("Djilali KABECHE", "AMSED", "France"),
    ("Etienne DEVOS", "Familles du Monde", "Belgium"),
    ("Nuno MARQUES", "Factor Social", "Portugal"),
    ("Figen SEYHAN", "Anatolia Youth", "Turkey"),
]
"""The certificate design's four signatories, with their organisation and its country."""
DISCLAIMER = "This certificate is not a diploma and does not confer credits."
MODULES = [
    ("Using e-mail", "AMSED", "Write and answer an e-mail to an employer."),
    ("Searching the web", "Factor Social", "Find a job offer with a search engine."),
    ("Staying safe online", "AMSED", "Keep your passwords and your data safe."),
]


@pytest.fixture(autouse=True)
def digital_skills():
    """The four partners who sign, the project page, a transversal competence, and Digital
    skills: three modules of 3 hours by AMSED and Factor Social, each with a trainer."""
    partners = {
        organisation: PartnerFactory(short_name=organisation, country=code, signatory_name=person)
        for (person, organisation, _country), code in zip(
            SIGNATORIES, ["FR", "BE", "PT", "TR"], strict=True
        )
    }
    # Long enough for the annex to take more than one page.
    long_text = "<p>The European Commission funds, under Erasmus+ Key Action 2, partnerships.</p>"
    long_text += "".join(f"<p>Paragraph {n} about the programme.</p>" for n in range(40))
    ProjectPageFactory(programme_explanation=long_text)
    CompetenceFactory(name="Communication")
    digital = CategoryPageFactory(title="Digital skills")
    for title, partner, summary in MODULES:
        ModulePageFactory(
            parent=digital,
            title=title,
            summary=summary,
            partner=partners[partner],
            trainers=[TrainerFactory(partner=partners[partner], name=f"Trainer of {title}")],
            duration_hours=3,
            objectives=[("item", f"To learn: {title.lower()}.")],
            outcomes=[("item", f"You can do it: {title.lower()}.")],
        )


def category() -> CategoryPage:
    return CategoryPage.objects.get(title="Digital skills")


def render(tmp_path: Path, issued: Certificate) -> Path:
    destination = tmp_path / f"certificate-{issued.type}-{issued.locale}.pdf"
    render_document("certificate", [issued.pk], issued.locale, PrintOptions(), destination)
    return destination


def pages(path: Path) -> tuple[str, str, str]:
    """Recto, verso and annex text, each with its white space flattened."""
    reader = PdfReader(path)
    texts = [flat(page.extract_text()) for page in reader.pages]
    return texts[0], texts[1], " ".join(texts[2:])


def assert_recto(recto: str, issued: Certificate, heading: str) -> None:
    for field in [
        formats.date_format(issued.completed_at, "DATE_FORMAT") if issued.locale == "en" else "",
        heading,
        "Amina Diallo",
        issued.title,
        "2020-1-FR01-KA204-080342",
        "migrantech.org",
        DISCLAIMER if issued.locale == "en" else "",
    ]:
        assert field in recto, field
    for person, organisation, country in SIGNATORIES:
        assert person in recto and organisation in recto, person
        if issued.locale == "en":
            assert country in recto


def issue(locale: str, type: int) -> Certificate:
    amina = learner(locale=locale)
    if type == Type.MODULE:
        complete(amina, modules_of(category())[0])
    elif type == Type.GROUP:
        complete_category(amina, category())
    else:
        complete_everything(amina)
    return certificate(amina, type)


def test_a_module_certificate_in_english(tmp_path):
    issued = issue("en", Type.MODULE)
    recto, verso, annex = pages(render(tmp_path, issued))

    assert_recto(recto, issued, "COURSE COMPLETION CERTIFICATE")
    assert "is awarded to" in recto and "For completing the course" in recto
    assert "Duration: 3 hours" in recto and "organisations: AMSED" in recto
    assert "Category: Digital skills" in verso
    assert "Write and answer an e-mail to an employer." in verso
    assert "To learn: using e-mail." in verso and "You can do it: using e-mail." in verso
    assert "Learning outcomes & acquired competences" in verso
    assert "Trainer of Using e-mail" in verso
    assert "About the MigranTech project" in annex and "Key Action 2" in annex
    assert "The transversal competences" in annex and "The partners" in annex
    assert "European Commission" in annex


def test_the_annex_is_numbered_on_its_own(tmp_path):
    """Its footer counts the annex's own pages ("Annex 1/2", "Annex 2/2"), never "8 / 1"."""
    reader = PdfReader(render(tmp_path, issue("en", Type.MODULE)))
    annex = [flat(page.extract_text()) for page in reader.pages[2:]]
    assert len(annex) >= 2
    for number, page in enumerate(annex, start=1):
        assert f"Annex {number}/{len(annex)}" in page, page[-80:]


def test_a_category_certificate_lists_its_modules_with_their_dates(tmp_path):
    issued = issue("en", Type.GROUP)
    recto, verso, _annex = pages(render(tmp_path, issued))
    assert_recto(recto, issued, "COURSE COMPLETION CERTIFICATE")
    assert "For completing the 3 courses of the category" in recto
    assert "Duration: 9 hours" in recto and "AMSED & Factor Social" in recto
    assert "3 e-modules" in verso
    for day, (title, _partner, summary) in enumerate(MODULES, start=2):
        assert title in verso and summary in verso
        assert f"Completed on March {day}, 2026" in verso


def test_the_all_modules_certificate_lists_every_module(tmp_path):
    issued = issue("en", Type.ALL_MODULES)
    recto, verso, annex = pages(render(tmp_path, issued))
    assert_recto(recto, issued, "PATHWAY COMPLETION CERTIFICATE")
    assert "For completing the 40 e-modules" in recto and "Duration: 9 hours" in recto
    for _person, organisation, _country in SIGNATORIES:
        assert organisation in recto
    for title, _partner, _summary in MODULES:
        assert title in verso + annex
    assert verso.count("Completed on") == 3


@pytest.mark.parametrize("type", [Type.MODULE, Type.GROUP, Type.ALL_MODULES])
def test_certificates_in_french_print_the_french_titles(
    tmp_path, type, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for module in modules_of(category()):
            translate(module, "fr", prefix="[fr]")
    issued = issue("fr", type)
    recto, verso, _annex = pages(render(tmp_path, issued))
    assert issued.locale == "fr"
    assert_recto(recto, issued, "")
    shown = [flat(entry["title"]) for entry in issued.snapshot]
    assert shown == [f"[fr] {title}" for title, _partner, _summary in MODULES][: len(shown)]
    for title in shown:
        assert title in verso


def test_the_qr_code_holds_the_signed_claim(tmp_path, capsys, settings):
    # Offline verification calls a claim of the published development key "not real".
    settings.CERTIFICATE_SIGNING_KEY = REAL_KEY
    issued = issue("en", Type.MODULE)
    reader = PdfReader(render(tmp_path, issued))
    [encoded] = [alt.removeprefix("QR code: ") for alt in alternate_texts(reader) if "#" in alt]
    pem = tmp_path / "key.pem"
    pem.write_text(Client().get("/api/v1/certificates/keys/").json()["keys"][0]["pem"])
    assert offline_verify.main([encoded, "--public-key", str(pem)]) == 0
    assert issued.title in capsys.readouterr().out
    assert "Check this certificate" in text(reader)


def ink_by_half(path: Path, tmp_path: Path) -> tuple[int, int]:
    """Dark pixels in the left and right halves of the recto's bottom band (QR and disclaimer)."""
    prefix = tmp_path / "recto"
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", "1", path, prefix])
    image = Image.open(next(tmp_path.glob("recto*.png"))).convert("L")
    width, height = image.size
    band = image.crop((0, int(height * 0.72), width, int(height * 0.95)))
    dark = [x for x in range(band.width) for y in range(band.height) if band.getpixel((x, y)) < 100]
    middle = band.width // 2
    return sum(1 for x in dark if x < middle), sum(1 for x in dark if x >= middle)


def test_an_arabic_certificate_is_laid_out_right_to_left(tmp_path):
    arabic = issue("ar", Type.MODULE)
    english = issue("en", Type.MODULE)
    arabic_left, arabic_right = ink_by_half(render(tmp_path / "ar", arabic), tmp_path / "ar")
    english_left, english_right = ink_by_half(render(tmp_path / "en", english), tmp_path / "en")
    # The QR code, the densest ink, follows the reading direction: at the end of the line.
    assert english_right > english_left
    assert arabic_left > arabic_right
    assert len(PdfReader(tmp_path / "ar" / "certificate-1-ar.pdf").pages) > 2  # with its annex


def test_learners_of_one_module_share_its_verso_until_the_module_changes(tmp_path):
    module = modules_of(category())[0]
    first = issue("en", Type.MODULE)
    complete(learner(name="Omar Haddad"), module)
    second = Certificate.objects.get(learner__display_name="Omar Haddad", type=Type.MODULE)
    first_recto, first_verso, _annex = pages(render(tmp_path / "first", first))
    second_recto, second_verso, _annex = pages(render(tmp_path / "second", second))
    assert "Amina Diallo" in first_recto and "Omar Haddad" in second_recto
    assert second_verso == first_verso and "Omar Haddad" not in second_verso

    module.summary = "A summary rewritten after the first certificates were printed."
    module.save_revision().publish()
    complete(learner(name="Lena Petrova"), module)
    third = Certificate.objects.get(learner__display_name="Lena Petrova", type=Type.MODULE)
    _recto, third_verso, _annex = pages(render(tmp_path / "third", third))
    assert module.summary in third_verso and flat(module.summary) not in first_verso
