"""The memory bound of a print worker process.

A huge or hostile document must not take the machine down with it. Each worker process gets a
ceiling on its address space: past it, allocations fail with ``MemoryError``, the job fails with
a clear message and Celery replaces the process (``worker_max_memory_per_child`` also recycles
processes that merely grew).
"""

import logging
import resource

logger = logging.getLogger(__name__)


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space at ``megabytes`` (0 leaves it unbounded)."""
    if megabytes <= 0:
        return
    ceiling = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    logger.debug("Print worker memory capped at %d MiB", ceiling // (1024 * 1024))
