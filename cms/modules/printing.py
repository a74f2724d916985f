"""E-modules on paper: a module handout, and packs (a category, a pathway, any selection).

Each module opens on a new page with its cover in the category colour (title, partner, duration,
level, objectives); its blocks follow in reading order, in their print layout. Packs add a
cover, a table of contents with page numbers and a running header. The answer key is an
appendix printed only on request (counsellors only: the job checks who asks); the learner's
pages never contain an answer.
"""

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page

from cms.library.printing import PrintedPractice, practices_linked_from
from cms.printing.documents import MAX_TARGETS, PrintableDocument, register, source_locale
from cms.printing.locales import Localized
from cms.printing.worksheets import WorksheetQuestion, worksheet_questions

from .models import CategoryPage, ModulePage, PathwayPage

QUESTIONNAIRE_BLOCKS = ("self_evaluation", "evaluation")
LINK_BLOCKS = ("further_resources",)


@dataclass
class Questionnaire:
    title: str
    questions: list[WorksheetQuestion]


@dataclass
class LocalizedModule:
    """A module in the document's locale, with its category (the source pages behind both)."""

    module: Localized
    category: Localized

    @property
    def page(self) -> ModulePage:
        return self.module.page

    @property
    def source(self) -> ModulePage:
        return self.module.source

    def lang_of(self, part: str) -> str:
        return self.module.lang_of(part)


@dataclass
class PrintedModule(LocalizedModule):
    """One module as printed: its localized page, its category and what is attached to it."""

    practices: list[PrintedPractice] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"module-{self.source.pk}"

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def lang(self) -> str:
        return self.module.lang

    @property
    def direction(self) -> str:
        return self.module.direction

    @property
    def duration(self) -> str:
        return _hours([self.source])

    @property
    def colour(self) -> str:
        return self.category.source.colour

    def questionnaires(self) -> list[Questionnaire]:
        return [
            Questionnaire(block.value["title"], worksheet_questions(block.value["questions"]))
            for block in self.page.body
            if block.block_type in QUESTIONNAIRE_BLOCKS
        ]


class ModuleDocument(PrintableDocument):
    """What every module document shares; subclasses say which modules, in which order."""

    template_name = "modules/print/modules.html"
    accepts_answer_key = True
    accepts_good_practices = True
    has_cover = True

    def module_sources(self) -> list[ModulePage]:
        raise NotImplementedError

    @cached_property
    def modules(self) -> list[ModulePage]:
        return self.module_sources()

    def cover(self) -> dict[str, Any]:
        raise NotImplementedError

    def expected_pages(self) -> int:
        return 7 * len(self.modules) + 2

    def pages_involved(self) -> list[Page]:
        modules = self.modules
        pages: list[Page] = [*self.targets, *modules, *self._categories(modules).values()]
        if self.options.good_practices:
            pages += practices_linked_from(url for m in modules for url in linked_urls(m))
        return pages

    def get_context(self) -> dict[str, Any]:
        sources = self.modules
        categories = self._categories(sources)
        localized_categories = dict(
            zip(categories, self.localize(categories.values()), strict=True)
        )
        printed = [
            PrintedModule(module, localized_categories[_parent_path(module.source)])
            for module in self.localize(sources)
        ]
        practices = self._attach_practices(printed) if self.options.good_practices else []
        return {
            "cover": self.cover() if self.has_cover else None,
            "contents": printed if len(printed) > 1 else [],
            "modules": printed,
            "practices": practices,
        }

    def _attach_practices(self, printed: list[PrintedModule]) -> list[PrintedPractice]:
        by_id: dict[int, PrintedPractice] = {}
        for module in printed:
            found = practices_linked_from(linked_urls(module.source))
            for practice, localized in zip(found, self.localize(found), strict=True):
                by_id.setdefault(practice.pk, PrintedPractice(localized))
                module.practices.append(by_id[practice.pk])
        return list(by_id.values())

    @staticmethod
    def _categories(modules: list[ModulePage]) -> dict[str, CategoryPage]:
        paths = {_parent_path(module) for module in modules}
        return {page.path: page for page in CategoryPage.objects.filter(path__in=paths)}


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def linked_urls(module: ModulePage) -> list[str]:
    """The addresses a module points to under "To go further"."""
    return [
        resource["url"]
        for block in module.body
        if block.block_type in LINK_BLOCKS
        for resource in block.value["resources"]
    ]


