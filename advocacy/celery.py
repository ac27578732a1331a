"""The Celery app. Reliability settings (acks_late, reject on worker loss, prefetch 1) live in settings.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings")

app = Celery("advocacy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["advocacy.campaigns", "advocacy.calls", "advocacy.emails", "advocacy.events"])
