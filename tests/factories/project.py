"""The project app: its snippets (partners, trainers, competences) and the project page."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from cms.project.models import Competence, Partner, ProjectPage, Trainer
from cms.site.groups import editors_group_for

from .pages import home_page, locale


class PartnerFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"partner-{n}")
    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
    short_name = factory.Sequence(lambda n: f"Partner {n}")
    country = "FR"
    website = "https://partner.example.org/"
    description = "An organisation that trains adults."
    signatory_name = "Claire Martin"
    signatory_role = "Director"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Partner

    class Params:
        # ``PartnerFactory(with_editors=True)``: the partner has its editors group, as the
        # catalogue gives it; provisioning (``ensure_groups``) then grants the group its rights.
        with_editors = factory.Trait(
            editors_group=factory.LazyAttribute(lambda partner: editors_group_for(partner))
        )


class TrainerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Trainer {n}")
    partner = factory.SubFactory(PartnerFactory)

    class Meta:
        model = Trainer


class CompetenceFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"competence-{n}")
    name = factory.Sequence(lambda n: f"Competence {n}")
    kind = Competence.Kind.TRANSVERSAL
    description = "Something a learner can do."
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Competence


class ProjectPageFactory(wagtail_factories.PageFactory):
    """The project page, as the certificate annex and the API's ``project/`` show it."""

    title = "The MigranTech project"
    slug = factory.Sequence(lambda n: f"project-{n}")
    reference = "2020-1-FR01-KA204-080342"
    website = "https://migrantech.org/"
    start_date = datetime.date(2020, 11, 1)
    end_date = datetime.date(2023, 4, 30)
    programme_explanation = "<p>Erasmus+ Key Action 2 supports partnerships.</p>"
    target_group = "<p>Adult migrants looking for work.</p>"
    objectives = factory.LazyFunction(lambda: [("item", "Help migrants find work.")])
    methodology = "<p>Short modules written with trainers.</p>"
    results = factory.LazyFunction(lambda: [("item", "Forty e-modules.")])
    contact = "<p>contact@migrantech.example</p>"
    locale = factory.LazyFunction(locale)
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ProjectPage
