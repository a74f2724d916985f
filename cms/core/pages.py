"""The base of every page type: one place for behaviour all content pages share."""

from wagtail.models import Page


class ContentPage(Page):
    """Abstract base for the content pages served by the API."""

    class Meta:
        abstract = True
