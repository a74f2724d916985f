"""Every locale prints in its language; Arabic and Dari right to left with joined letters;
Turkish with every letter.

WeasyPrint's text layer for Arabic script is wrong even when the page looks right (upstream
#2841), so right-to-left output is checked on page images rendered by pdftoppm, not on text.
"""

import subprocess

import pytest
from django.conf import settings
from PIL import Image
from pypdf import PdfReader
from wagtail.models import Locale

from .print_helpers import fonts, module, render, render_to_file, text

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

ZWNJ = "\u200c"
"""Zero-width non-joiner: between two Arabic letters it stops them joining."""

TITLES = {"ar": "العمل الجماعي في المطبخ", "fa": "کار گروهی در آشپزخانه"}


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
    """Leftmost and rightmost column of the white title lettering in the cover's colour band."""
    width, height = image.size
    band = image.crop((0, int(height * 0.05), width, int(height * 0.16)))
    columns = [
        x
        for x in range(band.width)
        if any(band.getpixel((x, y)) > 200 for y in range(0, band.height, 2))
    ]
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
    translated = module("how-to-create-and-keep-a-schedule")
    reader = render(tmp_path, "module", [translated.pk], locale_code)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == locale_code
    shown = translated.get_translation_or_none(Locale.objects.get(language_code=locale_code))
    expected = shown.title if shown and shown.live and not shown.alias_of_id else translated.title
    assert reader.metadata.title == expected
    used = fonts(reader)
    assert used and all(used.values())
    assert all(name.startswith(("Noto-Sans", "Noto-Naskh-Arabic")) for name in used), used
