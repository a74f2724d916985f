"""What the learners app tells other apps, so that they never reach into its models' workings.

``module_completed``
    Sent inside the transaction that records a learner's first pass of a module's evaluation.
    Arguments: ``learner``, ``completion`` (the new ``ModuleCompletion``), ``groups`` (the
    category and pathway pages, source locale, that this completion finished) and
    ``all_modules`` (True when every module of the course is now complete).

``learner_erasing``
    Sent inside the erasure transaction, before the learner's account is deleted. Receivers
    remove or anonymise what they hold about ``learner``.

``personal_data_requested``
    Sent when a learner downloads their data. Each receiver returns ``(section, data)``: a
    section name and JSON-serialisable data about ``learner``, added to the export.
"""

from django.dispatch import Signal

module_completed = Signal()
learner_erasing = Signal()
personal_data_requested = Signal()
