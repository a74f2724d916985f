"""Issuing certificates when a learner completes modules, and what erasure leaves of them.

Issuing is idempotent: a learner has at most one certificate of each type for each subject
(one for all 40 e-modules), whatever the number of times a completion is announced.

Certificates are issued after the completion commits, in a transaction of their own
(``issue_committed``): a failure in signing or queuing the PDF never undoes the learner's passed
attempt. What a failure left out is issued by the sweep (``issue_missing``, run periodically by
the workers), since every completion must have its module certificate.
"""

import logging
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from wagtail.models import Page

from cms.core.locales import locale_codes, localize
from cms.learners.models import Learner, ModuleCompletion
from cms.learners.progress import finished_by
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.printing.documents import PrintOptions
from cms.printing.jobs import request_print
from cms.printing.models import PrintJob
from cms.printing.storage import private_storage

from . import claims, texts
from .models import Certificate

Type = Certificate.Type
logger = logging.getLogger(__name__)


def certificate_locale(learner: Learner) -> str:
    return learner.locale if learner.locale in locale_codes() else settings.LANGUAGE_CODE


def modules_of(group: Page) -> list[ModulePage]:
    """The source-locale modules a category or pathway certificate covers, in course order."""
    if isinstance(group, PathwayPage):
        return [link.module for link in group.pathway_modules.select_related("module")]
    return list(ModulePage.objects.child_of(group).order_by("path"))


def all_modules() -> list[ModulePage]:
    return list(
        ModulePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")
    )


def snapshot(learner: Learner, modules: list[ModulePage], locale: str) -> list[dict[str, Any]]:
    """Each module certified: its id, its title in the certificate's locale, when it was done."""
    completed = dict(
        ModuleCompletion.objects.filter(learner=learner, module__in=modules).values_list(
            "module_id", "completed_at"
        )
    )
    return [
        {
            "module": item.source.pk,
            "title": item.page.title,
            "completed": claims.day(completed[item.source.pk]),
        }
        for item in localize(modules, locale)
        if item.source.pk in completed
    ]


def title_of(subject: Page | None, locale: str) -> str:
    if subject is None:
        with translation.override(locale):
            return str(texts.THE_40_E_MODULES)
    return localize([subject.specific], locale)[0].page.title


def issue(
    learner: Learner,
    type: int,
    subject: Page | None,
    modules: list[ModulePage],
    completed_at: datetime,
) -> Certificate:
    """The learner's certificate of this type and subject: the existing one, or a new one."""
    existing = Certificate.objects.filter(learner=learner, type=type, subject=subject).first()
    if existing is not None:
        return existing
    locale = certificate_locale(learner)
    certificate = Certificate(
        type=type,
        subject=subject,
        learner=learner,
        holder_name=learner.display_name,
        holder_salt=claims.new_salt(),
        locale=locale,
        title=title_of(subject, locale)[:255],
        completed_at=completed_at,
        issued_at=timezone.now(),
        snapshot=snapshot(learner, modules, locale),
    )
    certificate.sign()
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
    except IntegrityError:
        # Issued at the same moment by another announcement of the same completion.
        return Certificate.objects.get(learner=learner, type=type, subject=subject)
    print_certificate(certificate)
    return certificate


def print_certificate(certificate: Certificate) -> PrintJob:
    """Queue the certificate's PDF; the job is sent to the workers once the issue commits."""
    job, _reused = request_print(
        "certificate", [certificate.pk], certificate.locale, PrintOptions()
    )
    Certificate.objects.filter(pk=certificate.pk).update(print_job=job)
    certificate.print_job = job
    return job


def issue_for_completion(
    learner: Learner,
    completion: ModuleCompletion,
    groups: list[Page],
    all_modules_done: bool,
) -> list[Certificate]:
    """Type 1 for the module; type 2 for each group it finished; type 3 when all are done."""
    when = completion.completed_at
    issued = [issue(learner, Type.MODULE, completion.module, [completion.module], when)]
    for group in groups:
        group = group.specific
        if isinstance(group, CategoryPage | PathwayPage):
            issued.append(issue(learner, Type.GROUP, group, modules_of(group), when))
    if all_modules_done:
        issued.append(issue(learner, Type.ALL_MODULES, None, all_modules(), when))
    return issued


def erase_holder(learner: Learner) -> int:
    """Remove the holder's name from their certificates and drop the PDFs that print it."""
    certificates = list(Certificate.objects.filter(learner=learner).select_related("print_job"))
    jobs = [c.print_job for c in certificates if c.print_job is not None]
    Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
        holder_name="", holder_salt="", erased_at=timezone.now(), print_job=None
    )
    files = [name for job in jobs if (name := job.result.name)]
    for job in jobs:
        job.delete()
    transaction.on_commit(lambda: _delete_files(files))
    return len(certificates)


def _delete_files(names: list[str]) -> None:
    for name in names:
        private_storage().delete(name)


def issue_committed(completion_id: int, group_ids: list[int], all_modules_done: bool) -> bool:
    """Issue a committed completion's certificates; False (logged) if it failed, for the sweep."""
    try:
        with transaction.atomic():
            completion = ModuleCompletion.objects.select_related("learner", "module").get(
                pk=completion_id
            )
            groups = list(Page.objects.filter(pk__in=group_ids))
            issue_for_completion(completion.learner, completion, groups, all_modules_done)
    except ModuleCompletion.DoesNotExist:
        return True  # erased since: nothing to certify
    except Exception:
        logger.exception("Certificates of completion %s not issued; the sweep will", completion_id)
        return False
    return True


def issue_missing() -> int:
    """Issue the certificates of every completion still without its module certificate."""
    module_certificate = Certificate.objects.filter(
        learner=OuterRef("learner"), type=Type.MODULE, subject=OuterRef("module")
    )
    missing = ModuleCompletion.objects.filter(~Exists(module_certificate)).select_related("learner")
    issued = 0
    for completion in missing:
        groups, all_modules_done = finished_by(completion)
        issued += issue_committed(completion.pk, [group.pk for group in groups], all_modules_done)
    return issued
