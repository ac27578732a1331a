
from django.contrib import admin
from django.urls import include, path

from advocacy import health, home

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("advocacy.api.urls")),
    path("anymail/", include("anymail.urls")),
    path("", include("targets.urls")),
    path("", include("advocacy.campaigns.urls")),
    path("", include("advocacy.calls.urls")),
    path("", include("advocacy.emails.urls")),
    path("", include("advocacy.events.urls")),
    path("", include("advocacy.journey.urls")),
    path("", include("advocacy.dashboard.urls")),
]

handler500 = "advocacy.error_pages.server_error"
