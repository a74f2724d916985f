"""Print tasks: Celery carries the work, ``cms.printing`` does it and the database keeps the truth.

A task is acknowledged only when it is done and is requeued if its worker process dies
(``acks_late`` + ``reject_on_worker_lost``); running it again is harmless. Rendering is bounded in
time (soft limit: the job fails with a clear message; hard limit: the process is replaced) and in
memory (the worker process cannot grow past ``PRINT_MEMORY_LIMIT_MB``).
"""

import threading
from uuid import UUID

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init, worker_ready
from django.conf import settings

from cms.celery import app
from cms.printing.jobs import TRANSIENT_ERRORS, lease_remaining, run_job
from cms.printing.limits import limit_memory
from cms.printing.sweeper import sweep_stuck_jobs


@app.task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.PRINT_TIME_LIMIT_SECONDS,
    time_limit=settings.PRINT_TIME_LIMIT_SECONDS + 30,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=8,
)
def render_print_job(self: Task, job_id: str) -> None:
    if run_job(job_id, timeout_errors=(SoftTimeLimitExceeded,)) is None:
        wait = lease_remaining(job_id)
        if wait is not None:
            # Another attempt holds the job; come back when its lease has run out.
            raise self.retry(countdown=wait + 1, max_retries=None)


def send_print_job(job_id: UUID) -> None:
    """The print jobs' dispatcher (set by ``cms.site`` at start-up): a Celery task per job."""
    if settings.CELERY_TASK_ALWAYS_EAGER and settings.PRINT_IN_BACKGROUND_THREAD:
        # No worker (the demo, a developer's machine): render beside the web request, so that
        # it returns at once and the job page shows the progress.
        threading.Thread(target=render_print_job, args=(str(job_id),), daemon=True).start()
        return
    render_print_job.delay(str(job_id))


@app.task(acks_late=True, ignore_result=True)
def sweep_print_jobs() -> int:
    return len(sweep_stuck_jobs())


@worker_process_init.connect
def _bound_memory(**kwargs: object) -> None:
    limit_memory(settings.PRINT_MEMORY_LIMIT_MB)


@worker_ready.connect
def _sweep_on_start(**kwargs: object) -> None:
    # A worker that starts after a crash picks up what the crash left behind at once.
    sweep_print_jobs.delay()
