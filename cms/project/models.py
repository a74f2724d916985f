"""The project itself: its partners, their trainers, the competences and the project page."""

from django.contrib.auth.models import Group
from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.blocks.base import RICH_TEXT_FEATURES
from cms.core.fields import text_list_field
from cms.core.pages import ContentPage

COUNTRIES = [("FR", "France"), ("BE", "Belgium"), ("PT", "Portugal"), ("TR", "Turkey")]


class Partner(TranslatableMixin, index.Indexed, ClusterableModel):
    """One of the four partner organisations; its representative signs the certificates."""

    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=200, help_text="Full official name.")
    short_name = models.CharField(max_length=80, help_text="The name printed on certificates.")
    country = models.CharField(max_length=2, choices=COUNTRIES)
    website = models.URLField()
    description = models.TextField()
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signatory_name = models.CharField(max_length=120, help_text="Who signs the certificates.")
    signatory_role = models.CharField(max_length=120, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan of the signature, on a transparent or white background.",
    )
    editors_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner",
        help_text="Members of this group edit this partner's e-modules.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_role"), FieldPanel("signature")],
            heading="Certificate signatory",
        ),
        FieldPanel("editors_group"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("name"),
        SynchronizedField("short_name"),
        SynchronizedField("website"),
        SynchronizedField("signatory_name"),
        TranslatableField("signatory_role"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_partner_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.short_name


class Trainer(models.Model):
    """A person who wrote or teaches e-modules. Names are never translated."""

    name = models.CharField(max_length=120)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="trainers",
        limit_choices_to={"locale__language_code": "en"},
    )

    panels = [FieldPanel("name"), FieldPanel("partner")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "partner"], name="unique_trainer_per_partner")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner.short_name})"


class Competence(TranslatableMixin, index.Indexed, models.Model):
    """A transversal or digital competence that e-modules develop."""

    class Kind(models.TextChoices):
        TRANSVERSAL = "transversal", "Transversal (cross-cutting)"
        DIGITAL = "digital", "Digital"

    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    description = models.TextField()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        TranslatableField("name"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_competence_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProjectPage(ContentPage):
    """What the certificate annex says about the project, so employers know what it is worth."""

    reference = models.CharField(max_length=60, help_text="e.g. 2020-1-FR01-KA204-080342")
    website = models.URLField()
    start_date = models.DateField()
    end_date = models.DateField()
    programme_explanation = RichTextField(features=RICH_TEXT_FEATURES)
    target_group = RichTextField(features=RICH_TEXT_FEATURES)
    objectives = text_list_field("Objective")
    methodology = RichTextField(features=RICH_TEXT_FEATURES)
    results = text_list_field("Result")
    contact = RichTextField(features=RICH_TEXT_FEATURES)

    content_panels = ContentPage.content_panels + [
        FieldPanel("reference"),
        FieldPanel("website"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("programme_explanation"),
        FieldPanel("target_group"),
        FieldPanel("objectives"),
        FieldPanel("methodology"),
        FieldPanel("results"),
        FieldPanel("contact"),
    ]
    override_translatable_fields = [
        SynchronizedField("reference"),
        SynchronizedField("website"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
    ]
    parent_page_types = ["core.HomePage"]
    max_count = 1
