"""HTML to a tagged PDF, written so that a finished file is either whole or absent.

Every PDF is PDF/UA-1 (tagged for screen readers), takes its title and language from the HTML
(``<title>``, ``<html lang>``), gets its outline from the headings, and embeds the fonts shipped
in ``cms/core/static/fonts``. It is rendered into a temporary file beside its destination and
renamed into place only once complete: a crash or a time limit leaves no half-written file where
a finished one is expected.
"""

import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

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
    """Append the pages of ``attachments`` to the PDF at ``destination``; return its page count.

    The attachments' pages keep their text, fonts and links; their tag structure is not merged.
    """
    writer = PdfWriter(clone_from=destination)
    for attachment in attachments:
        writer.append(_reader(attachment, attachment.stat().st_mtime_ns), import_outline=True)
    with atomic_file(destination) as output:
        writer.write(output)
    return len(writer.pages)


@lru_cache(maxsize=16)
def _reader(path: Path, modified: int) -> PdfReader:
    """Attachments are shared by many documents (an annex per locale): parse each once."""
    return PdfReader(path)


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
