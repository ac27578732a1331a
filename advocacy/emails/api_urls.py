"""JSON API routes of this app, mounted under /api/v1/."""

from django.urls import path

from advocacy.emails import views

urlpatterns = [
    path("campaigns/<slug:slug>/emails", views.api_submit, name="api-emails"),
]
