"""Pages of the library app: the e-library and its good practices."""

import factory
import wagtail_factories

from cms.library.models import (
    CertificationToolIndexPage,
    CertificationToolPage,
    GoodPracticePage,
    LibraryIndexPage,
)

from .pages import home_page, locale
from .project import PartnerFactory


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    title = "E-library"
    slug = factory.Sequence(lambda n: f"e-library-{n}")
    locale = factory.LazyFunction(locale)
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = LibraryIndexPage


class GoodPracticePageFactory(wagtail_factories.PageFactory):
    """A published good practice with every section the manual asks for."""

    title = factory.Sequence(lambda n: f"Good practice {n}")
    slug = factory.Sequence(lambda n: f"good-practice-{n}")
    organisations = "A training centre"
    website = "https://practice.example.org/"
    identified_by = factory.SubFactory(PartnerFactory)
    objectives_and_target_group = "<p>Adults who look for work.</p>"
    content_and_modalities = "<p>Workshops once a week.</p>"
    strengths = factory.LazyFunction(lambda: [("item", "Free for everyone.")])
    weaknesses = factory.LazyFunction(lambda: [("item", "Only in French.")])
    propositions = "<p>Offer the workshops online.</p>"
    resource_type = "programme"
    objectives = factory.LazyFunction(lambda: ["employment"])
    country = "FR"
    languages = factory.LazyFunction(lambda: ["fr"])
    cost = "free"
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(LibraryIndexPageFactory)

    class Meta:
        model = GoodPracticePage
        skip_postgeneration_save = True

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        if create:
            page.save_revision().publish()


class CertificationToolIndexPageFactory(wagtail_factories.PageFactory):
    title = "Certification tools"
    slug = factory.Sequence(lambda n: f"certification-tools-{n}")
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(LibraryIndexPageFactory)

    class Meta:
        model = CertificationToolIndexPage


class CertificationToolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Certification tool {n}")
    slug = factory.Sequence(lambda n: f"certification-tool-{n}")
    scope = CertificationToolPage.Scope.EUROPEAN
    country = "EU"
    summary = "A European framework for recognising what people learn."
    description = "<p>Learning outcomes are described in units.</p>"
    strengths = factory.LazyFunction(lambda: [("item", "Recognised in every country.")])
    weaknesses = factory.LazyFunction(lambda: [("item", "Hard to read.")])
    references = factory.LazyFunction(lambda: [("item", "https://tool.example.org/")])
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CertificationToolIndexPageFactory)

    class Meta:
        model = CertificationToolPage
