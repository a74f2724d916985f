"""The curriculum root, its categories and pathways, and the 40 e-modules."""

from collections.abc import Callable
from typing import Any

from cms.modules.blocks import ModuleBodyBlock
from cms.modules.models import CategoryPage, CurriculumPage, ModulePage, PathwayModule, PathwayPage
from cms.project.models import Trainer
from cms.site.catalogue.context import LoadContext, save_page, text_items
from cms.site.catalogue.source import DataFile, PathItem


def load_curriculum(file: DataFile, ctx: LoadContext) -> None:
    curriculum = ctx.child_page(ctx.home, CurriculumPage, "e-modules")
    if curriculum is None:
        page = CurriculumPage(title="E-modules", slug="e-modules", locale=ctx.locale)
        curriculum = save_page(ctx.home, page, is_new=True)
    ctx.remember("page", "curriculum", curriculum)
    for index, entry in ctx.entries(file, "categories"):
        existing = ctx.child_page(curriculum, CategoryPage, entry["slug"])
        write = _grouping_writer(ctx, curriculum, CategoryPage, entry)
        category = ctx.upsert(file, ["categories", index], "category", entry, existing, write)
        ctx.remember("category", entry["slug"], category)


def load_pathways(file: DataFile, ctx: LoadContext) -> None:
    """Runs after the modules are loaded: a pathway lists modules from several categories."""
    curriculum = ctx.objects["page"]["curriculum"]
    for index, entry in ctx.entries(file, "pathways"):
        modules = [
            ctx.lookup(file, ["pathways", index, "modules", position], "module", slug)
            for position, slug in enumerate(entry["modules"])
        ]
        if len({module.pk for module in modules}) != len(modules):
            raise ctx.problem(file, ["pathways", index, "modules"], "a module is listed twice")
        existing = ctx.child_page(curriculum, PathwayPage, entry["slug"])
        write = _grouping_writer(ctx, curriculum, PathwayPage, entry, modules)
        pathway = ctx.upsert(file, ["pathways", index], "pathway", entry, existing, write)
        ctx.remember("pathway", entry["slug"], pathway)


def _grouping_writer(
    ctx: LoadContext,
    curriculum: CurriculumPage,
    model: type[CategoryPage] | type[PathwayPage],
    entry: dict[str, Any],
    modules: list[ModulePage] | None = None,
) -> Callable[[Any], Any]:
    def write(page: Any) -> Any:
        is_new = page is None
        page = page or model(slug=entry["slug"], locale=ctx.locale)
        page.title = entry["title"]
        page.description = entry["description"].strip()
        page.colour = entry["colour"]
        if modules is not None:
            page.pathway_modules = [
                PathwayModule(module=module, sort_order=order)
                for order, module in enumerate(modules)
            ]
        return save_page(curriculum, page, is_new)

    return write


def load_modules(file: DataFile, ctx: LoadContext) -> None:
    body_block = ModuleBodyBlock()
    for index, entry in ctx.entries(file, "modules"):
        path: list[PathItem] = ["modules", index]
        category = ctx.lookup(file, [*path, "category"], "category", entry["category"])
        resolved = {
            "category": category,
            "partner": ctx.lookup(file, [*path, "partner"], "partner", entry["partner"]),
            "competences": [
                ctx.lookup(file, [*path, "competences", i], "competence", slug)
                for i, slug in enumerate(entry.get("competences", []))
            ],
            "body": ctx.stream(file, [*path, "body"], body_block, entry["body"], entry["slug"]),
        }
        resolved["trainers"] = _trainers(file, ctx, path, entry, resolved["partner"])
        existing = ModulePage.objects.filter(slug=entry["slug"], locale=ctx.locale).first()
        if existing is not None and existing.get_parent().pk != category.pk:
            existing.move(category, pos="last-child")
            existing.refresh_from_db()
        write = _module_writer(ctx, entry, resolved)
        module = ctx.upsert(file, path, "module", entry, existing, write)
        ctx.remember("module", entry["slug"], module)


def _trainers(
    file: DataFile, ctx: LoadContext, path: list[PathItem], entry: dict[str, Any], partner: Any
) -> list[Trainer]:
    trainers = []
    for i, name in enumerate(entry.get("trainers", [])):
        trainer = Trainer.objects.filter(name=name, partner=partner).first()
        if trainer is None:
            raise ctx.problem(file, [*path, "trainers", i], f"{name} is not a trainer of {partner}")
        trainers.append(trainer)
    return trainers


def _module_writer(
    ctx: LoadContext, entry: dict[str, Any], resolved: dict[str, Any]
) -> Callable[[Any], ModulePage]:
    def write(page: ModulePage | None) -> ModulePage:
        is_new = page is None
        page = page or ModulePage(slug=entry["slug"], locale=ctx.locale)
        page.title = entry["title"]
        page.summary = entry["summary"].strip()
        page.partner = resolved["partner"]
        page.duration_hours = entry.get("duration_hours", 3)
        page.language_level = entry.get("language_level", "A2")
        page.objectives = text_items(entry["objectives"], f"{entry['slug']}/objectives")
        page.outcomes = text_items(entry["outcomes"], f"{entry['slug']}/outcomes")
        page.body = resolved["body"]
        page.trainers = resolved["trainers"]
        page.competences = resolved["competences"]
        return save_page(resolved["category"], page, is_new)

    return write
