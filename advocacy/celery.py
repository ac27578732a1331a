"""The Celery app. Reliability settings (acks_late, reject on worker loss, prefetch 1) live in settings.py."""

import os
from collections.abc import Iterator, Mapping
from functools import cached_property

from celery import Celery

from advocacy import worker_db

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings")


class CeleryDjangoSettings(Mapping):
    """Django's CELERY_* settings as a plain dict, read when Celery first loads its configuration (after Django's
    settings are set up). Celery looks each option up under several names on every task it sends; read from
    django.conf.settings, every miss is a raised AttributeError, about a fifth of apply_async's CPU
    (scripts/bench/callpower.py). Code that changes Celery's options at run time uses app.conf, as before."""

    @cached_property
    def _values(self) -> dict:
        from django.conf import settings

        return {name: getattr(settings, name) for name in dir(settings) if name.startswith("CELERY_")}

    def __getitem__(self, key: str):
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


app = Celery("advocacy")
app.config_from_object(CeleryDjangoSettings(), namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["advocacy.campaigns", "advocacy.calls", "advocacy.emails", "advocacy.events"])

# Connection reuse across tasks with health checks (CELERY_DB_REUSE_MAX, CONN_HEALTH_CHECKS): advocacy/worker_db.py.
worker_db.install()
