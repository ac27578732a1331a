from django.urls import path

from advocacy.emails import views

app_name = "emails"

urlpatterns = [
    path("c/<slug:slug>/email/", views.submit, name="submit"),
    path("emails/confirm/<str:secret>/", views.confirm, name="confirm"),
    path("emails/a/<str:token>/", views.action_page, name="action"),
    path("emails/a/<str:token>/webform/<int:delivery_id>/", views.report_webform, name="webform"),
    path("emails/a/<str:token>/form/<int:delivery_id>/", views.open_webform, name="open_form"),
]
