"""The learning guide as a booklet, and each infographic as a one-page poster."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.printing.documents import PrintableDocument, register
from cms.printing.locales import Localized

from .models import InfographicPage, LearningGuidePage


@dataclass
class Chapter:
    anchor: str
    title: str
    sections: list[Any]
    lang: str
    direction: str

    def lang_of(self, part: str) -> str:
        """A chapter is marked as a whole (the block it comes from)."""
        return self.lang


@register
class LearningGuideBooklet(PrintableDocument):
    kind = "guide"
    label = gettext_lazy("Learning guide")
    template_name = "guide/print/guide.html"
    target_model = LearningGuidePage
    needs_targets = False

    def expected_pages(self) -> int:
        return 12

    def title(self) -> str:
        return self.localize(self.targets)[0].page.title

    def get_context(self) -> dict[str, Any]:
        (guide,) = self.localize(self.targets)
        chapters = [
            Chapter(
                f"chapter-{number}",
                chapter.value["title"],
                chapter.value["sections"],
                guide.lang_of(chapter.id),
                guide.dir_of(chapter.id),
            )
            for number, chapter in enumerate(guide.page.chapters, start=1)
        ]
        return {
            "cover": {
                "title": guide.page.title,
                "kicker": _("Learning guide"),
                "description": guide.page.introduction,
                "lang": guide.lang_of("title"),
                "direction": guide.dir_of("title"),
                "description_lang": guide.lang_of("introduction"),
                "description_direction": guide.dir_of("introduction"),
            },
            "guide": guide,
            "contents": chapters,
            "chapters": chapters,
        }


@register
class InfographicPoster(PrintableDocument):
    kind = "poster"
    label = gettext_lazy("Infographic poster")
    template_name = "guide/print/poster.html"
    target_model = InfographicPage

    def expected_pages(self) -> int:
        return 1

    def title(self) -> str:
        return self.localize(self.targets)[0].page.title

    def get_context(self) -> dict[str, Any]:
        infographic: Localized = self.localize(self.targets)[0]
        return {"infographic": infographic, "colour": infographic.source.colour}
