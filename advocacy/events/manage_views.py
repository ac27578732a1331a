"""The host's private page (the link in their emails): RSVPs, edit, cancel, and a message to everyone coming."""

from __future__ import annotations

from django.contrib import messages
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from advocacy.csv_stream import csv_lines
from advocacy.events import hosting
from advocacy.events.forms import AttendeeMessageForm, CancelEventForm, EditEventForm
from advocacy.events.models import Event
from advocacy.events.services import EventRefused


def _event(token: str) -> Event:
    return get_object_or_404(Event.objects.select_related("campaign", "ice_location"), manage_token=token)


def _render(request, event: Event, *, edit_form=None, message_form=None, status=200):
    return render(request, "events/manage.html", {
        "event": event, "rsvps": event.rsvps.all(),
        "edit_form": edit_form or EditEventForm(initial=EditEventForm.initial_for(event)),
        "message_form": message_form or AttendeeMessageForm(), "cancel_form": CancelEventForm(),
        "sent_messages": event.attendee_messages.filter(kind="message")}, status=status)


def manage(request, token):
    return _render(request, _event(token))


def _submit(request, event: Event, form, *, form_name: str, action, success: str):
    """Run `action(cleaned_data)` for a valid form; a refusal becomes a form error on the page again."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except EventRefused as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, success)
            return redirect("events:manage", token=event.manage_token)
    return _render(request, event, **{form_name: form}, status=400)


def _update(event: Event, form: EditEventForm, data: dict) -> None:
    starts, ends = form.times()
    hosting.update_event(event=event, title=data["title"], description=data["description"], starts_at=starts,
                         ends_at=ends, time_zone=data["time_zone"], address=data["address"], zip_code=data["zip"],
                         online_url=data["online_url"], capacity=data["capacity"])


@require_POST
def edit(request, token):
    event = _event(token)
    form = EditEventForm(request.POST)
    return _submit(request, event, form, form_name="edit_form", action=lambda data: _update(event, form, data),
                   success=_("Your changes are saved."))


@require_POST
def cancel(request, token):
    event = _event(token)
    form = CancelEventForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    if hosting.cancel_event(event=event, note=note):
        messages.success(request, _("The event is cancelled. Everyone who RSVPed will get an email."))
    return redirect("events:manage", token=token)


@require_POST
def message(request, token):
    event = _event(token)
    return _submit(request, event, AttendeeMessageForm(request.POST), form_name="message_form",
                   action=lambda data: hosting.message_attendees(event=event, body=data["body"]),
                   success=_("Your message is on its way to everyone coming."))


@require_GET
def rsvps_csv(request, token):
    event = get_object_or_404(Event, manage_token=token)
    rows = ([rsvp.name, rsvp.email, rsvp.zip_code, rsvp.created_at.isoformat()] for rsvp in event.rsvps.iterator())
    response = StreamingHttpResponse(csv_lines(["name", "email", "zip", "rsvp_at"], rows),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-rsvps.csv"'
    return response
