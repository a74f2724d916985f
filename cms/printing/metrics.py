"""Prometheus metrics of the print pipeline, read from the database at each scrape.

The database holds the truth about every job, whichever machine ran it, so any web process
answers for all of them and no process needs to share counters with another:

- ``migrantech_print_jobs{status}``: jobs queued, running, done and failed now;
- ``migrantech_print_queue_oldest_age_seconds``: how long the oldest queued job has waited;
- ``migrantech_print_render_seconds``: a histogram of the rendering time of finished jobs
  (start of their last attempt to the end).

``cms.site.metrics`` reports them at ``/metrics`` with the request metrics.
"""

from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q, Sum
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric

from .models import PrintJob

RENDER_BUCKETS = (1, 2, 5, 10, 20, 30, 60, 120, 300)
"""Seconds: a handout takes one or two, a category pack ten or more, the limit is 300."""


class PrintJobCollector:
    def collect(self) -> Iterator[Metric]:
        jobs = GaugeMetricFamily(
            "migrantech_print_jobs", "Print jobs by status, now.", labels=["status"]
        )
        counts = dict(PrintJob.objects.values_list("status").annotate(count=Count("pk")).order_by())
        for status in PrintJob.Status.values:
            jobs.add_metric([status], counts.get(status, 0))
        yield jobs

        oldest = PrintJob.objects.filter(status=PrintJob.Status.QUEUED).aggregate(
            at=Min("created_at")
        )["at"]
        age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
        yield GaugeMetricFamily(
            "migrantech_print_queue_oldest_age_seconds",
            "Seconds the oldest queued print job has waited (0 when none waits).",
            value=max(age, 0.0),
        )

        duration = ExpressionWrapper(
            F("finished_at") - F("started_at"), output_field=DurationField()
        )
        done = PrintJob.objects.filter(
            status=PrintJob.Status.DONE, started_at__isnull=False, finished_at__isnull=False
        ).annotate(duration=duration)
        totals = done.aggregate(
            count=Count("pk"),
            total=Sum("duration"),
            **{
                f"le_{limit}": Count("pk", filter=Q(duration__lte=timedelta(seconds=limit)))
                for limit in RENDER_BUCKETS
            },
        )
        buckets = [(str(float(limit)), totals[f"le_{limit}"]) for limit in RENDER_BUCKETS]
        buckets.append(("+Inf", totals["count"]))
        total = totals["total"] or timedelta(0)
        yield HistogramMetricFamily(
            "migrantech_print_render_seconds",
            "Rendering time of finished print jobs.",
            buckets=buckets,
            sum_value=total.total_seconds(),
        )
