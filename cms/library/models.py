"""The e-library: the 40 good practices of the manual and the certification tools it reviews."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks.base import RICH_TEXT_FEATURES
from cms.core.fields import ChoiceListField, text_list_field
from cms.core.pages import ContentPage

from .facets import (
    COST_CHOICES,
    COUNTRY_CHOICES,
    LANGUAGE_CHOICES,
    OBJECTIVE_CHOICES,
    RESOURCE_TYPE_CHOICES,
)


class LibraryIndexPage(ContentPage):
    template = "core/listing_page.html"

    introduction = models.TextField(blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["library.GoodPracticePage", "library.CertificationToolIndexPage"]
    max_count = 1


class CertificationToolIndexPage(ContentPage):
    template = "core/listing_page.html"

    introduction = models.TextField(blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = ["library.CertificationToolPage"]
    max_count = 1


class GoodPracticePage(ContentPage):
    """A good practice as the manual describes it, with the experts' comments."""

    organisations = models.CharField(max_length=400, help_text="Organisations behind it.")
    website = models.URLField(max_length=400, blank=True)
    identified_by = models.ForeignKey(
        "project.Partner",
        on_delete=models.PROTECT,
        related_name="good_practices",
        help_text="The partner that identified this practice.",
    )
    objectives_and_target_group = RichTextField(features=RICH_TEXT_FEATURES)
    content_and_modalities = RichTextField(features=RICH_TEXT_FEATURES)
    strengths = text_list_field("Strength", max_length=600)
    weaknesses = text_list_field("Weakness", max_length=600)
    strengths_and_weaknesses_notes = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    propositions = RichTextField(
        features=RICH_TEXT_FEATURES, help_text="Propositions to adapt to our platform."
    )
    expert_comments = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    resource_type = models.CharField(max_length=12, choices=RESOURCE_TYPE_CHOICES)
    objectives = ChoiceListField(item_choices=OBJECTIVE_CHOICES)
    country = models.CharField(max_length=3, choices=COUNTRY_CHOICES)
    languages = ChoiceListField(item_choices=LANGUAGE_CHOICES, help_text="Languages it offers.")
    cost = models.CharField(max_length=5, choices=COST_CHOICES)
    has_certification = models.BooleanField(default=False)

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
            heading="Facets (for filtering the e-library)",
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
        index.FilterField("resource_type"),
        index.FilterField("country"),
        index.FilterField("cost"),
    ]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []


class CertificationToolPage(ContentPage):
    """A certification tool the manual reviews, and what MigranTech's certificates learn from it."""

    class Scope(models.TextChoices):
        EUROPEAN = "european", "European framework"
        NATIONAL = "national", "National"
        PLATFORM = "platform", "Learning platform"

    scope = models.CharField(max_length=10, choices=Scope.choices)
    country = models.CharField(max_length=3, choices=COUNTRY_CHOICES)
    summary = models.TextField(max_length=300)
    description = RichTextField(features=RICH_TEXT_FEATURES)
    strengths = text_list_field("Strength", max_length=600)
    weaknesses = text_list_field("Weakness", max_length=600)
    references = text_list_field("Reference URL", max_length=400)

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
    parent_page_types = ["library.CertificationToolIndexPage"]
    subpage_types: list[str] = []
