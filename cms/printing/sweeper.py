"""The sweeper: no print job is lost when a worker dies or the broker forgets its queue.

A queued job whose message was lost (Redis restarted without persistence) or a running job whose
worker was killed both end up past their ``deadline``. The sweeper puts such jobs back in the
queue, or fails them once they have used all their attempts. Sending a job twice is harmless:
only one worker can claim it, and a finished job is never rendered again.
"""

import logging
import time
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.utils import timezone

from .jobs import GAVE_UP, MAX_ATTEMPTS, enqueue
from .models import PrintJob
from .pdf import PARTIAL_SUFFIX
from .storage import is_local, private_path, private_storage, remove_stale_work

logger = logging.getLogger(__name__)

Status = PrintJob.Status
PARTIAL_FILE_MAX_AGE = 24 * 60 * 60


def sweep_stuck_jobs() -> list[UUID]:
    """Re-enqueue the jobs stuck past their deadline; return their ids."""
    now = timezone.now()
    stuck = PrintJob.objects.filter(
        status__in=[Status.QUEUED, Status.RUNNING], deadline__lt=now
    ).values_list("pk", "status", "deadline")
    requeued = []
    for job_id, status, deadline in stuck:
        still_stuck = PrintJob.objects.filter(pk=job_id, status=status, deadline=deadline)
        if still_stuck.filter(attempts__gte=MAX_ATTEMPTS).update(
            status=Status.FAILED, error=GAVE_UP, finished_at=now, deadline=None
        ):
            logger.warning("Print job %s failed after %d attempts", job_id, MAX_ATTEMPTS)
            continue
        patience = timedelta(seconds=settings.PRINT_QUEUE_PATIENCE_SECONDS)
        if still_stuck.update(status=Status.QUEUED, deadline=now + patience):
            logger.info("Print job %s was stuck (%s); sent again", job_id, status)
            enqueue(job_id)
            requeued.append(job_id)
    remove_stale_partial_files()
    return requeued


def remove_stale_partial_files() -> None:
    """Temporary files left by renderings that were killed before they could clean up."""
    remove_stale_work(PARTIAL_FILE_MAX_AGE)
    if not is_local(private_storage()):
        return
    folder = private_path("print")
    if not folder.is_dir():
        return
    limit = time.time() - PARTIAL_FILE_MAX_AGE
    for path in folder.glob(f".*{PARTIAL_SUFFIX}"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
