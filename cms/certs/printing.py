"""A certificate on paper: recto, verso and the annex about the project, in one PDF.

The target of a certificate document is a ``Certificate``, not a page: its id is what the print
job records. What it certifies (title, dates, modules) comes from the certificate's signed record;
what explains it (descriptions, objectives, the annex) from the published catalogue, in the
certificate's locale with the source as fallback.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms.modules.models import ModulePage, PathwayPage
from cms.printing.documents import PrintableDocument, PrintRequestError, register, source_locale
from cms.printing.links import short_url
from cms.printing.locales import Localized
from cms.project.models import Competence, Partner, ProjectPage, Trainer

from . import texts
from .models import Certificate
from .verification import qr_text, verification_url

SnippetT = TypeVar("SnippetT", bound=Model)
SIGNATORY_COUNTRIES = ("FR", "BE", "PT", "TR")


@dataclass
class CertifiedModule:
    module: Localized
    category: Localized
    completed: str
    """The completion date, formatted for the certificate's locale."""

    @property
    def page(self) -> ModulePage:
        return self.module.page

    @property
    def source(self) -> ModulePage:
        return self.module.source

    @property
    def trainers(self) -> list[str]:
        return [trainer.name for trainer in self.source.trainers.all()]


def localized_snippets(model: type[SnippetT], locale: str, **filters: Any) -> list[SnippetT]:
    """Source-locale snippets in ``locale`` where translated, else as written."""
    sources = list(model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, **filters))
    translated = {
        item.translation_key: item
        for item in model.objects.filter(
            locale__language_code=locale,
            translation_key__in=[source.translation_key for source in sources],
        )
    }
    return [translated.get(source.translation_key, source) for source in sources]


def hours(modules: list[ModulePage]) -> str:
    total = sum((module.duration_hours for module in modules), Decimal(0))
    return f"{float(total):g}"


def join_names(names: list[str]) -> str:
    """ "A, B & C", as the certificate design writes its lists of organisations."""
    names = list(dict.fromkeys(names))
    return names[0] if len(names) < 2 else ", ".join(names[:-1]) + " & " + names[-1]


@register
class CertificateDocument(PrintableDocument):
    kind = "certificate"
    label = gettext_lazy("Certificate")
    template_name = "certs/print/certificate.html"
    target_model = ModulePage

    @classmethod
    def resolve_targets(cls, ids: list[Any]) -> list[Certificate]:  # type: ignore[override]
        found = list(Certificate.objects.filter(pk__in=[str(i) for i in ids]))
        if len(ids) != 1 or len(found) != 1:
            raise PrintRequestError("targets", _("Name exactly one certificate to print."))
        return found

    @property
    def certificate(self) -> Certificate:
        return self.targets[0]

    def title(self) -> str:
        kind = texts.CERTIFICATE_TYPE % {"type": self.certificate.type}
        return f"{kind} – {self.certificate.title}"

    def expected_pages(self) -> int:
        return 2 + 6

    @cached_property
    def module_sources(self) -> list[ModulePage]:
        ids = [entry["module"] for entry in self.certificate.snapshot]
        by_id = ModulePage.objects.select_related("partner").prefetch_related("trainers")
        found = by_id.in_bulk(ids)
        return [found[i] for i in ids if i in found]

    @cached_property
    def all_module_sources(self) -> list[ModulePage]:
        return list(ModulePage.objects.live().filter(locale=source_locale()).order_by("path"))

    def pages_involved(self) -> list[Page]:
        subject = [self.certificate.subject] if self.certificate.subject else []
        project = list(ProjectPage.objects.live().filter(locale=source_locale()))
        return [*subject, *self.module_sources, *self.all_module_sources, *project]

    def certified_modules(self) -> list[CertifiedModule]:
        dates = {entry["module"]: entry["completed"] for entry in self.certificate.snapshot}
        localized = self.localize(self.module_sources)
        categories = {
            item.source.pk: item
            for item in self.localize({m.get_parent().specific for m in self.module_sources})
        }
        return [
            CertifiedModule(
                module=item,
                category=categories[item.source.get_parent().pk],
                completed=_format_day(dates[item.source.pk]),
            )
            for item in localized
        ]

    def heading(self) -> str:
        if self.certificate.type == Certificate.Type.ALL_MODULES:
            return str(texts.PATHWAY_COMPLETION)
        return str(texts.COURSE_COMPLETION)

    def for_completing(self) -> str:
        count = len(self.certificate.snapshot)
        if self.certificate.type == Certificate.Type.MODULE:
            return str(texts.FOR_COMPLETING_THE_COURSE)
        if self.certificate.type == Certificate.Type.ALL_MODULES:
            return str(texts.FOR_COMPLETING_ALL_MODULES)
        if isinstance(self.certificate.subject.specific, PathwayPage):
            return texts.FOR_COMPLETING_THE_PATHWAY % {"count": count}
        return texts.FOR_COMPLETING_THE_CATEGORY % {"count": count}

    def subject_colour(self) -> str:
        subject = self.certificate.subject
        if subject is None:
            return "#1d4e89"
        subject = subject.specific
        colour = getattr(subject, "colour", None) or subject.get_parent().specific.colour
        return colour

    def get_context(self) -> dict[str, Any]:
        certificate = self.certificate
        modules = self.certified_modules()
        partners = {
            partner.country: partner
            for partner in Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        }
        trainer_partners = [module.source.partner.short_name for module in modules]
        trainers = Trainer.objects.filter(modules__in=self.module_sources).distinct()
        url = verification_url(certificate)
        return {
            "certificate": certificate,
            "colour": self.subject_colour(),
            "issued": formats.date_format(certificate.issued_at, "DATE_FORMAT"),
            "heading": self.heading(),
            "certificate_type": texts.CERTIFICATE_TYPE % {"type": certificate.type},
            "for_completing": self.for_completing(),
            "reference": texts.PROJECT_REFERENCE % {"reference": "2020-1-FR01-KA204-080342"},
            "duration": texts.DURATION % {"hours": hours(self.module_sources)},
            "trainer_organisations": join_names(trainer_partners),
            "trainer_names": join_names([trainer.name for trainer in trainers]),
            "signatories": [
                (partners[code], texts.COUNTRY_NAMES[code])
                for code in SIGNATORY_COUNTRIES
                if code in partners
            ],
            "modules": modules,
            "module": modules[0] if certificate.type == Certificate.Type.MODULE else None,
            "qr_text": qr_text(certificate),
            "short_address": short_url(url),
            "annex": self.annex(),
            "texts": texts,
        }

    def annex(self) -> dict[str, Any]:
        project = ProjectPage.objects.live().filter(locale=source_locale()).first()
        return {
            "project": self.localize([project])[0] if project else None,
            "competences": localized_snippets(
                Competence, self.locale, kind=Competence.Kind.TRANSVERSAL
            ),
            "modules": self.localize(self.all_module_sources),
            "partners": [
                (partner, texts.COUNTRY_NAMES[partner.country])
                for partner in sorted(
                    localized_snippets(Partner, self.locale),
                    key=lambda partner: SIGNATORY_COUNTRIES.index(partner.country),
                )
            ],
        }


def _format_day(iso_day: str) -> str:
    return formats.date_format(date.fromisoformat(iso_day), "DATE_FORMAT")
