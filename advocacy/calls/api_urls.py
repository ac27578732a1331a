"""JSON API routes of this app, mounted under /api/v1/."""

from django.urls import path

from advocacy.calls import views

urlpatterns = [
    path("campaigns/<slug:slug>/calls", views.api_request_call, name="api-calls"),
    path("calls/<uuid:call_id>", views.api_call_status, name="api-call"),
]
