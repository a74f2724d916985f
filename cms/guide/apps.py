from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "cms.guide"
    label = "guide"
    verbose_name = "Learning guide and infographics"
