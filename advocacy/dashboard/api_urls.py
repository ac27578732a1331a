"""JSON API routes of this app, mounted under /api/v1/."""

from django.urls import path

from advocacy.dashboard import views

urlpatterns = [
    path("campaigns/<slug:slug>/stats", views.public_stats, name="api-stats"),
]
