"""ZIP (ZCTA) → congressional district with each district's share, built from Census files for a district plan:

- block equivalency files (BEF), one per state: 2020 block GEOID → district, as the Census publishes them
  for each Congress (header `GEOID,CDFP`; the older `BLOCKID,CD115` and the redistricting data program's
  pipe-delimited `BLOCKID|DISTRICT` are read too);
- the 2020 ZCTA-to-block relationship file `tab20_zcta520_tabblock20_natl.txt` (pipe-delimited, with
  GEOID_ZCTA5_20, GEOID_TABBLOCK_20, AREALAND_TABBLOCK_20 and AREALAND_PART);
- optionally 2020 block population (CSV with GEOID20 and POP20, the tabblock20 attributes), so a share is
  the district's part of the ZIP's people rather than of its land.

Shares are of the whole ZCTA, so a ZCTA that reaches into a state whose file was not given keeps the other
state's part out of the sum; a district with no land and no people in the ZCTA is left out.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from advocacy.providers.geocoder import STATE_FIPS

BLOCK_COLUMNS = ("GEOID", "BLOCKID", "GEOID20")
NO_DISTRICT = {"ZZ", ""}  # the Census code for water or land in no district
AT_LARGE = {"00", "98", "0"}


class CensusFileError(ValueError):
    """A file that is not in the format its option names; the message says which and why."""


def _rows(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        delimiter = "|" if first.count("|") > first.count(",") else ","
        yield from csv.DictReader(handle, delimiter=delimiter)


def _district_column(fields: list[str], path: Path) -> str:
    for name in fields:
        upper = name.upper()
        if upper in ("CDFP", "DISTRICT") or (upper.startswith("CD") and upper[2:].rstrip("FP").isdigit()):
            return name
    raise CensusFileError(f"{path}: no district column (CDFP, DISTRICT or CDnnn) in {fields}")


def read_block_equivalency(paths: Iterable[Path]) -> dict[str, tuple[str, int]]:
    """Block GEOID → (state, district) from one or more state BEFs."""
    blocks: dict[str, tuple[str, int]] = {}
    for path in paths:
        rows = _rows(path)
        for number, row in enumerate(rows, start=2):
            fields = list(row)
            block_column = next((c for c in fields if c.upper() in BLOCK_COLUMNS), None)
            if block_column is None:
                raise CensusFileError(f"{path}: no block column (GEOID or BLOCKID) in {fields}")
            code = (row[_district_column(fields, path)] or "").strip().upper()
            geoid = row[block_column].strip()
            state = STATE_FIPS.get(geoid[:2])
            if len(geoid) != 15 or not geoid.isdigit() or state is None:
                raise CensusFileError(f"{path} line {number}: {geoid!r} is not a 2020 block GEOID")
            if code in NO_DISTRICT:
                continue
            if not (code in AT_LARGE or code.isdigit()):
                raise CensusFileError(f"{path} line {number}: {code!r} is not a district code")
            blocks[geoid] = (state, 0 if code in AT_LARGE else int(code))
    return blocks


def read_block_population(path: Path) -> dict[str, int]:
    population = {}
    for number, row in enumerate(_rows(path), start=2):
        try:
            population[(row.get("GEOID20") or row["GEOID"]).strip()] = int(float(row.get("POP20") or row["P1_001N"]))
        except (KeyError, ValueError) as exc:
            raise CensusFileError(f"{path} line {number}: needs GEOID20 and POP20 ({exc})") from exc
    return population


def _weight(row: dict, population: dict[str, int] | None) -> float:
    land_part = float(row["AREALAND_PART"] or 0)
    if population is None:
        return land_part
    block_land = float(row["AREALAND_TABBLOCK_20"] or 0)
    people = population.get(row["GEOID_TABBLOCK_20"], 0)
    return people * (land_part / block_land if block_land else 1.0)


def zip_district_shares(relationship: Path, blocks: dict[str, tuple[str, int]],
                        population: dict[str, int] | None = None) -> dict[str, dict[tuple[str, int], float]]:
    """ZCTA → {(state, district): share of the ZCTA} for every ZCTA with a block in `blocks`."""
    totals: dict[str, float] = defaultdict(float)
    parts: dict[str, dict[tuple[str, int], float]] = defaultdict(lambda: defaultdict(float))
    for number, row in enumerate(_rows(relationship), start=2):
        try:
            zcta, block = row["GEOID_ZCTA5_20"].strip(), row["GEOID_TABBLOCK_20"].strip()
            weight = _weight(row, population)
        except (KeyError, ValueError, TypeError) as exc:
            raise CensusFileError(f"{relationship} line {number}: not a ZCTA-to-block row ({exc!r})") from exc
        if not zcta:  # blocks in no ZCTA
            continue
        totals[zcta] += weight
        if block in blocks:
            parts[zcta][blocks[block]] += weight
    shares = {}
    for zcta, districts in parts.items():
        total = totals[zcta]
        if total > 0:
            shares[zcta] = {seat: weight / total for seat, weight in districts.items() if weight > 0}
        else:  # no land and no people anywhere in it: every district touched, equally
            shares[zcta] = {seat: 1 / len(districts) for seat in districts}
    return {zcta: seats for zcta, seats in shares.items() if seats}


def write_plan(shares: dict[str, dict[tuple[str, int], float]], out: Path) -> int:
    """The plan CSV sync_targets loads (zccd.csv's columns plus `share`); returns the number of rows."""
    fips = {state: code for code, state in STATE_FIPS.items()}
    rows = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["state_fips", "state_abbr", "zcta", "cd", "share"])
        for zcta in sorted(shares):
            for (state, district), share in sorted(shares[zcta].items(), key=lambda item: -item[1]):
                writer.writerow([fips[state], state, zcta, district, f"{share:.4f}"])
                rows += 1
    return rows
