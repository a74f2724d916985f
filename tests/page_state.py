"""Saving a translated page's state and putting it back, in the live server's database.

Browser tests commit for real: a translator's edit and a reviewer's approval change the page's
row, its wagtail-localize string translations, its search entry, and add revisions, a workflow,
log entries and a translation log. ``restore`` puts back the rows as saved (the page's latest
revision too, which is what the catalogue loader compares) and deletes the rows added since, so
later tests — and a later ``load_catalogue`` — find the page as loaded.

It runs in its own process, with the live server's environment (``LiveServer.run_module``): on
SQLite the server works on a copy of the test database, and on PostgreSQL the test process's own
connection is inside a test's transaction.

    python -m tests.page_state save <slug> <locale> <file>   # prints the page's ids and titles
    python -m tests.page_state restore <file>
"""

import json
import pickle
import sys
from pathlib import Path
from typing import Any


def _string_translations(page: Any) -> Any:
    from wagtail_localize.models import StringTranslation

    return StringTranslation.objects.filter(
        locale=page.locale, context__object_id=page.translation_key
    )


def _translation_logs(page: Any) -> Any:
    from wagtail_localize.models import TranslationLog

    return TranslationLog.objects.filter(locale=page.locale, source__object_id=page.translation_key)


def _newest_id(queryset: Any) -> int:
    return queryset.order_by("-pk").values_list("pk", flat=True).first() or 0


def save(slug: str, locale: str, path: Path) -> dict[str, Any]:
    from django.core import serializers
    from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

    from cms.core.locales import source_locale

    page = Page.objects.get(slug=slug, locale__language_code=locale).specific
    source = page.get_translation(source_locale())
    state = {
        "page_id": page.pk,
        # Python objects keep timestamps to the microsecond; JSON would round them to milliseconds.
        "rows": serializers.serialize(
            "python", [Page.objects.get(pk=page.pk), page, *_string_translations(page)]
        ),
        "string_translations": list(_string_translations(page).values_list("pk", flat=True)),
        "workflow_states": list(
            WorkflowState.objects.for_instance(page).values_list("pk", flat=True)
        ),
        "newest_revision": _newest_id(Revision.objects.for_instance(page)),
        "newest_log_entry": _newest_id(PageLogEntry.objects.for_instance(page)),
        "newest_translation_log": _newest_id(_translation_logs(page)),
        "latest_revision": page.latest_revision_id,
    }
    path.write_bytes(pickle.dumps(state))
    return {
        "module_id": source.pk,
        "page_id": page.pk,
        "title": page.title,
        "source_title": source.title,
    }


def restore(path: Path) -> None:
    from django.core import serializers
    from django.db import transaction
    from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
    from wagtail.search import index

    from cms.core.api.generation import bump_generation

    state = pickle.loads(path.read_bytes())  # noqa: S301 (written by save above)
    with transaction.atomic():
        for row in serializers.deserialize("python", state["rows"]):
            row.save()  # a raw save: the saved values exactly, timestamps included
        page = Page.objects.get(pk=state["page_id"]).specific
        _string_translations(page).exclude(pk__in=state["string_translations"]).delete()
        WorkflowState.objects.for_instance(page).exclude(pk__in=state["workflow_states"]).delete()
        PageLogEntry.objects.for_instance(page).filter(pk__gt=state["newest_log_entry"]).delete()
        _translation_logs(page).filter(pk__gt=state["newest_translation_log"]).delete()
        Revision.objects.for_instance(page).filter(pk__gt=state["newest_revision"]).delete()
        index.insert_or_update_object(page)
    if page.latest_revision_id != state["latest_revision"]:
        raise RuntimeError(
            f"page {page.pk} was not restored to revision {state['latest_revision']}"
        )
    bump_generation()


def main(arguments: list[str]) -> None:
    import django

    django.setup()
    if arguments[0] == "save":
        slug, locale, path = arguments[1:]
        print(json.dumps(save(slug, locale, Path(path))))
    elif arguments[0] == "restore":
        restore(Path(arguments[1]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
