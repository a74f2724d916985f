"""Factories that build the little data a test needs (factory-boy, wagtail-factories), so that
tests do not depend on the demo catalogue's slugs or contents. One module per app; import the
factories from here."""

from .learners import LearnerFactory
from .library import GoodPracticePageFactory, LibraryIndexPageFactory
from .media import DocumentFactory, ImageFactory
from .modules import (
    CategoryPageFactory,
    CurriculumPageFactory,
    ModulePageFactory,
    PathwayPageFactory,
    evaluation,
    every_block,
    section,
)
from .pages import HomePageFactory, home_page, locale
from .project import CompetenceFactory, PartnerFactory, TrainerFactory

__all__ = [
    "CategoryPageFactory",
    "CompetenceFactory",
    "CurriculumPageFactory",
    "DocumentFactory",
    "GoodPracticePageFactory",
    "HomePageFactory",
    "ImageFactory",
    "LearnerFactory",
    "LibraryIndexPageFactory",
    "ModulePageFactory",
    "PartnerFactory",
    "PathwayPageFactory",
    "TrainerFactory",
    "evaluation",
    "every_block",
    "home_page",
    "locale",
    "section",
]
