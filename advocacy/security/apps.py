from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "advocacy.security"
    verbose_name = "Security"

    def ready(self):
        from advocacy.security import checks  # noqa: F401 - registers the system checks
