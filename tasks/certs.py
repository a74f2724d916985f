"""Certificate tasks: issuing what a failed issuance left out (``cms.certs.issuing``)."""

from cms.celery import app
from cms.certs.issuing import issue_missing


@app.task(acks_late=True, ignore_result=True)
def issue_missing_certificates() -> int:
    return issue_missing()

