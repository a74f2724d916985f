"""A sample certificate for the documentation's images, rolled back once printed."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from cms.learners.models import Learner, ModuleCompletion
from cms.learners.signals import module_completed
from cms.modules.models import ModulePage

from .models import Certificate


@contextmanager
def sample_certificate(locale: str, module: ModulePage) -> Iterator[Certificate]:
    """A module certificate of a sample learner in ``locale``; nothing of it stays in the
    database afterwards (its print job is never sent: the transaction never commits)."""
    with transaction.atomic():
        learner = Learner.objects.create(display_name="Amina Diallo", locale=locale)
        completion = ModuleCompletion.objects.create(
            learner=learner, module=module, completed_at=timezone.now()
        )
        module_completed.send(
            Learner, learner=learner, completion=completion, groups=[], all_modules=False
        )
        yield Certificate.objects.get(learner=learner, type=Certificate.Type.MODULE)
        transaction.set_rollback(True)
