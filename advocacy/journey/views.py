"""The done pages after a call and after an email, and the "remind me" calendar file."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_GET

from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.selectors import published_campaign
from advocacy.emails.models import EmailAction
from advocacy.embed.decorators import embeddable
from advocacy.embed.locators import campaign_of_call, campaign_of_email_action
from advocacy.journey.next_steps import next_steps
from advocacy.journey.reminder import schedule_item_ics


@embeddable(campaign_of_call)
@require_GET
def call_done(request, session_id):
    session = get_object_or_404(CallSession.objects.select_related("campaign"), pk=session_id, is_preview=False)
    reached = session.legs.filter(status=CallLeg.Status.COMPLETED).count()
    context = next_steps(campaign=session.campaign, zip_code=session.zip_code, did="call")
    return render(request, "journey/done.html", {**context, "reached": reached, "session": session})


@embeddable(campaign_of_email_action)
@require_GET
def email_done(request, token):
    action = get_object_or_404(EmailAction.objects.select_related("campaign"), token=token)
    context = next_steps(campaign=action.campaign, zip_code=action.zip_code, did="email")
    return render(request, "journey/done.html", {**context, "action": action,
                                                 "messages_count": action.deliveries.count()})


@require_GET
def reminder(request, slug, item_id):
    campaign = published_campaign(slug)
    item = campaign.schedule.filter(pk=item_id).first()
    if item is None:
        raise Http404("No such moment in this campaign's schedule.")
    body = schedule_item_ics(item, translation.get_language() or "en")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-{item.pk}.ics"'
    return response
