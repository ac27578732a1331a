"""The call flow, top to bottom, as TwiML. Each function answers one webhook and returns VoiceResponse.

answer → (press 1) start → next → Dial target 1 → dialed → [busy: offer district office] → next → ...
→ thank you. Inbound: inbound → zip → [split ZIP: district] → next → ...
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from advocacy.calls import services
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Campaign, translated
from advocacy.campaigns.scripts import call_script_for, demands_for

VOICE_LANGUAGES = {"en": "en-US", "es": "es-MX"}
START_KEY = "1"
OFFICE_KEY = "1"


def url(name: str, session: CallSession, *args) -> str:
    return settings.PUBLIC_BASE_URL + reverse(name, args=[session.pk, *args])


class Speaker:
    """Says things in the session's language."""

    def __init__(self, session_or_campaign_language: str):
        self.language = session_or_campaign_language[:2] if session_or_campaign_language else "en"
        self.voice_language = VOICE_LANGUAGES.get(self.language, "en-US")

    def say(self, verb, text: str) -> None:
        if text:
            verb.say(text, language=self.voice_language)


def _activate(session: CallSession) -> Speaker:
    translation.activate(session.language or "en")
    return Speaker(session.language)


def _intro(session: CallSession, speaker: Speaker, verb) -> None:
    campaign = session.campaign
    intro = translated(campaign, "call_intro", speaker.language)
    speaker.say(verb, intro or _("Thank you for taking action."))
    if campaign.call_script_audio_url:
        verb.play(campaign.call_script_audio_url)
        return
    demands = demands_for(campaign, speaker.language)
    if demands:
        speaker.say(verb, _("Our demands are:") + " " + " ".join(demands))
    first = services.next_leg(session=session)
    script = call_script_for(campaign=campaign, target=first.target if first else None,
                             template_kind=first.template_kind if first else "member", language=speaker.language,
                             supporter={"zip_code": session.zip_code})
    if script:
        speaker.say(verb, _("Here is what you can say to each office:") + " " + script)


def answer(session: CallSession, *, answered_by: str = "") -> VoiceResponse:
    """The supporter picked up: greet, read the script, and wait for a key so voicemail starts nothing."""
    speaker = _activate(session)
    response = VoiceResponse()
    gather = Gather(num_digits=1, action=url("calls:start", session), method="POST", timeout=10)
    _intro(session, speaker, gather)
    speaker.say(gather, _("Press 1 to be connected to the first office."))
    response.append(gather)
    speaker.say(response, _("We did not hear a key press. We will hang up now; you can request another call "
                            "from the action page. Goodbye."))
    response.hangup()
    return response


def start(session: CallSession, *, digits: str) -> VoiceResponse:
    speaker = _activate(session)
    response = VoiceResponse()
    if digits != START_KEY:
        gather = Gather(num_digits=1, action=url("calls:start", session), method="POST", timeout=10)
        speaker.say(gather, _("Press 1 to be connected to the first office."))
        response.append(gather)
        response.hangup()
        return response
    services.supporter_pressed_start(session=session)
    response.redirect(url("calls:next", session), method="POST")
    return response


def next_target(session: CallSession) -> VoiceResponse:
    """Dial the next office, skipping with a spoken note any target we have no number for."""
    speaker = _activate(session)
    response = VoiceResponse()
    while True:
        leg = services.next_leg(session=session)
        if leg is None:
            speaker.say(response, _("That was the last office. Thank you for making these calls! Please tell "
                                    "us how they went on the action page. Goodbye."))
            response.hangup()
            return response
        if leg.target is None:
            speaker.say(response, _("The House seat for your district is vacant, so we will skip it."))
            services.skip_leg(leg=leg, reason="vacant seat")
            continue
        number = services.number_for(leg)
        if not number:
            speaker.say(response, _("We do not have a working number for %(name)s, so we will skip them.")
                        % {"name": leg.target})
            services.skip_leg(leg=leg, reason="no number")
            continue
        break
    leg = services.begin_leg(leg=leg)
    if leg.is_district_office:
        speaker.say(response, _("Connecting you to the nearest district office of %(name)s.") % {"name": leg.target})
    else:
        speaker.say(response, _("Connecting you to %(name)s. Press star at any time to move on to the next office.")
                    % {"name": leg.target})
    dial = Dial(action=url("calls:dialed", session, leg.pk), method="POST", caller_id=caller_id_for(session),
                timeout=settings.CALL_DIAL_TIMEOUT_SECONDS, time_limit=settings.CALL_MAX_LEG_SECONDS,
                hangup_on_star=True)
    dial.number(leg.number_dialed)
    response.append(dial)
    return response


