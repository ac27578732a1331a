from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "advocacy.partners"
    verbose_name = "Partner API keys"
    default_auto_field = "django.db.models.BigAutoField"
