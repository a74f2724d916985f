"""HTML to a tagged PDF, written so that a finished file is either whole or absent.

Every PDF is PDF/UA-1 (tagged for screen readers), takes its title and language from the HTML
(``<title>``, ``<html lang>``), gets its outline from the headings, and embeds the fonts shipped
in ``cms/core/static/fonts``. It is rendered into a temporary file beside its destination and
renamed into place only once complete: a crash or a time limit leaves no half-written file where
a finished one is expected. PDFs printed once and appended to many documents (a certificate's
annex) bring their tags along: their structure trees are grafted into the document's.
"""

import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import pikepdf
from weasyprint import HTML

from . import weasyprint_tags  # noqa: F401 - languages and table scopes in the tags
from .fetcher import OwnFilesFetcher, own_origin

PARTIAL_SUFFIX = ".part"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

ProgressCallback = Callable[[float], None]

_PROGRESS_LOGGER = logging.getLogger("weasyprint.progress")
_STEP = re.compile(r"Step (\d)")
_STEP_SHARE = {1: 0.02, 2: 0.04, 3: 0.06, 4: 0.1, 6: 0.9, 7: 0.97}
"""How far into a rendering each WeasyPrint step starts; layout (step 5) fills the gap."""


class _ProgressHandler(logging.Handler):
    """Turns WeasyPrint's progress log lines, in this thread only, into a share of the work."""

    def __init__(self, report: ProgressCallback, expected_pages: int) -> None:
        super().__init__(logging.INFO)
        self.report, self.expected_pages = report, max(expected_pages, 1)
        self.thread = threading.get_ident()
        self.pages = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        step = _STEP.match(str(record.msg))
        if not step:
            return
        number = int(step.group(1))
        if number == 5:
            self.pages += 1
            share = 0.1 + 0.8 * min(self.pages / self.expected_pages, 0.99)
        else:
            share = _STEP_SHARE.get(number, 0.0)
        self.report(share)


def write_pdf(
    html: str,
    destination: Path,
    *,
    progress: ProgressCallback | None = None,
    expected_pages: int = 10,
) -> tuple[int, list[str]]:
    """Render ``html`` to ``destination``; return the page count and the URLs refused."""
    fetcher = OwnFilesFetcher()
    handler = _ProgressHandler(progress or (lambda share: None), expected_pages)
    _PROGRESS_LOGGER.addHandler(handler)
    try:
        document = HTML(string=html, base_url=own_origin() + "/", url_fetcher=fetcher).render(
            **PDF_OPTIONS
        )
        destination.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(destination) as output:
            document.write_pdf(output, **PDF_OPTIONS)
    finally:
        _PROGRESS_LOGGER.removeHandler(handler)
    return len(document.pages), fetcher.refused


def append_pdfs(destination: Path, attachments: list[Path]) -> int:
    """Append the tagged PDFs ``attachments`` to the tagged PDF at ``destination``; return its
    page count.

    The appended pages keep their text, fonts, links and bookmarks, and their tags: each
    attachment's structure becomes a ``Part`` (with its language) of the document's, its pages'
    and annotations' keys in the parent tree moved past the document's own.
    """
    with pikepdf.open(destination) as pdf:
        tree = pdf.Root.StructTreeRoot
        document = _top_element(tree)
        numbers = tree.ParentTree.Nums
        next_key = _next_key(numbers)
        outline = []
        for attachment in attachments:
            source = _source(attachment, attachment.stat().st_mtime_ns)
            first_page = len(pdf.pages)
            pdf.pages.extend(source.pdf.pages)
            for page in pdf.pages[first_page:]:
                _shift_keys(page.obj, next_key)
            for key, elements in source.parent_tree:
                numbers.append(key + next_key)
                numbers.append(pdf.copy_foreign(elements))
            part = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem,
                    S=pikepdf.Name.Part,
                    P=document,
                    Lang=source.lang,
                    K=pikepdf.Array(),
                )
            )
            for element in source.elements:
                copied = pdf.copy_foreign(element)
                copied.P = part
                part.K.append(copied)
            document.K.append(part)
            next_key += source.key_count
            outline += [(title, first_page + page, level) for title, page, level in source.outline]
        _add_outline(pdf, outline)
        with atomic_file(destination) as output:
            pdf.save(output)
        return len(pdf.pages)


@dataclass(frozen=True)
class _Attachment:
    """A tagged PDF to append, read once: its pages, tags and bookmarks."""

    pdf: pikepdf.Pdf
    lang: pikepdf.Object
    elements: list[pikepdf.Object]
    parent_tree: list[tuple[int, pikepdf.Object]]
    key_count: int
    outline: list[tuple[str, int, int]]
    """(title, page index, level) of every bookmark, in order."""


@lru_cache(maxsize=16)
def _source(path: Path, modified: int) -> _Attachment:
    """Attachments are shared by many documents (an annex per locale): parse each once."""
    pdf = pikepdf.open(path)
    tree = pdf.Root.StructTreeRoot
    numbers = tree.ParentTree.Nums
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    outline: list[tuple[str, int, int]] = []
    with pdf.open_outline() as items:
        _read_outline(items.root, pages, 1, outline)
    return _Attachment(
        pdf=pdf,
        lang=pdf.Root.get("/Lang", pikepdf.String("")),
        elements=list(_top_element(tree).K),
        parent_tree=[
            (int(numbers[i]), _indirect(pdf, numbers[i + 1])) for i in range(0, len(numbers), 2)
        ],
        key_count=_next_key(numbers),
        outline=outline,
    )


def _indirect(pdf: pikepdf.Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """``value`` as an indirect object, which ``copy_foreign`` needs."""
    return value if value.is_indirect else pdf.make_indirect(value)


def _top_element(tree: pikepdf.Object) -> pikepdf.Object:
    """The ``Document`` element WeasyPrint puts at the top of the structure tree."""
    top = tree.K
    return top[0] if isinstance(top, pikepdf.Array) else top


def _next_key(numbers: pikepdf.Object) -> int:
    """The first key unused in a flat parent tree (WeasyPrint writes it flat)."""
    return max((int(numbers[i]) for i in range(0, len(numbers), 2)), default=-1) + 1


def _shift_keys(page: pikepdf.Dictionary, offset: int) -> None:
    if "/StructParents" in page:
        page.StructParents = int(page.StructParents) + offset
    for annotation in page.get("/Annots", []):
        if "/StructParent" in annotation:
            annotation.StructParent = int(annotation.StructParent) + offset


def _read_outline(items: list, pages: dict, level: int, found: list[tuple[str, int, int]]) -> None:
    for item in items:
        destination = item.destination
        if isinstance(destination, pikepdf.Array) and destination[0].objgen in pages:
            found.append((str(item.title), pages[destination[0].objgen], level))
        _read_outline(item.children, pages, level + 1, found)


def _add_outline(pdf: pikepdf.Pdf, entries: list[tuple[str, int, int]]) -> None:
    """Bookmarks (title, page index, level) added after the document's own."""
    if not entries:
        return
    with pdf.open_outline() as outline:
        parents = [outline.root]
        for title, page, level in entries:
            item = pikepdf.OutlineItem(title, page)
            del parents[level:]
            parents[-1].append(item)
            parents.append(item.children)


@contextmanager
def atomic_file(destination: Path) -> Iterator[BinaryIO]:
    """A file written beside ``destination`` and renamed onto it only if the block succeeds."""
    descriptor, name = tempfile.mkstemp(
        dir=destination.parent, prefix=f".{destination.name}.", suffix=PARTIAL_SUFFIX
    )
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as output:
            yield output
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)
