"""Patch-through calls end to end: our API → Celery task → the twilio client → a fake Twilio that plays the
call against our signed webhooks over HTTP, for each way a call can go."""

import pytest

from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.simulator import Scenario
from advocacy.dashboard.selectors import metric_totals
from targets.models import Target
from tests.calls.conftest import SUPPORTER, request_call, session_for

pytestmark = pytest.mark.django_db(transaction=True)

GOLDMAN, SCHUMER, GILLIBRAND, DHS = "+12022250001", "+12022250001", "+12022250001", "+12022828000"


def legs(session: CallSession) -> list[tuple]:
    return [(leg.target.key if leg.target else None, leg.is_district_office, leg.number_dialed, leg.status,
             leg.duration_seconds) for leg in session.legs.select_related("target")]


def test_a_call_reaches_the_members_then_the_fixed_targets_in_order(client, campaign, fake_twilio):
    response = request_call(client, campaign)
    fake_twilio.wait_idle()

    assert response.status_code == 202
    body = response.json()
    assert [t["target"]["id"] for t in body["targets"]] == ["G000599", "S000148", "G000555", "dhs_main"]
    session = session_for(response)
    assert session.status == CallSession.Status.COMPLETED and session.supporter_connected
    assert session.twilio_sid == fake_twilio.created[0]["sid"]
    assert legs(session) == [("G000599", False, "+12022250001", "completed", 45),
                             ("S000148", False, "+12022250001", "completed", 45),
                             ("G000555", False, "+12022250001", "completed", 45),
                             ("dhs_main", False, "+12022828000", "completed", 45)]
    transcript = fake_twilio.transcript_for(SUPPORTER)
    assert transcript.dialed == ["+12022250001"] * 3 + ["+12022828000"]
    assert any("Please cut ICE's budget." in said for said in transcript.said)
    create = fake_twilio.calls[session.twilio_sid]["params"]
    assert (create["To"], create["From"]) == (SUPPORTER, "+12025550100")
    totals = metric_totals(campaign_id=campaign.pk)
    assert (totals["call_session_started"], totals["supporter_connected"], totals["call_attempted"],
            totals["call_connected"], totals["talk_seconds"]) == (1, 1, 4, 4, 180)


def test_busy_no_answer_and_failed_targets_are_recorded_and_the_call_moves_on(client, campaign, fake_twilio):
    Target.objects.filter(key="S000148").update(phone="+12022240002")
    Target.objects.filter(key="G000555").update(phone="+12022240003")
    fake_twilio.default_scenario = Scenario(target_results={"+12022250001": "busy", "+12022240002": "no-answer",
                                                            "+12022240003": "failed"},
                                            supporter_keys=["1", "2"])  # "2": no district office, thanks
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()
    session.refresh_from_db()

    assert [leg[3] for leg in legs(session)] == ["busy", "no_answer", "failed", "completed"]
    totals = metric_totals(campaign_id=campaign.pk)
    assert (totals["call_busy"], totals["call_no_answer"], totals["call_failed"], totals["call_connected"]) == \
        (1, 1, 1, 1)


def test_a_busy_house_line_offers_the_nearest_district_office(client, campaign, fake_twilio):
    Target.objects.filter(key="N000002").update(phone="+12022255635")
    fake_twilio.default_scenario = Scenario(target_results={"+12022255635": "busy"}, supporter_keys=["1", "1"])
    response = request_call(client, campaign, zip_code="10001", address="")  # NY-10 and NY-12: both members
    fake_twilio.wait_idle()
    session = session_for(response)

    rows = legs(session)
    assert rows[1] == ("N000002", False, "+12022255635", "busy", 0)
    assert rows[2] == ("N000002", True, "+12123677350", "completed", 45)
    assert "Press 1 to try their nearest district office" in " ".join(fake_twilio.transcript_for(SUPPORTER).said)


def test_without_detection_a_silent_voicemail_starts_nothing_because_no_key_is_pressed(client, campaign,
                                                                                        fake_twilio):
    """The campaign did not ask for answering-machine detection, so Twilio sends no AnsweredBy: the key press is
    the only guard, and a voicemail (which presses nothing) hears the greeting and is hung up on."""
    fake_twilio.default_scenario = Scenario(answered_by="machine_start", supporter_keys=[""])
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()
    session.refresh_from_db()

    assert "MachineDetection" not in fake_twilio.calls[session.twilio_sid]["params"]
    assert all("AnsweredBy" not in r["body"].decode() for r in fake_twilio.requests)
    transcript = fake_twilio.transcript_for(SUPPORTER)
    assert transcript.dialed == [] and transcript.said[-1].startswith("We did not hear a key press.")
    assert not session.supporter_connected and session.answered_by == ""
    assert {leg.status for leg in session.legs.all()} == {CallLeg.Status.SKIPPED}