def _live_modules() -> Any:
    return ModulePage.objects.live().filter(locale=source_locale()).select_related("partner")


def _hours(modules: list[ModulePage]) -> str:
    total = sum(module.duration_hours for module in modules)
    hours = f"{float(total):g}"
    return ngettext("%(hours)s hour", "%(hours)s hours", math.ceil(total)) % {"hours": hours}


@register
class ModuleHandout(ModuleDocument):
    kind = "module"
    label = gettext_lazy("Module handout")
    target_model = ModulePage
    has_cover = False

    def module_sources(self) -> list[ModulePage]:
        return list(_live_modules().filter(pk__in=[page.pk for page in self.targets]))

    def title(self) -> str:
        (module,) = self.localize(self.targets)
        return module.page.title


class PackDocument(ModuleDocument):
    """A pack: a cover naming the pack, then the table of contents, then the modules."""

    def title(self) -> str:
        return self.localize(self.targets)[0].page.title

    def cover(self) -> dict[str, Any]:
        (target,) = self.localize(self.targets)
        modules = self.modules
        count = len(modules)
        return {
            "title": target.page.title,
            "kicker": self.kind_label(),
            "description": getattr(target.page, "description", ""),
            "colour": getattr(target.source, "colour", ""),
            "lang": target.lang_of("title"),
            "direction": target.dir_of("title"),
            "description_lang": target.lang_of("description"),
            "description_direction": target.dir_of("description"),
            "facts": [
                (_("E-modules"), ngettext("%d module", "%d modules", count) % count),
                (_("Duration"), _hours(modules)),
            ],
        }

    def kind_label(self) -> str:
        raise NotImplementedError


@register
class CategoryPack(PackDocument):
    kind = "category"
    label = gettext_lazy("Category pack")
    target_model = CategoryPage

    def module_sources(self) -> list[ModulePage]:
        return list(_live_modules().child_of(self.targets[0]).order_by("path"))

    def kind_label(self) -> str:
        return _("Category")


@register
class PathwayPack(PackDocument):
    kind = "pathway"
    label = gettext_lazy("Pathway pack")
    target_model = PathwayPage

    def module_sources(self) -> list[ModulePage]:
        order = list(
            self.targets[0].pathway_modules.order_by("sort_order").values_list("module", flat=True)
        )
        found = {module.pk: module for module in _live_modules().filter(pk__in=order)}
        return [found[pk] for pk in order if pk in found]

    def kind_label(self) -> str:
        return _("Intern pathway")


@register
class ModuleSelection(PackDocument):
    """A counsellor's own pack: any modules, in the order chosen."""

    kind = "selection"
    label = gettext_lazy("Selection of modules")
    target_model = ModulePage
    max_targets = MAX_TARGETS

    def module_sources(self) -> list[ModulePage]:
        found = {module.pk: module for module in _live_modules().filter(pk__in=self._ids())}
        return [found[pk] for pk in self._ids() if pk in found]

    def _ids(self) -> list[int]:
        return [page.pk for page in self.targets]

    def title(self) -> str:
        return _("A pack of e-modules")

    def cover(self) -> dict[str, Any]:
        modules = self.modules
        count = len(modules)
        return {
            "title": self.title(),
            "kicker": _("Chosen for you"),
            "description": "",
            "colour": "",
            "lang": self.locale,
            "direction": self.direction,
            "facts": [
                (_("E-modules"), ngettext("%d module", "%d modules", count) % count),
                (_("Duration"), _hours(modules)),
            ],
        }
