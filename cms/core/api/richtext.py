"""Rich text as front ends receive it: sanitised HTML whose internal links point into the API.

A link to a page becomes ``<a href="…/api/v1/modules/12/" data-page-type="module"
data-page-id="12">`` (the id is the stable, source-locale id); a link to a document points at the
file. A link whose target is gone or unpublished keeps its text and loses its address.
"""

from html import escape
from typing import Any

import nh3
from wagtail.rich_text.rewriters import LinkRewriter

from .references import References

ALLOWED_TAGS = {"p", "br", "h3", "strong", "b", "em", "i", "ol", "ul", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "data-page-type", "data-page-id", "data-document-id"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def _page_link(refs: References) -> Any:
    def rule(attributes: dict[str, str]) -> str:
        target = attributes.get("id", "")
        link = refs.page_link(int(target)) if target.isdigit() else None
        if link is None:
            return "<a>"
        return (
            f'<a href="{escape(link["url"])}" data-page-type="{escape(link["type"])}" '
            f'data-page-id="{link["id"]}">'
        )

    return rule


def _document_link(refs: References) -> Any:
    def rule(attributes: dict[str, str]) -> str:
        target = attributes.get("id", "")
        document = refs.document(int(target)) if target.isdigit() else None
        if document is None:
            return "<a>"
        return f'<a href="{escape(document["url"])}" data-document-id="{document["id"]}">'

    return rule


def html_for_api(html: str | None, refs: References) -> str:
    if not html:
        return ""
    rewrite = LinkRewriter(rules={"page": _page_link(refs), "document": _document_link(refs)})
    return nh3.clean(
        rewrite(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener",
    ).strip()
