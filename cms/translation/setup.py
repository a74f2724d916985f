"""Each target locale gets its home page, its translators, its reviewers and a review workflow.

Permissions follow the locale trees: a locale's translators may add and edit pages under that
locale's home page only, so a French translator cannot touch a Turkish page. Publishing a
translation goes through the locale's "Translation review" workflow, approved by its reviewers.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.core.locales import (
    ensure_content_locales,
    language_name,
    source_locale,
    target_locales,
)

from .segments import translate_segments

TRANSLATORS_PREFIX = "Translators: "
REVIEWERS_PREFIX = "Reviewers: "
WORKFLOW_PREFIX = "Translation review: "


def translators_group(locale: Locale) -> Group:
    return Group.objects.get_or_create(name=f"{TRANSLATORS_PREFIX}{language_name(locale)}")[0]


def reviewers_group(locale: Locale) -> Group:
    return Group.objects.get_or_create(name=f"{REVIEWERS_PREFIX}{language_name(locale)}")[0]


def locale_home(locale: Locale) -> Page:
    """The home page of ``locale``'s tree, translated from the English one if missing."""
    english_home = Page.objects.get(depth=2, locale=source_locale())
    home = english_home.get_translation_or_none(locale)
    if home is None or home.alias_of_id:
        home = translate_segments(english_home.specific, locale, {})
    return home


def _grant(group: Group, page: Page, *kinds: str) -> None:
    for permission in Permission.objects.filter(codename__in=[f"{k}_page" for k in kinds]):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _review_workflow(locale: Locale, reviewers: Group) -> Workflow:
    name = f"{WORKFLOW_PREFIX}{language_name(locale)}"
    workflow, _ = Workflow.objects.get_or_create(name=name)
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([reviewers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


SECTION_DEPTH = 3
"""The home page's children (curriculum, e-library, guide, infographics, project) and below."""


def ensure_locale_trees() -> None:
    """Every section of the English tree has a page in each target locale's tree, so translators
    find the e-library, the certification tools, the infographics, the guide and the project page
    there, and may translate any page below them. New pages are drafts: nothing is published in
    a language before someone translates it.

    Run after the content and its translations are loaded: a draft made here first would stand
    in the way of a translation loaded later.
    """
    for locale in target_locales():
        _ensure_locale_tree(locale)


def _ensure_locale_tree(locale: Locale) -> None:
    english_home = Page.objects.filter(depth=2, locale=source_locale()).first()
    if english_home is None:
        return
    sections = english_home.get_descendants().filter(depth__lte=SECTION_DEPTH + 1)
    sections = sections.exclude(numchild=0, depth=SECTION_DEPTH + 1).order_by("path")
    existing = set(
        Page.objects.filter(
            locale=locale, translation_key__in=sections.values("translation_key")
        ).values_list("translation_key", flat=True)
    )
    for section in sections.specific():
        if section.translation_key not in existing:
            translate_segments(section, locale, {}, publish=False)


def ensure_translation_setup() -> None:
    """Create or complete every locale's home, groups, permissions and workflow."""
    ensure_content_locales()
    access_admin = Permission.objects.get(codename="access_admin")
    for locale in target_locales():
        home = locale_home(locale)
        translators, reviewers = translators_group(locale), reviewers_group(locale)
        for group in (translators, reviewers):
            group.permissions.add(access_admin)
            _grant(group, home, "add", "change")
        _grant(reviewers, home, "publish")
        workflow = _review_workflow(locale, reviewers)
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
