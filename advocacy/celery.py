"""The Celery app. Reliability settings (acks_late, reject on worker loss, prefetch 1) live in settings.py."""

import os

from celery import Celery

from advocacy import worker_db

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings")

app = Celery("advocacy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["advocacy.campaigns", "advocacy.calls", "advocacy.emails", "advocacy.events"])

# Connection reuse across tasks with health checks (CELERY_DB_REUSE_MAX, CONN_HEALTH_CHECKS): advocacy/worker_db.py.
worker_db.install()
