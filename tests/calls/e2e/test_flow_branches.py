"""The rest of the conversation's branches, end to end through the fake Twilio: a wrong key, a vacant seat,
Twilio sending a webhook twice, and every way an inbound call can go."""

import datetime as dt

import pytest
from django.utils import timezone

from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.simulator import Scenario
from advocacy.dashboard.selectors import metric_totals
from targets.models import Target
from tests.calls.conftest import SUPPORTER, request_call, session_for

pytestmark = pytest.mark.django_db(transaction=True)

CAMPAIGN_NUMBER = "+12025550100"
CALLER = "+17185550123"


def finished(fake_twilio, response) -> tuple[CallSession, object]:
    fake_twilio.wait_idle()
    session = session_for(response)
    return session, fake_twilio.transcript_for(SUPPORTER)


def test_a_wrong_key_asks_again_then_1_connects(client, campaign, fake_twilio):
    fake_twilio.default_scenario = Scenario(supporter_keys=["7", "1"])
    session, transcript = finished(fake_twilio, request_call(client, campaign))

    assert transcript.said.count("Press 1 to be connected to the first office.") == 2
    assert session.supporter_connected and len(transcript.dialed) == 4


def test_a_wrong_key_twice_hangs_up_without_calling_anyone(client, campaign, fake_twilio):
    fake_twilio.default_scenario = Scenario(supporter_keys=["7", ""])
    session, transcript = finished(fake_twilio, request_call(client, campaign))

    assert transcript.dialed == [] and not session.supporter_connected


def test_a_vacant_seat_is_skipped_with_a_spoken_note(client, campaign, fake_twilio):
    session, transcript = finished(fake_twilio, request_call(client, campaign, zip_code="90000"))

    assert "The House seat for your district is vacant, so we will skip it." in transcript.said
    assert [(leg.vacant_seat, leg.status) for leg in session.legs.all()] == [("CA-2", "skipped"), ("", "completed")]


@pytest.mark.parametrize("repeated", [3, 4, 5, 6])  # start, next/0, dialed(1st office), next/1
def test_a_webhook_twilio_sends_twice_skips_no_office_and_counts_nothing_twice(client, campaign, fake_twilio,
                                                                               repeated):
    fake_twilio.default_scenario = Scenario(repeat_requests={repeated})
    session, transcript = finished(fake_twilio, request_call(client, campaign))

    assert transcript.dialed == ["+12022250001"] * 3 + ["+12022828000"]
    assert [leg.status for leg in session.legs.all()] == ["completed"] * 4
    totals = metric_totals(campaign_id=campaign.pk)
    assert (totals["call_attempted"], totals["call_connected"], totals["supporter_connected"]) == (4, 4, 1)


@pytest.mark.parametrize("replayed,after", [(3, 4), (3, 5), (4, 6), (5, 7)])  # next/0 or dialed, once the call moved on
def test_a_signed_webhook_replayed_later_changes_nothing(client, campaign, fake_twilio, replayed, after):
    fake_twilio.default_scenario = Scenario(replays={after: replayed})
    session, transcript = finished(fake_twilio, request_call(client, campaign))

    assert transcript.dialed == ["+12022250001"] * 3 + ["+12022828000"]
    assert [leg.status for leg in session.legs.all()] == ["completed"] * 4
    assert metric_totals(campaign_id=campaign.pk)["call_attempted"] == 4


def test_a_district_office_choice_sent_twice_adds_one_office(client, campaign, fake_twilio):
    Target.objects.filter(key="N000002").update(phone="+12022255635")
    fake_twilio.default_scenario = Scenario(target_results={"+12022255635": "busy"}, supporter_keys=["1", "1"],
                                            repeat_requests={7})  # office/<Nadler's leg>: pressed 1, sent twice
    session, transcript = finished(fake_twilio, request_call(client, campaign, zip_code="10001", address=""))

    rows = [(leg.target.key, leg.is_district_office, leg.status) for leg in session.legs.all()]
    assert rows[1:3] == [("N000002", False, "busy"), ("N000002", True, "completed")]
    assert session.legs.filter(is_district_office=True).count() == 1
    assert len(transcript.dialed) == len(rows)


def inbound(fake_twilio, live_server, keys, *, to=CAMPAIGN_NUMBER):
    return fake_twilio.dial_in(from_=CALLER, to=to, voice_url=live_server.url + "/calls/inbound/",
                               scenario=Scenario(supporter_keys=keys))


def test_an_inbound_caller_in_one_district_is_connected_to_each_office(campaign, fake_twilio, live_server):
    transcript = inbound(fake_twilio, live_server, ["10002"])

    session = CallSession.objects.get(direction="inbound")
    assert "Thanks for calling." in transcript.said and session.district == 10
    assert transcript.dialed == ["+12022250001"] * 3 + ["+12022828000"]
    assert {leg.status for leg in session.legs.all()} == {CallLeg.Status.COMPLETED}


def test_an_inbound_caller_in_a_split_zip_picks_a_district(campaign, fake_twilio, live_server):
    transcript = inbound(fake_twilio, live_server, ["10001", "2"])

    assert "Press 2 for Representative Jerrold Nadler." in transcript.said
    session = CallSession.objects.get(direction="inbound")
    assert (session.state, session.district) == ("NY", 12)
    assert [leg.target.key for leg in session.legs.all()] == ["N000002", "S000148", "G000555", "dhs_main"]


def test_an_inbound_caller_who_picks_no_district_calls_every_candidate(campaign, fake_twilio, live_server):
    inbound(fake_twilio, live_server, ["10001", ""])

    session = CallSession.objects.get(direction="inbound")
    assert {leg.target.key for leg in session.legs.all()} >= {"N000002", "G000599"}


def test_an_inbound_caller_with_an_unknown_zip_is_asked_again(campaign, fake_twilio, live_server):
    transcript = inbound(fake_twilio, live_server, ["00000", ""])

    assert transcript.said.count("Please enter your five digit ZIP code.") == 2
    assert transcript.said[-1] == "We did not get a ZIP code. Goodbye."


def test_inbound_after_the_window_says_the_campaign_has_closed(campaign, fake_twilio, live_server):
    campaign.window_end = timezone.now() - dt.timedelta(minutes=1)
    campaign.closed_message = "The day of action is over. Find a local event at our site."
    campaign.save()

    transcript = inbound(fake_twilio, live_server, [])

    assert transcript.said == ["The day of action is over. Find a local event at our site."]
    assert not CallSession.objects.exists()


def test_a_number_no_campaign_uses_gets_an_apology(campaign, fake_twilio, live_server):
    transcript = inbound(fake_twilio, live_server, [], to="+12025559999")

    assert transcript.said == ["Sorry, something went wrong with this call. Please try again from the action page."]
    assert not CallSession.objects.exists()


def test_a_busy_member_with_a_district_office_declined_moves_on(client, campaign, fake_twilio):
    Target.objects.filter(key="N000002").update(phone="+12022255635")
    fake_twilio.default_scenario = Scenario(target_results={"+12022255635": "busy"}, supporter_keys=["1", "2"])
    session, transcript = finished(fake_twilio, request_call(client, campaign, zip_code="10001", address=""))

    assert "Press 1 to try their nearest district office" in " ".join(transcript.said)
    assert not session.legs.filter(is_district_office=True).exists()
    assert "+12123677350" not in transcript.dialed
