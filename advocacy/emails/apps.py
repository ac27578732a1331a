from django.apps import AppConfig


class EmailsConfig(AppConfig):
    name = "advocacy.emails"
    label = "emails"

    def ready(self):
        from advocacy.emails import tasks, webhooks  # noqa: F401 - registers the tasks services enqueue by name;
        # connects the anymail tracking receiver
