#!/usr/bin/env python3
"""Writes the benchmark's cases: a seeded, reproducible JSONL of geohazard prevention-zone inputs.

Every run with the same --seed and --count writes byte-identical output, so Gazette and Zen
are always compared on exactly the same cases and two runs on different days on the same cases.
"""
import argparse
import json
import random
import sys

RISK_LEVELS = ("extreme", "high", "medium", "low")
# The band edges of the annex table (<30, 30—100 inclusive, >100) and the floor of the domain:
# the values where a wrong comparison operator or an open/closed bracket would show.
BOUNDARIES = (0, 29, 30, 100, 101)


def affected_people(rng: random.Random) -> int:
    """Half boundary values, the rest spread over small, mid and large villages."""
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(BOUNDARIES)
    if roll < 0.8:
        return rng.randint(0, 150)
    if roll < 0.95:
        return rng.randint(151, 5_000)
    return rng.randint(5_001, 1_000_000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20210720)  # the notice's effective date
    parser.add_argument("--out", default="-", help="output file (default stdout)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    width = len(str(args.count))
    with out:
        for i in range(1, args.count + 1):
            case = {
                "id": f"C-{i:0{width}d}",
                "riskLevel": rng.choice(RISK_LEVELS),
                "affectedPeople": affected_people(rng),
            }
            out.write(json.dumps(case, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
