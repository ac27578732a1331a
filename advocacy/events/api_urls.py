"""JSON API routes of this app, mounted under /api/v1/."""

from django.urls import path

from advocacy.events import views

urlpatterns = [
    path("campaigns/<slug:slug>/events", views.api_events, name="api-events"),
    path("campaigns/<slug:slug>/events/<int:event_id>/rsvps", views.api_rsvp, name="api-rsvp"),
]
