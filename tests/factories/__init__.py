"""Factories that build the little data a test needs (factory-boy, wagtail-factories), so that
tests do not depend on the demo catalogue's slugs or contents. One module per app; import the
factories from here."""

from .learners import LearnerFactory
from .modules import (
    CategoryPageFactory,
    CurriculumPageFactory,
    ModulePageFactory,
    PathwayPageFactory,
    evaluation,
    section,
)
from .pages import HomePageFactory, home_page, locale
from .project import CompetenceFactory, PartnerFactory, TrainerFactory

__all__ = [
    "CategoryPageFactory",
    "CompetenceFactory",
    "CurriculumPageFactory",
    "HomePageFactory",
    "LearnerFactory",
    "ModulePageFactory",
    "PartnerFactory",
    "PathwayPageFactory",
    "TrainerFactory",
    "evaluation",
    "home_page",
    "locale",
    "section",
]
