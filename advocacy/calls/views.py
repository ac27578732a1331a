"""Supporter pages for calls (request a call, follow it, report outcomes), the JSON API and the preview."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from advocacy import ratelimit
from advocacy.api.responses import (
    BadJSON,
    bad_json_response,
    error_response,
    json_object,
    lookup_error_response,
    refused_response,
)
from advocacy.calls import services
from advocacy.calls.forms import CallRequestForm, OutcomeForm
from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.safety import CallRefused
from advocacy.calls.simulator import DjangoClientTransport, Scenario, run_call
from advocacy.campaigns.models import Campaign
from advocacy.partners.gate import api_client
from advocacy.providers.twilio_client import webhook_auth_token
from targets.lookup import LookupError, lookup
from targets.serializers import target_json


def _campaign(slug: str) -> Campaign:
    return get_object_or_404(Campaign, slug=slug, is_published=True)


@require_POST
def request_call(request, slug):
    """The action page's "Call me" form: queue the call and show its progress page."""
    campaign = _campaign(slug)
    form = CallRequestForm(request.POST)
    error = ""
    if form.is_valid() and not form.cleaned_data["website"]:
        try:
            session = services.start_call_session(
                campaign=campaign, phone=form.cleaned_data["phone"], zip_code=form.cleaned_data["zip"],
                address=form.cleaned_data["address"] or None, ip_address=ratelimit.client_ip(request),
                language=translation.get_language() or "en")
        except CallRefused as exc:
            error = exc.message
        except LookupError as exc:
            error = exc.message
        else:
            return redirect("calls:status-page", session_id=session.pk)
    elif form.is_valid():
        error = _("Your request could not be sent.")
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    return render(request, "calls/request_error.html", {"campaign": campaign, "error": error, "form": form},
                  status=400 if error else 200)


def session_json(session: CallSession) -> dict:
    return {
        "call_id": str(session.pk),
        "status": session.status,
        "campaign": session.campaign.slug,
        "supporter_connected": session.supporter_connected,
        "created_at": session.created_at.isoformat(),
        "targets": [
            {"position": leg.position, "district_office": leg.is_district_office,
             "target": target_json(leg.target) if leg.target else None, "vacant_seat": leg.vacant_seat or None,
             "status": leg.status, "duration_seconds": leg.duration_seconds, "outcome": leg.outcome or None}
            for leg in session.legs.select_related("target")
        ],
    }


@require_GET
def call_status_page(request, session_id):
    session = get_object_or_404(CallSession.objects.select_related("campaign"), pk=session_id, is_preview=False)
    legs = list(session.legs.select_related("target"))
    signature = session.status + "|" + ",".join(f"{leg.status}:{leg.duration_seconds}" for leg in legs)
    return render(request, "calls/status.html", {
        "session": session, "campaign": session.campaign, "legs": legs, "outcomes": CallLeg.Outcome.choices,
        "signature": signature,
        "show_transcript": bool(session.transcript) and settings.DEBUG,
    })


@require_POST
def report_outcome(request, session_id, leg_id):
    session = get_object_or_404(CallSession, pk=session_id, is_preview=False)
    leg = get_object_or_404(session.legs, pk=leg_id)
    form = OutcomeForm(request.POST, choices=CallLeg.Outcome.choices)
    if form.is_valid():
        services.record_outcome(leg=leg, outcome=form.cleaned_data["outcome"])
    return redirect("calls:status-page", session_id=session.pk)


@csrf_exempt  # a JSON API for partner sites: no cookies are used, so there is nothing to forge
@require_POST
def api_request_call(request, slug):
    campaign = Campaign.objects.filter(slug=slug, is_published=True).first()
    if campaign is None:
        return error_response(404, "not_found", _("No campaign called %(slug)s.") % {"slug": slug})
    try:
        body = json_object(request)
    except BadJSON as exc:
        return bad_json_response(exc)
    refusal, ip_address = api_client(request, kind="calls")
    if refusal is not None:
        return refusal
    invalid = {name: [_("This field is required.")] for name in ("phone", "zip")
               if not str(body.get(name) or "").strip()}
    language = body.get("language") or campaign.language
    if not isinstance(language, str) or language not in dict(settings.LANGUAGES):
        invalid["language"] = [_("Choose one of: %(codes)s.") % {"codes": ", ".join(dict(settings.LANGUAGES))}]
    if invalid:
        return error_response(400, "invalid", _("Some fields are missing or invalid."), fields=invalid)
    try:
        session = services.start_call_session(
            campaign=campaign, phone=str(body["phone"]), zip_code=str(body["zip"]),
            address=str(body.get("address") or "") or None, ip_address=ip_address, language=language)
    except CallRefused as exc:
        return refused_response(exc)
    except LookupError as exc:
        return lookup_error_response(exc)
    session.refresh_from_db()
    response = JsonResponse(session_json(session), status=202)
    response["Location"] = f"/api/v1/calls/{session.pk}"
    return response


@require_GET
def api_call_status(request, call_id):
    session = CallSession.objects.filter(pk=call_id, is_preview=False).select_related("campaign").first()
    if session is None:
        return error_response(404, "not_found", _("No such call."))
    return JsonResponse(session_json(session))


@staff_member_required
def call_preview(request, slug):
    """The exact call a supporter from a ZIP would hear, played by the simulator; nobody is dialed."""
    campaign = get_object_or_404(Campaign, slug=slug)
    zip_code = request.GET.get("zip", "").strip()
    language = request.GET.get("language") or campaign.language
    transcript, error = None, ""
    if zip_code:
        try:
            location = lookup(zip_code=zip_code)
        except LookupError as exc:
            error = exc.message
        else:
            session = CallSession.objects.create(campaign=campaign, phone="+15005550006", is_preview=True,
                                                 zip_code=location.zip_code, language=language,
                                                 status=CallSession.Status.IN_PROGRESS)
            services.add_legs(session=session, location=location)
            from advocacy.calls.twiml import url

            sid = "CApreview" + uuid.uuid4().hex[:23]
            transcript = run_call(url=url("calls:answer", session),
                                  params={"CallSid": sid, "AccountSid": "ACpreview", "From": "+15005550006",
                                          "To": session.phone},
                                  auth_token=webhook_auth_token(), transport=DjangoClientTransport(),
                                  scenario=Scenario(), status_callback=url("calls:status", session))
            session.delete()
    return render(request, "calls/preview.html", {"campaign": campaign, "zip_code": zip_code, "error": error,
                                                  "transcript": transcript, "language": language})
