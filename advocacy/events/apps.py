from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "advocacy.events"
    label = "events"
