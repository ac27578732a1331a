from django.urls import path

from advocacy.campaigns import views
from advocacy.campaigns.preflight_view import preflight_page

urlpatterns = [
    path("c/<slug:slug>/", views.action_page, name="action-page"),
    path("c/<slug:slug>/embed/", views.embed_page, name="action-embed"),
    path("organize/<slug:slug>/preflight/", preflight_page, name="campaign-preflight"),
]
