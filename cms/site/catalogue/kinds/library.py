"""The e-library: its index, the 40 good practices and the 11 certification tools."""

from collections.abc import Callable
from typing import Any

from cms.library.models import (
    CertificationToolIndexPage,
    CertificationToolPage,
    GoodPracticePage,
    LibraryIndexPage,
)
from cms.site.catalogue.context import LoadContext, save_page, text_items
from cms.site.catalogue.source import DataFile

GOOD_PRACTICE_HTML_FIELDS = (
    "objectives_and_target_group",
    "content_and_modalities",
    "strengths_and_weaknesses_notes",
    "propositions",
    "expert_comments",
)


def library_index(ctx: LoadContext) -> LibraryIndexPage:
    index = ctx.child_page(ctx.home, LibraryIndexPage, "e-library")
    if index is None:
        page = LibraryIndexPage(title="E-library", slug="e-library", locale=ctx.locale)
        index = save_page(ctx.home, page, is_new=True)
    return index


def certification_tools_index(ctx: LoadContext) -> CertificationToolIndexPage:
    library = library_index(ctx)
    index = ctx.child_page(library, CertificationToolIndexPage, "certification-tools")
    if index is None:
        page = CertificationToolIndexPage(
            title="Certification tools", slug="certification-tools", locale=ctx.locale
        )
        index = save_page(library, page, is_new=True)
    return index


def load_good_practices(file: DataFile, ctx: LoadContext) -> None:
    parent = library_index(ctx)
    for index, entry in ctx.entries(file, "good_practices"):
        partner = ctx.lookup(
            file, ["good_practices", index, "identified_by"], "partner", entry["identified_by"]
        )
        existing = ctx.child_page(parent, GoodPracticePage, entry["slug"])
        write = _good_practice_writer(parent, ctx, entry, partner)
        ctx.upsert(file, ["good_practices", index], "good_practice", entry, existing, write)


def _good_practice_writer(
    parent: LibraryIndexPage, ctx: LoadContext, entry: dict[str, Any], partner: Any
) -> Callable[[Any], GoodPracticePage]:
    def write(page: GoodPracticePage | None) -> GoodPracticePage:
        is_new = page is None
        page = page or GoodPracticePage(slug=entry["slug"], locale=ctx.locale)
        page.title = entry["name"]
        page.organisations = ", ".join(entry["organisations"])
        page.website = entry["website"]
        page.identified_by = partner
        for name in GOOD_PRACTICE_HTML_FIELDS:
            setattr(page, name, entry.get(name, "").strip())
        page.strengths = text_items(entry["strengths"], f"{entry['slug']}/strengths")
        page.weaknesses = text_items(entry["weaknesses"], f"{entry['slug']}/weaknesses")
        facets = entry["facets"]
        page.resource_type = facets["resource_type"]
        page.objectives = facets["objectives"]
        page.country = entry["country"]
        page.languages = facets["languages"]
        page.cost = facets["cost"]
        page.has_certification = facets["has_certification"]
        return save_page(parent, page, is_new)

    return write


def load_certification_tools(file: DataFile, ctx: LoadContext) -> None:
    parent = certification_tools_index(ctx)
    for index, entry in ctx.entries(file, "certification_tools"):
        existing = ctx.child_page(parent, CertificationToolPage, entry["slug"])
        write = _certification_tool_writer(parent, ctx, entry)
        ctx.upsert(
            file, ["certification_tools", index], "certification_tool", entry, existing, write
        )


def _certification_tool_writer(
    parent: CertificationToolIndexPage, ctx: LoadContext, entry: dict[str, Any]
) -> Callable[[Any], CertificationToolPage]:
    def write(page: CertificationToolPage | None) -> CertificationToolPage:
        is_new = page is None
        page = page or CertificationToolPage(slug=entry["slug"], locale=ctx.locale)
        page.title = entry["name"]
        page.scope = entry["scope"]
        page.country = entry["country"]
        page.summary = entry["summary"].strip()
        page.description = entry["description"].strip()
        page.strengths = text_items(entry.get("strengths", []), f"{entry['slug']}/strengths")
        page.weaknesses = text_items(entry.get("weaknesses", []), f"{entry['slug']}/weaknesses")
        page.references = text_items(entry.get("references", []), f"{entry['slug']}/references")
        return save_page(parent, page, is_new)

    return write
