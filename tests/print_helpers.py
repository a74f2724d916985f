"""Printing documents in tests, and reading the PDFs back: text, outline, fonts, tags."""

import re
import subprocess
from pathlib import Path

import pikepdf
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from cms.modules.models import ModulePage
from cms.printing.documents import PrintOptions
from cms.printing.jobs import render_document

FOOTER = re.compile(r"^(\d+) / (\d+)$")


def module(slug: str) -> ModulePage:
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def document_targets(kind: str) -> list[int]:
    """The pages one document of each kind prints in the tests: Teamwork 1 wherever it fits."""
    from cms.guide.models import InfographicPage
    from cms.modules.models import PathwayPage

    teamwork = module("teamwork-1")
    if kind == "module":
        return [teamwork.pk]
    if kind == "category":
        return [teamwork.get_parent().pk]
    if kind == "pathway":
        return [PathwayPage.objects.filter(locale__language_code="en").first().pk]
    if kind == "selection":
        return [teamwork.pk, module("how-to-create-and-keep-a-schedule").pk]
    if kind == "poster":
        return [InfographicPage.objects.filter(locale__language_code="en").first().pk]
    return []


def render_to_file(folder: Path, kind: str, ids: list[int], locale: str = "en", **options) -> Path:
    """Print a document the way a job does; return the PDF's path."""
    destination = folder / f"{kind}-{locale}-{'-'.join(map(str, ids))}-{len(options)}.pdf"
    render_document(kind, ids, locale, PrintOptions(**options), destination)
    return destination


def render(folder: Path, kind: str, ids: list[int], locale: str = "en", **options) -> PdfReader:
    return PdfReader(render_to_file(folder, kind, ids, locale, **options))


def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def layout_lines(reader: PdfReader, index: int) -> list[str]:
    """A page's lines including its running header and footer, which plain extraction skips."""
    page = reader.pages[index].extract_text(extraction_mode="layout")
    return [line.strip() for line in page.splitlines() if line.strip()]


def flat(words: str) -> str:
    """Text with every run of white space as one space: lines wrap differently on paper."""
    return " ".join(words.split())


def assert_in_order(haystack: str, needles: list[str]) -> None:
    haystack, position = flat(haystack), -1
    for needle in map(flat, needles):
        found = haystack.find(needle, position + 1)
        assert found > position, f"{needle!r} missing or out of order"
        position = found


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in document order."""
    entries: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return entries


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font used, by name (subset prefix removed), and whether its file is embedded."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor", {})
            )
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return found


def alternate_texts(reader: PdfReader) -> list[str]:
    """The /Alt texts of the tagged structure (figures: images, QR codes)."""
    found: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, ArrayObject):
            for child in node:
                walk(child)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def pdftotext(path: Path, *pages: int) -> str:
    """The text poppler's pdftotext reads (not the library that wrote the PDF), optionally of
    some pages (from 1)."""
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *first_last, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def structure_elements(pdf: pikepdf.Pdf, node=None, lang: str = ""):
    """Every structure element, each with ``/InheritedLang`` set to the language it is in."""
    if node is None:
        node, lang = pdf.Root.StructTreeRoot, str(pdf.Root.get("/Lang", ""))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR" and "/S" in kid:
            own = str(kid.get("/Lang", lang))
            yield kid, own
            yield from structure_elements(pdf, kid, own)
