from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "advocacy.calls"
    label = "calls"
