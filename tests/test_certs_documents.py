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
from cms.modules.models import ModulePage
from cms.printing.documents import PrintOptions
from cms.printing.jobs import render_document
from cms.project.models import Partner

from .certs_helpers import (
    REAL_KEY,
    category,
    certificate,
    complete,
    complete_category,
    complete_everything,
    learner,
    modules_of,
)
from .print_helpers import alternate_texts, flat, text

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
Type = Certificate.Type
SIGNATORIES = [
    ("Djilali KABECHE", "FR", "France"),
    ("Etienne DEVOS", "BE", "Belgium"),
    ("Nuno MARQUES", "PT", "Portugal"),
    ("Figen SEYHAN", "TR", "Turkey"),
]
"""The certificate design's four signatories, with their partner's country."""
DISCLAIMER = "This certificate is not a diploma and does not confer credits."


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
    for person, code, country in SIGNATORIES:
        organisation = Partner.objects.get(country=code, locale__language_code="en").short_name
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
    module = ModulePage.objects.get(pk=issued.subject_id)
    recto, verso, annex = pages(render(tmp_path, issued))

    assert_recto(recto, issued, "COURSE COMPLETION CERTIFICATE")
    assert "is awarded to" in recto and "For completing the course" in recto
    assert "Duration: 3 hours" in recto and f"organisations: {module.partner.short_name}" in recto
    assert "Category: Digital skills" in verso
    assert flat(module.summary) in verso
    assert flat(module.objectives[0].value) in verso and flat(module.outcomes[0].value) in verso
    assert "Learning outcomes & acquired competences" in verso
    for trainer in module.trainers.all():
        assert trainer.name in verso
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
    assert "For completing the 6 courses of the category" in recto
    assert "Duration: 18 hours" in recto and "AMSED & Factor Social" in recto
    assert "6 e-modules" in verso
    for day, module in enumerate(modules_of(category()), start=2):
        assert flat(module.title) in verso and flat(module.summary) in verso
        assert f"Completed on March {day}, 2026" in verso


def test_the_all_modules_certificate_lists_the_forty(tmp_path):
    issued = issue("en", Type.ALL_MODULES)
    recto, verso, annex = pages(render(tmp_path, issued))
    assert_recto(recto, issued, "PATHWAY COMPLETION CERTIFICATE")
    assert "For completing the 40 e-modules" in recto and "Duration: 120 hours" in recto
    for partner in Partner.objects.filter(locale__language_code="en"):
        assert partner.short_name in recto
    for entry in issued.snapshot:
        assert flat(entry["title"]) in verso + annex
    assert verso.count("Completed on") == 40


@pytest.mark.parametrize("type", [Type.MODULE, Type.GROUP, Type.ALL_MODULES])
def test_certificates_in_french_print_the_french_titles(tmp_path, type):
    issued = issue("fr", type)
    recto, verso, _annex = pages(render(tmp_path, issued))
    assert issued.locale == "fr"
    assert_recto(recto, issued, "")
    for entry in issued.snapshot:
        assert flat(entry["title"]) in verso


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
