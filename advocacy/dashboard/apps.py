from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "advocacy.dashboard"
    label = "dashboard"
