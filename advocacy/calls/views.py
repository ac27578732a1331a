"""Supporter pages for calls (request a call, follow it, report outcomes), the JSON API and the preview."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from advocacy import ratelimit
from advocacy.api.endpoints import json_endpoint
from advocacy.api.responses import error_response
from advocacy.calls import callbacks, legs, selectors, simulated, submissions
from advocacy.calls.forms import CallRequestForm, OutcomeForm
from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.safety import CallRefused
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaign
from advocacy.embed.decorators import embeddable
from advocacy.embed.locators import campaign_by_slug, campaign_of_call
from advocacy.partners.codes import partner_code_for
from advocacy.partners.gate import api_submission
from targets.lookup import LookupRefused
from targets.serializers import target_json


@embeddable(campaign_by_slug)
@require_POST
def request_call(request, slug):
    """The action page's "Call me" form: queue the call and show its progress page."""
    campaign = published_campaign(slug)
    form = CallRequestForm(request.POST)
    error = ""
    if form.is_valid() and not form.filled_by_bot():
        call_at = form.cleaned_data["call_at"]
        scheduled_for = callbacks.parse_choice(campaign, call_at) if call_at else None
        try:
            if call_at and scheduled_for is None:
                raise CallRefused("bad_time", _("Choose one of the times offered for your call."))
            session = submissions.submit_call(
                campaign=campaign, phone=form.cleaned_data["phone"], zip_code=form.cleaned_data["zip"],
                address=form.cleaned_data["address"] or None, ip_address=ratelimit.client_ip(request),
                language=translation.get_language() or "en", partner_code=partner_code_for(request),
                first_name=form.cleaned_data["first_name"], scheduled_for=scheduled_for).session
        except CallRefused as exc:
            error = exc.message
        except LookupRefused as exc:
            error = exc.message
        else:
            return redirect("calls:status-page", session_id=session.pk)
    elif form.is_valid():
        error = form.bot_message
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    return render(request, "calls/request_error.html", {"campaign": campaign, "error": error, "form": form},
                  status=400 if error else 200)


def session_json(session: CallSession, legs: list[CallLeg] | None = None) -> dict:
    in_line = selectors.place_in_line(session=session)
    return {
        "call_id": str(session.pk),
        "status": session.status,
        "scheduled_for": session.scheduled_for.isoformat() if session.scheduled_for else None,
        "queue": {"position": in_line[0], "minutes": in_line[1]} if in_line else None,
        "campaign": session.campaign.slug,
        "supporter_connected": session.supporter_connected,
        "created_at": session.created_at.isoformat(),
        "targets": [
            {"position": leg.position, "district_office": leg.is_district_office,
             "target": target_json(leg.target) if leg.target else None, "vacant_seat": leg.vacant_seat or None,
             "reason": leg.reason,
             "status": leg.status, "duration_seconds": leg.duration_seconds, "outcome": leg.outcome or None}
            for leg in (legs if legs is not None else selectors.legs_with_targets(session=session))
        ],
    }


@embeddable(campaign_of_call)
@require_GET
def call_status_page(request, session_id):
    session = get_object_or_404(CallSession.objects.select_related("campaign"), pk=session_id, is_preview=False)
    legs = list(session.legs.select_related("target"))
    signature = session.status + "|" + ",".join(f"{leg.status}:{leg.duration_seconds}" for leg in legs)
    in_line = selectors.place_in_line(session=session)
    if in_line:
        signature += f"|{in_line[0]}:{in_line[1]}"  # the page follows its place in line as well
    return render(request, "calls/status.html", {
        "session": session, "campaign": session.campaign, "legs": legs, "outcomes": CallLeg.Outcome.choices,
        "signature": signature, "in_line": in_line,
        "offer_later": bool(in_line and in_line[1] >= settings.CALL_LATER_OFFER_MINUTES),
        "cancel_token": callbacks.cancel_token(session) if session.status == CallSession.Status.SCHEDULED else "",
        "call_over": session.status in CallSession.FINAL,
        "show_transcript": bool(session.transcript) and settings.DEBUG,
    })


@embeddable(campaign_of_call)
@require_POST
def report_outcome(request, session_id, leg_id):
    """One tap per office: the status page posts it with fetch() (JSON back, the page stays where it is) or,
    without JavaScript, as a plain form (back to the next office's row, or to the done page after the last)."""
    session = get_object_or_404(CallSession, pk=session_id, is_preview=False)
    leg = get_object_or_404(session.legs, pk=leg_id)
    form = OutcomeForm(request.POST, choices=CallLeg.Outcome.choices)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not form.is_valid():
        if wants_json:
            return error_response(400, "invalid", _("Choose one of the answers."))
        return redirect("calls:status-page", session_id=session.pk)
    legs.record_outcome(leg=leg, outcome=form.cleaned_data["outcome"])
    leg.refresh_from_db(fields=["outcome"])
    waiting = selectors.legs_awaiting_outcome(session=session)
    done_url = reverse("journey:call-done", args=[session.pk])
    if wants_json:
        return JsonResponse({"outcome": leg.outcome, "label": leg.get_outcome_display(),
                             "next_leg": waiting[0].pk if waiting else None,
                             "done_url": done_url if session.status in CallSession.FINAL else None})
    if not waiting and session.status in CallSession.FINAL:
        return redirect(done_url)
    anchor = f"#leg-{waiting[0].pk}" if waiting else ""
    return redirect(reverse("calls:status-page", args=[session.pk]) + anchor)


@csrf_exempt  # a JSON API for partner sites: no cookies are used, so there is nothing to forge
@require_POST
@json_endpoint
def api_request_call(request, slug):
    sent = api_submission(request, slug, kind="calls")
    body = sent.body
    invalid = {name: [_("This field is required.")] for name in ("phone", "zip")
               if not str(body.get(name) or "").strip()} | sent.invalid
    if invalid:
        return error_response(400, "invalid", _("Some fields are missing or invalid."), fields=invalid)
    submitted = submissions.submit_call(
        campaign=sent.campaign, phone=str(body["phone"]), zip_code=str(body["zip"]),
        address=str(body.get("address") or "") or None, ip_address=sent.ip_address, language=sent.language,
        idempotency_key=sent.idempotency_key, partner_code=sent.partner_code,
        first_name=str(body.get("first_name") or ""))
    if submitted.created:  # what this request just recorded: queued (or scheduled), its offices pending
        body = session_json(submitted.session, legs=submitted.session.planned_legs)
    else:  # the call an earlier request asked for, as it stands now
        body = session_json(selectors.session_for_webhook(submitted.session.pk))
    response = JsonResponse(body, status=202 if submitted.created else 200)
    response["Location"] = f"/api/v1/calls/{submitted.session.pk}"
    return response


@require_GET
@json_endpoint
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
            transcript = simulated.preview_call(campaign=campaign, zip_code=zip_code, language=language)
        except LookupRefused as exc:
            error = exc.message
    return render(request, "calls/preview.html", {"campaign": campaign, "zip_code": zip_code, "error": error,
                                                  "transcript": transcript, "language": language})
