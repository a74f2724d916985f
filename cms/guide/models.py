"""The online learning guide and the two infographics, as structured, translatable content."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.fields import colour_field
from cms.core.pages import ContentPage

from .blocks import ChapterBlock, InfographicItemBlock


class LearningGuidePage(ContentPage):
    """How the e-learning path works and how to use the platform, chapter by chapter."""

    introduction = models.TextField(verbose_name=_("Introduction"))
    chapters = StreamField([("chapter", ChapterBlock())], verbose_name=_("Chapters"))

    content_panels = ContentPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("chapters"),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("chapters"),
    ]

    class Meta:
        verbose_name = _("Learning guide")
        verbose_name_plural = _("Learning guides")

    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count = 1


class InfographicPage(ContentPage):
    """An infographic built from items (title, text, icon), so it translates and prints."""

    introduction = models.TextField(verbose_name=_("Introduction"))
    colour = colour_field(verbose_name=_("Colour"))
    items = StreamField([("item", InfographicItemBlock())], verbose_name=_("Items"))

    content_panels = ContentPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("colour"),
        FieldPanel("items"),
    ]
    override_translatable_fields = [SynchronizedField("colour")]
    search_fields = ContentPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("items"),
    ]

    class Meta:
        verbose_name = _("Infographic")
        verbose_name_plural = _("Infographics")

    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
