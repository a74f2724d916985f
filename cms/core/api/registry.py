"""Which API type, detail address and serializer belong to each page model.

Each app registers its page types from its ``AppConfig.ready`` (``register_page_types`` in its
``api/views.py``), so the registry is full once Django is set up; shared code on the ground floor
(internal links in rich text, search results, headless preview) looks them up here, never
importing the apps above it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class PageType:
    name: str
    model: type
    url_name: str
    serializer: Callable[..., Any]
    singleton: bool = False
    """A page of which there is only one (the learning guide): its address has no id."""

    def url_kwargs(self, source_id: int) -> dict[str, Any]:
        return {} if self.singleton else {"id": source_id}


_BY_MODEL: dict[type, PageType] = {}


def register_page_type(
    name: str,
    model: type,
    url_name: str,
    serializer: Callable[..., Any],
    *,
    singleton: bool = False,
) -> None:
    _BY_MODEL[model] = PageType(name, model, url_name, serializer, singleton)


def page_type_for_model(model: type | None = None, *, content_type_id: int | None = None) -> Any:
    """The registered ``PageType`` of a model (or content type id), or None."""
    if content_type_id is not None:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return _BY_MODEL.get(model)


def page_types() -> list[PageType]:
    return list(_BY_MODEL.values())
