"""The retention job (CELERY_BEAT_SCHEDULE runs it hourly)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from celery import shared_task

from advocacy.privacy.retention import apply_retention
from common.retry import RETRY_ON_DATABASE_ERRORS

logger = logging.getLogger(__name__)


@shared_task(name="advocacy.privacy.tasks.apply_retention", max_retries=3, **RETRY_ON_DATABASE_ERRORS)
def apply_retention_task() -> dict:
    result = asdict(apply_retention())
    logger.info("retention: %s", result)
    return result
