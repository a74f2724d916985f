"""Learners completing modules, as the learners app announces it, for the certificates' tests."""

from datetime import datetime, timedelta

from django.conf import settings
from django.test import TestCase
from django.utils import timezone

from cms.certs.models import Certificate
from cms.learners.models import Learner, ModuleCompletion
from cms.learners.signals import module_completed
from cms.modules.models import CategoryPage, ModulePage

START = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.get_current_timezone())


def learner(name: str = "Amina Diallo", locale: str = "en") -> Learner:
    return Learner.objects.create(display_name=name, locale=locale)


def category(slug: str = "digital-skills") -> CategoryPage:
    return CategoryPage.objects.get(slug=slug, locale__language_code=settings.LANGUAGE_CODE)


def built_category() -> CategoryPage:
    """Digital skills: a category of three modules, built (not the demo's)."""
    from .factories import CategoryPageFactory, ModulePageFactory

    group = CategoryPageFactory(title="Digital skills")
    for title in ("Using e-mail", "Searching the web", "Staying safe online"):
        ModulePageFactory(parent=group, title=title)
    return group


def modules_of(group: CategoryPage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(group).order_by("path"))


def all_modules() -> list[ModulePage]:
    source = ModulePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return list(source.order_by("path"))


def complete(
    who: Learner,
    module: ModulePage,
    *,
    groups: list | None = None,
    all_modules: bool = False,
    day: int = 0,
) -> ModuleCompletion:
    """Record a completion and announce it, as the learners app does in its transaction, then
    run what waits for that transaction's commit (issuing the certificates)."""
    with TestCase.captureOnCommitCallbacks() as committed:
        completion = ModuleCompletion.objects.create(
            learner=who, module=module, completed_at=START + timedelta(days=day)
        )
        module_completed.send(
            Learner,
            learner=who,
            completion=completion,
            groups=groups or [],
            all_modules=all_modules,
        )
    for callback in committed:
        callback()
    return completion


def complete_category(who: Learner, group: CategoryPage) -> None:
    modules = modules_of(group)
    for day, module in enumerate(modules):
        finished = [group] if day == len(modules) - 1 else []
        complete(who, module, groups=finished, day=day)


def complete_everything(who: Learner) -> None:
    modules = all_modules()
    for day, module in enumerate(modules):
        complete(who, module, all_modules=day == len(modules) - 1, day=day)


def certificate(who: Learner, type: int) -> Certificate:
    return Certificate.objects.get(learner=who, type=type)


REAL_KEY = "cmVhbC1sb29raW5nLWtleS1mb3ItdGhlLXRlc3RzLTE="
"""A signing key that is not the published development one (only the tests know it)."""
