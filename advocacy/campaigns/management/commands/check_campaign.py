from django.core.management.base import BaseCommand, CommandError

from advocacy.campaigns.models import Campaign
from advocacy.campaigns.preflight import campaign_preflight


class Command(BaseCommand):
    help = ("Pre-flight check of a campaign: every target it can reach with the source and date of its data, "
            "and each problem (vacant seats, no phone, no district office, role seats nobody holds, fixed "
            "targets past valid_until or unverified for 90 days). Exits non-zero when anything is flagged.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--problems-only", action="store_true", help="list only the flagged rows")

    def handle(self, *args, slug, problems_only=False, **options):
        campaign = Campaign.objects.filter(slug=slug).first()
        if campaign is None:
            raise CommandError(f"no campaign {slug!r}")
        check = campaign_preflight(campaign=campaign)
        self.stdout.write(f"{campaign.title}: {len(check.rows)} targets and seats, {check.congress}th Congress")
        for row in check.problems if problems_only else check.rows:
            flags = f"  !! {'; '.join(row.problems)}" if row.problems else ""
            self.stdout.write(f"[{row.line}] {row.label} | {row.source} | {row.data_date}{flags}")
        if check.problems:
            raise CommandError(f"{len(check.problems)} problem(s) found")
        self.stdout.write("no problems found")
