"""Turn the Online Retail data set into the sales CSV ``loyalty import sales`` reads, and a programme for it.

``shared/data/online_retail.csv.gz`` has one row per invoice line
(``invoice,stock_code,description,quantity,invoice_date,unit_price,customer_id,country``);
the importer wants ``sale_id,member_ref,at,sku,qty,unit_price,category``. Each
invoice becomes a sale, the customer id its member reference (empty: a
non-member sale), the invoice time stays UK local time (the programme's time
zone is Europe/London, so the importer reads it as such), a cancellation
(``C…`` invoice, negative quantity) stays a return line, and postage, fees
and manual adjustments go to the category ``fees``, which the programme
excludes from earning. Nothing else is changed or dropped: rows the importer
refuses (a zero or negative price) are its to report.

    python scripts/online_retail_sales.py OUT.csv [--program OUT.toml] [--data PATH] [--limit N]
    loyalty --db retail.db init --program OUT.toml
    loyalty --db retail.db import sales OUT.csv --create-members --skip-invalid
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "online_retail.csv.gz"
COLUMNS = ["sale_id", "member_ref", "at", "sku", "qty", "unit_price", "category"]
# Stock codes that are postage, fees or manual adjustments, not goods.
FEE_CODES = frozenset(
    {"POST", "DOT", "M", "m", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS"}
)
PROGRAM = """\
# The programme for the imported Online Retail data (pounds, UK time).
currency = "GBP"
timezone = "Europe/London"

[earn]
points = 1
per = "1.00"
exclude_categories = ["fees"]

[expiry]
days = 365

[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "1000"
earn_multiplier = "1.25"
[[tiers.levels]]
name = "Gold"
threshold = "5000"
earn_multiplier = "1.5"
"""


def convert(source: Path, target: Path, limit: int | None = None) -> int:
    """Write the importer's sales CSV from the data set; returns the number of lines written."""
    rows = 0
    with (
        gzip.open(source, "rt", encoding="utf-8", newline="") as raw,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for record in csv.DictReader(raw):
            if limit is not None and rows >= limit:
                break
            code = record["stock_code"].strip()
            writer.writerow(
                [
                    record["invoice"],
                    record["customer_id"],
                    record["invoice_date"],
                    code,
                    record["quantity"],
                    record["unit_price"],
                    "fees" if code in FEE_CODES else "",
                ]
            )
            rows += 1
    return rows


def main(argv: list[str] | None = None) -> int:
    """Convert the file; with ``--program``, also write the programme to load before importing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the sales CSV to write")
    parser.add_argument("--program", type=Path, help="also write the programme file here")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="only the first N lines")
    args = parser.parse_args(argv)
    rows = convert(args.data, args.out, args.limit)
    if args.program is not None:
        args.program.write_text(PROGRAM, encoding="utf-8")
    print(f"{rows} lines written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
