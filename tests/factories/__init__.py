"""Factories that build the little data a test needs (factory-boy, wagtail-factories), so that
tests do not depend on the demo catalogue's slugs or contents. One module per app; import the
factories from here."""

from .guide import InfographicPageFactory, LearningGuidePageFactory
from .learners import LearnerFactory
from .library import (
    CertificationToolIndexPageFactory,
    CertificationToolPageFactory,
    GoodPracticePageFactory,
    LibraryIndexPageFactory,
)
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
from .project import CompetenceFactory, PartnerFactory, ProjectPageFactory, TrainerFactory

__all__ = [
    "CategoryPageFactory",
    "CertificationToolIndexPageFactory",
    "CertificationToolPageFactory",
    "CompetenceFactory",
    "CurriculumPageFactory",
    "DocumentFactory",
    "GoodPracticePageFactory",
    "HomePageFactory",
    "ImageFactory",
    "InfographicPageFactory",
    "LearnerFactory",
    "LearningGuidePageFactory",
    "LibraryIndexPageFactory",
    "ModulePageFactory",
    "PartnerFactory",
    "PathwayPageFactory",
    "ProjectPageFactory",
    "TrainerFactory",
    "evaluation",
    "every_block",
    "home_page",
    "locale",
    "section",
]
