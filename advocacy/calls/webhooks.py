"""Twilio's webhooks. Every one checks X-Twilio-Signature against PUBLIC_BASE_URL and answers 403 otherwise.

The views are thin: they parse Twilio's form, call one step of advocacy/calls/twiml.py, and answer TwiML.
An error anywhere answers a spoken apology rather than a 500, so the supporter is never left in silence.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator

from advocacy.calls import services, twiml
from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign
from advocacy.providers.twilio_client import webhook_auth_token
from targets.lookup import LookupRefused, lookup

logger = logging.getLogger(__name__)


def signature_is_valid(request) -> bool:
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature:
        return False
    full_url = settings.PUBLIC_BASE_URL + request.get_full_path()
    return RequestValidator(webhook_auth_token()).validate(full_url, request.POST.dict(), signature)


def twilio_webhook(view):
    @csrf_exempt
    @require_POST
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not signature_is_valid(request):
            logger.warning("refused a Twilio webhook with a missing or invalid signature: %s", request.path)
            return HttpResponseForbidden("invalid signature", content_type="text/plain")
        language = translation.get_language()
        try:
            response = view(request, *args, **kwargs)
        except CallSession.DoesNotExist:
            response = twiml.apology()
        except Exception:
            logger.exception("call webhook %s failed", request.path)
            response = twiml.apology()
        finally:
            translation.activate(language)  # the flow speaks the call's language; the request keeps its own
        if isinstance(response, HttpResponse):
            return response
        return HttpResponse(str(response), content_type="text/xml")

    return wrapped


def _session(session_id) -> CallSession:
    return get_object_or_404(CallSession.objects.select_related("campaign"), pk=session_id)


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@twilio_webhook
def answer(request, session_id):
    session = _session(session_id)
    if request.POST.get("CallSid") and not session.twilio_sid:
        CallSession.objects.filter(pk=session.pk, twilio_sid="").update(twilio_sid=request.POST["CallSid"])
    return twiml.answer(session, answered_by=request.POST.get("AnsweredBy", ""))


@twilio_webhook
def start(request, session_id):
    return twiml.start(_session(session_id), digits=request.POST.get("Digits", ""))


@twilio_webhook
def next_target(request, session_id):
    return twiml.next_target(_session(session_id))


@twilio_webhook
def dialed(request, session_id, leg_id):
    session = _session(session_id)
    get_object_or_404(session.legs, pk=leg_id)  # a leg id from another session is refused
    return twiml.dialed(session, leg_id=leg_id, dial_status=request.POST.get("DialCallStatus", "failed"),
                        duration=_int(request.POST.get("DialCallDuration")),
                        dial_sid=request.POST.get("DialCallSid", ""))


@twilio_webhook
def office(request, session_id, leg_id):
    session = _session(session_id)
    get_object_or_404(session.legs, pk=leg_id)
    return twiml.office(session, leg_id=leg_id, digits=request.POST.get("Digits", ""))


@twilio_webhook
def status(request, session_id):
    services.update_call_status(session_id=_session(session_id).pk, twilio_status=request.POST.get("CallStatus", ""),
                                call_sid=request.POST.get("CallSid", ""))
    return HttpResponse(status=204)


@twilio_webhook
def inbound(request):
    """The campaign's own number rang: which campaign is by the number called."""
    campaign = Campaign.objects.filter(phone_number=request.POST.get("To", ""), is_published=True).first()
    if campaign is None:
        return twiml.apology()
    if not campaign.is_open():
        return twiml.closed(campaign)
    session = services.start_inbound_session(campaign=campaign, phone=request.POST.get("From", ""),
                                             call_sid=request.POST.get("CallSid", ""))
    return twiml.ask_zip(session)


@twilio_webhook
def inbound_zip(request, session_id):
    session = _session(session_id)
    try:
        location = lookup(zip_code=request.POST.get("Digits", ""))
    except LookupRefused:
        return twiml.ask_zip(session, again=True)
    if len(location.districts) > 1:
        CallSession.objects.filter(pk=session.pk).update(zip_code=location.zip_code)
        return twiml.choose_district(session, location=location)
    services.set_inbound_location(session=session, location=location, district_index=None)
    return twiml.start_connecting(session)


@twilio_webhook
def inbound_district(request, session_id):
    session = _session(session_id)
    location = lookup(zip_code=session.zip_code)
    choice = _int(request.POST.get("Digits"), 0) - 1
    index = choice if 0 <= choice < min(len(location.districts), 9) else None
    services.set_inbound_location(session=session, location=location, district_index=index)
    return twiml.start_connecting(session)
