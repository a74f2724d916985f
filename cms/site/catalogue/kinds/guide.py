"""The online learning guide and the two infographics."""

from collections.abc import Callable
from typing import Any

from cms.guide.models import InfographicPage, LearningGuidePage
from cms.site.catalogue.context import LoadContext, save_page
from cms.site.catalogue.source import DataFile


def load_learning_guide(file: DataFile, ctx: LoadContext) -> None:
    entry = file.data["learning_guide"]
    existing = ctx.child_page(ctx.home, LearningGuidePage, "learning-guide")
    chapters = ctx.stream(
        file,
        ["learning_guide", "chapters"],
        LearningGuidePage.chapters.field.stream_block,
        entry["chapters"],
        "learning-guide",
        wrap_as="chapter",
    )

    def write(page: LearningGuidePage | None) -> LearningGuidePage:
        is_new = page is None
        page = page or LearningGuidePage(slug="learning-guide", locale=ctx.locale)
        page.title = entry["title"]
        page.introduction = entry["introduction"].strip()
        page.chapters = chapters
        return save_page(ctx.home, page, is_new)

    ctx.upsert(
        file, ["learning_guide"], "learning_guide", entry, existing, write, slug="learning-guide"
    )


def load_infographics(file: DataFile, ctx: LoadContext) -> None:
    for index, entry in ctx.entries(file, "infographics"):
        items = ctx.stream(
            file,
            ["infographics", index, "items"],
            InfographicPage.items.field.stream_block,
            entry["items"],
            f"infographic-{entry['slug']}",
            wrap_as="item",
        )
        existing = ctx.child_page(ctx.home, InfographicPage, entry["slug"])
        write = _infographic_writer(ctx, entry, items)
        ctx.upsert(file, ["infographics", index], "infographic", entry, existing, write)


def _infographic_writer(
    ctx: LoadContext, entry: dict[str, Any], items: list[dict[str, Any]]
) -> Callable[[Any], InfographicPage]:
    def write(page: InfographicPage | None) -> InfographicPage:
        is_new = page is None
        page = page or InfographicPage(slug=entry["slug"], locale=ctx.locale)
        page.title = entry["title"]
        page.introduction = entry["introduction"].strip()
        page.colour = entry["colour"]
        page.items = items
        return save_page(ctx.home, page, is_new)

    return write
