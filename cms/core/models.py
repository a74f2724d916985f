from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.core.pages import ContentPage


class HomePage(ContentPage):
    """The site root: the curriculum, the e-library, the guide and the project hang below it."""

    template = "core/listing_page.html"

    introduction = models.TextField(blank=True, verbose_name=_("Introduction"))

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1


class CatalogueRecord(models.Model):
    """What the catalogue loader last wrote for one entry, so it never overwrites an editor.

    ``data_hash`` is the hash of the entry in the data file; ``content_fingerprint`` is the
    state of the object right after loading (a page's revision id, a snippet's field values). An
    object whose current fingerprint differs has been edited since, and is left alone.
    """

    kind = models.CharField(max_length=40, verbose_name=_("Kind"))
    slug = models.CharField(max_length=120, verbose_name=_("Slug"))
    data_hash = models.CharField(max_length=64, verbose_name=_("Data hash"))
    content_fingerprint = models.CharField(max_length=80, verbose_name=_("Content fingerprint"))
    loaded_at = models.DateTimeField(auto_now=True, verbose_name=_("Loaded at"))

    class Meta:
        verbose_name = _("Catalogue record")
        verbose_name_plural = _("Catalogue records")
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="unique_catalogue_record")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.slug}"
