"""The e-library: the 40 good practices of the manual and the certification tools it reviews."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks.base import RICH_TEXT_FEATURES
from cms.core.fields import ChoiceListField, text_list_field
from cms.core.pages import ContentPage
from cms.core.permissions import SharedPage

from .facets import (
    COST_CHOICES,
    COUNTRY_CHOICES,
    LANGUAGE_CHOICES,
    OBJECTIVE_CHOICES,
    RESOURCE_TYPE_CHOICES,
)


class LibraryIndexPage(SharedPage, ContentPage):
    template = "core/listing_page.html"

    introduction = models.TextField(blank=True, verbose_name=_("Introduction"))

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("E-library")
        verbose_name_plural = _("E-libraries")

    parent_page_types = ["core.HomePage"]
    subpage_types = ["library.GoodPracticePage", "library.CertificationToolIndexPage"]
    max_count = 1


class CertificationToolIndexPage(SharedPage, ContentPage):
    template = "core/listing_page.html"

    introduction = models.TextField(blank=True, verbose_name=_("Introduction"))

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("Certification tools")
        verbose_name_plural = _("Certification tool lists")

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = ["library.CertificationToolPage"]
    max_count = 1


class GoodPracticePage(SharedPage, ContentPage):
    """A good practice as the manual describes it, with the experts' comments."""

    organisations = models.CharField(
        max_length=400, help_text=_("Organisations behind it."), verbose_name=_("Organisations")
    )
    website = models.URLField(max_length=400, blank=True, verbose_name=_("Website"))
    identified_by = models.ForeignKey(
        "project.Partner",
        on_delete=models.PROTECT,
        related_name="good_practices",
        help_text=_("The partner that identified this practice."),
        verbose_name=_("Identified by"),
    )
    objectives_and_target_group = RichTextField(
        features=RICH_TEXT_FEATURES, verbose_name=_("Objectives and target group")
    )
    content_and_modalities = RichTextField(
        features=RICH_TEXT_FEATURES, verbose_name=_("Content and modalities")
    )
    strengths = text_list_field(_("Strength"), max_length=600, verbose_name=_("Strengths"))
    weaknesses = text_list_field(_("Weakness"), max_length=600, verbose_name=_("Weaknesses"))
    strengths_and_weaknesses_notes = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("Notes on strengths and weaknesses")
    )
    propositions = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text=_("Propositions to adapt to our platform."),
        verbose_name=_("Propositions"),
    )
    expert_comments = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("Experts' comments")
    )

    resource_type = models.CharField(
        max_length=12, choices=RESOURCE_TYPE_CHOICES, verbose_name=_("Type of resource")
    )
    objectives = ChoiceListField(item_choices=OBJECTIVE_CHOICES, verbose_name=_("Objectives"))
    country = models.CharField(max_length=3, choices=COUNTRY_CHOICES, verbose_name=_("Country"))
    languages = ChoiceListField(
        item_choices=LANGUAGE_CHOICES,
        help_text=_("Languages it offers."),
        verbose_name=_("Languages"),
    )
    cost = models.CharField(max_length=5, choices=COST_CHOICES, verbose_name=_("Cost"))
    has_certification = models.BooleanField(
        default=False, verbose_name=_("Leads to a certification")
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("organisations"),
        FieldPanel("website"),
        FieldPanel("identified_by"),
        FieldPanel("objectives_and_target_group"),
        FieldPanel("content_and_modalities"),
        FieldPanel("strengths"),
        FieldPanel("weaknesses"),
        FieldPanel("strengths_and_weaknesses_notes"),
        FieldPanel("propositions"),
        FieldPanel("expert_comments"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("objectives"),
                FieldPanel("country"),
                FieldPanel("languages"),
                FieldPanel("cost"),
                FieldPanel("has_certification"),
            ],
            heading=_("Facets (for filtering the e-library)"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("organisations"),
        SynchronizedField("website"),
        SynchronizedField("identified_by"),
        SynchronizedField("resource_type"),
        SynchronizedField("objectives"),
        SynchronizedField("country"),
        SynchronizedField("languages"),
        SynchronizedField("cost"),
        SynchronizedField("has_certification"),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("organisations"),
        index.SearchField("objectives_and_target_group"),
        index.SearchField("content_and_modalities"),
        index.SearchField("expert_comments"),
        index.SearchField("propositions"),
        index.SearchField("strengths_and_weaknesses_notes"),
        index.SearchField("strengths"),
        index.SearchField("weaknesses"),
        # Facets by name, in English, so that "Portugal" or "MOOC" finds them too.
        index.SearchField("facet_words"),
        index.FilterField("resource_type"),
        index.FilterField("country"),
        index.FilterField("cost"),
    ]

    class Meta:
        verbose_name = _("Good practice")
        verbose_name_plural = _("Good practices")

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []

    def facet_words(self) -> str:
        """Country, type, objectives, languages and cost by name, for the search index."""
        with translation.override(settings.LANGUAGE_CODE):
            names = [self.get_country_display(), self.get_resource_type_display()]
            names += [str(dict(OBJECTIVE_CHOICES).get(code, code)) for code in self.objectives]
            names += [str(dict(LANGUAGE_CHOICES).get(code, code)) for code in self.languages]
            return " ".join(str(name) for name in names)


class CertificationToolPage(SharedPage, ContentPage):
    """A certification tool the manual reviews, and what MigranTech's certificates learn from it."""

    class Scope(models.TextChoices):
        EUROPEAN = "european", _("European framework")
        NATIONAL = "national", _("National")
        PLATFORM = "platform", _("Learning platform")

    scope = models.CharField(max_length=10, choices=Scope.choices, verbose_name=_("Scope"))
    country = models.CharField(max_length=3, choices=COUNTRY_CHOICES, verbose_name=_("Country"))
    summary = models.TextField(max_length=300, verbose_name=_("Summary"))
    description = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("Description"))
    strengths = text_list_field(_("Strength"), max_length=600, verbose_name=_("Strengths"))
    weaknesses = text_list_field(_("Weakness"), max_length=600, verbose_name=_("Weaknesses"))
    references = text_list_field(_("Reference URL"), max_length=400, verbose_name=_("References"))

    content_panels = ContentPage.content_panels + [
        FieldPanel("scope"),
        FieldPanel("country"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("strengths"),
        FieldPanel("weaknesses"),
        FieldPanel("references"),
    ]
    override_translatable_fields = [
        SynchronizedField("scope"),
        SynchronizedField("country"),
        SynchronizedField("references"),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("Certification tool")
        verbose_name_plural = _("Certification tools")

    parent_page_types = ["library.CertificationToolIndexPage"]
    subpage_types: list[str] = []
