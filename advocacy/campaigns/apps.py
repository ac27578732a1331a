from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "advocacy.campaigns"
    label = "campaigns"

    def ready(self):
        from advocacy.campaigns import content  # noqa: F401  (connects the signals that keep its copies fresh)
