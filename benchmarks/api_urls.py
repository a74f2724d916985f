"""The benchmark server's URLs: the product's, plus Wagtail's stock pages API at /api/v2/."""

from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.modules.models import ModulePage
from cms.urls import urlpatterns as product_urlpatterns

# The stock endpoint must serve the same content as ours, so it gets the module's fields.
ModulePage.api_fields = [
    APIField(name)
    for name in (
        "summary",
        "partner",
        "duration_hours",
        "language_level",
        "objectives",
        "outcomes",
        "competences",
        "trainers",
        "body",
    )
]

stock_api = WagtailAPIRouter("wagtailapi")
stock_api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", stock_api.urls), *product_urlpatterns]
