from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "cms.learners"
    label = "learners"
    verbose_name = "Learners"
