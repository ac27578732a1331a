from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from advocacy.events.sync import sync_ice_locations
from advocacy.providers.downloads import SourceUnavailable


class Command(BaseCommand):
    help = "Load ICE field offices and detention facilities (from --data-dir, or ICE_DATA_URL) for hosting actions."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, help="a directory laid out like shared/data")

    def handle(self, *args, data_dir=None, **options):
        try:
            counts = sync_ice_locations(data_dir=data_dir)
        except SourceUnavailable as exc:
            raise CommandError(f"ICE locations not loaded: {exc}") from exc
        self.stdout.write(f"ice_locations: {counts}")
