"""The whole conversation, top to bottom: each signed Twilio webhook directly above the TwiML it answers.

Outbound (we call the supporter):
  answer → [a machine answered: short message, hang up] → (press 1) start → next/0 → Dial office 1 →
  dialed → [busy or no answer: office → next] → next/1 → ... → "that was the last office"; status all along.
Inbound (the supporter calls the campaign's number):
  inbound → zip → [split ZIP: district] → next/0 → ... as above.

Webhooks parse Twilio's form and call services (state changes) and selectors (reads); they never write the
ORM. Every `next` URL carries the step it advances from, so a replayed `next` or `dialed` changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from advocacy.calls import legs, progress, selectors, services, voice
from advocacy.calls.links import webhook_url
from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.webhook import status_callback, twiml_webhook
from advocacy.campaigns.models import translated
from advocacy.providers.telephony import Dial, Gather, VoiceResponse
from targets.lookup import LookupRefused, lookup

START_KEY = "1"
OFFICE_KEY = "1"


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _press_start(session: CallSession, speaker: voice.Speaker, *, greet: bool,
                 first_leg: CallLeg | None = None) -> VoiceResponse:
    response = VoiceResponse()
    gather = Gather(num_digits=1, action=webhook_url("calls:start", session), method="POST", timeout=10)
    if greet:
        voice.intro(session, speaker, gather, first_leg=first_leg)
    speaker.say(gather, _("Press 1 to be connected to the first office."))
    response.append(gather)
    if greet:
        speaker.say(response, _("We did not hear a key press. We will hang up now; you can request another "
                                "call from the action page. Goodbye."))
    response.hangup()
    return response


# -- outbound: the supporter picks up ------------------------------------------------------------------------
@twiml_webhook
def answer(request, session_id):
    """Greet, read the script, and wait for a key, so a voicemail that slipped past detection starts nothing."""
    session, first_leg = selectors.session_and_next_leg(session_id)
    machine = services.record_answer(session=session, call_sid=request.POST.get("CallSid", ""),
                                     answered_by=request.POST.get("AnsweredBy", ""))
    if machine:
        return voice.machine_answered(session)
    return _press_start(session, voice.speaker_for(session), greet=True, first_leg=first_leg)


@twiml_webhook
def start(request, session_id):
    if request.POST.get("Digits", "") != START_KEY:
        session = selectors.session_for_webhook(session_id)
        return _press_start(session, voice.speaker_for(session), greet=False)
    session = services.supporter_pressed_start(session_id=session_id)
    response = VoiceResponse()
    response.redirect(webhook_url("calls:next", session, 0), method="POST")
    return response


# -- both directions: dial each office in turn -----------------------------------------------------------------
@twiml_webhook
def next_target(request, session_id, step):
    """Dial the next office, saying why we skip any target we have no number for; once per step."""
    advanced = legs.advance(session_id=session_id, from_step=step)  # reads the session as it locks it
    session = advanced.session
    speaker = voice.speaker_for(session)
    response = VoiceResponse()
    if advanced.replay and advanced.leg is None:
        response.redirect(webhook_url("calls:next", session, advanced.step), method="POST")
        return response
    for skipped in advanced.skipped:
        if skipped.target is None:
            speaker.say(response, _("The House seat for your district is vacant, so we will skip it."))
        else:
            speaker.say(response, _("We do not have a working number for %(name)s, so we will skip them.")
                        % {"name": voice.name_of(skipped.target)})
    if advanced.leg is None:
        return voice.goodbye(speaker, _("That was the last office. Thank you for making these calls! Please tell "
                                        "us how they went on the action page. Goodbye."), response=response)
    _dial(session, speaker, response, advanced.leg)
    return response


def _dial(session: CallSession, speaker: voice.Speaker, response: VoiceResponse, leg: CallLeg) -> None:
    voice.introduce_office(session, speaker, response, leg)
    name = voice.name_of(leg.target)
    if leg.is_district_office:
        speaker.say(response, _("Connecting you to the nearest district office of %(name)s.") % {"name": name})
    else:
        speaker.say(response, _("Connecting you to %(name)s. Press star at any time to move on to the next office.")
                    % {"name": name})
    dial = Dial(action=webhook_url("calls:dialed", session, leg.pk), method="POST",
                caller_id=selectors.caller_id_for(session), timeout=settings.CALL_DIAL_TIMEOUT_SECONDS,
                time_limit=settings.CALL_MAX_LEG_SECONDS, hangup_on_star=True)
    dial.number(leg.number_dialed)
    response.append(dial)


@twiml_webhook
def dialed(request, session_id, leg_id):
    """The office's line ended (talked, busy, no answer, or star): record it, offer a district office."""
    leg = legs.finish_leg(leg_id=leg_id, session_id=session_id,  # a leg of another session: not found
                          dial_status=request.POST.get("DialCallStatus", "failed"),
                          duration=_int(request.POST.get("DialCallDuration")),
                          dial_sid=request.POST.get("DialCallSid", ""))
    session = leg.session
    speaker = voice.speaker_for(session)
    response = VoiceResponse()
    if selectors.can_offer_district_office(leg):
        gather = Gather(num_digits=1, action=webhook_url("calls:office", session, leg.pk), method="POST", timeout=6)
        busy = _("The line was busy.") if leg.status == CallLeg.Status.BUSY else _("Nobody answered.")
        speaker.say(gather, busy + " " + _("Press 1 to try their nearest district office instead, or stay on the "
                                           "line for the next office."))
        response.append(gather)
    response.redirect(webhook_url("calls:next", session, leg.step or 0), method="POST")
    return response


