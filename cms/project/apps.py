from django.apps import AppConfig


class ProjectConfig(AppConfig):
    name = "cms.project"
    label = "project"
    verbose_name = "Project and partners"
