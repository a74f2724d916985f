"""Loading the curriculum for the API with a fixed number of queries, and the modules' filters."""

from collections import defaultdict
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext, gettext_lazy
from wagtail.models import Page

from cms.core.api.locales import source_locale_code
from cms.core.api.pages import localise
from cms.core.api.problems import BadParameter, UnknownTarget
from cms.core.api.views import parse_id
from cms.core.fields import CEFR_LEVELS
from cms.modules.models import CategoryPage, ModulePage, PathwayModule, PathwayPage
from cms.project.models import Competence, Partner

LEVELS = [code for code, _label in CEFR_LEVELS]


def live_sources(model: type[Page]) -> QuerySet:
    return model.objects.live().filter(locale__language_code=source_locale_code()).order_by("path")


def prepare_modules(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("partner").prefetch_related("trainers", "competences")


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def attach_module_summaries(modules: list[Any], context: dict[str, Any]) -> None:
    """Each module's partner and category, in the asked locale."""
    paths = {_parent_path(module.api_source) for module in modules}
    # Keyed by the source category's path: a translated category lives elsewhere in the tree.
    categories = {
        category.api_source.path: category
        for category in localise(
            list(live_sources(CategoryPage).filter(path__in=paths)),
            context["locale"],
            CategoryPage.objects.all(),
        )
    }
    for module in modules:
        source = module.api_source
        module.api_partner = context["snippets"].get(Partner, source.partner_id)
        module.api_category = categories.get(_parent_path(source))


def attach_module_details(modules: list[Any], context: dict[str, Any]) -> None:
    """Summaries plus trainers, competences and the pathways each module is part of."""
    attach_module_summaries(modules, context)
    source_ids = [module.api_id for module in modules]
    links = PathwayModule.objects.filter(module_id__in=source_ids).order_by("sort_order")
    pathway_ids_of = defaultdict(list)
    for module_id, pathway_id in links.values_list("module_id", "pathway_id"):
        pathway_ids_of[module_id].append(pathway_id)
    pathway_ids = {pk for ids in pathway_ids_of.values() for pk in ids}
    pathways = {
        pathway.api_id: pathway
        for pathway in localise(
            list(live_sources(PathwayPage).filter(pk__in=pathway_ids)),
            context["locale"],
            PathwayPage.objects.all(),
        )
    }
    for module in modules:
        source = module.api_source
        module.api_trainers = [trainer.name for trainer in source.trainers.all()]
        module.api_competences = [
            competence
            for competence in (
                context["snippets"].get(Competence, item.pk) for item in source.competences.all()
            )
            if competence is not None
        ]
        module.api_pathways = [
            pathways[pk] for pk in pathway_ids_of[module.api_id] if pk in pathways
        ]


def _with_modules(groupings: list[Any], members: dict[int, list[Any]]) -> None:
    for grouping in groupings:
        grouping.api_modules = members.get(grouping.api_id, [])
        grouping.api_duration_hours = float(
            sum(module.duration_hours for module in grouping.api_modules)
        )


def _served_modules(sources: list[ModulePage], context: dict[str, Any]) -> list[Any]:
    modules = localise(sources, context["locale"], ModulePage.objects.all())
    attach_module_summaries(modules, context)
    return modules


def attach_category_modules(categories: list[Any], context: dict[str, Any]) -> None:
    if not categories:
        return
    by_path = {category.api_source.path: category.api_id for category in categories}
    within = reduce(or_, (Q(path__startswith=path) for path in by_path))
    sources = list(prepare_modules(live_sources(ModulePage).filter(within)))
    members: dict[int, list[Any]] = defaultdict(list)
    for module in _served_modules(sources, context):
        members[by_path[_parent_path(module.api_source)]].append(module)
    _with_modules(categories, members)


def attach_pathway_modules(pathways: list[Any], context: dict[str, Any]) -> None:
    links = list(
        PathwayModule.objects.filter(pathway_id__in=[p.api_id for p in pathways])
        .order_by("sort_order")
        .values_list("pathway_id", "module_id")
    )
    sources = prepare_modules(live_sources(ModulePage).filter(pk__in={m for _p, m in links}))
    served = {module.api_id: module for module in _served_modules(list(sources), context)}
    members: dict[int, list[Any]] = defaultdict(list)
    for pathway_id, module_id in links:
        if module_id in served:
            members[pathway_id].append(served[module_id])
    _with_modules(pathways, members)


def _single(params: Any, name: str) -> str | None:
    value = params.get(name)
    return value.strip() if value is not None else None


def filter_modules(queryset: QuerySet, params: Any) -> QuerySet:
    """``category`` and ``pathway`` (ids), ``partner`` and ``competence`` (slugs), and
    ``language_level`` (alias ``level``)."""
    if (raw := _single(params, "category")) is not None:
        category = live_sources(CategoryPage).filter(pk=parse_id(raw, "category")).first()
        if category is None:
            valid = list(live_sources(CategoryPage).values_list("pk", flat=True))
            message = gettext("no category has the id %(id)s.") % {"id": raw}
            raise UnknownTarget("category", message, valid)
        queryset = queryset.filter(path__startswith=category.path)
    if (raw := _single(params, "pathway")) is not None:
        pathway = live_sources(PathwayPage).filter(pk=parse_id(raw, "pathway")).first()
        if pathway is None:
            valid = list(live_sources(PathwayPage).values_list("pk", flat=True))
            message = gettext("no pathway has the id %(id)s.") % {"id": raw}
            raise UnknownTarget("pathway", message, valid)
        queryset = queryset.filter(
            pk__in=PathwayModule.objects.filter(pathway=pathway).values("module_id")
        )
    for name, model, lookup, unknown in (
        ("partner", Partner, "partner__slug", gettext_lazy("no partner is called “%(value)s”.")),
        (
            "competence",
            Competence,
            "competences__slug",
            gettext_lazy("no competence is called “%(value)s”."),
        ),
    ):
        if (raw := _single(params, name)) is not None:
            valid = list(
                model.objects.filter(locale__language_code=source_locale_code())
                .order_by("slug")
                .values_list("slug", flat=True)
            )
            if raw not in valid:
                raise UnknownTarget(name, unknown % {"value": raw}, valid)
            queryset = queryset.filter(**{lookup: raw})
    for name in ("language_level", "level"):
        if (raw := _single(params, name)) is not None:
            if raw.upper() not in LEVELS:
                raise BadParameter(
                    name,
                    gettext("use a CEFR level (%(levels)s).") % {"levels": ", ".join(LEVELS)},
                    valid_values=LEVELS,
                )
            queryset = queryset.filter(language_level=raw.upper())
    return queryset.distinct()
