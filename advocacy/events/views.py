"""Find, host and join local actions; the host's own page; the JSON API."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from advocacy import ratelimit
from advocacy.api.endpoints import json_endpoint
from advocacy.api.responses import error_response, form_errors, json_object
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaign
from advocacy.events import services
from advocacy.events.forms import HostEventForm, RsvpForm, SearchForm
from advocacy.events.ics import event_ics
from advocacy.events.models import Event
from advocacy.honeypot import api_fields


def event_json(event: Event, miles: float | None = None) -> dict:
    """Public fields only: nothing about the host beyond their organization."""
    return {"id": event.pk, "title": event.title, "description": event.description,
            "organization": event.organization or None, "starts_at": event.starts_at.isoformat(),
            "ends_at": event.ends_at.isoformat() if event.ends_at else None, "time_zone": event.time_zone,
            "online": event.is_online, "online_url": event.online_url or None,
            "place": None if event.is_online else event.place,
            "address": event.street_address or None, "full": event.is_full, "zip": event.zip_code or None,
            "latitude": event.latitude, "longitude": event.longitude,
            "miles": round(miles, 1) if miles is not None else None, "capacity": event.capacity,
            "rsvps": event.rsvp_count, "url": f"/c/{event.campaign.slug}/events/{event.pk}/"}


def _search(campaign: Campaign, data) -> tuple[SearchForm, list, str]:
    form = SearchForm(data)
    nearby, error = [], ""
    if form.is_valid() and form.cleaned_data.get("zip"):
        try:
            nearby = services.events_near(campaign=campaign, zip_code=form.cleaned_data["zip"],
                                          radius=form.cleaned_data.get("radius") or 50)
        except services.EventRefused as exc:
            error = exc.message
    return form, nearby, error


@require_GET
def find(request, slug):
    campaign = published_campaign(slug)
    form, nearby, error = _search(campaign, request.GET)
    return render(request, "events/find.html", {
        "campaign": campaign, "form": form, "nearby": nearby, "error": error,
        "searched": bool(request.GET.get("zip")), "online": services.online_events(campaign=campaign)})


def _nearby_sites(near: str) -> list:
    try:
        return services.locations_near(zip_code=near) if near else []
    except services.EventRefused:
        return []


def host(request, slug):
    campaign = published_campaign(slug)
    near = (request.POST.get("near") or request.GET.get("near") or request.GET.get("zip") or "").strip()[:10]
    nearby_locations = _nearby_sites(near)
    form = HostEventForm(request.POST or None, initial={"time_zone": campaign.time_zone, "near": near},
                         nearby=nearby_locations)
    error = ""
    if request.method == "POST" and form.is_valid():
        if form.filled_by_bot():
            error = form.bot_message
        else:
            try:
                event = _host_event(request, campaign, form)
            except services.EventRefused as exc:
                if exc.field and exc.field in form.fields:
                    form.add_error(exc.field, exc.message)
                else:
                    error = exc.message
            else:
                return redirect("events:manage", token=event.manage_token)
    status = 400 if request.method == "POST" else 200
    return render(request, "events/host.html", {"campaign": campaign, "form": form, "error": error, "near": near,
                                                "nearby_locations": nearby_locations}, status=status)


def _host_event(request, campaign: Campaign, form: HostEventForm) -> Event:
    starts, ends = form.times()
    data = form.cleaned_data
    return services.host_event(
        campaign=campaign, title=data["title"], description=data["description"], host_name=data["host_name"],
        host_email=data["host_email"], organization=data["organization"], is_online=data["is_online"],
        online_url=data["online_url"], starts_at=starts, ends_at=ends, time_zone=data["time_zone"],
        ice_location=data["ice_location"], address=data["address"], zip_code=data["zip"],
        capacity=data["capacity"], ip_address=ratelimit.client_ip(request),
        language=translation.get_language() or "en")


def detail(request, slug, event_id):
    campaign = published_campaign(slug)
    event = get_object_or_404(Event.objects.select_related("ice_location"), pk=event_id, campaign=campaign,
                              status__in=[Event.Status.APPROVED, Event.Status.CANCELLED])
    form = RsvpForm(request.POST or None)
    error, done = "", False
    if request.method == "POST" and form.is_valid():
        if form.filled_by_bot():
            error = form.bot_message
        else:
            try:
                services.rsvp(event=event, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                              zip_code=form.cleaned_data["zip"], ip_address=ratelimit.client_ip(request),
                              language=translation.get_language() or "en")
                done = True
            except services.EventRefused as exc:
                error = exc.message
    status = 400 if request.method == "POST" and not done else 200
    return render(request, "events/detail.html", {"campaign": campaign, "event": event, "form": form,
                                                  "error": error, "done": done}, status=status)


@require_GET
def ics(request, slug, event_id):
    event = get_object_or_404(Event, pk=event_id, campaign__slug=slug, status=Event.Status.APPROVED)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_GET
@json_endpoint(cors=True)
def api_events(request, slug):
    campaign = published_campaign(slug)
    try:
        radius = float(request.GET.get("radius") or 50)
    except ValueError:
        return error_response(400, "invalid", _("radius is a number of miles."),
                              fields={"radius": [_("Not a number.")]})
    if not 0 < radius <= 500:
        return error_response(400, "invalid", _("radius must be between 1 and 500 miles."))
    nearby = []
    if request.GET.get("zip"):
        nearby = services.events_near(campaign=campaign, zip_code=request.GET["zip"], radius=radius)
    return JsonResponse({"events": [event_json(n.event, n.miles) for n in nearby],
                         "online": [event_json(e) for e in services.online_events(campaign=campaign)]})


@csrf_exempt
@require_POST
@json_endpoint
def api_rsvp(request, slug, event_id):
    event = Event.objects.filter(pk=event_id, campaign__slug=slug, status=Event.Status.APPROVED).first()
    if event is None:
        return error_response(404, "not_found", _("No such event."))
    body = json_object(request)
    form = RsvpForm(api_fields(body))
    if not form.is_valid():
        return error_response(400, "invalid", _("Some fields are missing or invalid."), fields=form_errors(form))
    services.rsvp(event=event, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                  zip_code=form.cleaned_data["zip"], ip_address=ratelimit.client_ip(request))
    return JsonResponse({"event": event.pk, "status": "confirmed", "rsvps": event.rsvp_count}, status=201)
