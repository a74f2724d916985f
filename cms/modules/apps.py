from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "cms.modules"
    label = "modules"
    verbose_name = _("E-modules")

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
