import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from advocacy.campaigns.demo import EASTERN, ensure_demo_campaign


class Command(BaseCommand):
    help = ("Create the demo campaign /c/day-of-action/ when it is missing (run sync_targets first for its fixed "
            "targets). An existing demo is left as the organizer edited it unless --reset is given.")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day of action, YYYY-MM-DD (default: today, US Eastern time)")
        parser.add_argument("--reset", action="store_true",
                            help="overwrite an existing demo campaign (its demands, targets, texts and schedule)")

    def handle(self, *args, date=None, reset=False, **options):
        try:
            day = dt.date.fromisoformat(date) if date else timezone.now().astimezone(EASTERN).date()
        except ValueError as exc:
            raise CommandError(f"--date must be YYYY-MM-DD: {exc}") from exc
        campaign, written, warnings = ensure_demo_campaign(day=day, base_url=settings.PUBLIC_BASE_URL, reset=reset)
        for warning in warnings:
            self.stderr.write(f"warning: {warning}")
        if written:
            self.stdout.write(f"demo campaign ready: /c/{campaign.slug}/ ({day.isoformat()})")
        else:
            self.stdout.write(f"demo campaign kept as it is: /c/{campaign.slug}/ (scripts/run --reset rewrites it)")
