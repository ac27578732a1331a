"""Supporter pages for scheduled call-backs: "call me later instead" from the queue, and the signed cancel link."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from advocacy.calls import callbacks
from advocacy.calls.forms import CallLaterForm
from advocacy.calls.models import CallSession
from advocacy.embed.decorators import embeddable
from advocacy.embed.locators import campaign_of_call


def _session(session_id) -> CallSession:
    return get_object_or_404(CallSession.objects.select_related("campaign"), pk=session_id, is_preview=False,
                             direction=CallSession.Direction.OUTBOUND)


@embeddable(campaign_of_call)
@require_http_methods(["GET", "POST"])
def call_later(request, session_id):
    """A supporter waiting in the queue picks a time for us to call them back instead."""
    session = _session(session_id)
    error = ""
    if request.method == "POST":
        form = CallLaterForm(request.POST)
        when = callbacks.parse_choice(session.campaign, form.data.get("call_at", "")) if form.is_valid() else None
        if when is None:
            error = _("Choose one of the times offered for your call.")
        elif callbacks.schedule_instead(session=session, when=when):
            return redirect("calls:status-page", session_id=session.pk)
        else:
            error = _("Your call is already being placed, so it can no longer be moved.")
    status = 400 if error else 200
    return render(request, "calls/later.html", {
        "session": session, "campaign": session.campaign, "error": error,
        "times": callbacks.callback_times(session.campaign)}, status=status)


@require_http_methods(["GET", "POST"])
def cancel_callback(request, session_id, token):
    """The signed link shown when a call-back is scheduled: GET asks to confirm, POST cancels."""
    session = _session(session_id)
    if not callbacks.token_is_valid(session, token):
        raise Http404
    cancelled = request.method == "POST" and callbacks.cancel(session=session)
    if cancelled:
        session.refresh_from_db()
    return render(request, "calls/cancel.html", {"session": session, "campaign": session.campaign,
                                                 "token": token, "cancelled": cancelled})
