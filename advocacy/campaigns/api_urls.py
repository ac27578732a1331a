"""JSON API routes of this app, mounted under /api/v1/."""

from django.urls import path

from advocacy.campaigns import views

urlpatterns = [
    path("campaigns/<slug:slug>", views.campaign_api, name="api-campaign"),
]
