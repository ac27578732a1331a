from django.apps import AppConfig


class EmailsConfig(AppConfig):
    name = "advocacy.emails"
    label = "emails"

    def ready(self):
        from advocacy.emails import webhooks  # noqa: F401 - connects the anymail tracking receiver
