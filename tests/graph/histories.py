"""Histories of logged days with gaps and blank cells, so KPIs have nulls and every kind
of value (shared by the executor tests)."""

from __future__ import annotations

import random
from datetime import date, timedelta


def history_csv(seed: int, first: date, last: date) -> bytes:
    """A canonical CSV of days after ``first`` up to about ``last``: some days skipped,
    a quarter of the cells blank, the values drawn by ``random.Random(seed)``."""
    rng = random.Random(seed)
    lines = [
        "date,steps,protein_g,kcal_in,kcal_junk_in,kcal_out_training,sleep_hours,stress,"
        "weight_kg,waist_cm"
    ]
    day = first
    while day < last:
        day += timedelta(days=rng.choice((1, 1, 1, 2, 5)))
        kcal_in = rng.uniform(1200, 3500)
        cells = [
            str(rng.randint(0, 25_000)),
            f"{rng.uniform(40, 220):.1f}",
            f"{kcal_in:.0f}",
            f"{rng.uniform(0, kcal_in):.0f}",
            f"{rng.uniform(0, 900):.0f}",
            f"{rng.uniform(4, 10):.2f}",
            str(rng.randint(1, 10)),
            f"{rng.uniform(70, 95):.1f}",
            f"{rng.uniform(80, 110):.1f}",
        ]
        cells = ["" if rng.random() < 0.25 else cell for cell in cells]
        lines.append(",".join([day.isoformat(), *cells]))
    return "\n".join(lines).encode()
