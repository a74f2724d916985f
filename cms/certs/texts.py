"""The fixed wording of the certificates, from the project's certificate design.

Kept in one place so that every certificate says the same thing in every language, through the
interface translations in ``locale/``.
"""

from django.utils.translation import gettext_lazy as _

COURSE_COMPLETION = _("Course completion certificate")
PATHWAY_COMPLETION = _("Pathway completion certificate")
AWARDED_TO = _("is awarded to")
FOR_COMPLETING_THE_COURSE = _("For completing the course")
FOR_COMPLETING_THE_CATEGORY = _("For completing the %(count)s courses of the category")
FOR_COMPLETING_THE_PATHWAY = _("For completing the %(count)s courses of the intern pathway")
FOR_COMPLETING_ALL_MODULES = _("For completing the 40 e-modules")
PROPOSED_BY = _("proposed by the MigranTech project on the e-platform migrantech.org")
DURATION = _("Duration: %(hours)s hours")
DISCLAIMER = _(
    "This certificate is not a diploma and does not confer credits. "
    "The identity of the participant has not been verified."
)
