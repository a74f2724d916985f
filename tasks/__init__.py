"""Celery tasks: thin wrappers around plain functions in the ``cms`` apps."""
