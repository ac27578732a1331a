from django.urls import path

from advocacy.events import manage_views, views

app_name = "events"

urlpatterns = [
    path("c/<slug:slug>/events/", views.find, name="find"),
    path("c/<slug:slug>/events/host/", views.host, name="host"),
    path("c/<slug:slug>/events/<int:event_id>/", views.detail, name="detail"),
    path("c/<slug:slug>/events/<int:event_id>/event.ics", views.ics, name="ics"),
    path("events/manage/<str:token>/", manage_views.manage, name="manage"),
    path("events/manage/<str:token>/edit/", manage_views.edit, name="edit"),
    path("events/manage/<str:token>/cancel/", manage_views.cancel, name="cancel"),
    path("events/manage/<str:token>/message/", manage_views.message, name="message"),
    path("events/manage/<str:token>/rsvps.csv", manage_views.rsvps_csv, name="rsvps-csv"),
]
