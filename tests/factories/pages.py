"""The site's root: locales and the home page every other page hangs under."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from cms.core.models import HomePage


def locale(language_code: str = "en") -> Locale:
    return Locale.objects.get_or_create(language_code=language_code)[0]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "MigranTech"
    slug = factory.Sequence(lambda n: f"home-{n}")
    locale = factory.LazyFunction(locale)

    class Meta:
        model = HomePage


def home_page() -> HomePage:
    """The default site's home page in English, made (and made the site's root) if missing."""
    existing = HomePage.objects.filter(depth=2, locale=locale()).first()
    if existing:
        return existing
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", is_default_site=True
    )
    site.root_page = home
    site.save()
    return home
