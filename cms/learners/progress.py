"""What a learner has finished: modules, categories, intern pathways and the whole course.

A category is its live modules (its child pages); a pathway is its ordered list of live modules;
the course is every live module. All are counted in the source locale, as completions are.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.core.locales import localize
from cms.modules.api.queries import live_sources
from cms.modules.models import CategoryPage, ModulePage, PathwayModule, PathwayPage

from .models import Learner, ModuleCompletion, ModuleReading


@dataclass
class Group:
    page: Page
    module_ids: list[int]


@dataclass
class ModulesDone:
    """How many of some live modules are done, and when the last was done once all are."""

    done: int
    total: int
    completed_at: datetime | None
    read: int = 0
    """Modules opened (whether passed or not)."""


@dataclass(kw_only=True)
class GroupProgress(ModulesDone):
    """The modules done of one category or pathway."""

    page: Page


def groups() -> list[Group]:
    """Every live category and pathway with its live modules, in the curriculum's order."""
    modules = list(live_sources(ModulePage).values_list("pk", "path"))
    live_ids = {pk for pk, _path in modules}
    found = [
        Group(category, [pk for pk, path in modules if path.startswith(category.path)])
        for category in live_sources(CategoryPage)
    ]
    links = PathwayModule.objects.order_by("sort_order").values_list("pathway_id", "module_id")
    members: dict[int, list[int]] = {}
    for pathway_id, module_id in links:
        if module_id in live_ids:
            members.setdefault(pathway_id, []).append(module_id)
    found += [Group(pathway, members.get(pathway.pk, [])) for pathway in live_sources(PathwayPage)]
    return found


def completion_dates(learner: Learner) -> dict[int, datetime]:
    return dict(learner.completions.values_list("module_id", "completed_at"))


def finished_by(completion: ModuleCompletion) -> tuple[list[Page], bool]:
    """The categories and pathways ``completion`` finishes, and whether the course is done.

    Called once the completion is saved: a group holding its module that is complete now was
    not complete before, since this is the learner's first pass of the module.
    """
    done = set(completion_dates(completion.learner))
    finished = [
        group.page.specific
        for group in groups()
        if completion.module_id in group.module_ids and done.issuperset(group.module_ids)
    ]
    all_modules = done.issuperset(live_sources(ModulePage).values_list("pk", flat=True))
    return finished, all_modules


def _modules_done(module_ids: list[int], dates: dict[int, datetime], read: set[int]) -> ModulesDone:
    done = [dates[pk] for pk in module_ids if pk in dates]
    complete = bool(module_ids) and len(done) == len(module_ids)
    return ModulesDone(
        len(done),
        len(module_ids),
        max(done) if complete else None,
        read=len(read.intersection(module_ids)),
    )


def _group_progress(group: Group, dates: dict[int, datetime], read: set[int]) -> GroupProgress:
    found = _modules_done(group.module_ids, dates, read)
    return GroupProgress(
        found.done, found.total, found.completed_at, read=found.read, page=group.page
    )


@dataclass
class Progress:
    completions: list[ModuleCompletion]
    readings: list[ModuleReading]
    categories: list[GroupProgress]
    pathways: list[GroupProgress]
    overall: ModulesDone


def progress_of(learner: Learner) -> Progress:
    dates = completion_dates(learner)
    all_ids = list(live_sources(ModulePage).values_list("pk", flat=True))
    readings = [r for r in learner.readings.select_related("module") if r.module_id in all_ids]
    read = {r.module_id for r in readings}
    found = groups()
    return Progress(
        completions=list(learner.completions.select_related("module").order_by("completed_at")),
        readings=readings,
        categories=[
            _group_progress(g, dates, read) for g in found if isinstance(g.page, CategoryPage)
        ],
        pathways=[
            _group_progress(g, dates, read) for g in found if isinstance(g.page, PathwayPage)
        ],
        overall=_modules_done(all_ids, dates, read),
    )


@transaction.atomic
def record_reading(
    learner: Learner, module: ModulePage, read_at: datetime | None = None
) -> tuple[ModuleReading, bool]:
    """Records that ``learner`` opened ``module`` (source locale) at ``read_at`` (now if not
    given, nor later than now: a phone's clock may be ahead). Sending the same reading again
    changes nothing; an earlier time than the one kept replaces it (a reading made offline
    arrives after one made online). Answers the reading and whether it is new."""
    now = timezone.now()
    when = min(read_at or now, now)
    reading, created = ModuleReading.objects.select_for_update().get_or_create(
        learner=learner, module=module, defaults={"read_at": when}
    )
    if not created and when < reading.read_at:
        reading.read_at = when
        reading.save(update_fields=["read_at"])
    return reading, created


def titles_in(model: type[Page], page_ids: list[int], locale: str) -> dict[int, str]:
    """Titles of source-locale pages in ``locale`` (English where not translated)."""
    sources = list(model.objects.filter(pk__in=page_ids))
    return {served.id: served.item.title for served in localize(sources, locale)}
