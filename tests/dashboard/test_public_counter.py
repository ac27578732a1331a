"""The public counter partner sites poll: totals only, cached, revalidated with an ETag, open to any origin."""

import pytest
from django.core.cache import cache

from advocacy.dashboard.counters import record_contact, record_supporter
from advocacy.dashboard.models import Metric

pytestmark = pytest.mark.django_db


def test_the_counter_shows_totals_and_goals_only(client, campaign):
    campaign.goal_calls = 100
    campaign.save()
    record_contact(campaign_id=campaign.pk, metric=Metric.CALL_CONNECTED, amount=3)
    record_contact(campaign_id=campaign.pk, metric=Metric.EMAIL_SENT, amount=2)
    record_contact(campaign_id=campaign.pk, metric=Metric.WEBFORM_REPORTED)
    record_supporter(campaign_id=campaign.pk, identity="+18025550101")

    response = client.get(f"/api/v1/campaigns/{campaign.slug}/stats", HTTP_ORIGIN="https://partner.example")
    body = response.json()

    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    assert body["totals"] == {"calls": 3, "call_sessions": 0, "emails": 3, "supporters": 1}
    assert body["goals"] == {"calls": 100, "emails": 0}
    assert set(body) == {"campaign", "totals", "goals", "updated_at"}
    assert "+1802" not in response.content.decode()


def test_the_counter_is_cached_and_revalidates_with_its_etag(client, campaign):
    url = f"/api/v1/campaigns/{campaign.slug}/stats"
    first = client.get(url)
    record_contact(campaign_id=campaign.pk, metric=Metric.CALL_CONNECTED)

    cached = client.get(url)
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    cache.clear()  # the few seconds of PUBLIC_STATS_CACHE_SECONDS have passed
    fresh = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert "max-age=" in first["Cache-Control"] and first["Cache-Control"].startswith("public")
    assert cached.content == first.content and cached["ETag"] == first["ETag"]
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert fresh.status_code == 200 and fresh["ETag"] != first["ETag"]
    assert fresh.json()["totals"]["calls"] == 1


def test_the_etag_changes_with_the_numbers_not_with_the_clock(client, campaign):
    url = f"/api/v1/campaigns/{campaign.slug}/stats"
    first = client.get(url)
    cache.clear()
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


def test_head_works_and_writes_are_refused(client, campaign):
    url = f"/api/v1/campaigns/{campaign.slug}/stats"
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


@pytest.mark.parametrize("slug", ["no-such-campaign", "unpublished"])
def test_unknown_or_unpublished_campaigns_get_a_json_404(client, campaign, slug):
    if slug == "unpublished":
        campaign.is_published = False
        campaign.save()
        slug = campaign.slug

    response = client.get(f"/api/v1/campaigns/{slug}/stats")

    assert response.status_code == 404 and response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["error"]["code"] == "not_found"
