from django.apps import AppConfig


class ModulesConfig(AppConfig):
    name = "cms.modules"
    label = "modules"
    verbose_name = "E-modules"

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
