"""The curriculum: 5 categories and 2 intern pathways of 40 e-modules."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PagePermissionTester
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.fields import CEFR_LEVELS, colour_field, text_list_field
from cms.core.pages import ContentPage
from cms.core.permissions import SharedPage

from .blocks import ModuleBodyBlock
from .permissions import ModulePermissionTester, PartnerModuleForm


class CurriculumPage(SharedPage, ContentPage):
    """The root of the training course."""

    template = "core/listing_page.html"

    introduction = models.TextField(blank=True, verbose_name=_("Introduction"))

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("Curriculum")
        verbose_name_plural = _("Curricula")

    parent_page_types = ["core.HomePage"]
    subpage_types = ["modules.CategoryPage", "modules.PathwayPage"]
    max_count = 1


class CategoryPage(SharedPage, ContentPage):
    """A category of e-modules; its colour guides learners through the platform."""

    editors_add_children = True

    description = models.TextField(
        help_text=_("Two short sentences in plain language."), verbose_name=_("Description")
    )
    colour = colour_field(verbose_name=_("Colour"))

    content_panels = ContentPage.content_panels + [FieldPanel("description"), FieldPanel("colour")]
    override_translatable_fields = [SynchronizedField("colour")]
    search_fields = ContentPage.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("Category")
        verbose_name_plural = _("Categories")

    parent_page_types = ["modules.CurriculumPage"]
    subpage_types = ["modules.ModulePage"]


class PathwayPage(SharedPage, ContentPage):
    """An intern pathway: a chosen sequence of e-modules from several categories."""

    description = models.TextField(
        help_text=_("Two short sentences in plain language."), verbose_name=_("Description")
    )
    colour = colour_field(verbose_name=_("Colour"))

    content_panels = ContentPage.content_panels + [
        FieldPanel("description"),
        FieldPanel("colour"),
        InlinePanel("pathway_modules", label=_("E-modules, in order"), min_num=1),
    ]
    override_translatable_fields = [
        SynchronizedField("colour"),
        SynchronizedField("pathway_modules"),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("Pathway")
        verbose_name_plural = _("Pathways")

    parent_page_types = ["modules.CurriculumPage"]
    subpage_types: list[str] = []


class PathwayModule(Orderable):
    pathway = ParentalKey(PathwayPage, on_delete=models.CASCADE, related_name="pathway_modules")
    module = models.ForeignKey(
        "modules.ModulePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("Module")
    )

    panels = [FieldPanel("module")]

    class Meta(Orderable.Meta):
        verbose_name = _("Module of the pathway")
        verbose_name_plural = _("Modules of the pathway")
        constraints = [
            models.UniqueConstraint(fields=["pathway", "module"], name="unique_module_per_pathway")
        ]


class ModulePage(ContentPage):
    """An e-module of about three hours: objectives, content, vocabulary, exercises, evaluation."""

    summary = models.TextField(
        max_length=240,
        help_text=_("At most 240 characters, plain language."),
        verbose_name=_("Summary"),
    )
    partner = models.ForeignKey(
        "project.Partner",
        on_delete=models.PROTECT,
        related_name="modules",
        help_text=_("The partner organisation that wrote the module."),
        verbose_name=_("Partner"),
    )
    trainers = ParentalManyToManyField(
        "project.Trainer", blank=True, related_name="modules", verbose_name=_("Trainers")
    )
    duration_hours = models.DecimalField(
        max_digits=4, decimal_places=1, default=3, verbose_name=_("Duration (hours)")
    )
    language_level = models.CharField(
        max_length=2,
        choices=CEFR_LEVELS,
        default="A2",
        help_text=_("CEFR level of the module's language."),
        verbose_name=_("Language level (CEFR)"),
    )
    objectives = text_list_field(
        _("Learning objective"), _("Start each with “To …”."), verbose_name=_("Objectives")
    )
    outcomes = text_list_field(
        _("Learning outcome"),
        _("Learning outcomes and acquired competences; start each with “You can …”."),
        verbose_name=_("Outcomes"),
    )
    competences = ParentalManyToManyField(
        "project.Competence", blank=True, related_name="modules", verbose_name=_("Competences")
    )
    body = StreamField(ModuleBodyBlock(), blank=True, verbose_name=_("Body"))

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
            heading=_("About the module"),
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
        # "Factor Social" finds Factor Social's modules in the admin's search.
        index.RelatedFields(
            "partner", [index.SearchField("name"), index.SearchField("short_name")]
        ),
        index.FilterField("partner"),
        index.FilterField("language_level"),
    ]

    class Meta:
        verbose_name = _("E-module")
        verbose_name_plural = _("E-modules")

    parent_page_types = ["modules.CategoryPage"]
    subpage_types: list[str] = []

    @property
    def category(self) -> CategoryPage:
        return self.get_parent().specific

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        return ModulePermissionTester(user, self)
