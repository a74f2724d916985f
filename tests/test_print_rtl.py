"""Every locale prints in its language; Arabic and Dari right to left with joined letters;
Turkish with every letter; left-to-right runs and English left untranslated read intact.

WeasyPrint's text layer for Arabic script is wrong even when the page looks right (upstream
#2841), so right-to-left *Arabic* output is checked on page images rendered by pdftoppm. The
left-to-right runs inside it (the project reference, short links, English text) are read back by
poppler's pdftotext, which orders what it reads by where the glyphs are on the page: a run laid
out in the wrong direction reads out of order.
"""

import html
import re
import subprocess

import pikepdf
import pytest
from django.conf import settings
from django.utils.html import strip_tags
from PIL import Image
from pypdf import PdfReader
from wagtail.models import Locale

from cms.certs.models import Certificate
from cms.printing.documents import PrintOptions, document_class
from cms.translation.segments import translate_segments

from .certs_helpers import complete, learner
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
    section,
)
from .print_helpers import (
    assert_in_order,
    document_targets,
    flat,
    fonts,
    module,
    pdftotext,
    render,
    render_to_file,
    structure_elements,
    text,
)

pytestmark = pytest.mark.django_db

ZWNJ = "\u200c"
"""Zero-width non-joiner: between two Arabic letters it stops them joining."""

TITLES = {"ar": "العمل الجماعي في المطبخ", "fa": "کار گروهی در آشپزخانه"}
SCHEDULE_TITLES = {
    "en": "How to create and keep a schedule",
    "fr": "Créer et tenir un emploi du temps",
    "nl": "Een planning maken en volhouden",
    "pt": "Criar e manter um horário",
    "tr": "Bir program oluşturmak ve ona uymak",
    "ar": "كيف تضع جدولاً زمنياً وتلتزم به",
    "fa": "چگونه برنامه بسازیم و به آن پایبند بمانیم",
    "uk": "Як скласти розклад і дотримуватися його",
}
OPENING = (
    "<p><strong>Teamwork</strong> means working with other people to reach a "
    "<strong>common goal</strong>. Most jobs need teamwork.</p>"
)
"""Teamwork 1's first paragraph: its short last line ("… jobs need teamwork.") shows where an
English line starts in an Arabic handout."""


@pytest.fixture(autouse=True)
def documents():
    """What each kind of document prints (see ``document_targets``): Teamwork 1, with every
    block type after its opening paragraph, a schedule module, a pathway, a good practice, an
    infographic, the guide, and the project page and a competence for certificates' annex."""
    trainer = TrainerFactory()
    soft_skills = CategoryPageFactory(title="Soft skills")
    teamwork = ModulePageFactory(
        parent=soft_skills,
        slug="teamwork-1",
        title="Teamwork 1",
        body=[section("What you will learn", OPENING), *every_block()],
        partner=trainer.partner,
        trainers=[trainer],
        objectives=[("item", "To understand what teamwork is.")],
        outcomes=[("item", "You can name three things a good team member does.")],
    )
    schedule = ModulePageFactory(
        parent=soft_skills,
        slug="how-to-create-and-keep-a-schedule",
        title=SCHEDULE_TITLES["en"],
    )
    PathwayPageFactory(parent=soft_skills.get_parent(), modules=[schedule, teamwork])
    GoodPracticePageFactory()
    InfographicPageFactory()
    LearningGuidePageFactory()
    ProjectPageFactory()
    CompetenceFactory()


def translate_title(locale_code: str, title: str):
    """Publish ``teamwork-1`` in ``locale_code`` with ``title``; return the source page."""
    source = module("teamwork-1")
    locale = Locale.objects.get(language_code=locale_code)
    page = source.get_translation_or_none(locale) or source.copy_for_translation(
        locale, copy_parents=True
    )
    page = page.specific
    page.title = title
    page.alias_of = None
    page.save_revision().publish()
    return source


def first_page_image(reader_path, tmp_path) -> Image.Image:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-gray", "-png", "-f", "1", "-l", "1", reader_path, prefix],
        check=True,
    )
    return Image.open(next(tmp_path.glob("page*.png"))).convert("L")


