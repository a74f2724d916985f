"""Images, documents and pages that content points to, loaded in bulk for one response.

Serialising a StreamField block by block would query the database for every image, document and
internal link. Instead a response first *collects* every id its content mentions, loads them all
with a fixed number of queries, then serialises from memory: the query count does not grow with
the number of items or blocks.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.urls import NoReverseMatch, reverse
from rest_framework.request import Request
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from cms.core.locales import source_locale_code

from .registry import page_type_for_model

RENDITION_WIDTHS = (320, 640, 1024)
RENDITION_SPECS = tuple(f"width-{width}|format-webp" for width in RENDITION_WIDTHS)


def list_item_values(raw: Any) -> list[Any]:
    """A ListBlock's raw items, in the current ``{type, value, id}`` form or the older bare form."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in raw or []
    ]


class References:
    """What one response's content refers to; ``collect_*`` everything, ``load()``, then read."""

    def __init__(self, request: Request | None) -> None:
        self.request = request
        self._image_ids: set[int] = set()
        self._document_ids: set[int] = set()
        self._page_ids: set[int] = set()
        self.images: dict[int, dict] = {}
        self.documents: dict[int, dict] = {}
        self.page_links: dict[int, dict] = {}
        self.loaded = False

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url) if self.request is not None else url

    # Collecting ------------------------------------------------------------------------------

    def collect_html(self, html: str | None) -> None:
        for attributes in map(extract_attrs, FIND_A_TAG.findall(html or "")):
            target = attributes.get("id", "")
            if not target.isdigit():
                continue
            if attributes.get("linktype") == "page":
                self._page_ids.add(int(target))
            elif attributes.get("linktype") == "document":
                self._document_ids.add(int(target))

    def collect_stream(self, block: blocks.Block, raw: Any) -> None:
        if raw is None:
            return
        if isinstance(block, blocks.StreamBlock):
            for item in raw:
                child = block.child_blocks.get(item.get("type"))
                if child is not None:
                    self.collect_stream(child, item.get("value"))
        elif isinstance(block, blocks.ListBlock):
            for value in list_item_values(raw):
                self.collect_stream(block.child_block, value)
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                self.collect_stream(child, raw.get(name))
        elif isinstance(block, blocks.RichTextBlock):
            self.collect_html(raw)
        elif isinstance(block, ImageChooserBlock) and isinstance(raw, int):
            self._image_ids.add(raw)
        elif isinstance(block, DocumentChooserBlock) and isinstance(raw, int):
            self._document_ids.add(raw)

    def collect_image(self, image_id: int | None) -> None:
        if image_id:
            self._image_ids.add(image_id)

    # Loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Fetch everything collected: at most one query per kind (and one for renditions)."""
        missing_images = self._image_ids - set(self.images)
        if missing_images:
            images = get_image_model().objects.filter(pk__in=missing_images)
            for image in images.prefetch_renditions(*RENDITION_SPECS):
                self.images[image.pk] = self._image_data(image)
        missing_documents = self._document_ids - set(self.documents)
        if missing_documents:
            for document in get_document_model().objects.filter(pk__in=missing_documents):
                self.documents[document.pk] = self._document_data(document)
        missing_pages = self._page_ids - set(self.page_links)
        if missing_pages:
            self.page_links.update(resolve_page_links(missing_pages, self.absolute))
        self.loaded = True

    def _image_data(self, image: Any) -> dict:
        try:
            renditions = image.get_renditions(*RENDITION_SPECS)
        except SourceImageIOError:
            # The original file is gone: say so with no renditions rather than fail the page.
            renditions = {}
        sizes = [
            {
                "url": self.absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in (renditions[spec] for spec in RENDITION_SPECS if spec in renditions)
        ]
        return {
            "id": image.pk,
            "width": image.width,
            "height": image.height,
            "renditions": sizes,
            "srcset": ", ".join(f"{size['url']} {size['width']}w" for size in sizes),
        }

    def _document_data(self, document: Any) -> dict:
        size = document.file_size
        if size is None:
            try:
                size = document.file.size
            except OSError:
                size = None
        return {
            "id": document.pk,
            "title": document.title,
            "url": self.absolute(document.url),
            "size": size,
            "type": document.content_type,
            "extension": document.file_extension.lower(),
        }

    # Reading ---------------------------------------------------------------------------------

    def image(self, image_id: Any, alt: str = "") -> dict | None:
        data = self.images.get(image_id) if isinstance(image_id, int) else None
        return {**data, "alt": alt} if data else None

    def document(self, document_id: Any) -> dict | None:
        return self.documents.get(document_id) if isinstance(document_id, int) else None

    def page_link(self, page_id: int) -> dict | None:
        return self.page_links.get(page_id)


def resolve_page_links(page_ids: Iterable[int], absolute: Callable[[str], str]) -> dict[int, dict]:
    """Map linked page ids (of any locale) to API references of their source-locale page.

    Two queries whatever the number of links: the linked pages, then their source pages.
    """
    linked = list(
        Page.objects.filter(pk__in=page_ids, live=True).values_list(
            "pk", "translation_key", "content_type"
        )
    )
    sources = {
        key: (pk, content_type)
        for pk, key, content_type in Page.objects.filter(
            translation_key__in=[key for _pk, key, _ct in linked],
            locale__language_code=source_locale_code(),
            live=True,
        ).values_list("pk", "translation_key", "content_type")
    }
    links = {}
    for pk, key, _content_type in linked:
        if key not in sources:
            continue
        source_pk, content_type = sources[key]
        page_type = page_type_for_model(content_type_id=content_type)
        if page_type is None:
            continue
        try:
            url = absolute(reverse(page_type.url_name, kwargs=page_type.url_kwargs(source_pk)))
        except NoReverseMatch:
            continue
        links[pk] = {"type": page_type.name, "id": source_pk, "url": url}
    return links
