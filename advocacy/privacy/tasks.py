"""The retention job (CELERY_BEAT_SCHEDULE runs it hourly)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from celery import shared_task

from advocacy.privacy.retention import apply_retention

logger = logging.getLogger(__name__)


@shared_task(name="advocacy.privacy.tasks.apply_retention")
def apply_retention_task() -> dict:
    result = asdict(apply_retention())
    logger.info("retention: %s", result)
    return result
