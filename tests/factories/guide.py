"""Pages of the guide app: the learning guide and the infographics."""

import factory
import wagtail_factories

from cms.guide.models import InfographicPage, LearningGuidePage

from .modules import section
from .pages import home_page, locale


class LearningGuidePageFactory(wagtail_factories.PageFactory):
    title = "Learning guide"
    slug = factory.Sequence(lambda n: f"learning-guide-{n}")
    introduction = "How the e-learning path works."
    chapters = factory.LazyFunction(
        lambda: [("chapter", {"title": "Getting started", "sections": [section()[1]]})]
    )
    locale = factory.LazyFunction(locale)
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = LearningGuidePage


class InfographicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Infographic {n}")
    slug = factory.Sequence(lambda n: f"infographic-{n}")
    introduction = "Skills every employer looks for."
    colour = "#1f4e79"
    items = factory.LazyFunction(
        lambda: [("item", {"title": "Teamwork", "text": "Work well with others.", "icon": "team"})]
    )
    locale = factory.LazyFunction(locale)
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = InfographicPage
