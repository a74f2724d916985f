"""What can be printed. Each content app declares its documents in its own ``printing.py``.

A document class names its kind, the page type it prints, the options it accepts and the
template that lays it out; the print pipeline does the rest (jobs, fingerprints, PDF writing).
"""

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page

from .locales import Localized, direction_of, localize_many

PAPER_SIZES = ("A4", "Letter")
MAX_TARGETS = 60
"""The most pages one request may name (a counsellor's selection of modules)."""


class PrintRequestError(ValueError):
    """A print request that cannot be honoured, with the field at fault and a plain message."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "A4"
    answer_key: bool = False
    good_practices: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class PrintableDocument:
    """Base of every printable document; subclasses set the class attributes below."""

    kind: ClassVar[str]
    label: ClassVar[str | Promise]
    """What the document is called, translated (it appears in error messages)."""
    template_name: ClassVar[str]
    target_model: ClassVar[type[Page]]
    max_targets: ClassVar[int] = 1
    needs_targets: ClassVar[bool] = True
    private: ClassVar[bool] = False
    """Printed only on the system's behalf (a learner's certificate), never on request: not
    offered by the print-jobs API, and its jobs are not shown there."""
    accepts_answer_key: ClassVar[bool] = False
    accepts_good_practices: ClassVar[bool] = False

    def __init__(self, targets: list[Page], locale: str, options: PrintOptions) -> None:
        self.targets, self.locale, self.options = targets, locale, options
        self.direction = direction_of(locale)

    # Which pages: subclasses narrow these.

    @classmethod
    def default_targets(cls) -> list[Page]:
        """The pages printed when a request names none (the e-library, the guide)."""
        return list(cls.target_model.objects.live().filter(locale=source_locale())[:1])

    def pages_involved(self) -> list[Page]:
        """Every source-locale page whose published revision shows in the document."""
        return list(self.targets)

    def expected_pages(self) -> int:
        return 8 * len(self.targets)

    # What it says.

    def title(self) -> str:
        raise NotImplementedError

    def get_context(self) -> dict[str, Any]:
        return {}

    def localize(self, pages: Iterable[Page]) -> list[Localized]:
        return localize_many(list(pages), self.locale)

    def attachments(self) -> list[Path]:
        """Finished PDFs appended after the document's own pages (e.g. an annex printed once)."""
        return []

    def render_html(self, progress: Callable[[float], None] = lambda share: None) -> str:
        with translation.override(self.locale):
            context = {"document": self, "options": self.options, **self.get_context()}
            progress(0.5)
            return render_to_string(self.template_name, context)

    # Checks shared by every kind.

    @classmethod
    def resolve_targets(cls, ids: list[int]) -> list[Page]:
        """The published source-locale pages for ``ids`` (of any locale), in the order given."""
        if not ids:
            if cls.needs_targets:
                raise PrintRequestError(
                    "targets",
                    gettext("Choose at least one page to print (%(document)s).")
                    % {"document": cls.label},
                )
            return cls.default_targets()
        if len(ids) > cls.max_targets:
            message = ngettext(
                "%(document)s: at most %(count)s page can be printed.",
                "%(document)s: at most %(count)s pages can be printed.",
                cls.max_targets,
            )
            raise PrintRequestError(
                "targets", message % {"document": cls.label, "count": cls.max_targets}
            )
        if len(set(ids)) != len(ids):
            raise PrintRequestError("targets", gettext("Each page may be chosen only once."))
        keys = dict(Page.objects.filter(id__in=ids).values_list("id", "translation_key"))
        sources = {
            page.translation_key: page
            for page in cls.target_model.objects.live().filter(
                translation_key__in=keys.values(), locale=source_locale()
            )
        }
        missing = [str(i) for i in ids if keys.get(i) not in sources]
        if missing:
            message = ngettext(
                "No published page to print has the id %(ids)s.",
                "No published pages to print have the ids %(ids)s.",
                len(missing),
            )
            raise PrintRequestError("targets", message % {"ids": ", ".join(missing)})
        return [sources[keys[i]] for i in ids]

    @classmethod
    def check_options(cls, options: PrintOptions) -> None:
        if options.paper not in PAPER_SIZES:
            raise PrintRequestError(
                "options",
                gettext("Paper must be one of %(sizes)s.") % {"sizes": ", ".join(PAPER_SIZES)},
            )
        if options.answer_key and not cls.accepts_answer_key:
            raise PrintRequestError(
                "options",
                gettext("%(document)s: there is no answer key to add.") % {"document": cls.label},
            )
        if options.good_practices and not cls.accepts_good_practices:
            raise PrintRequestError(
                "options",
                gettext("%(document)s: good practices cannot be added.") % {"document": cls.label},
            )


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


_REGISTRY: dict[str, type[PrintableDocument]] = {}


def register(document_class: type[PrintableDocument]) -> type[PrintableDocument]:
    """Class decorator: make a document printable under its ``kind``."""
    _REGISTRY[document_class.kind] = document_class
    return document_class


def document_class(kind: str) -> type[PrintableDocument]:
    try:
        return _REGISTRY[kind]
    except KeyError:
        raise PrintRequestError(
            "kind",
            gettext("Unknown kind “%(kind)s”; use one of %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(sorted(_REGISTRY))},
        ) from None


def document_kinds() -> list[type[PrintableDocument]]:
    """The kinds anyone may ask for (private ones excepted)."""
    return [kind for kind in _REGISTRY.values() if not kind.private]


def private_kinds() -> list[str]:
    """The kinds printed on the system's behalf only, whose jobs only their owner sees."""
    return [kind for kind, document in _REGISTRY.items() if document.private]


def is_private(kind: str) -> bool:
    return kind in _REGISTRY and _REGISTRY[kind].private
