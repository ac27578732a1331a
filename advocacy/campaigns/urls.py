from django.urls import path

from advocacy.campaigns import views

urlpatterns = [
    path("c/<slug:slug>/", views.action_page, name="action-page"),
    path("c/<slug:slug>/embed/", views.embed_page, name="action-embed"),
]
