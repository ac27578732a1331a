"""The same request twice (a double click, a retried POST) rings the supporter once, through the page and the API."""

import threading

import pytest

from advocacy.calls.models import CallSession
from tests.calls.conftest import request_call, session_for

pytestmark = pytest.mark.django_db


def test_the_same_phone_again_while_its_call_is_under_way_gets_that_call(client, campaign):
    first = request_call(client, campaign)
    again = request_call(client, campaign, phone="(802) 555-0142")

    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["call_id"] == first.json()["call_id"] and again["Location"] == first["Location"]
    assert CallSession.objects.count() == 1


def test_another_client_giving_the_same_number_is_never_shown_that_call(client, campaign):
    first = client.post("/api/v1/campaigns/detention/calls", {"phone": "8025550142", "zip": "10002"},
                        content_type="application/json", REMOTE_ADDR="198.51.100.7")
    other = client.post("/api/v1/campaigns/detention/calls", {"phone": "8025550142", "zip": "10002"},
                        content_type="application/json", REMOTE_ADDR="203.0.113.9")

    # Showing it would tell a stranger who is calling whom; it is a new request under the per-phone limits.
    assert (first.status_code, other.status_code) == (202, 202)
    assert other.json()["call_id"] != first.json()["call_id"]


def test_once_the_call_ended_or_the_window_passed_a_new_request_is_a_new_call(client, campaign, settings):
    session_for(request_call(client, campaign))
    CallSession.objects.update(status=CallSession.Status.BUSY)
    assert request_call(client, campaign).status_code == 202

    settings.CALL_DUPLICATE_WINDOW_SECONDS = 0
    assert request_call(client, campaign).status_code == 202
    assert CallSession.objects.count() == 3


def test_the_page_form_sent_twice_shows_the_same_call(client, campaign):
    form = {"phone": "802-555-0142", "zip": "10002"}
    first, second = client.post("/c/detention/call/", form), client.post("/c/detention/call/", form)

    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert CallSession.objects.count() == 1


def test_an_idempotency_key_returns_the_first_call_and_refuses_reuse_for_another_phone(client, campaign):
    def post(phone):
        return client.post("/api/v1/campaigns/detention/calls", {"phone": phone, "zip": "10002"},
                           content_type="application/json", HTTP_IDEMPOTENCY_KEY="partner-req-42")

    first = post("+18025550142")
    CallSession.objects.update(status=CallSession.Status.COMPLETED)  # even after it ended: same key, same call
    retried, other = post("+18025550142"), post("+18025550143")

    assert (first.status_code, retried.status_code) == (202, 200)
    assert retried.json()["call_id"] == first.json()["call_id"]
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"


@pytest.mark.django_db(transaction=True)
def test_a_double_click_at_the_same_moment_rings_once(client, campaign, fake_api):
    results = []
    threads = [threading.Thread(target=lambda: results.append(request_call(client, campaign).status_code))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [200, 202] and CallSession.objects.count() == 1
    assert len(fake_api.created) == 1


@pytest.mark.parametrize("language,expected", [
    ("en", "Your call is queued: you are number 3 in line, about 3 minutes until we call you."),
    ("es", "Tu llamada está en espera: eres el número 3 en la fila; te llamaremos en unos 3 minutos."),
])
def test_while_it_waits_for_a_slot_the_page_says_where_the_call_is_in_line(client, campaign, settings, language,
                                                                          expected):
    settings.TWILIO_CALLS_PER_SECOND = 0.02  # one call leaves every 50 s
    waiting = [CallSession.objects.create(campaign=campaign, phone=f"+1802555014{i}") for i in range(3)]
    CallSession.objects.filter(pk=waiting[0].pk).update(status=CallSession.Status.PLACING)  # waiting for its slot

    page = client.get(f"/calls/{waiting[2].pk}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert expected in " ".join(page.split())
    assert "We are calling you now" not in page and "Te estamos llamando" not in page


def test_a_new_call_is_told_its_place_behind_the_calls_still_waiting(client, campaign, fake_api, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.TWILIO_CALLS_PER_SECOND = 0.02  # one call leaves every 50 s
    CallSession.objects.create(campaign=campaign, phone="+18025550141")  # asked for, not yet given a slot
    CallSession.objects.create(campaign=campaign, phone="+18025550143", status=CallSession.Status.PLACING,
                               slot_at=timezone.now() + timedelta(seconds=40))  # waiting for its slot
    CallSession.objects.create(campaign=campaign, phone="+18025550144", status=CallSession.Status.RINGING,
                               twilio_sid="CA" + "4" * 32)  # Twilio has it: no longer in line
    CallSession.objects.create(campaign=campaign, phone="+18025550145", status=CallSession.Status.COMPLETED)

    answer = request_call(client, campaign)

    assert answer.status_code == 202
    assert answer.json()["queue"] == {"position": 3, "minutes": 3}  # 3 calls at one per 50 s: 150 s


def test_once_twilio_has_the_call_the_page_says_we_are_calling(client, campaign):
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", status=CallSession.Status.RINGING,
                                         twilio_sid="CA" + "1" * 32)

    page = client.get(f"/calls/{session.pk}/").content.decode()

    assert "We are calling you now" in page and "in line" not in page


def test_a_partner_server_without_a_supporter_address_gets_its_own_call_back_and_no_one_elses(campaign):
    from advocacy.calls.submissions import submit_call

    def ask(**client_of):
        return submit_call(campaign=campaign, phone="8025550142", zip_code="10002", **client_of)

    first = ask(ip_address=None, partner_code="coalition")
    assert ask(ip_address=None, partner_code="coalition").session.pk == first.session.pk  # its retried POST
    assert ask(ip_address=None, partner_code="other-org").created  # another partner: a new request
    from_a_browser = ask(ip_address="198.51.100.7", partner_code="coalition")
    assert from_a_browser.created and from_a_browser.session.pk != first.session.pk
    assert ask(ip_address=None, partner_code="coalition").session.pk == first.session.pk


@pytest.mark.django_db(transaction=True)
def test_a_double_click_that_waited_while_the_first_call_ended_still_gets_that_call(client, campaign, fake_api):
    from django.core.cache import cache
    from django.utils import timezone

    first = session_for(request_call(client, campaign))
    lock = f"call-submission:{campaign.pk}:{first.phone}"
    assert cache.add(lock, 1, timeout=30)  # the second click comes in while the first still holds the lock
    answers = []
    second = threading.Thread(target=lambda: answers.append(request_call(client, campaign)))
    second.start()
    second.join(0.3)
    # ...and, on a busy server, only gets its turn after that call failed fast (a wrong number ends in a second).
    CallSession.objects.filter(pk=first.pk).update(status=CallSession.Status.FAILED, ended_at=timezone.now())
    cache.delete(lock)
    second.join()

    assert answers[0].status_code == 200 and answers[0].json()["call_id"] == str(first.pk)
    assert CallSession.objects.count() == 1
    # A request that comes in after the call ended is a new call (see the test above for the window).
    assert request_call(client, campaign).status_code == 202
