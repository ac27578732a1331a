from django.apps import AppConfig


class EmbedConfig(AppConfig):
    name = "advocacy.embed"
    label = "embed"
