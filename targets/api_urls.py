"""JSON API routes of this app, mounted under /api/v1/."""

from django.urls import path

from targets import api

urlpatterns = [
    path("lookup", api.lookup_view, name="api-lookup"),
]