def title_ink(image: Image.Image) -> tuple[int, int]:
    """Leftmost and rightmost column of the white title lettering in the cover's colour band.

    The band also holds the category's name in smaller letters (in English while the category
    is untranslated, so at the left): the title is the tallest line of white ink. The page's
    outermost columns are left out: the colour band stops a pixel short of the edge.
    """
    width, height = image.size
    band = image.crop((0, int(height * 0.05), width, int(height * 0.16)))
    inner = range(2, width - 2)
    rows = [y for y in range(band.height) if any(band.getpixel((x, y)) > 200 for x in inner)]
    lines: list[list[int]] = []
    for y in rows:
        if lines and y == lines[-1][-1] + 1:
            lines[-1].append(y)
        else:
            lines.append([y])
    title = max(lines, key=len)
    columns = [x for x in range(width) if any(band.getpixel((x, y)) > 200 for y in title[::2])]
    return min(columns), max(columns)


def render_handout(tmp_path, locale_code):
    path = render_to_file(tmp_path, "module", [module("teamwork-1").pk], locale_code)
    return PdfReader(path), path


@pytest.mark.parametrize("locale_code", ["ar", "fa"])
def test_the_title_is_laid_out_right_to_left(tmp_path, locale_code):
    translate_title(locale_code, TITLES[locale_code])
    reader, path = render_handout(tmp_path, locale_code)
    image = first_page_image(path, tmp_path)
    left, right = title_ink(image)
    width = image.width
    assert right > width * 0.85, "the title does not reach the right margin"
    assert left > width * 0.35, "the title starts at the left: laid out left to right"
    assert reader.trailer["/Root"]["/Lang"] == locale_code
    assert all(name.startswith(("Noto-Sans", "Noto-Naskh-Arabic")) for name in fonts(reader))


def test_english_titles_still_start_at_the_left(tmp_path):
    _reader, path = render_handout(tmp_path, "en")
    image = first_page_image(path, tmp_path)
    left, _right = title_ink(image)
    assert left < image.width * 0.15


def test_arabic_letters_are_joined(tmp_path):
    """Joined (shaped) Arabic is narrower than the same letters kept apart by ZWNJ."""
    title = TITLES["ar"]
    translate_title("ar", title)
    _reader, joined_path = render_handout(tmp_path / "joined", "ar")
    translate_title("ar", ZWNJ.join(title))
    _reader, apart_path = render_handout(tmp_path / "apart", "ar")
    joined = title_ink(first_page_image(joined_path, tmp_path / "joined"))
    apart = title_ink(first_page_image(apart_path, tmp_path / "apart"))
    assert (joined[1] - joined[0]) < 0.85 * (apart[1] - apart[0])


def test_turkish_letters_survive_in_the_text(tmp_path):
    title = "Takım çalışması: İşbirliği, güçlü ve öğretici"
    translate_title("tr", title)
    reader, _path = render_handout(tmp_path, "tr")
    assert title in text(reader)
    assert reader.trailer["/Root"]["/Lang"] == "tr"


@pytest.mark.parametrize("locale_code", [code for code, _name in settings.LANGUAGES])
def test_every_locale_prints_in_its_language_with_the_project_fonts(tmp_path, locale_code):
    source = module("how-to-create-and-keep-a-schedule")
    if locale_code != "en":
        locale = Locale.objects.get(language_code=locale_code)
        translate_segments(source, locale, {"title": SCHEDULE_TITLES[locale_code]})
    reader = render(tmp_path, "module", [source.pk], locale_code)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == locale_code
    assert reader.metadata.title == SCHEDULE_TITLES[locale_code]
    used = fonts(reader)
    assert used and all(used.values())
    assert all(name.startswith(("Noto-Sans", "Noto-Naskh-Arabic")) for name in used), used


REFERENCE = "2020-1-FR01-KA204-080342"
KINDS = ("module", "category", "pathway", "selection", "library", "poster", "guide")
WITH_COVER = {"category", "pathway", "selection", "library", "guide"}
"""The documents that open with a cover, where the project reference is printed."""


