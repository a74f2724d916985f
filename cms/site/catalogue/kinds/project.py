"""Partners (with trainers), competences and the project page."""

import datetime
from collections.abc import Callable
from typing import Any

from cms.project.models import Competence, Partner, ProjectPage, Trainer
from cms.site.catalogue.context import LoadContext, save_page, text_items
from cms.site.catalogue.source import DataFile
from cms.site.groups import editors_group_for

PARTNER_TEXT_FIELDS = ("name", "short_name", "country", "website", "description", "signatory_name")


def load_partners(file: DataFile, ctx: LoadContext) -> None:
    for index, entry in ctx.entries(file, "partners"):
        existing = Partner.objects.filter(slug=entry["slug"], locale=ctx.locale).first()
        write = _partner_writer(ctx, entry)
        partner = ctx.upsert(file, ["partners", index], "partner", entry, existing, write)
        for name in entry.get("trainers", []):
            Trainer.objects.get_or_create(name=name, partner=partner)
        ctx.remember("partner", entry["slug"], partner)


def _partner_writer(ctx: LoadContext, entry: dict[str, Any]) -> Callable[[Any], Partner]:
    def write(partner: Partner | None) -> Partner:
        partner = partner or Partner(locale=ctx.locale, slug=entry["slug"])
        for name in PARTNER_TEXT_FIELDS:
            setattr(partner, name, entry[name].strip())
        partner.signatory_role = entry.get("signatory_role", "")
        partner.editors_group = partner.editors_group or editors_group_for(partner)
        partner.full_clean()
        partner.save()
        return partner

    return write


def load_competences(file: DataFile, ctx: LoadContext) -> None:
    for index, entry in ctx.entries(file, "competences"):
        existing = Competence.objects.filter(slug=entry["slug"], locale=ctx.locale).first()
        write = _competence_writer(ctx, entry)
        competence = ctx.upsert(file, ["competences", index], "competence", entry, existing, write)
        ctx.remember("competence", entry["slug"], competence)


def _competence_writer(ctx: LoadContext, entry: dict[str, Any]) -> Callable[[Any], Competence]:
    def write(competence: Competence | None) -> Competence:
        competence = competence or Competence(locale=ctx.locale, slug=entry["slug"])
        competence.name = entry["name"]
        competence.kind = entry["kind"]
        competence.description = entry["description"].strip()
        competence.full_clean()
        competence.save()
        return competence

    return write


def load_project(file: DataFile, ctx: LoadContext) -> None:
    entry = file.data["project"]
    if entry["start_date"] > entry["end_date"]:
        raise ctx.problem(file, ["project", "end_date"], "the project ends before it starts")
    existing = ctx.child_page(ctx.home, ProjectPage, "project")

    def write(page: ProjectPage | None) -> ProjectPage:
        is_new = page is None
        page = page or ProjectPage(slug="project", locale=ctx.locale)
        page.title = entry["title"]
        page.reference = entry["reference"]
        page.website = entry["website"]
        page.start_date = datetime.date.fromisoformat(entry["start_date"])
        page.end_date = datetime.date.fromisoformat(entry["end_date"])
        for name in ("programme_explanation", "target_group", "methodology", "contact"):
            setattr(page, name, entry[name].strip())
        page.objectives = text_items(entry["objectives"], "project/objectives")
        page.results = text_items(entry["results"], "project/results")
        return save_page(ctx.home, page, is_new)

    ctx.upsert(file, ["project"], "project", entry, existing, write, slug="project")
