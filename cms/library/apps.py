from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "cms.library"
    label = "library"
    verbose_name = _("E-library")

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
