"""Find, host and join local actions; the host's own page; the JSON API."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from advocacy import ratelimit
from advocacy.api.responses import (
    BadJSON,
    bad_json_response,
    error_response,
    form_errors,
    json_object,
    refused_response,
)
from advocacy.campaigns.models import Campaign
from advocacy.csv_stream import csv_lines
from advocacy.events import services
from advocacy.events.forms import HostEventForm, RsvpForm, SearchForm
from advocacy.events.ics import event_ics
from advocacy.events.models import Event


def _campaign(slug: str) -> Campaign:
    return get_object_or_404(Campaign, slug=slug, is_published=True)


def event_json(event: Event, miles: float | None = None) -> dict:
    """Public fields only: nothing about the host beyond their organization."""
    return {"id": event.pk, "title": event.title, "description": event.description,
            "organization": event.organization or None, "starts_at": event.starts_at.isoformat(),
            "ends_at": event.ends_at.isoformat() if event.ends_at else None, "time_zone": event.time_zone,
            "online": event.is_online, "online_url": event.online_url or None,
            "place": None if event.is_online else event.place, "zip": event.zip_code or None,
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
    campaign = _campaign(slug)
    form, nearby, error = _search(campaign, request.GET)
    return render(request, "events/find.html", {
        "campaign": campaign, "form": form, "nearby": nearby, "error": error,
        "searched": bool(request.GET.get("zip")), "online": services.online_events(campaign=campaign)})


def host(request, slug):
    campaign = _campaign(slug)
    form = HostEventForm(request.POST or None, initial={"time_zone": campaign.time_zone})
    error, nearby_locations = "", []
    zip_hint = request.GET.get("zip") or request.POST.get("zip")
    if zip_hint:
        try:
            nearby_locations = services.locations_near(zip_code=zip_hint)
        except services.EventRefused:
            pass
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            error = "Your event could not be sent."
        else:
            starts, ends = form.times()
            try:
                event = services.host_event(
                    campaign=campaign, title=form.cleaned_data["title"], description=form.cleaned_data["description"],
                    host_name=form.cleaned_data["host_name"], host_email=form.cleaned_data["host_email"],
                    organization=form.cleaned_data["organization"], is_online=form.cleaned_data["is_online"],
                    online_url=form.cleaned_data["online_url"], starts_at=starts, ends_at=ends,
                    time_zone=form.cleaned_data["time_zone"], ice_location=form.cleaned_data["ice_location"],
                    address=form.cleaned_data["address"], zip_code=form.cleaned_data["zip"],
                    capacity=form.cleaned_data["capacity"], ip_address=ratelimit.client_ip(request))
            except services.EventRefused as exc:
                if exc.field and exc.field in form.fields:
                    form.add_error(exc.field, exc.message)
                else:
                    error = exc.message
            else:
                return redirect("events:manage", token=event.manage_token)
    status = 400 if request.method == "POST" else 200
    return render(request, "events/host.html", {"campaign": campaign, "form": form, "error": error,
                                                "nearby_locations": nearby_locations}, status=status)


def detail(request, slug, event_id):
    campaign = _campaign(slug)
    event = get_object_or_404(Event.objects.select_related("ice_location"), pk=event_id, campaign=campaign,
                              status=Event.Status.APPROVED)
    form = RsvpForm(request.POST or None)
    error, done = "", False
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            error = "Your RSVP could not be sent."
        else:
            try:
                services.rsvp(event=event, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                              zip_code=form.cleaned_data["zip"], ip_address=ratelimit.client_ip(request))
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


def manage(request, token):
    """The host's page (the link in their emails): status and the RSVP list, which only they and staff see."""
    event = get_object_or_404(Event.objects.select_related("campaign"), manage_token=token)
    return render(request, "events/manage.html", {"event": event, "rsvps": event.rsvps.all()})


@require_GET
def rsvps_csv(request, token):
    event = get_object_or_404(Event, manage_token=token)
    rows = ([rsvp.name, rsvp.email, rsvp.zip_code, rsvp.created_at.isoformat()] for rsvp in event.rsvps.iterator())
    response = StreamingHttpResponse(csv_lines(["name", "email", "zip", "rsvp_at"], rows),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-rsvps.csv"'
    return response


@require_GET
def api_events(request, slug):
    campaign = Campaign.objects.filter(slug=slug, is_published=True).first()
    if campaign is None:
        return error_response(404, "not_found", f"No campaign called {slug!r}.")
    try:
        radius = float(request.GET.get("radius") or 50)
    except ValueError:
        return error_response(400, "invalid", "radius is a number of miles.", fields={"radius": ["Not a number."]})
    if not 0 < radius <= 500:
        return error_response(400, "invalid", "radius must be between 1 and 500 miles.")
    nearby = []
    if request.GET.get("zip"):
        try:
            nearby = services.events_near(campaign=campaign, zip_code=request.GET["zip"], radius=radius)
        except services.EventRefused as exc:
            return error_response(exc.status, exc.code, exc.message, fields={"zip": [exc.message]})
    response = JsonResponse({"events": [event_json(n.event, n.miles) for n in nearby],
                             "online": [event_json(e) for e in services.online_events(campaign=campaign)]})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt
@require_POST
def api_rsvp(request, slug, event_id):
    event = Event.objects.filter(pk=event_id, campaign__slug=slug, status=Event.Status.APPROVED).first()
    if event is None:
        return error_response(404, "not_found", "No such event.")
    try:
        body = json_object(request)
    except BadJSON as exc:
        return bad_json_response(exc)
    form = RsvpForm({k: v for k, v in body.items() if k != "website"})
    if not form.is_valid():
        return error_response(400, "invalid", "Some fields are missing or invalid.", fields=form_errors(form))
    try:
        services.rsvp(event=event, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                      zip_code=form.cleaned_data["zip"], ip_address=ratelimit.client_ip(request))
    except services.EventRefused as exc:
        return refused_response(exc)
    return JsonResponse({"event": event.pk, "status": "confirmed", "rsvps": event.rsvp_count}, status=201)
