from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from targets.sync.run import sync_targets


class Command(BaseCommand):
    help = ("Import members of Congress, committees, district offices, ZIP-to-district, ZIP centroids and the "
            "fixed targets. Downloads the live public sources unless --data-dir names a local copy.")

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, help="a directory laid out like shared/data")

    def handle(self, *args, data_dir=None, **options):
        if data_dir is not None and not data_dir.is_dir():
            raise CommandError(f"--data-dir {data_dir} is not a directory")
        self.stdout.write(f"sync_targets from {data_dir or 'the live sources'}")
        report = sync_targets(data_dir=data_dir, progress=self.stdout.write)
        self.stdout.write("no changes" if not report.changed else f"{report.changed} changes")
        if not report.ok:
            raise CommandError(f"{len(report.failures)} source(s) failed; their previous data was kept")
