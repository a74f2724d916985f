"""Learners (the learners app's accounts) without going through the API."""

import factory
from factory.django import DjangoModelFactory

from cms.learners.models import Learner


class LearnerFactory(DjangoModelFactory):
    display_name = factory.Sequence(lambda n: f"Learner {n}")
    locale = "en"

    class Meta:
        model = Learner
