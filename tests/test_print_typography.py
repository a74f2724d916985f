"""Typography checked on what poppler reads from the PDF: label columns fit their longest label
in every language, and Arabic script prints larger than upstream Noto Naskh at the same size, so
that it stands beside Latin text at one size instead of looking about 15 % smaller.

No database: the cover template is printed on its own, with the interface translations.
"""

import itertools
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext, ngettext
from PIL import Image

from cms.core.locales import direction_of
from cms.printing.pdf import write_pdf

COVER = Template(
    '{% extends "printing/base.html" %}'
    '{% block content %}{% include "printing/cover.html" %}{% endblock %}'
)
LABELS = ("E-modules", "Duration", "Written by", "Language level", "Good practices")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


class Document:
    def __init__(self, locale: str) -> None:
        self.locale, self.direction = locale, direction_of(locale)

    def title(self) -> str:
        return "MigranTech"


def words(path: Path) -> list[tuple[float, float, float, str]]:
    """(left, right, top, text) of every word on the first page, as pdftotext finds them."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        (float(x_min), float(x_max), round(float(y_min)), text)
        for x_min, y_min, x_max, _y_max, text in WORD.findall(boxes)
    ]


def print_cover(folder: Path, locale: str, facts: list[tuple[str, str]]) -> Path:
    path = folder / f"cover-{locale}.pdf"
    with translation.override(locale):
        context = {
            "document": Document(locale),
            "options": {"paper": "A4"},
            "cover": {"title": "MigranTech", "lang": locale, "facts": facts},
        }
        write_pdf(COVER.render(Context(context)), path)
    return path


@pytest.mark.parametrize("locale", [code for code, _name in settings.LANGUAGES])
def test_labels_never_run_into_their_values(tmp_path, locale):
    """Each label ends clear of its value (a gap of at least 4 mm), in every language."""
    with translation.override(locale):
        facts = [(gettext(label), ngettext("%d module", "%d modules", 9) % 9) for label in LABELS]
    found = words(print_cover(tmp_path, locale, facts))
    rtl = direction_of(locale) == "rtl"
    gap = 4 / 25.4 * 72
    rows = {top for _left, _right, top, text in found if text == "9"}
    # A label touching its value reads as one word with it ("модулі9"): its row has no "9".
    assert len(rows) == len(LABELS), f"a label runs into its value: {found}"
    for row in rows:
        line = sorted((word for word in found if abs(word[2] - row) <= 6), key=lambda word: word[0])
        value = next(word for word in line if word[3] == "9")
        # The value starts with "9"; every word starting before it (after it, right to left)
        # belongs to the label, even one that overlaps the value.
        if rtl:
            label_start = min(word[0] for word in line if word[1] > value[1])
            assert label_start - value[1] >= gap, f"label runs into its value: {line}"
        else:
            label_end = max(word[1] for word in line if word[0] < value[0])
            assert value[0] - label_end >= gap, f"label runs into its value: {line}"


UPSTREAM_NASKH = Template(
    '{% extends "printing/base.html" %}{% load static %}{% block content %}'
    '<style>@font-face { font-family: "Upstream Naskh";'
    ' src: url("{% static "fonts/NotoNaskhArabic-Regular.ttf" %}"); }</style>'
    '<p lang="ar" style="font-size: 72pt">{{ word }}</p>'
    '<p lang="ar" style="font-size: 72pt; font-family: \'Upstream Naskh\'">{{ word }}</p>'
    "{% endblock %}"
)


def ink_heights(pdf: Path) -> list[int]:
    """The height in pixels of each band of ink down the first page, at 100 dpi."""
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", pdf, pdf.with_suffix("")], check=True
    )
    image = Image.open(pdf.with_suffix(".png")).convert("L")
    width, height = image.size
    pixels = image.load()
    inked = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(width))]
    bands, start = [], inked[0]
    for previous, y in itertools.pairwise(inked):
        if y - previous > 5:
            bands.append(previous - start + 1)
            start = y
    return [*bands, inked[-1] - start + 1]


@pytest.mark.parametrize("word", ["مرحبا", "ممم", "سمس"])
def test_arabic_prints_fifteen_percent_larger_than_upstream_naskh(tmp_path, word):
    """The print style sheets' Naskh draws every Arabic glyph 15 % larger than the upstream font
    would at the same font size (Naskh's letter bodies are about 15 % smaller than Noto Sans's
    x-height): measured on the page image, not on the font files."""
    pdf = tmp_path / "naskh.pdf"
    context = {
        "document": {"locale": "ar", "direction": "rtl", "title": "Naskh"},
        "options": {"paper": "A4"},
        "word": word,
    }
    write_pdf(UPSTREAM_NASKH.render(Context(context)), pdf)
    printed, upstream = ink_heights(pdf)[:2]
    assert 1.10 <= printed / upstream <= 1.20, (printed, upstream)
