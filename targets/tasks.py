from celery import shared_task

from targets.sync.run import sync_targets


@shared_task(name="targets.tasks.sync_targets_task")
def sync_targets_task() -> list[str]:
    """The daily refresh celery beat runs: the live sources, each in its own transaction."""
    return sync_targets().lines()
