"""/api/v1/: each app mounts its own JSON routes (app/api_urls.py) and documents them (app/api_schema.py)."""

from django.urls import include, path

from advocacy.api.lookup import lookup_view
from advocacy.api.openapi import openapi_json

urlpatterns = [
    path("openapi.json", openapi_json, name="openapi"),
    path("lookup", lookup_view, name="api-lookup"),
    path("", include("advocacy.campaigns.api_urls")),
    path("", include("advocacy.calls.api_urls")),
    path("", include("advocacy.emails.api_urls")),
    path("", include("advocacy.events.api_urls")),
    path("", include("advocacy.dashboard.api_urls")),
]
