"""Supporter pages for the email action and the JSON API."""

from __future__ import annotations

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from advocacy import honeypot, ratelimit
from advocacy.api.endpoints import json_endpoint
from advocacy.api.responses import error_response, form_errors
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaign
from advocacy.emails import confirmation, services, webforms
from advocacy.emails.form_fields import field_labels
from advocacy.emails.forms import EmailActionForm
from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.embed.decorators import embeddable
from advocacy.embed.locators import campaign_by_slug, campaign_of_email_action
from advocacy.honeypot import api_fields
from advocacy.partners.codes import partner_code_for
from advocacy.partners.gate import api_submission
from targets.lookup import LookupRefused

remembered_email = confirmation.remembered_email


def _submit(request, campaign: Campaign, data: dict) -> EmailAction:
    return services.submit_email_action(
        campaign=campaign, name=data["name"], email=data["email"], zip_code=data["zip"],
        address=data.get("address") or None, city=data.get("city") or "", prefix=data.get("prefix") or "",
        personal_note=data.get("personal_note") or "", ip_address=ratelimit.client_ip(request),
        language=translation.get_language() or "en", remembered_email=remembered_email(request),
        partner_code=partner_code_for(request))


@embeddable(campaign_by_slug)
@require_POST
def submit(request, slug):
    """The action page's email form. On an error the page says why and shows the form again, filled in."""
    campaign = published_campaign(slug)
    form = EmailActionForm(request.POST)
    status, retry_after = 400, None
    if not form.is_valid():
        error = " ".join(e for errors in form.errors.values() for e in errors)
    elif form.filled_by_bot():
        error = form.bot_message
    else:
        try:
            action = _submit(request, campaign, form.cleaned_data)
        except services.EmailRefused as exc:
            error, status, retry_after = exc.message, exc.status, exc.retry_after
        except LookupRefused as exc:  # the form page is still here: a 400 either way
            error = exc.message
        else:
            return redirect("emails:action", token=action.token)
    values = {field: request.POST.get(field, "") for field in form.fields if field != honeypot.FIELD}
    response = render(request, "emails/error.html", {"campaign": campaign, "error": error,
                                                     "email_values": values}, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def _deliveries(action: EmailAction):
    deliveries = list(action.deliveries.select_related("target"))
    for delivery in deliveries:
        delivery.form_fields = field_labels(delivery.target.official_form_fields)
    return deliveries


@embeddable(campaign_of_email_action)
def action_page(request, token):
    action = get_object_or_404(EmailAction.objects.select_related("campaign"), token=token)
    return render(request, "emails/action.html", {"action": action, "campaign": action.campaign,
                                                  "deliveries": _deliveries(action)})


@require_http_methods(["GET", "POST"])
def confirm(request, secret):
    """GET shows a button; only the POST confirms, so mail scanners that follow links confirm nothing.
    `secret` is the one in the confirmation email (emails/confirmation.py), never the action's public id."""
    action = confirmation.action_for_secret(secret)
    if action is None:
        raise Http404("No such confirmation link.")
    if request.method == "GET":
        return render(request, "emails/confirm.html", {"action": action, "campaign": action.campaign,
                                                       "deliveries": _deliveries(action), "secret": secret})
    services.confirm_action(action=action)
    response = redirect("emails:action", token=action.token)
    action.refresh_from_db(fields=["status", "email"])
    if action.status == EmailAction.Status.CONFIRMED:
        response.set_cookie(confirmation.REMEMBER_COOKIE, confirmation.remember_cookie_value(action.email),
                            max_age=confirmation.REMEMBER_SECONDS, httponly=True, samesite="Lax",
                            secure=request.is_secure())
    return response


def open_webform(request, token, delivery_id):
    """Counts "form opened" once, then sends the supporter on to the office's form (a URL from our data)."""
    action = get_object_or_404(EmailAction, token=token, status=EmailAction.Status.CONFIRMED)
    delivery = get_object_or_404(action.deliveries, pk=delivery_id, channel=EmailDelivery.Channel.WEBFORM)
    return HttpResponseRedirect(webforms.open_webform(delivery=delivery))


@embeddable(campaign_of_email_action)
@require_POST
def report_webform(request, token, delivery_id):
    action = get_object_or_404(EmailAction, token=token, status=EmailAction.Status.CONFIRMED)
    webforms.report_webform(delivery=get_object_or_404(action.deliveries, pk=delivery_id))
    return redirect("emails:action", token=action.token)


def action_json(action: EmailAction) -> dict:
    return {
        "action_id": action.token,
        "status": action.status,
        "needs_confirmation": action.status == EmailAction.Status.PENDING_CONFIRMATION,
        "messages": [{"target": d.target.key, "target_name": str(d.target), "channel": d.channel,
                      "form_url": d.address if d.channel == EmailDelivery.Channel.WEBFORM else None,
                      "form_fields": (field_labels(d.target.official_form_fields)
                                      if d.channel == EmailDelivery.Channel.WEBFORM else None),
                      "subject": d.subject, "body": d.body, "status": d.status}
                     for d in action.deliveries.select_related("target")],
    }


@csrf_exempt  # JSON for partner sites; no cookie grants anything here
@require_POST
@json_endpoint
def api_submit(request, slug):
    sent = api_submission(request, slug, kind="emails")
    form = EmailActionForm(api_fields(sent.body))
    if not form.is_valid() or sent.invalid:
        return error_response(400, "invalid", _("Some fields are missing or invalid."),
                              fields=form_errors(form) | sent.invalid)
    action = services.submit_email_action(
        campaign=sent.campaign, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
        zip_code=form.cleaned_data["zip"], address=form.cleaned_data["address"] or None,
        city=form.cleaned_data["city"], personal_note=form.cleaned_data["personal_note"],
        prefix=form.cleaned_data["prefix"], ip_address=sent.ip_address, language=sent.language,
        partner_code=sent.partner_code, idempotency_key=sent.idempotency_key)
    return JsonResponse(action_json(action), status=202)
