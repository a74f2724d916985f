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
from pathlib import Path
from typing import Any

import segno
from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.modules.printing import LocalizedModule
from cms.printing.documents import PrintableDocument, PrintRequestError, register
from cms.printing.links import short_url
from cms.project.models import Partner, Trainer

from . import texts
from .annex import SIGNATORY_COUNTRIES, annex_pdf
from .models import Certificate
from .verification import qr_text, verification_url
from .verso import verso_pdf

QR_MASK = 4


@dataclass
class CertifiedModule(LocalizedModule):
    completed: str
    """The completion date, formatted for the certificate's locale."""

    @property
    def trainers(self) -> list[str]:
        return [trainer.name for trainer in self.source.trainers.all()]


def duration(modules: list[ModulePage]) -> str:
    """ "Duration: 3 hours" in the active language, with its plural form."""
    total = sum((module.duration_hours for module in modules), Decimal(0))
    # A fraction takes the form languages use for "many" (as 100 does in every one of ours).
    count = int(total) if total == int(total) else 100
    return texts.DURATION % {"hours": f"{float(total):g}", "count": count}


def join_names(names: list[str]) -> str:
    """ "A, B & C", as the certificate design writes its lists of organisations."""
    names = list(dict.fromkeys(names))
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " & " + names[-1]


@register
class CertificateDocument(PrintableDocument):
    kind = "certificate"
    label = gettext_lazy("Certificate")
    template_name = "certs/print/certificate.html"
    target_model = ModulePage  # unused: the targets are certificates (see resolve_targets)
    private = True

    @classmethod
    def resolve_targets(cls, ids: list[Any]) -> list[Certificate]:
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

    @cached_property
    def module_sources(self) -> list[ModulePage]:
        ids = [entry["module"] for entry in self.certificate.snapshot]
        by_id = ModulePage.objects.select_related("partner").prefetch_related("trainers")
        found = by_id.in_bulk(ids)
        return [found[i] for i in ids if i in found]

    @property
    def verso_appended(self) -> bool:
        """A module certificate's verso says nothing about the holder: it is printed once."""
        return self.certificate.type == Certificate.Type.MODULE

    def expected_pages(self) -> int:
        return 1 if self.verso_appended else 2

    def attachments(self) -> list[Path]:
        verso = [verso_pdf(self.locale, self.verso_context)] if self.verso_appended else []
        return [*verso, annex_pdf(self.locale)]

    def pages_involved(self) -> list[Page]:
        subject = [self.certificate.subject] if self.certificate.subject else []
        return [*subject, *self.module_sources]

    def certified_modules(self) -> list[CertifiedModule]:
        dates = {entry["module"]: entry["completed"] for entry in self.certificate.snapshot}
        localized = self.localize(self.module_sources)
        parent_paths = {_parent_path(module) for module in self.module_sources}
        categories = {
            item.source.path: item
            for item in self.localize(CategoryPage.objects.filter(path__in=parent_paths))
        }
        return [
            CertifiedModule(
                module=item,
                category=categories[_parent_path(item.source)],
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
        subject = self.certificate.subject
        assert subject is not None  # a category's or a pathway's certificate names it
        if isinstance(subject.specific, PathwayPage):
            return texts.FOR_COMPLETING_THE_PATHWAY % {"count": count}
        return texts.FOR_COMPLETING_THE_CATEGORY % {"count": count}

    def subject_colour(self) -> str:
        subject = self.certificate.subject
        if subject is None:
            return "#1d4e89"
        subject = subject.specific
        colour = getattr(subject, "colour", None) or subject.get_parent().specific.colour
        return colour

    @cached_property
    def verso_context(self) -> dict[str, Any]:
        """What the verso shows: the modules, their trainers and organisations, not the holder."""
        certificate = self.certificate
        modules = self.certified_modules()
        trainer_partners = [module.source.partner.short_name for module in modules]
        trainers = Trainer.objects.filter(modules__in=self.module_sources).distinct()
        return {
            "colour": self.subject_colour(),
            "certificate_type": texts.CERTIFICATE_TYPE % {"type": certificate.type},
            "reference": texts.PROJECT_REFERENCE % {"reference": "2020-1-FR01-KA204-080342"},
            "trainer_organisations": join_names(trainer_partners),
            "trainer_names": join_names([trainer.name for trainer in trainers]),
            "modules": modules,
            "module": modules[0] if certificate.type == Certificate.Type.MODULE else None,
        }

    def get_context(self) -> dict[str, Any]:
        certificate = self.certificate
        partners = {
            partner.country: partner
            for partner in Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        }
        url = verification_url(certificate)
        encoded = qr_text(certificate)
        return {
            **self.verso_context,
            "certificate": certificate,
            "verso_appended": self.verso_appended,
            "date": formats.date_format(certificate.completed_at, "DATE_FORMAT"),
            "heading": self.heading(),
            "for_completing": self.for_completing(),
            "duration": duration(self.module_sources),
            "signatories": [
                (partners[code], texts.COUNTRY_NAMES[code])
                for code in SIGNATORY_COUNTRIES
                if code in partners
            ],
            "qr_text": encoded,
            "qr_image": qr_image(encoded),
            "short_address": short_url(url),
            "texts": texts,
        }


def qr_image(text: str) -> str:
    """The QR code as a PNG ``data:`` URL: WeasyPrint draws a bitmap far faster than the SVG
    path of a QR code this dense (it holds the whole signed claim). A fixed mask pattern spares
    the search for the best one, the slowest part of encoding; any mask gives a valid code."""
    return segno.make(text, error="m", mask=QR_MASK).png_data_uri(scale=4, border=0)


def _parent_path(page: Page) -> str:
    return page.path[: -page.steplen]


def _format_day(iso_day: str) -> str:
    return formats.date_format(date.fromisoformat(iso_day), "DATE_FORMAT")
