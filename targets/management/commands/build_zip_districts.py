from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from targets.census_plans import (
    CensusFileError,
    read_block_equivalency,
    read_block_population,
    write_plan,
    zip_district_shares,
)


class Command(BaseCommand):
    help = ("Build a ZIP-to-district plan with each district's share from Census block equivalency files (one "
            "per state) and the 2020 ZCTA-to-block relationship file; sync_targets loads the result for its "
            "Congress (put it at <data-dir>/zip-district/plans/cd<congress>.csv or list it in "
            "DISTRICT_PLAN_FILES).")

    def add_arguments(self, parser):
        parser.add_argument("--bef", type=Path, nargs="+", required=True,
                            help="block equivalency file(s) of the plan, one per state")
        parser.add_argument("--zcta-blocks", type=Path, required=True,
                            help="tab20_zcta520_tabblock20_natl.txt (2020 ZCTA-to-block relationship file)")
        parser.add_argument("--block-population", type=Path,
                            help="optional CSV of 2020 block population (GEOID20,POP20): shares by people")
        parser.add_argument("--out", type=Path, required=True, help="the plan CSV to write")

    def handle(self, *args, bef, zcta_blocks, block_population=None, out, **options):
        for path in [*bef, zcta_blocks, *([block_population] if block_population else [])]:
            if not path.is_file():
                raise CommandError(f"{path} is not a file")
        try:
            blocks = read_block_equivalency(bef)
            population = read_block_population(block_population) if block_population else None
            shares = zip_district_shares(zcta_blocks, blocks, population)
        except CensusFileError as exc:
            raise CommandError(str(exc)) from exc
        if not shares:
            raise CommandError("no ZCTA has a block in those block equivalency files")
        rows = write_plan(shares, out)
        states = sorted({state for seats in shares.values() for state, _ in seats})
        split = sum(1 for seats in shares.values() if len(seats) > 1)
        self.stdout.write(f"{len(blocks)} blocks in {len(states)} state(s) ({', '.join(states)}); "
                          f"{len(shares)} ZCTAs, {split} split, {rows} rows written to {out} "
                          f"(shares by {'population' if population else 'land area'})")
