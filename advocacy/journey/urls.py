from django.urls import path

from advocacy.journey import views

app_name = "journey"

urlpatterns = [
    path("calls/<uuid:session_id>/done/", views.call_done, name="call-done"),
    path("emails/a/<str:token>/done/", views.email_done, name="email-done"),
    path("c/<slug:slug>/remind/<int:item_id>.ics", views.reminder, name="reminder"),
]
