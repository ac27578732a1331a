"""Several worker processes delivering at once do not lose a single count."""

import pytest

from advocacy.dashboard.selectors import dashboard_stats
from advocacy.emails import services
from advocacy.emails.models import EmailDelivery
from tests.emails.test_smtp_delivery import smtp_env
from tests.fakes.smtp import FakeSMTPServer
from tests.services import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_concurrent_workers_count_every_email(email_campaign, celery_worker_process, settings):
    settings.EMAILS_PER_IP_PER_HOUR = 1000
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    with FakeSMTPServer() as smtp:
        celery_worker_process(extra_env=smtp_env(smtp), concurrency=4)
        celery_worker_process(extra_env=smtp_env(smtp), concurrency=4)
        for n in range(30):
            services.submit_email_action(campaign=email_campaign, name=f"Supporter {n}", email=f"s{n}@example.org",
                                         zip_code="10002")
        wait_for(lambda: EmailDelivery.objects.filter(channel="email", status="sent").count() == 60, timeout=120,
                 message="60 emails to be sent")

    stats = dashboard_stats(campaign=email_campaign)
    assert stats["totals"]["emails_sent"] == 60
    assert stats["totals"]["unique_supporters"] == 30
    assert {row["id"]: row["emails"] for row in stats["targets"]}["G000599"] == 30
    assert stats["top_districts"] == [{"district": "NY-10", "contacts": 60 + 0}]
    assert len([m for m in smtp.messages if m["To"] != m["Reply-To"]]) >= 60
