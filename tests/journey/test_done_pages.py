"""After a call: one tap per office, then the done page; after an email: the done page; "remind me" as .ics."""

import datetime as dt

import pytest
from django.utils import timezone

from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import SamplePost, ScheduleItem
from advocacy.emails import services as email_services
from advocacy.events.models import Event
from targets.models import ZipCentroid

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended_call(client, campaign, settings, django_capture_on_commit_callbacks) -> CallSession:
    settings.DEBUG = True  # the built-in simulator plays the whole call
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{campaign.slug}/call/", {"phone": "802-555-0142", "zip": "10002", "first_name": "Ana"})
    session = CallSession.objects.get()
    assert session.status == CallSession.Status.COMPLETED and session.first_name == "Ana"
    return session


@pytest.fixture
def extras(campaign):
    campaign.hashtag = "#CommunitiesNotCages"
    campaign.save()
    SamplePost.objects.create(campaign=campaign, position=0, text="Free them all #CommunitiesNotCages")
    hour = ScheduleItem.objects.create(campaign=campaign, title="Digital action hour",
                                       title_es="Hora de acción digital",
                                       starts_at=timezone.now() + dt.timedelta(hours=3),
                                       ends_at=timezone.now() + dt.timedelta(hours=4))
    ZipCentroid.objects.update_or_create(zcta="10002", defaults={"latitude": 40.716, "longitude": -73.986})
    Event.objects.create(campaign=campaign, title="Vigil at 26 Federal Plaza", description="x", host_name="H",
                         host_email="h@example.org", starts_at=timezone.now() + dt.timedelta(days=1),
                         status="approved", zip_code="10007", latitude=40.715, longitude=-74.004)
    return hour


def outcome_url(session, leg) -> str:
    return f"/calls/{session.pk}/outcome/{leg.pk}/"


def test_one_tap_per_office_moves_to_the_next_and_the_last_leads_to_the_done_page(client, ended_call):
    legs = list(ended_call.legs.exclude(target=None).order_by("position"))
    page = client.get(f"/calls/{ended_call.pk}/").content.decode()
    assert page.count('class="outcome-form"') == len(legs) == 4
    assert 'name="outcome" value="spoke_to_staff"' in page and "One of your two senators" in page

    first = client.post(outcome_url(ended_call, legs[0]), {"outcome": "spoke_to_staff"})
    assert first.status_code == 302 and first["Location"] == f"/calls/{ended_call.pk}/#leg-{legs[1].pk}"
    for leg in legs[1:-1]:
        client.post(outcome_url(ended_call, leg), {"outcome": "left_voicemail"})
    last = client.post(outcome_url(ended_call, legs[-1]), {"outcome": "no_answer"})

    assert last["Location"] == f"/calls/{ended_call.pk}/done/"
    assert [leg.outcome for leg in ended_call.legs.order_by("position")] == [
        "spoke_to_staff", "left_voicemail", "left_voicemail", "no_answer"]


def test_the_fetch_answer_is_json_and_names_the_next_office(client, ended_call):
    legs = list(ended_call.legs.order_by("position"))
    answer = client.post(outcome_url(ended_call, legs[0]), {"outcome": "spoke_to_staff"},
                         HTTP_ACCEPT="application/json")
    assert answer.json() == {"outcome": "spoke_to_staff", "label": "Spoke to staff", "next_leg": legs[1].pk,
                             "done_url": f"/calls/{ended_call.pk}/done/"}
    bad = client.post(outcome_url(ended_call, legs[1]), {"outcome": "yelled"}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid"
    assert CallLeg.objects.get(pk=legs[1].pk).outcome == ""


def test_the_call_done_page_offers_share_the_email_a_local_action_a_reminder_and_the_count(
        client, ended_call, extras):
    page = client.get(f"/calls/{ended_call.pk}/done/").content.decode()

    assert "You reached 4 offices." in page
    assert "Free them all #CommunitiesNotCages" in page and "twitter.com/intent/tweet" in page
    assert "Send the email too" in page and "?zip=10002#act" in page
    assert "Vigil at 26 Federal Plaza" in page and "1 mi away" in page
    assert f"/c/{ended_call.campaign.slug}/remind/{extras.pk}.ics" in page
    assert 'data-count="calls">4<' in page


def test_the_reminder_is_a_calendar_event_with_an_alarm_in_the_visitors_language(client, campaign, extras):
    body = client.get(f"/c/{campaign.slug}/remind/{extras.pk}.ics", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert body.startswith("BEGIN:VCALENDAR\r\n") and "BEGIN:VALARM" in body and "TRIGGER:-PT15M" in body
    assert "SUMMARY:Hora de acción digital" in body
    assert f"DTSTART:{extras.starts_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}" in body
    assert client.get(f"/c/{campaign.slug}/remind/999999.ics").status_code == 404


def test_the_email_done_page_offers_a_call(client, email_campaign, extras, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        action = email_services.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                                    zip_code="10002", city="New York")
    page = client.get(f"/emails/a/{action.token}/done/").content.decode()

    assert "Your messages are on their way to" in page and "Call too" in page
    assert "Vigil at 26 Federal Plaza" in page
    action_page = client.get(f"/emails/a/{action.token}/").content.decode()
    assert f"/emails/a/{action.token}/done/" in action_page
