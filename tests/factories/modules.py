"""Pages of the modules app: curriculum, categories, modules (with body blocks), pathways."""

import factory
import wagtail_factories

from cms.modules.models import CategoryPage, CurriculumPage, ModulePage, PathwayPage

from .pages import home_page, locale
from .project import PartnerFactory


def section(heading: str = "Working together", body: str = "<p>Share the tasks.</p>") -> tuple:
    """A text section of a module's body, as ``body=[section(), …]`` takes it."""
    return ("section", {"heading": heading, "body": body})


def evaluation(questions: list[dict], pass_mark: int = 60, **fields: object) -> tuple:
    """A graded evaluation block; ``questions`` are stored question blocks
    (``{"type": "true_false", "value": {…}}``)."""
    value = {"title": "Evaluation", "instructions": "Answer every question.", **fields}
    value |= {"pass_mark": pass_mark, "questions": questions}
    return ("evaluation", value)


class CurriculumPageFactory(wagtail_factories.PageFactory):
    title = "Curriculum"
    slug = factory.Sequence(lambda n: f"curriculum-{n}")
    locale = factory.LazyFunction(locale)
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CurriculumPage


class CategoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = "Modules about working with others."
    colour = "#1f4e79"
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CurriculumPageFactory)

    class Meta:
        model = CategoryPage


class ModulePageFactory(wagtail_factories.PageFactory):
    """A published module; ``body`` takes (block type, value) pairs, e.g. ``[section()]``."""

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "What this module teaches, in two sentences."
    partner = factory.SubFactory(PartnerFactory)
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CategoryPageFactory)
    body = factory.LazyFunction(lambda: [section()])

    class Meta:
        model = ModulePage
        skip_postgeneration_save = True

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        """A live revision like the catalogue's; ``published=False`` leaves a draft."""
        if not create:
            return
        if extracted is False:
            page.live = False
            page.save()
            page.save_revision()
        else:
            page.save_revision().publish()


class PathwayPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pathway {n}")
    slug = factory.Sequence(lambda n: f"pathway-{n}")
    description = "A path through modules."
    colour = "#5b2a86"
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CurriculumPageFactory)

    class Meta:
        model = PathwayPage
