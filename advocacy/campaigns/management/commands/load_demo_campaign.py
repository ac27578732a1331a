import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from advocacy.campaigns.demo import EASTERN, load_demo_campaign


class Command(BaseCommand):
    help = "Create or refresh the demo campaign /c/day-of-action/ (run sync_targets first for its fixed targets)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day of action, YYYY-MM-DD (default: today, US Eastern time)")

    def handle(self, *args, date=None, **options):
        try:
            day = dt.date.fromisoformat(date) if date else timezone.now().astimezone(EASTERN).date()
        except ValueError as exc:
            raise CommandError(f"--date must be YYYY-MM-DD: {exc}") from exc
        campaign, warnings = load_demo_campaign(day=day, base_url=settings.PUBLIC_BASE_URL)
        for warning in warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(f"demo campaign ready: /c/{campaign.slug}/ ({day.isoformat()})")
