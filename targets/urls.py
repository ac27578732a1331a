from django.urls import path

from targets import views

urlpatterns = [
    path("lookup/", views.lookup_page, name="lookup"),
]
