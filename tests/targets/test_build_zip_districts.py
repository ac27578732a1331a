"""build_zip_districts on hand-written files in the Census formats: state block equivalency files (GEOID,CDFP)
and the pipe-delimited 2020 ZCTA-to-block relationship file; the result loads through sync_targets."""

import csv
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from targets.lookup import lookup
from tests.targets.fixtures import write_data_dir

pytestmark = pytest.mark.django_db

RELATIONSHIP_HEADER = ("OID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|"
                       "MTFCC_ZCTA5_20|CLASSFP_ZCTA5_20|FUNCSTAT_ZCTA5_20|OID_TABBLOCK_20|GEOID_TABBLOCK_20|"
                       "NAMELSAD_TABBLOCK_20|AREALAND_TABBLOCK_20|AREAWATER_TABBLOCK_20|MTFCC_TABBLOCK_20|"
                       "CLASSFP_TABBLOCK_20|FUNCSTAT_TABBLOCK_20|AREALAND_PART|AREAWATER_PART")


def relationship_row(zcta, block, block_land, part_land):
    zcta_fields = f"2239000000{zcta}|{zcta}|ZCTA5 {zcta}|9000000|1000|G6350|B5|S" if zcta else "|||||||"
    return (f"{zcta_fields}|2103000000{block[-4:]}|{block}|Block {block[-4:]}|{block_land}|0|G5040|||"
            f"{part_land}|0")


# ZCTA 43125 (Groveport OH): three blocks in OH-15 and OH-3, one block straddling the ZCTA's edge, a block in no
# ZCTA, and a water-only block coded ZZ; 10001 lies in one NY district.
OHIO_BEF = "GEOID,CDFP\n390490095011000,15\n390490095011001,15\n390490095012000,03\n390490095013000,ZZ\n" \
           "390490095014000,03\n"
NEW_YORK_BEF = "GEOID,CDFP\n360610099001000,12\n"
RELATIONSHIP = "\n".join([
    RELATIONSHIP_HEADER,
    relationship_row("43125", "390490095011000", 500000, 500000),
    relationship_row("43125", "390490095011001", 200000, 200000),
    relationship_row("43125", "390490095012000", 600000, 300000),  # half of this block lies in 43125
    relationship_row("43125", "390490095013000", 0, 0),
    relationship_row("", "390490095014000", 400000, 400000),  # a block in no ZCTA
    relationship_row("10001", "360610099001000", 80000, 80000),
]) + "\n"
POPULATION = "GEOID20,POP20\n390490095011000,100\n390490095011001,0\n390490095012000,600\n360610099001000,50\n"


@pytest.fixture
def census(tmp_path):
    for name, text in {"oh_cd120.txt": OHIO_BEF, "ny_cd120.txt": NEW_YORK_BEF,
                       "tab20_zcta520_tabblock20_natl.txt": RELATIONSHIP, "blocks_pop.csv": POPULATION}.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def build(census, *extra) -> tuple[str, list[dict]]:
    out = StringIO()
    call_command("build_zip_districts", "--bef", str(census / "oh_cd120.txt"), str(census / "ny_cd120.txt"),
                 "--zcta-blocks", str(census / "tab20_zcta520_tabblock20_natl.txt"),
                 "--out", str(census / "cd120.csv"), *extra, stdout=out)
    return out.getvalue(), list(csv.DictReader((census / "cd120.csv").open()))


def test_shares_by_land_area(census):
    output, rows = build(census)

    assert [(r["state_abbr"], r["zcta"], r["cd"], r["share"]) for r in rows] == [
        ("NY", "10001", "12", "1.0000"), ("OH", "43125", "15", "0.7000"), ("OH", "43125", "3", "0.3000")]
    assert "2 ZCTAs, 1 split, 3 rows" in output and "shares by land area" in output
    assert rows[0]["state_fips"] == "36"


def test_shares_by_block_population(census):
    output, rows = build(census, "--block-population", str(census / "blocks_pop.csv"))

    # 43125: OH-15 has 100 people, OH-3 half of a 600-person block (300): 0.25 / 0.75
    assert [(r["zcta"], r["cd"], r["share"]) for r in rows] == [
        ("10001", "12", "1.0000"), ("43125", "3", "0.7500"), ("43125", "15", "0.2500")]
    assert "shares by population" in output


def test_the_built_plan_loads_for_its_congress_and_ranks_the_split_zip(census, tmp_path, settings):
    data_dir = write_data_dir(tmp_path / "data")
    plan = build(census)[1]
    filler = "".join(f"06,CA,9{i:04d},2,1.0000\n" for i in range(200))
    text = (census / "cd120.csv").read_text() + filler
    (data_dir / "zip-district" / "plans").mkdir(parents=True)
    (data_dir / "zip-district" / "plans" / "cd120.csv").write_text(text)
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=StringIO())
    settings.CONGRESS_OVERRIDE = 120

    result = lookup(zip_code="43125")

    assert len(plan) == 3
    assert [(d.label, d.share) for d in result.districts] == [("OH-15", 0.7), ("OH-3", 0.3)]
    assert result.largest_district.label == "OH-15"


@pytest.mark.parametrize("name,text,message", [
    ("oh_cd120.txt", "GEOID,CDFP\n39049,15\n", "is not a 2020 block GEOID"),
    ("oh_cd120.txt", "BLOCK,SOMETHING\n390490095011000,15\n", "no block column"),
    ("oh_cd120.txt", "GEOID,CDFP\n390490095011000,X1\n", "is not a district code"),
    ("tab20_zcta520_tabblock20_natl.txt", "ZCTA,BLOCK\n43125,390490095011000\n", "not a ZCTA-to-block row"),
])
def test_files_in_the_wrong_format_are_a_clear_error(census, name, text, message):
    (census / name).write_text(text)

    with pytest.raises(CommandError, match=message):
        build(census)


def test_the_older_pipe_delimited_block_assignment_format_is_read(census):
    (census / "oh_cd120.txt").write_text(OHIO_BEF.replace(",", "|").replace("GEOID|CDFP", "BLOCKID|DISTRICT"))

    rows = build(census)[1]

    assert [(r["zcta"], r["cd"]) for r in rows] == [("10001", "12"), ("43125", "15"), ("43125", "3")]
