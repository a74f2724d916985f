"""The workers' heartbeat: a beat task that any worker runs, read by ``/health/ready``."""

import socket

from celery.signals import worker_ready

from cms.celery import app
from cms.core.health import record_heartbeat


@app.task(ignore_result=True)
def worker_heartbeat() -> None:
    record_heartbeat(socket.gethostname())


@worker_ready.connect
def _beat_on_start(**kwargs: object) -> None:
    record_heartbeat(socket.gethostname())
