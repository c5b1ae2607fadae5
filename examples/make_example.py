"""Write examples/example-report-2020.txt: a report rendered from known values.

The bundled example is made by the project itself: consistent values drawn
with a fixed seed, rendered in the canonical layout by govinfo_parse.testing.
Run ``python examples/make_example.py`` to regenerate it.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from govinfo_parse import fields
from govinfo_parse.testing import SampleReport, render_canonical

HERE = Path(__file__).resolve().parent


def example_values(seed: int = 2020) -> dict[str, int | Decimal]:
    """2019-format values that satisfy every consistency rule."""
    rng = random.Random(seed)  # noqa: S311 - not cryptographic
    values: dict[str, int | Decimal] = {}
    for row, columns in fields.ACTIVE_ROWS["2019"].items():
        for column in columns:
            key = f"active.{row}.{column}"
            if column == "amount":
                values[key] = Decimal(rng.randint(100_000, 9_000_000)).scaleb(-2)
            elif column == "change":
                values[key] = rng.randint(-20, 20)
            else:
                values[key] = rng.randint(0, 3000)
    results = fields.REQUESTS_RESULT_ROWS["2019"]
    for column in fields.REQUESTS_APPLICANT_COLUMNS:
        scale = 30 if column == "natural_person" else 3
        per_row = {row: rng.choice([0, 0, 0, rng.randint(0, scale)]) for row in results}
        total = sum(per_row.values())
        forward, over = rng.randint(0, 2), rng.randint(0, 2)
        over = min(over, total + forward)
        rows = {**per_row, "total": total, "carried_forward": forward, "carried_over": over,
                "new_received": total + forward - over}
        values.update({f"requests.{r}.{column}": v for r, v in rows.items()})
    for row in fields.REQUESTS_ROWS["2019"]:
        values[f"requests.{row}.total"] = sum(
            int(values[f"requests.{row}.{c}"]) for c in fields.REQUESTS_APPLICANT_COLUMNS
        )
    for group in fields.APPEALS_GROUPS:
        parts = [rng.randint(0, 3) for _ in range(4)]
        values.update({f"appeals.{group}.{c}": v for c, v in zip(fields.APPEALS_COLUMNS, parts)})
        values[f"appeals.{group}.total"] = sum(parts)
    return values


def main() -> None:
    sample = SampleReport(template="2019", year=2020, organ="示例县人民政府",
                          values=example_values(), thousands=True)
    (HERE / "example-report-2020.txt").write_text(render_canonical(sample), encoding="utf-8")


if __name__ == "__main__":
    main()
