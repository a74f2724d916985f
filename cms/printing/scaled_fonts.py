"""Workaround: Noto Naskh Arabic, enlarged to sit beside Noto Sans at the same font size.

At one point size, Naskh's letters are visibly smaller than Noto Sans's: the body of its letters
(ه م س و, about 0.36 em) is far below Noto Sans's x-height (0.536 em), so an Arabic word beside a
Latin one, or an Arabic document beside its English original, looks about 15 % smaller. CSS
answers this with ``font-size-adjust`` or the ``size-adjust`` descriptor of ``@font-face``, which
WeasyPrint (70) does not support; a larger ``font-size`` on Arabic elements would also enlarge
the Latin runs inside them and cannot reach running headers. So the print style sheets use copies
of the Naskh fonts whose em is 15 % smaller (``unitsPerEm`` 1000 → 870, outlines unchanged):
every Arabic glyph comes out 15 % larger wherever it is, Latin text falling back to Noto Sans keeps
its size. The web keeps the original files.

Made from ``cms/core/static/fonts`` by ``python -m cms.printing.scaled_fonts``; delete this module
and ``cms/printing/static/fonts`` once WeasyPrint supports ``font-size-adjust`` (and use it).
"""

from pathlib import Path

from fontTools.ttLib import TTFont

SCALE = 1.15
ORIGINALS = Path(__file__).resolve().parent.parent / "core" / "static" / "fonts"
SCALED = Path(__file__).resolve().parent / "static" / "fonts"
FACES = ("NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold")


def scale(name: str) -> Path:
    font = TTFont(ORIGINALS / f"{name}.ttf")
    font["head"].unitsPerEm = round(font["head"].unitsPerEm / SCALE)
    target = SCALED / f"{name}-Print.ttf"
    font.save(target)
    return target


if __name__ == "__main__":
    for face in FACES:
        print(scale(face))
