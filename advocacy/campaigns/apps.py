from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "advocacy.campaigns"
    label = "campaigns"
