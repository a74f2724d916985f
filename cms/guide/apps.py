from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    name = "cms.guide"
    label = "guide"
    verbose_name = _("Learning guide and infographics")

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