def caller_id_for(session: CallSession) -> str:
    """Offices see the supporter's own number where allowed, so staff recognise a constituent."""
    if settings.CALL_PASS_SUPPORTER_CALLER_ID and session.direction == CallSession.Direction.OUTBOUND:
        return session.phone
    return campaign_number(session.campaign)


def campaign_number(campaign: Campaign) -> str:
    return campaign.phone_number or settings.TWILIO_CALLER_ID


def dialed(session: CallSession, *, leg_id: int, dial_status: str, duration: int, dial_sid: str) -> VoiceResponse:
    speaker = _activate(session)
    response = VoiceResponse()
    leg = services.finish_leg(leg_id=leg_id, dial_status=dial_status, duration=duration, dial_sid=dial_sid)
    if services.can_offer_district_office(leg):
        gather = Gather(num_digits=1, action=url("calls:office", session, leg.pk), method="POST", timeout=6)
        busy = _("The line was busy.") if leg.status == CallLeg.Status.BUSY else _("Nobody answered.")
        speaker.say(gather, busy + " " + _("Press 1 to try their nearest district office instead, or stay on the "
                                           "line for the next office."))
        response.append(gather)
    response.redirect(url("calls:next", session), method="POST")
    return response


def office(session: CallSession, *, leg_id: int, digits: str) -> VoiceResponse:
    leg = session.legs.get(pk=leg_id)
    if digits == OFFICE_KEY and services.can_offer_district_office(leg):
        services.add_district_office_leg(leg=leg)
    response = VoiceResponse()
    response.redirect(url("calls:next", session), method="POST")
    return response


def closed(campaign: Campaign) -> VoiceResponse:
    speaker = Speaker(campaign.language)
    response = VoiceResponse()
    message = translated(campaign, "closed_message", campaign.language)
    speaker.say(response, message or _("This action has ended. Thank you for calling."))
    response.hangup()
    return response


def ask_zip(session: CallSession, *, again: bool = False) -> VoiceResponse:
    speaker = _activate(session)
    response = VoiceResponse()
    gather = Gather(num_digits=5, action=url("calls:zip", session), method="POST", timeout=10)
    if not again:
        intro = translated(session.campaign, "call_intro", speaker.language)
        speaker.say(gather, intro or _("Thank you for calling."))
    speaker.say(gather, _("Please enter your five digit ZIP code."))
    response.append(gather)
    speaker.say(response, _("We did not get a ZIP code. Goodbye."))
    response.hangup()
    return response


def choose_district(session: CallSession, *, location) -> VoiceResponse:
    speaker = _activate(session)
    response = VoiceResponse()
    gather = Gather(num_digits=1, action=url("calls:district", session), method="POST", timeout=10)
    speaker.say(gather, _("Your ZIP code is in more than one district."))
    house = {(t.state, t.district): t for t in location.house_members}
    for index, district in enumerate(location.districts[:9], start=1):
        member = house.get((district.state, district.district))
        who = str(member) if member else _("a vacant seat")
        speaker.say(gather, _("Press %(key)s for %(who)s.") % {"key": index, "who": who})
    response.append(gather)
    response.redirect(url("calls:district", session), method="POST")  # no key: call every candidate
    return response


def start_connecting(session: CallSession) -> VoiceResponse:
    speaker = _activate(session)
    response = VoiceResponse()
    _intro(session, speaker, response)
    response.redirect(url("calls:next", session), method="POST")
    return response


def apology(language: str = "en") -> VoiceResponse:
    speaker = Speaker(language)
    response = VoiceResponse()
    speaker.say(response, _("Sorry, something went wrong with this call. Please try again from the action page."))
    response.hangup()
    return response
