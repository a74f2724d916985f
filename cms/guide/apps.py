from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "cms.guide"
    label = "guide"
    verbose_name = "Learning guide and infographics"

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
