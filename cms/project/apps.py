from django.apps import AppConfig


class ProjectConfig(AppConfig):
    name = "cms.project"
    label = "project"
    verbose_name = "Project and partners"

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
