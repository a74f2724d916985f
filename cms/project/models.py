"""The project itself: its partners, their trainers, the competences and the project page."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.blocks.base import RICH_TEXT_FEATURES
from cms.core.fields import text_list_field
from cms.core.pages import ContentPage

COUNTRIES = [
    ("FR", _("France")),
    ("BE", _("Belgium")),
    ("PT", _("Portugal")),
    ("TR", _("Turkey")),
]


class Partner(TranslatableMixin, index.Indexed, ClusterableModel):
    """One of the four partner organisations; its representative signs the certificates."""

    slug = models.SlugField(max_length=60, verbose_name=_("Slug"))
    name = models.CharField(
        max_length=200, help_text=_("Full official name."), verbose_name=_("Name")
    )
    short_name = models.CharField(
        max_length=80,
        help_text=_("The name printed on certificates."),
        verbose_name=_("Short name"),
    )
    country = models.CharField(max_length=2, choices=COUNTRIES, verbose_name=_("Country"))
    website = models.URLField(verbose_name=_("Website"))
    description = models.TextField(verbose_name=_("Description"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
    )
    signatory_name = models.CharField(
        max_length=120,
        help_text=_("Who signs the certificates."),
        verbose_name=_("Signatory's name"),
    )
    signatory_role = models.CharField(
        max_length=120, blank=True, verbose_name=_("Signatory's role")
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature, on a transparent or white background."),
        verbose_name=_("Signature"),
    )
    editors_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner",
        help_text=_("Members of this group edit this partner's e-modules."),
        verbose_name=_("Editors' group"),
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
            heading=_("Certificate signatory"),
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
        verbose_name = _("Partner")
        verbose_name_plural = _("Partners")
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

    name = models.CharField(max_length=120, verbose_name=_("Name"))
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="trainers",
        limit_choices_to={"locale__language_code": "en"},
        verbose_name=_("Partner"),
    )

    panels = [FieldPanel("name"), FieldPanel("partner")]

    class Meta:
        verbose_name = _("Trainer")
        verbose_name_plural = _("Trainers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "partner"], name="unique_trainer_per_partner")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner.short_name})"


class Competence(TranslatableMixin, index.Indexed, models.Model):
    """A transversal or digital competence that e-modules develop."""

    class Kind(models.TextChoices):
        TRANSVERSAL = "transversal", _("Transversal (cross-cutting)")
        DIGITAL = "digital", _("Digital")

    slug = models.SlugField(max_length=80, verbose_name=_("Slug"))
    name = models.CharField(max_length=120, verbose_name=_("Name"))
    kind = models.CharField(max_length=12, choices=Kind.choices, verbose_name=_("Kind"))
    description = models.TextField(verbose_name=_("Description"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        TranslatableField("name"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Competence")
        verbose_name_plural = _("Competences")
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

    reference = models.CharField(
        max_length=60, help_text=_("e.g. 2020-1-FR01-KA204-080342"), verbose_name=_("Reference")
    )
    website = models.URLField(verbose_name=_("Website"))
    start_date = models.DateField(verbose_name=_("Start date"))
    end_date = models.DateField(verbose_name=_("End date"))
    programme_explanation = RichTextField(
        features=RICH_TEXT_FEATURES, verbose_name=_("About the programme")
    )
    target_group = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("Target group"))
    objectives = text_list_field(_("Objective"), verbose_name=_("Objectives"))
    methodology = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("Methodology"))
    results = text_list_field(_("Result"), verbose_name=_("Results"))
    contact = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("Contact"))

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

    class Meta:
        verbose_name = _("Project page")
        verbose_name_plural = _("Project pages")

    parent_page_types = ["core.HomePage"]
    max_count = 1
