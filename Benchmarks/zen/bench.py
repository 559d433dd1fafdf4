#!/usr/bin/env python3
"""Times Gazette and GoRules Zen over the same JSONL, checks they agree on every case, prints the ratio.

Every configuration is timed the same way: time.perf_counter() around a subprocess that reads the
cases file and writes one answer per case, so each side's figure includes process start, loading its
rules and writing its output. The Zen driver also reports its own loop time and Zen's in-engine
figures. Each configuration runs --repeat times; the median is reported.
Exit status: 0 when all answers agree with each other and with the annex table, else 1.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def annex(risk: str, people: int) -> str:
    """A third, independent reading of the annex table (design §4.1), to catch both engines agreeing on a wrong answer."""
    if risk == "low":
        return "none"
    band = 0 if people > 100 else (1 if people >= 30 else 2)
    return {
        "extreme": ("key", "key", "key"),
        "high": ("key", "secondary", "general"),
        "medium": ("secondary", "general", "general"),
    }[risk][band]


def timed(cmd, stdin_path, stdout_path, cwd):
    """Runs cmd with the given stdin/stdout files; returns (wall seconds, stderr text)."""
    with open(stdin_path, "rb") as src, open(stdout_path, "wb") as dst:
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdin=src, stdout=dst, stderr=subprocess.PIPE, cwd=cwd)
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return wall, proc.stderr.decode(errors="replace")


def gazette_answers(path):
    """(id, zoneClass or an error marker) per line of Gazette's batch output."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            zone = row.get("outputs", {}).get("zoneClass") if "error" not in row else f"ERROR:{row['error'].get('code')}"
            out.append((row.get("id"), zone))
    return out


def zen_answers(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out.append((row.get("id"), row.get("zoneClass") if "error" not in row else f"ERROR:{row['error']}"))
    return out


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


LOAD_BEFORE = "?"


def load_average() -> str:
    """The 1/5/15-minute load: a benchmark on a shared 2-core machine means little without it."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", required=True, help="Gazette checkout (cwd for the gazette binary)")
    parser.add_argument("--gazette", required=True, help="the release gazette binary")
    parser.add_argument("--cases", required=True)
    parser.add_argument("--work", required=True, help="scratch directory for the answers")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    jdm = os.path.join(HERE, "geohazard.jdm.json")
    driver = os.path.join(HERE, "zen_run.py")
    py = sys.executable

    global LOAD_BEFORE
    LOAD_BEFORE = load_average()
    # Zen's tables know only FIRST and COLLECT hit policies; show FIRST is safe here (untimed).
    uniq = subprocess.run([py, driver, "--jdm", jdm, "--cases", args.cases, "--check-unique"],
                          capture_output=True, text=True)
    print(f"unique-hit check (Zen COLLECT copy over every distinct input): {uniq.stdout.strip()}")
    if uniq.returncode != 0:
        print(uniq.stderr, file=sys.stderr)
        return 1

    configs = {
        "gazette --jobs 1": ([args.gazette, "eval", "geohazard.prevention-zone", "--batch", "--jobs", "1"], True),
        "gazette --jobs 2": ([args.gazette, "eval", "geohazard.prevention-zone", "--batch", "--jobs", "2"], True),
        "zen loop (evaluate per case)": ([py, driver, "--jdm", jdm, "--cases", args.cases, "--mode", "loop"], False),
        "zen batch (evaluate_batch)": ([py, driver, "--jdm", jdm, "--cases", args.cases, "--mode", "batch"], False),
    }
    walls = {name: [] for name in configs}
    summaries = {name: [] for name in configs}
    outputs = {}
    for rep in range(args.repeat):
        for i, (name, (cmd, is_gazette)) in enumerate(configs.items()):
            out = os.path.join(args.work, f"answers-{i}.jsonl")
            outputs[name] = out
            if is_gazette:
                wall, _ = timed(cmd, args.cases, out, args.repo)
            else:
                # The Zen driver reads the cases itself and writes answers to --out; stdout is unused.
                wall, err = timed(cmd + ["--out", out], os.devnull, os.devnull, HERE)
                summaries[name].append(json.loads(err.strip().splitlines()[-1]))
            walls[name].append(wall)
            print(f"  run {rep + 1}/{args.repeat} {name:<30} {wall:8.3f} s", flush=True)

    # Agreement: line by line, same id, same zoneClass, and both equal to the annex.
    with open(args.cases, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f]
    answers = {name: (gazette_answers(p) if name.startswith("gazette") else zen_answers(p)) for name, p in outputs.items()}
    reference = "gazette --jobs 1"
    print()
    ok = True
    for name, rows in answers.items():
        if len(rows) != len(cases):
            print(f"{name}: {len(rows)} answers for {len(cases)} cases")
            ok = False
            continue
        agree, mismatches = 0, []
        for case, (gid, gzone), (oid, ozone) in zip(cases, answers[reference], rows):
            expected = annex(case["riskLevel"], case["affectedPeople"])
            if gid == oid == case["id"] and gzone == ozone == expected:
                agree += 1
            else:
                mismatches.append((case, gzone, ozone, expected))
        label = "agree with the annex" if name == reference else f"agree with {reference} and the annex"
        print(f"{name:<30} {agree:>7} / {len(cases)} {label}; {len(mismatches)} disagreements")
        for case, gzone, ozone, expected in mismatches[:10]:
            print(f"    {json.dumps(case)}: gazette={gzone} {name}={ozone} annex={expected}")
        ok = ok and not mismatches

    n = len(cases)
    med = {name: statistics.median(w) for name, w in walls.items()}
    rate = {name: n / s for name, s in med.items()}
    print(f"\n{n} cases, median of {args.repeat} runs; wall = time.perf_counter() around each process "
          f"(start-up, rule loading, reading and writing included)")
    print(f"load average before/after the runs: {LOAD_BEFORE} / {load_average()} (other work on the machine slows every side)")
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; Python {platform.python_version()}; "
          f"zen-engine {summaries['zen loop (evaluate per case)'][0].get('zenVersion')}")
    print(f"{'configuration':<30} {'wall s':>8} {'cases/s':>10}")
    for name in configs:
        print(f"{name:<30} {med[name]:8.3f} {rate[name]:10.0f}")
    for name in ("zen loop (evaluate per case)", "zen batch (evaluate_batch)"):
        s = summaries[name]
        loop = statistics.median(x["loopSeconds"] for x in s)
        eng_med = statistics.median(x["engineMicrosMedian"] for x in s)
        eng_mean = statistics.median(x["engineMicrosMean"] for x in s)
        eng_total = statistics.median(x["engineMicrosTotal"] for x in s) / 1e6
        print(f"  {name}: driver loop {loop:.3f} s ({n / loop:.0f} cases/s); Zen's own 'performance' per "
              f"evaluation: median {eng_med:.1f} µs, mean {eng_mean:.1f} µs, sum {eng_total:.3f} s")
    print("\nthroughput ratio Gazette / Zen (same run, same timing method):")
    for g in ("gazette --jobs 1", "gazette --jobs 2"):
        for z in ("zen loop (evaluate per case)", "zen batch (evaluate_batch)"):
            print(f"  {g:<18} / {z:<30} {rate[g] / rate[z]:6.2f}x")
    print("\nRESULT: " + ("all answers agree" if ok else "DISAGREEMENTS FOUND"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
