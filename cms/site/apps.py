from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "cms.site"
    label = "site_assembly"
    verbose_name = "MigranTech site assembly"

    def ready(self) -> None:
        from cms.core.api import cdn, invalidation, search
        from cms.project.models import Competence, Partner, Trainer

        search.register_snippet_type(Partner, "partner", "partner-detail")
        search.register_snippet_type(Competence, "competence", "competence-detail")
        invalidation.connect(Partner, Competence, Trainer)
        cdn.connect(Partner, Competence, Trainer, extra_lists=["catalogue-list"])

        from cms.printing import fingerprint, jobs
        from tasks.printing import send_print_job

        fingerprint.register_printed_snippets(Partner, Competence, Trainer)
        jobs.dispatcher.send = send_print_job
