from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "advocacy.privacy"
    verbose_name = "Privacy"
