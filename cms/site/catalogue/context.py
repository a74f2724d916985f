"""What every kind's loader shares: the files, the upserter, media, progress and the tree."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.utils.file import hash_filelike

from .records import Upserter
from .source import CatalogueError, DataFile, PathItem
from .streams import StreamDataError, block_id, to_stream_data

T = TypeVar("T")
PageT = TypeVar("PageT", bound=Page)
ProgressFactory = Callable[[Iterable[Any], str, int], Iterable[Any]]


@dataclass
class LoadContext:
    data_dir: Path
    upserter: Upserter
    progress: ProgressFactory
    locale: Locale
    home: Page
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Objects loaded so far, by kind then slug, for later kinds to refer to."""

    def entries(self, file: DataFile, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
        items = file.data[key]
        yield from self.progress(enumerate(items), f"{key.replace('_', ' ')}", len(items))

    def lookup(self, file: DataFile, path: list[PathItem], kind: str, slug: str) -> Any:
        try:
            return self.objects[kind][slug]
        except KeyError:
            known = ", ".join(sorted(self.objects.get(kind, {}))) or "none loaded"
            raise CatalogueError(
                [file.problem(path, f"unknown {kind} “{slug}” (known: {known})")]
            ) from None

    def upsert(
        self,
        file: DataFile,
        path: list[PathItem],
        kind: str,
        entry: dict[str, Any],
        existing: Any,
        write: Callable[[Any], T],
        slug: str | None = None,
    ) -> T:
        """Create or update one object; a model validation error names the entry and field."""
        try:
            return self.upserter.upsert(kind, slug or entry["slug"], entry, existing, write)
        except ValidationError as error:
            by_field = getattr(error, "error_dict", {"": error.error_list})
            raise CatalogueError(
                [
                    file.problem([*path, name] if name and name != NON_FIELD_ERRORS else path, m)
                    for name, errors in by_field.items()
                    for m in ValidationError(errors).messages
                ]
            ) from None

    def remember(self, kind: str, slug: str, obj: T) -> T:
        self.objects.setdefault(kind, {})[slug] = obj
        return obj

    def stream(
        self,
        file: DataFile,
        path: list[PathItem],
        block: Any,
        items: list[Any],
        seed: str,
        wrap_as: str | None = None,
    ) -> list[dict[str, Any]]:
        """StreamField data from ``items``; ``wrap_as`` names the block type of bare items."""
        if wrap_as:
            items = [{"type": wrap_as, "value": item} for item in items]
        try:
            return to_stream_data(block, items, id_seed=seed, resolve_media=self.resolve_media)
        except StreamDataError as error:
            error_path = error.path
            if wrap_as and len(error_path) > 1 and error_path[1] == "value":
                error_path = [error_path[0], *error_path[2:]]
            raise CatalogueError([file.problem([*path, *error_path], error.message)]) from None

    def resolve_media(self, kind: str, name: str) -> int:
        """The image or document made from ``catalogue/media/<name>``, created once."""
        source = self.data_dir / "media" / name
        if not source.is_file():
            raise FileNotFoundError(f"no file “{name}” in {self.data_dir.name}/media/")
        with source.open("rb") as handle:
            digest = hash_filelike(handle)
        model = get_image_model() if kind == "image" else get_document_model()
        existing = model.objects.filter(file_hash=digest).first()
        if existing is not None:
            return existing.pk
        title = source.stem.replace("-", " ").capitalize()
        with source.open("rb") as handle:
            if kind == "image":
                media = model(title=title, file=ImageFile(handle, name=name))
                media._set_image_file_metadata()
            else:
                media = model(title=title, file=File(handle, name=name))
                media._set_document_file_metadata()
            media.save()
        return media.pk

    def child_page(self, parent: Page, model: type[PageT], slug: str) -> PageT | None:
        return model.objects.child_of(parent).filter(slug=slug, locale=self.locale).first()

    def problem(self, file: DataFile, path: list[PathItem], message: str) -> CatalogueError:
        return CatalogueError([file.problem(path, message)])


def text_items(items: list[str], seed: str) -> list[dict[str, str]]:
    """A list of sentences as ``text_list_field`` data, with ids stable across reloads."""
    return [
        {"type": "item", "value": item, "id": block_id(seed, [index])}
        for index, item in enumerate(items)
    ]


def save_page(parent: Page, page: Page, is_new: bool) -> Page:
    """Create or update ``page`` under ``parent`` and publish it as one revision."""
    if is_new:
        parent.add_child(instance=page)
    revision = page.save_revision(log_action=True)
    revision.publish()
    page.refresh_from_db()
    return page


def ensure_home(locale: Locale) -> Page:
    """The HomePage at the root of the default site, replacing Wagtail's welcome page."""
    from cms.core.models import HomePage

    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="MigranTech", slug="migrantech", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site else None
        if site is None:
            site = Site(hostname="localhost", is_default_site=True)
        site.root_page = home
        site.site_name = "MigranTech"
        site.save()
        if welcome is not None and welcome.specific_class is Page:
            welcome.delete()
    return home
