"""Draw document lines of the national catalogue at random, for hand labelling (tests/fixtures/document_lines_*.csv).

    python -m motcua.catalog.tests.document_sample SEED N [--exclude FIXTURE.csv ...] > rows.csv

Lines are drawn uniformly over every parsed document line of the crawl, at most one per procedure (so the sample
spreads over the catalogue instead of piling on the few pages with thirty notes), in an order fixed by the seed.
The label and condition columns are left empty: a person fills them in by reading each line.
"""

import argparse
import csv
import random
import sys
from pathlib import Path

from motcua.catalog import portal_format
from motcua.vntext.legacy import repair

SOURCE = Path(__file__).resolve().parents[4] / "shared" / "data" / "tthc-national-portal" / "procedures.jsonl"
COLUMNS = ["code", "position", "label", "condition", "group", "name"]


def catalogue_lines(path: Path = SOURCE):
    """(procedure code, position, DocumentRow) for every document line, as the importer parses it."""
    for record in portal_format.iter_jsonl(path):
        record = {key: repair(value) if isinstance(value, str) else value for key, value in record.items()}
        parsed = portal_format.parse_record(record)
        for position, row in enumerate(parsed.documents):
            yield parsed.code, position, row


def draw(seed: int, n: int, exclude_codes=frozenset(), path: Path = SOURCE) -> list[dict]:
    lines = list(catalogue_lines(path))
    random.Random(seed).shuffle(lines)
    rows, seen = [], set(exclude_codes)
    for code, position, row in lines:
        if code in seen:
            continue
        seen.add(code)
        rows.append(
            {"code": code, "position": position, "label": "", "condition": "", "group": row.group, "name": row.name}
        )
        if len(rows) == n:
            break
    return rows


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return [{**row, "position": int(row["position"])} for row in csv.DictReader(f)]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("n", type=int)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    exclude = {row["code"] for fixture in args.exclude for row in read(fixture)}
    writer = csv.DictWriter(sys.stdout, COLUMNS)
    writer.writeheader()
    writer.writerows(draw(args.seed, args.n, exclude))


if __name__ == "__main__":
    main()
