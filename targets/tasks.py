from celery import shared_task

from common.retry import RETRY_ON_DATABASE_ERRORS
from targets.sync.run import sync_targets


@shared_task(name="targets.tasks.sync_targets_task", max_retries=3, **RETRY_ON_DATABASE_ERRORS)
def sync_targets_task() -> list[str]:
    """The daily refresh celery beat runs: the live sources, each in its own transaction."""
    return sync_targets().lines()