@twiml_webhook
def office(request, session_id, leg_id):
    session = selectors.session_for_webhook(session_id)
    leg = selectors.leg_of(session, leg_id)
    if request.POST.get("Digits", "") == OFFICE_KEY and selectors.can_offer_district_office(leg):
        legs.add_district_office_leg(leg=leg)
    response = VoiceResponse()
    response.redirect(webhook_url("calls:next", session, leg.step or 0), method="POST")
    return response


@status_callback
def status(request, session_id):
    """Twilio's status callbacks (initiated, ringing, answered, completed...): the session only moves forward."""
    try:
        progress.update_call_status(session_id=session_id, twilio_status=request.POST.get("CallStatus", ""),
                                    call_sid=request.POST.get("CallSid", ""))
    except CallSession.DoesNotExist:
        raise Http404("no such call") from None
    return HttpResponse(status=204)


# -- inbound: the supporter called the campaign's number ---------------------------------------------------------
@twiml_webhook
def inbound(request):
    """Which campaign is by the number called; a closed campaign says so and hangs up."""
    campaign = selectors.inbound_campaign(number_called=request.POST.get("To", ""))
    if campaign is None:
        return voice.apology()
    if not campaign.is_open():
        return voice.closed(campaign)
    session = services.start_inbound_session(campaign=campaign, phone=request.POST.get("From", ""),
                                             call_sid=request.POST.get("CallSid", ""))
    return _ask_zip(session, again=False)


def _ask_zip(session: CallSession, *, again: bool) -> VoiceResponse:
    speaker = voice.speaker_for(session)
    response = VoiceResponse()
    gather = Gather(num_digits=5, action=webhook_url("calls:zip", session), method="POST", timeout=10)
    if not again:
        speaker.say(gather, translated(session.campaign, "call_intro", speaker.language)
                    or _("Thank you for calling."))
    speaker.say(gather, _("Please enter your five digit ZIP code."))
    response.append(gather)
    return voice.goodbye(speaker, _("We did not get a ZIP code. Goodbye."), response=response)


@twiml_webhook
def inbound_zip(request, session_id):
    session = selectors.session_for_webhook(session_id)
    try:
        location = lookup(zip_code=request.POST.get("Digits", ""))
    except LookupRefused:
        return _ask_zip(session, again=True)
    if len(location.districts) > 1:
        services.store_split_zip(session=session, zip_code=location.zip_code)
        return _choose_district(session, location=location)
    services.set_inbound_location(session=session, location=location, district_index=None)
    return _start_connecting(session)


def _choose_district(session: CallSession, *, location) -> VoiceResponse:
    speaker = voice.speaker_for(session)
    response = VoiceResponse()
    gather = Gather(num_digits=1, action=webhook_url("calls:district", session), method="POST", timeout=10)
    speaker.say(gather, _("Your ZIP code is in more than one district."))
    senators = [voice.name_of(t) for t in location.senators_first if t.chamber == "senate"]
    if senators:  # the offices that are right whatever the district, before the choice that narrows the House
        speaker.say(gather, _("You will be connected to your senators, %(names)s, whichever you choose.")
                    % {"names": ", ".join(senators)})
    house = {(t.state, t.district): t for t in location.house_members}
    for index, district in enumerate(location.districts[:9], start=1):
        member = house.get((district.state, district.district))
        who = voice.name_of(member) if member else _("a vacant seat")
        speaker.say(gather, _("Press %(key)s for %(who)s.") % {"key": index, "who": who})
    response.append(gather)
    response.redirect(webhook_url("calls:district", session), method="POST")  # no key: call every candidate
    return response


@twiml_webhook
def inbound_district(request, session_id):
    session = selectors.session_for_webhook(session_id)
    location = lookup(zip_code=session.zip_code)
    choice = _int(request.POST.get("Digits"), 0) - 1
    index = choice if 0 <= choice < min(len(location.districts), 9) else None
    services.set_inbound_location(session=session, location=location, district_index=index)
    return _start_connecting(session)


def _start_connecting(session: CallSession) -> VoiceResponse:
    response = VoiceResponse()
    voice.intro(session, voice.speaker_for(session), response)
    response.redirect(webhook_url("calls:next", session, 0), method="POST")
    return response
