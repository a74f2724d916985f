"""The curriculum: 5 categories and 2 intern pathways of 40 e-modules."""

from typing import Any

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PagePermissionTester
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.fields import CEFR_LEVELS, colour_field, text_list_field
from cms.core.pages import ContentPage

from .blocks import ModuleBodyBlock
from .permissions import ModulePermissionTester, PartnerModuleForm


class CurriculumPage(ContentPage):
    """The root of the training course."""

    template = "core/listing_page.html"

    introduction = models.TextField(blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["modules.CategoryPage", "modules.PathwayPage"]
    max_count = 1


class CategoryPage(ContentPage):
    """A category of e-modules; its colour guides learners through the platform."""

    description = models.TextField(help_text="Two short sentences in plain language.")
    colour = colour_field()

    content_panels = ContentPage.content_panels + [FieldPanel("description"), FieldPanel("colour")]
    override_translatable_fields = [SynchronizedField("colour")]
    search_fields = ContentPage.search_fields + [index.SearchField("description")]
    parent_page_types = ["modules.CurriculumPage"]
    subpage_types = ["modules.ModulePage"]


class PathwayPage(ContentPage):
    """An intern pathway: a chosen sequence of e-modules from several categories."""

    description = models.TextField(help_text="Two short sentences in plain language.")
    colour = colour_field()

    content_panels = ContentPage.content_panels + [
        FieldPanel("description"),
        FieldPanel("colour"),
        InlinePanel("pathway_modules", label="E-modules, in order", min_num=1),
    ]
    override_translatable_fields = [
        SynchronizedField("colour"),
        SynchronizedField("pathway_modules"),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("description")]
    parent_page_types = ["modules.CurriculumPage"]
    subpage_types: list[str] = []


class PathwayModule(Orderable):
    pathway = ParentalKey(PathwayPage, on_delete=models.CASCADE, related_name="pathway_modules")
    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("module")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["pathway", "module"], name="unique_module_per_pathway")
        ]


class ModulePage(ContentPage):
    """An e-module of about three hours: objectives, content, vocabulary, exercises, evaluation."""

    summary = models.TextField(max_length=240, help_text="At most 240 characters, plain language.")
    partner = models.ForeignKey(
        "project.Partner",
        on_delete=models.PROTECT,
        related_name="modules",
        help_text="The partner organisation that wrote the module.",
    )
    trainers = ParentalManyToManyField("project.Trainer", blank=True, related_name="modules")
    duration_hours = models.DecimalField(max_digits=4, decimal_places=1, default=3)
    language_level = models.CharField(
        max_length=2,
        choices=CEFR_LEVELS,
        default="A2",
        help_text="CEFR level of the module's language.",
    )
    objectives = text_list_field("Learning objective", "Start each with “To …”.")
    outcomes = text_list_field(
        "Learning outcome",
        "Learning outcomes and acquired competences; start each with “You can …”.",
    )
    competences = ParentalManyToManyField("project.Competence", blank=True, related_name="modules")
    body = StreamField(ModuleBodyBlock(), blank=True)

    base_form_class = PartnerModuleForm
    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("partner"),
                FieldPanel("trainers"),
                FieldPanel("duration_hours"),
                FieldPanel("language_level"),
            ],
            heading="About the module",
        ),
        FieldPanel("objectives"),
        FieldPanel("outcomes"),
        FieldPanel("competences"),
        FieldPanel("body"),
    ]
    override_translatable_fields = [
        TranslatableField("summary"),
        SynchronizedField("partner"),
        SynchronizedField("trainers"),
        SynchronizedField("duration_hours"),
        SynchronizedField("language_level"),
        SynchronizedField("competences"),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("partner"),
        index.FilterField("language_level"),
    ]
    parent_page_types = ["modules.CategoryPage"]
    subpage_types: list[str] = []

    @property
    def category(self) -> CategoryPage:
        return self.get_parent().specific

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        return ModulePermissionTester(user, self)
