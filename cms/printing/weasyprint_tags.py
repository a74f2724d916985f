"""Workaround: WeasyPrint's PDF tags carry neither languages nor the scope of header cells.

WeasyPrint 70 tags a PDF/UA document from the HTML (headings, paragraphs, lists, tables…) but
drops two things PDF/UA and screen readers need:

- ``lang``: only ``<html lang>`` reaches the PDF (the catalog's ``/Lang``), so English left in an
  Arabic document is read out with an Arabic voice. Here every element with a ``lang`` attribute
  gives its structure element a ``/Lang``.
- ``<th scope>``: header cells get ``/ID`` and data cells ``/Headers``, but no ``/Scope``, which
  checkers and some readers look for. Here each ``/TH`` gets ``/Scope /Row`` for
  ``scope="row"``, else ``/Column``.

It wraps WeasyPrint's private ``weasyprint.pdf.tags._build_box_tree`` (the function that makes
one structure element per box). Delete this module, and its import in ``cms/printing/pdf.py``,
once WeasyPrint writes ``/Lang`` and ``/Scope`` itself (tests/test_print_pdfua.py shows whether
it does: remove the import and run it).
"""

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags

_original_build_box_tree = tags._build_box_tree
_TRANSPARENT = ("html", "body")
"""Elements WeasyPrint does not tag: what it yields for them are their children's elements."""


def _build_box_tree(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
    own = _own_element(box)
    for element in _original_build_box_tree(box, parent, *args):
        if own is not None and isinstance(element, pydyf.Dictionary):
            _annotate(element, own)
        yield element


def _own_element(box: Any) -> Any:
    """The HTML element whose structure element WeasyPrint yields for ``box``, if any."""
    inner = getattr(box, "_box", box)  # absolutely positioned boxes are wrapped
    if inner.element is None or isinstance(inner, (boxes.PageBox, boxes.MarginBox)):
        return None
    if inner.element_tag in _TRANSPARENT:
        return None
    return inner.element


def _annotate(element: pydyf.Dictionary, html: Any) -> None:
    lang = html.get("lang")
    if lang:
        element["Lang"] = pydyf.String(lang)
    if element.get("S") == "/TH" and "A" in element:
        scope = "/Row" if html.get("scope") == "row" else "/Column"
        element["A"]["Scope"] = scope


tags._build_box_tree = _build_box_tree
