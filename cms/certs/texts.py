"""The fixed wording of the certificates, from the project's certificate design.

Kept in one place so that every certificate says the same thing in every language, through the
interface translations in ``locale/``.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

COURSE_COMPLETION = _("Course completion certificate")
PATHWAY_COMPLETION = _("Pathway completion certificate")
AWARDED_TO = _("is awarded to")
FOR_COMPLETING_THE_COURSE = _("For completing the course")
FOR_COMPLETING_THE_CATEGORY = _("For completing the %(count)s courses of the category")
FOR_COMPLETING_THE_PATHWAY = _("For completing the %(count)s courses of the intern pathway")
FOR_COMPLETING_ALL_MODULES = _("For completing the 40 e-modules")
PROPOSED_BY = _("proposed by the MigranTech project on the e-platform migrantech.org")
# "count" chooses the plural form: the whole number of hours, or one that every language words as
# a fraction ("1.5 hours", "1,5 ساعة").
DURATION = ngettext_lazy("Duration: %(hours)s hour", "Duration: %(hours)s hours", "count")
DISCLAIMER = _(
    "This certificate is not a diploma and does not confer credits. "
    "The identity of the participant has not been verified."
)
THE_40_E_MODULES = _("The 40 e-modules")
PROJECT_REFERENCE = _("Erasmus+ project %(reference)s")
TRAINER_ORGANISATIONS = _("Trainer organisations")
TRAINERS = _("Trainers")
CATEGORY = _("Category")
MODULE_DESCRIPTION = _("Description")
LEARNING_OBJECTIVES = _("Learning objectives")
LEARNING_OUTCOMES = _("Learning outcomes & acquired competences")
CHECK_THIS_CERTIFICATE = _("Check this certificate")
ABOUT_THE_PROJECT = _("About the MigranTech project")
WHAT_IS_KA2 = _("What is an Erasmus+ KA2 project?")
TARGET_GROUP = _("Target group")
PROJECT_OBJECTIVES = _("Objectives of the project")
METHODOLOGY = _("Methodology")
RESULTS = _("Results")
TRANSVERSAL_COMPETENCES = _("The transversal competences")
THE_PARTNERS = _("The partners")
CONTACT = _("Contact")
ANNEX = _("Annex")
CERTIFICATE_TYPE = _("Certificate type %(type)s")
COUNTRY_NAMES = {
    "FR": _("France"),
    "BE": _("Belgium"),
    "PT": _("Portugal"),
    "TR": _("Turkey"),
}
