#!/usr/bin/env python3
"""Runs GoRules Zen over a JSONL of cases and writes one `{"id", "zoneClass"}` line per case, in order.

Modes (both end to end: read a line, parse it, evaluate, write the answer):
  loop   one `ZenDecision.evaluate(dict)` call per case: the documented basic usage.
  batch  `ZenEngine.evaluate_batch` over chunks of --chunk cases, Zen's bulk API.
A summary (JSON) goes to stderr: wall seconds of the evaluation loop (time.perf_counter), the
set-up time (import and create_decision) and the sum/median of Zen's own per-evaluation
`performance` figures.
"""
import argparse
import json
import statistics
import sys
import time

T_START = time.perf_counter()
import zen  # noqa: E402  (timed: importing the native module is part of Zen's set-up)

UNITS = {"ns": 1e-3, "µs": 1.0, "us": 1.0, "ms": 1e3, "s": 1e6}


def micros(performance: str) -> float:
    """Zen reports its in-engine time as text such as '14.6µs' or '621.0ns'; returns microseconds."""
    for unit in ("ns", "µs", "us", "ms", "s"):
        if performance.endswith(unit):
            return float(performance[: -len(unit)]) * UNITS[unit]
    raise ValueError(f"unrecognised Zen performance figure: {performance!r}")


def answer(case_id, response) -> str:
    """The comparable part of one answer; a missing zoneClass stays visible as null."""
    zone = response.get("result", {}).get("zoneClass")
    return json.dumps({"id": case_id, "zoneClass": zone}, ensure_ascii=False) + "\n"


def run_loop(decision, src, dst, engine_us):
    n = 0
    for line in src:
        case = json.loads(line)
        response = decision.evaluate(case)
        engine_us.append(micros(response["performance"]))
        dst.write(answer(case.get("id"), response))
        n += 1
    return n


def run_batch(engine, key, src, dst, engine_us, chunk):
    n = 0
    cases = []

    def flush():
        results = engine.evaluate_batch([{"key": key, "context": c} for c in cases])
        for case, result in zip(cases, results):
            if not result.get("success"):
                dst.write(json.dumps({"id": case.get("id"), "error": str(result.get("error"))}) + "\n")
                continue
            engine_us.append(micros(result["data"]["performance"]))
            dst.write(answer(case.get("id"), result["data"]))
        cases.clear()

    for line in src:
        cases.append(json.loads(line))
        n += 1
        if len(cases) == chunk:
            flush()
    if cases:
        flush()
    return n


def check_unique(content: str, cases_path: str) -> dict:
    """Zen has no UNIQUE hit policy (only first/collect): prove on every distinct input that
    exactly one row matches, using a COLLECT copy of the table, so FIRST behaves as UNIQUE here."""
    graph = json.loads(content)
    for node in graph["nodes"]:
        if node["type"] == "decisionTableNode":
            node["content"]["hitPolicy"] = "collect"
    decision = zen.ZenEngine().create_decision(json.dumps(graph))
    distinct = set()
    with open(cases_path, encoding="utf-8") as src:
        for line in src:
            case = json.loads(line)
            distinct.add((case["riskLevel"], case["affectedPeople"]))
    bad = []
    for risk, people in sorted(distinct):
        hits = decision.evaluate({"riskLevel": risk, "affectedPeople": people})["result"]
        if len(hits) != 1:
            bad.append({"riskLevel": risk, "affectedPeople": people, "hits": hits})
    return {"distinctInputs": len(distinct), "notExactlyOneRow": bad}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jdm", required=True, help="the JDM decision graph")
    parser.add_argument("--cases", required=True, help="input JSONL")
    parser.add_argument("--out", help="output JSONL (one answer per case)")
    parser.add_argument("--mode", choices=("loop", "batch"), default="loop")
    parser.add_argument("--chunk", type=int, default=10_000, help="cases per evaluate_batch call")
    parser.add_argument("--check-unique", action="store_true", help="only check that every input hits one row")
    args = parser.parse_args()

    with open(args.jdm, encoding="utf-8") as f:
        content = f.read()
    if args.check_unique:
        report = check_unique(content, args.cases)
        print(json.dumps(report, ensure_ascii=False))
        return 0 if not report["notExactlyOneRow"] else 1
    if not args.out:
        parser.error("--out is required unless --check-unique")

    key = "geohazard.jdm.json"
    engine = zen.ZenEngine({"loader": {"type": "static", "content": {key: json.loads(content)}}})
    decision = engine.create_decision(content)
    setup_s = time.perf_counter() - T_START

    engine_us: list[float] = []
    t0 = time.perf_counter()
    with open(args.cases, encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as dst:
        if args.mode == "loop":
            n = run_loop(decision, src, dst, engine_us)
        else:
            n = run_batch(engine, key, src, dst, engine_us, args.chunk)
    loop_s = time.perf_counter() - t0

    print(json.dumps({
        "mode": args.mode,
        "zenVersion": zen_version(),
        "cases": n,
        "setupSeconds": round(setup_s, 4),
        "loopSeconds": round(loop_s, 4),
        "loopCasesPerSecond": round(n / loop_s, 1) if loop_s > 0 else None,
        "engineMicrosTotal": round(sum(engine_us), 1),
        "engineMicrosMedian": round(statistics.median(engine_us), 2) if engine_us else None,
        "engineMicrosMean": round(statistics.fmean(engine_us), 2) if engine_us else None,
    }), file=sys.stderr)
    return 0


def zen_version() -> str:
    try:
        from importlib.metadata import version
        return version("zen-engine")
    except Exception:  # metadata is optional; the benchmark must not fail over a label
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