def test_a_detected_machine_gets_a_short_message_and_a_hang_up_never_the_targets(client, campaign, fake_twilio):
    campaign.detect_answering_machines = True
    campaign.save()
    # Even a machine that "presses 1" (a tone in its greeting) never reaches the key prompt.
    fake_twilio.default_scenario = Scenario(answered_by="machine_start", supporter_keys=["1"])
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()
    session.refresh_from_db()

    assert fake_twilio.calls[session.twilio_sid]["params"]["MachineDetection"] == "Enable"
    transcript = fake_twilio.transcript_for(SUPPORTER)
    assert transcript.dialed == [] and len(transcript.said) == 1
    assert transcript.said[0].startswith("Hello, this is the call you asked for.")
    assert [s.kind for s in transcript.steps][-1] == "hangup"
    assert session.answered_by == "machine_start" and not session.supporter_connected
    assert {leg.status for leg in session.legs.all()} == {CallLeg.Status.SKIPPED}
    assert metric_totals(campaign_id=campaign.pk)["supporter_connected"] == 0


def test_with_detection_a_person_still_presses_1_and_is_connected(client, campaign, fake_twilio):
    campaign.detect_answering_machines = True
    campaign.save()
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()
    session.refresh_from_db()

    assert session.answered_by == "human" and session.supporter_connected
    assert fake_twilio.transcript_for(SUPPORTER).dialed == ["+12022250001"] * 3 + ["+12022828000"]


def test_a_supporter_who_hangs_up_midway(client, campaign, fake_twilio):
    # answer, start, next (dial 1), dialed (1 done), next (dial 2), then the supporter hangs up mid-dial
    fake_twilio.default_scenario = Scenario(hangup_after_steps=5)
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()
    session.refresh_from_db()

    assert session.status == CallSession.Status.COMPLETED
    assert [leg[3] for leg in legs(session)] == ["completed", "failed", "skipped", "skipped"]


def test_star_moves_on_to_the_next_office(client, campaign, fake_twilio):
    fake_twilio.default_scenario = Scenario(star_on={0})
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()

    assert [leg[4] for leg in legs(session)] == [5, 45, 45, 45]
    assert fake_twilio.transcript_for(SUPPORTER).dial_results[0] == ("+12022250001", "star")


def test_a_member_without_a_number_is_reached_through_the_capitol_switchboard(client, campaign, fake_twilio):
    Target.objects.filter(key="S000148").update(phone="")
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()

    assert [leg[2:4] for leg in legs(session)][1] == ("+12022243121", "completed")
    said = " ".join(fake_twilio.transcript_for(SUPPORTER).said)
    assert "Ask the operator for the office of Senator Charles Schumer" in said
    assert "We do not have a working number" not in said


def test_an_office_without_a_number_is_skipped_with_a_spoken_note(client, campaign, fake_twilio):
    Target.objects.filter(key="dhs_main").update(phone="")
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()

    assert [leg[3] for leg in legs(session)] == ["completed", "completed", "completed", "skipped"]
    assert any("We do not have a working number for" in s for s in fake_twilio.transcript_for(SUPPORTER).said)


def test_only_numbers_from_our_target_data_are_ever_dialed(client, campaign, fake_twilio):
    request_call(client, campaign, target="+19005550000", number="+19005550000", to="+19005550000")
    fake_twilio.wait_idle()

    ours = set(Target.objects.exclude(phone="").values_list("phone", flat=True))
    dialed = {number for t in fake_twilio.transcripts.values() for number in t.dialed}
    assert dialed and dialed <= ours
    assert "+19005550000" not in dialed


def test_a_429_from_twilio_is_retried(client, campaign, fake_twilio):
    fake_twilio.fail_next = [429, 503]
    session = session_for(request_call(client, campaign))
    fake_twilio.wait_idle()
    session.refresh_from_db()

    assert len(fake_twilio.created) == 1
    assert session.status == CallSession.Status.COMPLETED and session.place_attempts == 3
