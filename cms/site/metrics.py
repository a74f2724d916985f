"""``/metrics`` for Prometheus: the print pipeline's (``cms.printing.metrics``) and the web
requests' (``cms.core.request_metrics``). It answers only with ``Authorization: Bearer
<METRICS_TOKEN>``; without a token set it does not exist."""

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from cms.core import request_metrics
from cms.printing.metrics import PrintJobCollector


def metrics(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise Http404
    # Built at each scrape: in multiprocess mode the request metrics are read from the files of
    # whichever processes exist now.
    registry = CollectorRegistry(auto_describe=False)
    registry.register(PrintJobCollector())
    for collector in request_metrics.collectors():
        registry.register(collector)
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