def first_sentence(markup: str) -> str:
    words = flat(html.unescape(strip_tags(markup)))
    return words[: words.index(". ") + 1] if ". " in words else words


def english_left_in(document) -> str:
    """A sentence nobody has translated, printed in English in the document."""
    context = document.get_context()
    if "modules" in context:
        body = context["modules"][0].page.body
        return first_sentence(
            next(b for b in body if b.block_type == "section").value["body"].source
        )
    if "practices" in context:
        return flat(context["practices"][0].page.strengths[0].value)
    if "chapters" in context:
        return first_sentence(context["chapters"][0].sections[0]["body"].source)
    return first_sentence(context["infographic"].page.introduction)


def printed_links(markup: str) -> list[str]:
    return re.findall(r'class="address"><bdi[^>]*>([^<]+)</bdi>', markup)


@pytest.mark.parametrize("locale_code", ["ar", "fa"])
@pytest.mark.parametrize("kind", KINDS)
def test_left_to_right_runs_and_english_read_intact_and_in_order(tmp_path, kind, locale_code):
    """The reference on the cover, then every short link in the order printed, and an English
    sentence after the cover: each whole and readable."""
    ids = document_targets(kind)
    document_type = document_class(kind)
    document = document_type(document_type.resolve_targets(ids), locale_code, PrintOptions())
    markup = document.render_html()
    cover = [REFERENCE] if kind in WITH_COVER else []
    printed = pdftotext(render_to_file(tmp_path, kind, ids, locale_code))
    assert_in_order(printed, [*cover, *printed_links(markup)])
    assert_in_order(printed, [*cover, english_left_in(document)])


@pytest.mark.parametrize("locale_code", ["ar", "fa"])
def test_a_certificate_reads_its_reference_link_and_english_intact(tmp_path, locale_code):
    teamwork = module("teamwork-1")
    holder = learner("Amina Diallo", locale_code)
    complete(holder, teamwork)
    certificate = Certificate.objects.get(learner=holder)
    document = document_class("certificate")([certificate], locale_code, PrintOptions())
    link = document.get_context()["short_address"]
    outcome = "You can name three things a good team member does."
    printed = pdftotext(render_to_file(tmp_path, "certificate", [certificate.pk], locale_code))
    # Recto: reference, then the link under the QR code; verso: reference, then the outcomes.
    assert_in_order(printed, [REFERENCE, link, REFERENCE, outcome])


def test_english_in_an_arabic_handout_is_laid_out_left_to_right(tmp_path):
    """The opening page of an Arabic handout whose body is still English: the title at the
    right, and the short last line of an English paragraph at the left."""
    arabic = Locale.objects.get(language_code="ar")
    translate_segments(module("teamwork-1"), arabic, {"title": TITLES["ar"]})
    _reader, path = render_handout(tmp_path, "ar")
    image = first_page_image(path, tmp_path)
    left, right = title_ink(image)
    assert right > image.width * 0.85 and left > image.width * 0.35
    top, bottom = word_rows(path, "jobs", image.height)
    line = image.crop((0, top, image.width, bottom))
    ink = [
        x for x in range(line.width) if any(line.getpixel((x, y)) < 128 for y in range(line.height))
    ]
    assert ink and min(ink) < image.width * 0.15, "the English line does not start at the left"
    assert max(ink) < image.width * 0.6, "the English line is pushed to the right"
    # Screen readers are told too: the English paragraphs are tagged English in an Arabic PDF.
    with pikepdf.open(path) as pdf:
        tagged = [(str(element.S), lang) for element, lang in structure_elements(pdf)]
    assert ("/P", "en") in tagged and any(lang == "ar" for _kind, lang in tagged)


def word_rows(path, word: str, image_height: int) -> tuple[int, int]:
    """The rows of the page image where pdftotext finds ``word`` on the first page."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', boxes).group(1))
    found = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">\W*{word}\W*</word>', boxes)
    assert found, f"{word!r} is not on the page"
    scale = image_height / height
    return int(float(found.group(1)) * scale), int(float(found.group(2)) * scale) + 1
