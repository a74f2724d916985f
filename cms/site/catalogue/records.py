"""Creating or updating one catalogue object without overwriting an editor's work."""

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models
from django.forms.models import model_to_dict
from wagtail.models import Page

from cms.core.models import CatalogueRecord

M = TypeVar("M", bound=models.Model)


def data_hash(entry: Any) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()


def fingerprint(obj: models.Model) -> str:
    if isinstance(obj, Page):
        return f"revision:{obj.latest_revision_id}"
    values = model_to_dict(obj)
    return "fields:" + data_hash(values)[:60]


@dataclass
class LoadReport:
    """What a load did, per kind: created, updated, unchanged, kept (edited by someone)."""

    counts: Counter = field(default_factory=Counter)
    kept: list[str] = field(default_factory=list)
    written: list[models.Model] = field(default_factory=list)

    def add(self, kind: str, outcome: str, slug: str) -> None:
        self.counts[(kind, outcome)] += 1
        if outcome == "kept":
            self.kept.append(f"{kind}:{slug}")

    def lines(self) -> list[str]:
        kinds = sorted({kind for kind, _ in self.counts})
        outcomes = ("created", "updated", "unchanged", "kept")
        return [
            f"{kind}: "
            + ", ".join(f"{self.counts[(kind, o)]} {o}" for o in outcomes if self.counts[(kind, o)])
            for kind in kinds
        ]


@dataclass
class Upserter:
    """Decides for each entry whether to create, update or leave the object alone."""

    force: bool
    report: LoadReport

    def upsert(
        self,
        kind: str,
        slug: str,
        entry: Any,
        existing: M | None,
        write: Callable[[M | None], M],
    ) -> M:
        """``write(existing)`` creates (given ``None``) or updates the object and returns it."""
        entry_hash = data_hash(entry)
        record = CatalogueRecord.objects.filter(kind=kind, slug=slug).first()
        if existing is not None:
            edited = record is None or record.content_fingerprint != fingerprint(existing)
            if edited and not self.force:
                self.report.add(kind, "kept", slug)
                return existing
            if record is not None and not edited and record.data_hash == entry_hash:
                self.report.add(kind, "unchanged", slug)
                return existing
        obj = write(existing)
        CatalogueRecord.objects.update_or_create(
            kind=kind,
            slug=slug,
            defaults={"data_hash": entry_hash, "content_fingerprint": fingerprint(obj)},
        )
        self.report.add(kind, "created" if existing is None else "updated", slug)
        self.report.written.append(obj)
        return obj
