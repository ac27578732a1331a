from django.urls import path

from advocacy.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("organize/", views.index, name="index"),
    path("organize/<slug:slug>/", views.campaign_dashboard, name="campaign"),
    path("organize/<slug:slug>/stats.json", views.stats_json, name="stats"),
    path("organize/<slug:slug>/export.csv", views.export_csv, name="export"),
]
