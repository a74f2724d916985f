"""Print jobs from request to finished file, as plain functions the Celery tasks call.

``request_print`` checks a request and returns the job that answers it: a finished identical one
(same fingerprint) at once, one already under way, or a new queued job. ``run_job`` renders a
job; a job is *claimed* with a lease (``deadline``) that progress keeps renewing, so a job whose
worker died is recognised once its lease runs out and is taken up again (see ``sweeper``).
Running a job twice is harmless: a finished job is never rendered again.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from cms.core.locales import UnknownLocale, require_content_locale

from .documents import PrintOptions, PrintRequestError, document_class
from .fingerprint import content_fingerprint
from .models import PrintJob
from .pdf import append_pdfs, write_pdf
from .storage import private_output, private_storage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
"""Errors of the moment (the database restarting): the job is retried, not failed."""

FAILED = gettext_noop(
    "Something went wrong while making this PDF. Try again; if it fails again, "
    "tell the MigranTech team."
)
TOO_LONG = gettext_noop(
    "This document took too long to print. Try a smaller pack, for example one category "
    "instead of many modules."
)
TOO_BIG = gettext_noop("This document is too large to print in one go. Try a smaller pack.")
GAVE_UP = gettext_noop(
    "The printing service stopped several times while making this document. Try a smaller "
    "pack, or try again later."
)

Status = PrintJob.Status


class AnswerKeyNotAllowed(PrintRequestError):
    def __init__(self) -> None:
        super().__init__(
            "options", gettext("Only counsellors and moderators can print answer keys.")
        )


def can_print_answer_key(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("printing.print_answer_key"))


def request_print(
    kind: str,
    target_ids: list[Any],
    locale: str,
    options: PrintOptions,
    user: Any = None,
) -> tuple[PrintJob, bool]:
    """The job answering this request and whether it was reused; raises ``PrintRequestError``."""
    document_type = document_class(kind)
    try:
        locale = require_content_locale(locale)
    except UnknownLocale as error:
        raise PrintRequestError("locale", error.message) from None
    document_type.check_options(options)
    if options.answer_key and not can_print_answer_key(user):
        raise AnswerKeyNotAllowed
    document = document_type(document_type.resolve_targets(target_ids), locale, options)
    fingerprint = content_fingerprint(document)
    reusable = _reusable_job(fingerprint)
    if reusable is not None:
        return reusable, True
    job = PrintJob.objects.create(
        kind=kind,
        targets=[page.pk for page in document.targets],
        locale=locale,
        options=options.as_dict(),
        title=document.title()[:255],
        fingerprint=fingerprint,
        requested_by=user if user and user.is_authenticated else None,
        deadline=timezone.now() + timedelta(seconds=settings.PRINT_QUEUE_PATIENCE_SECONDS),
    )
    transaction.on_commit(lambda: enqueue(job.pk))
    return job, False


def _reusable_job(fingerprint: str) -> PrintJob | None:
    candidates = PrintJob.objects.filter(
        fingerprint=fingerprint, status__in=[Status.DONE, Status.QUEUED, Status.RUNNING]
    ).order_by("-created_at")
    for job in candidates[:5]:
        if job.status != Status.DONE or (
            (name := job.result.name) and private_storage().exists(name)
        ):
            return job
    return None


@dataclass
class Dispatcher:
    """Who carries a queued job to a worker; the site sets ``send`` at start-up (Celery's task).

    The domain never imports its transport: tests and benchmarks replace ``send`` alone.
    """

    send: Callable[[UUID], None] | None = None


dispatcher = Dispatcher()


def enqueue(job_id: UUID) -> None:
    if dispatcher.send is None:
        raise ImproperlyConfigured("No print job dispatcher: cms.site sets it at start-up.")
    dispatcher.send(job_id)


def run_job(
    job_id: UUID | str, timeout_errors: tuple[type[BaseException], ...] = (TimeoutError,)
) -> PrintJob | None:
    """Render the job if it is free to take; return it, or ``None`` if not ours to run now."""
    job = _claim(job_id)
    if job is None:
        return None
    progress = _ProgressWriter(job)
    name = f"print/{job.pk}.pdf"
    try:
        with private_output(name) as destination:
            rendered = render_document(
                job.kind,
                job.targets,
                job.locale,
                PrintOptions(**job.options),
                destination,
                progress=progress.report,
            )
    except PrintRequestError as error:
        return _fail(job, error.message)
    except TRANSIENT_ERRORS:
        _release(job)
        raise
    except timeout_errors:
        return _fail(job, TOO_LONG)
    except MemoryError:
        return _fail(job, TOO_BIG)
    except Exception:
        logger.exception("Print job %s failed", job.pk)
        return _fail(job, FAILED)
    _mine(job).update(
        status=Status.DONE,
        progress=100,
        result=name,
        page_count=rendered.page_count,
        fingerprint=rendered.fingerprint,
        finished_at=timezone.now(),
        deadline=None,
    )
    job.refresh_from_db()
    return job


@dataclass(frozen=True)
class Rendered:
    page_count: int
    fingerprint: str
    refused: list[str]


def render_document(
    kind: str,
    target_ids: list[Any],
    locale: str,
    options: PrintOptions,
    destination: Path,
    progress: Callable[[float], None] = lambda share: None,
) -> Rendered:
    """Print one document to ``destination`` (whole or not at all); the heart of a job."""
    document_type = document_class(kind)
    document = document_type(document_type.resolve_targets(target_ids), locale, options)
    fingerprint = content_fingerprint(document)
    html = document.render_html(lambda share: progress(0.1 * share))
    page_count, refused = write_pdf(
        html,
        destination,
        progress=lambda share: progress(0.1 + 0.9 * share),
        expected_pages=document.expected_pages(),
    )
    attachments = document.attachments()
    if attachments:
        page_count = append_pdfs(destination, attachments)
    if refused:
        logger.warning("Printing %s: %d resource(s) refused", document.title(), len(refused))
    return Rendered(page_count, fingerprint, refused)


def lease_remaining(job_id: UUID | str) -> float | None:
    """Seconds until a job running elsewhere may be taken over; ``None`` if it needs nobody."""
    job = PrintJob.objects.filter(pk=job_id, status=Status.RUNNING).first()
    if job is None or job.deadline is None:
        return None
    return max((job.deadline - timezone.now()).total_seconds(), 0.0)


def _claim(job_id: UUID | str) -> PrintJob | None:
    now = timezone.now()
    claimable = PrintJob.objects.filter(pk=job_id).filter(
        Q(status=Status.QUEUED) | Q(status=Status.RUNNING, deadline__lt=now)
    )
    claimable.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=Status.FAILED, error=GAVE_UP, finished_at=now, deadline=None
    )
    claimed = claimable.filter(attempts__lt=MAX_ATTEMPTS).update(
        status=Status.RUNNING,
        attempts=F("attempts") + 1,
        progress=0,
        error="",
        started_at=now,
        deadline=_lease_end(),
    )
    return PrintJob.objects.get(pk=job_id) if claimed else None


def _lease_end() -> Any:
    return timezone.now() + timedelta(seconds=settings.PRINT_LEASE_SECONDS)


def _mine(job: PrintJob) -> Any:
    """The job, as long as this attempt still holds it (the sweeper may have handed it on)."""
    return PrintJob.objects.filter(pk=job.pk, status=Status.RUNNING, attempts=job.attempts)


def _fail(job: PrintJob, message: str) -> PrintJob:
    _mine(job).update(
        status=Status.FAILED, error=message, finished_at=timezone.now(), deadline=None
    )
    job.refresh_from_db()
    return job


def _release(job: PrintJob) -> None:
    try:
        _mine(job).update(status=Status.QUEUED, deadline=timezone.now())
    except TRANSIENT_ERRORS:
        logger.warning("Print job %s: could not release it; its lease will run out", job.pk)


class _ProgressWriter:
    """Writes progress at most twice a second, and renews the lease while the work goes on."""

    MIN_INTERVAL, HEARTBEAT = 0.5, 10.0

    def __init__(self, job: PrintJob) -> None:
        self.job, self.percent, self.written_at = job, 0, 0.0

    def report(self, fraction: float) -> None:
        percent = min(max(int(fraction * 100), 1), 99)
        elapsed = time.monotonic() - self.written_at
        if (percent > self.percent and elapsed >= self.MIN_INTERVAL) or elapsed >= self.HEARTBEAT:
            self.percent = max(percent, self.percent)
            _mine(self.job).update(progress=self.percent, deadline=_lease_end())
            self.written_at = time.monotonic()
