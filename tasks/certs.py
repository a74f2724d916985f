"""Certificate tasks: issuing what a failed issuance left out, sweeping superseded printed parts."""

from cms.celery import app
from cms.certs.cached_parts import sweep_superseded_parts
from cms.certs.issuing import issue_missing


@app.task(acks_late=True, ignore_result=True)
def issue_missing_certificates() -> int:
    return issue_missing()


@app.task(acks_late=True, ignore_result=True)
def sweep_certificate_parts() -> int:
    return len(sweep_superseded_parts())
