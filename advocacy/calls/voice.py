"""What the call says, in the call's language: the greeting and script, and the short answers that end a call."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from advocacy.calls import selectors
from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign, translated
from advocacy.campaigns.scripts import call_script_for, demands_for
from advocacy.providers.telephony import VoiceResponse

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
    script = call_script_for(campaign=campaign, target=first.target if first else None,
                             template_kind=first.template_kind if first else "member", language=speaker.language,
                             supporter={"zip_code": session.zip_code})
    if script:
        speaker.say(verb, _("Here is what you can say to each office:") + " " + script)


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
