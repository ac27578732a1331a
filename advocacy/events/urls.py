from django.urls import path

from advocacy.events import views

app_name = "events"

urlpatterns = [
    path("c/<slug:slug>/events/", views.find, name="find"),
    path("c/<slug:slug>/events/host/", views.host, name="host"),
    path("c/<slug:slug>/events/<int:event_id>/", views.detail, name="detail"),
    path("c/<slug:slug>/events/<int:event_id>/event.ics", views.ics, name="ics"),
    path("events/manage/<str:token>/", views.manage, name="manage"),
    path("events/manage/<str:token>/rsvps.csv", views.rsvps_csv, name="rsvps-csv"),
]
