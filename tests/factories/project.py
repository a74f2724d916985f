"""Snippets of the project app: partners, trainers, competences."""

import factory
from factory.django import DjangoModelFactory

from cms.project.models import Competence, Partner, Trainer
from cms.site.groups import editors_group_for

from .pages import locale


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
