"""What the call says, in the call's language: the greeting and script, and the short answers that end a call."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation
from django.utils.translation import gettext as _

from advocacy.calls import selectors
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Campaign, translated
from advocacy.campaigns.scripts import call_script_for, demands_for, is_constituent
from advocacy.providers.telephony import VoiceResponse
from targets.reach import reach_for
from targets.titles import display_name

VOICE_LANGUAGES = {"en": "en-US", "es": "es-MX"}


class Speaker:
    """Says things in one language (the session's, or the campaign's before a session exists)."""

    def __init__(self, language: str):
        self.language = language[:2] if language else "en"
        self.voice_language = VOICE_LANGUAGES.get(self.language, "en-US")
        translation.activate(self.language)

    def say(self, verb, text: str) -> None:
        if text:
            verb.say(text, language=self.voice_language)


def speaker_for(session: CallSession) -> Speaker:
    return Speaker(session.language or "en")


_UNREAD = object()


def intro(session: CallSession, speaker: Speaker, verb, *, first_leg=_UNREAD) -> None:
    """The campaign's greeting, its demands and the script for the first office (or its recording);
    `first_leg` when the caller read it already (None: there is none)."""
    campaign = session.campaign
    speaker.say(verb, translated(campaign, "call_intro", speaker.language) or _("Thank you for taking action."))
    if campaign.call_script_audio_url:
        verb.play(campaign.call_script_audio_url)
        return
    demands = demands_for(campaign, speaker.language)
    if demands:
        speaker.say(verb, _("Our demands are:") + " " + " ".join(demands))
    first = selectors.next_leg(session=session) if first_leg is _UNREAD else first_leg
    script = _script(session, first, speaker) if first else ""
    if script:
        speaker.say(verb, _("Here is what you can say to each office:") + " " + script)


def supporter_of(session: CallSession) -> dict:
    """What the script may say about the supporter: the first name they gave (if any), their ZIP and state."""
    return {"name": session.first_name, "zip_code": session.zip_code, "state": session.state}


def _script(session: CallSession, leg: CallLeg, speaker: Speaker) -> str:
    return call_script_for(campaign=session.campaign, target=leg.target, template_kind=leg.template_kind or "member",
                           language=speaker.language, supporter=supporter_of(session))


def _script_kind(session: CallSession, leg: CallLeg | None) -> tuple:
    if leg is None:
        return ()
    return leg.template_kind, is_constituent(target=leg.target, template_kind=leg.template_kind,
                                             supporter=supporter_of(session))


def _opening_kind(session: CallSession, leg: CallLeg) -> tuple:
    """The script kind of the call's first office, from the annotations selectors.next_leg read with `leg`."""
    if getattr(leg, "first_template_kind", None) is None:
        first = session.legs.select_related("target").exclude(target=None).order_by("position", "id").first()
        return _script_kind(session, first)
    target = SimpleNamespace(kind=leg.first_target_kind, state=leg.first_target_state)
    return leg.first_template_kind, is_constituent(target=target, template_kind=leg.first_template_kind,
                                                   supporter=supporter_of(session))


def name_of(target) -> str:
    """The office as the voice says it, with its title in the call's language ("Senador/a …")."""
    return display_name(target)


def introduce_office(session: CallSession, speaker: Speaker, response: VoiceResponse, leg: CallLeg) -> None:
    """Before dialing: who and why, this office's own script when it differs from the one read at the start
    (DHS or leadership are not told "I'm your constituent"), and the switchboard's instruction when needed."""
    if leg.reason and not leg.is_district_office:
        speaker.say(response, _("Next: %(name)s. %(reason)s.") % {"name": name_of(leg.target),
                                                                 "reason": leg.reason.rstrip(".")})
    if not session.campaign.call_script_audio_url and _script_kind(session, leg) != _opening_kind(session, leg):
        script = _script(session, leg, speaker)
        if script:
            speaker.say(response, _("For this office, you can say:") + " " + script)
    reach = reach_for(leg.target)
    if reach.via_switchboard and not leg.is_district_office:
        speaker.say(response, reach.instruction(speaker.language))


def goodbye(speaker: Speaker, text: str, *, response: VoiceResponse | None = None) -> VoiceResponse:
    response = response if response is not None else VoiceResponse()
    speaker.say(response, text)
    response.hangup()
    return response


def machine_answered(session: CallSession) -> VoiceResponse:
    # Neutral on purpose: a voicemail may be heard by anyone in the household, so it names no cause.
    return goodbye(speaker_for(session), _("Hello, this is the call you asked for. We could not reach you, so "
                                           "nothing will be left here. You can ask for another call at any time. "
                                           "Goodbye."))


def closed(campaign: Campaign) -> VoiceResponse:
    speaker = Speaker(campaign.language)
    message = translated(campaign, "closed_message", campaign.language)
    return goodbye(speaker, message or _("This action has ended. Thank you for calling."))


def apology(language: str = "en") -> VoiceResponse:
    return goodbye(Speaker(language),
                   _("Sorry, something went wrong with this call. Please try again from the action page."))
