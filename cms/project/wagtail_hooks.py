from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, Partner, Trainer


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["short_name", "country", "signatory_name"]


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    list_display = ["name", "partner"]
    list_filter = ["partner"]


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "pick"
    list_display = ["name", "kind"]
    list_filter = ["kind"]


class ProjectSnippets(SnippetViewSetGroup):
    menu_label = _("Project")
    menu_icon = "site"
    items = (PartnerViewSet, TrainerViewSet, CompetenceViewSet)


register_snippet(ProjectSnippets)
