from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    name = "cms.project"
    label = "project"
    verbose_name = _("Project and partners")

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
