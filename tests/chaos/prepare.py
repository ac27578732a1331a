"""The stack every fault case runs on: short recovery ages, the target data, one published campaign."""

from __future__ import annotations

from tests.chaos.stack import Stack
from tests.targets.fixtures import ZCCD, write_data_dir

# Short ages so that the reconciler acts within a test; the README gives the production values.
FAST_RECOVERY = {
    "CELERY_VISIBILITY_TIMEOUT": "30", "CELERY_UNACKED_RESTORE_INTERVAL": "2", "CELERY_UNACKED_RESTORE_THROTTLE": "2",
    "RECONCILE_EVERY_SECONDS": "3", "CALL_REQUEUE_AFTER_SECONDS": "10", "CALL_STALE_AFTER_SECONDS": "20",
    "CALL_PLACING_LEASE_SECONDS": "15", "EMAIL_STUCK_SECONDS": "10",
}


def campaign_setup(*, slug: str, title: str, open_hours: int) -> str:
    """`manage.py shell -c` code that publishes a campaign open now, reaching the supporter's own members."""
    return f"""
import datetime as dt
from django.utils import timezone
from advocacy.campaigns.models import Campaign, CampaignTarget, MessageTemplate
from targets.models import Target
campaign = Campaign.objects.create(slug="{slug}", title="{title}", phone_number="+12025550100", is_published=True,
    call_script="Please cut ICE's budget.", from_email="action@coalition.example",
    window_start=timezone.now() - dt.timedelta(hours=1), window_end=timezone.now() + dt.timedelta(hours={open_hours}))
CampaignTarget.objects.create(campaign=campaign, position=0, source=CampaignTarget.Source.OWN_HOUSE)
CampaignTarget.objects.create(campaign=campaign, position=1, source=CampaignTarget.Source.OWN_SENATORS)
"""


CAMPAIGN_SETUP = campaign_setup(slug="chaos", title="Chaos", open_hours=3) + """
MessageTemplate.objects.create(campaign=campaign, target_kind=MessageTemplate.TargetKind.MEMBER,
    subject="Communities, not cages", body="Dear {{ target_name }},\\n\\nCut ICE's budget.\\n\\n{{ supporter.name }}")
Target.objects.filter(key="G000599").update(email="office@goldman.example")
Target.objects.filter(key="S000148").update(email="office@schumer.example")
"""


def start_stack(tmp_path_factory, *, database_url: str, broker_url, cache_url, twilio, smtp,
                extra_env: dict[str, str] | None = None) -> Stack:
    stack = Stack(database_url=database_url, broker_url=broker_url, cache_url=cache_url, twilio=twilio, smtp=smtp,
                  env_overrides={**FAST_RECOVERY, **(extra_env or {})})
    data_dir = write_data_dir(tmp_path_factory.mktemp("chaos-data"), zccd=ZCCD + "36,NY,10002,10\n")
    stack.manage("migrate", "--noinput")
    stack.manage("sync_targets", "--data-dir", str(data_dir))
    stack.manage("shell", "-c", CAMPAIGN_SETUP)
    return stack.start()
