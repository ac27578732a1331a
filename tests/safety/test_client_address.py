"""The client's address is the hop our nearest trusted proxy appended, never one the client wrote."""

import pytest
from django.test import RequestFactory

from advocacy.ratelimit import client_ip
from tests.emails.conftest import submit

pytestmark = pytest.mark.django_db


def request_from(remote: str, forwarded: str = ""):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_the_hop_the_trusted_proxy_appended(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_CIDRS = 1, []
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 198.51.100.7")) == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"


def test_trusted_cidrs_skip_our_own_proxies_only(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_CIDRS = 0, ["10.0.0.0/8"]
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.1.2.3")) == "198.51.100.7"
    # A request that did not come through our proxy: its X-Forwarded-For is the client's own writing.
    assert client_ip(request_from("198.51.100.8", "6.6.6.6")) == "198.51.100.8"


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_CIDRS = 0, []
    assert client_ip(request_from("198.51.100.8", "6.6.6.6")) == "198.51.100.8"


def test_a_rotated_first_hop_does_not_evade_the_email_limit(client, email_campaign, settings):
    settings.BEHIND_TLS_PROXY, settings.TRUSTED_PROXY_COUNT, settings.EMAILS_PER_IP_PER_HOUR = True, 1, 3
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    statuses = [
        submit(client, email_campaign, email=f"person{n}@example.org", REMOTE_ADDR="10.0.0.2",
               HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7").status_code
        for n in range(5)
    ]
    assert statuses == [202, 202, 202, 429, 429]


def test_a_rotated_first_hop_does_not_evade_the_call_limit(client, campaign, settings):
    settings.BEHIND_TLS_PROXY, settings.TRUSTED_PROXY_COUNT, settings.CALLS_PER_IP_PER_HOUR = True, 1, 2
    statuses = [
        client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": f"202555{n:04d}", "zip": "10002"},
                    content_type="application/json", REMOTE_ADDR="10.0.0.2",
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7").status_code
        for n in range(1, 4)
    ]
    assert statuses == [202, 202, 429]


def test_a_rotated_first_hop_does_not_evade_the_lookup_limit(client, targets, settings):
    settings.BEHIND_TLS_PROXY, settings.TRUSTED_PROXY_COUNT, settings.LOOKUPS_PER_MINUTE_PER_IP = True, 1, 3
    statuses = [client.get("/api/v1/lookup", {"zip": "10002"}, REMOTE_ADDR="10.0.0.2",
                           HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
