from django.apps import AppConfig


class EmailsConfig(AppConfig):
    name = "advocacy.emails"
    label = "emails"
