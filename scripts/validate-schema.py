#!/usr/bin/env python3
"""Validates every file under Rules/ against Rules/schema.json, and probes the schema with
small documents it must accept or reject.

Developer tool, not part of CI (CI has no jsonschema). Needs the `jsonschema` package:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install jsonschema
    /tmp/venv/bin/python scripts/validate-schema.py [--gazette .build/debug/gazette] [--verbose]

With --gazette, every probe is also loaded by the real loader (`gazette list --rules PROBE`), so a
probe the schema and the loader judge differently is reported: the loader is the ground truth.
Prints "N passed, N failed" and exits 1 if anything failed.
"""
import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    sys.exit("validate-schema.py needs jsonschema: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install jsonschema")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = os.path.join(ROOT, "Rules")


def rule_files():
    """Every JSON file the loader reads: all of Rules/ except schema files (RuleLoader skips *schema.json)."""
    for dirpath, _, names in os.walk(RULES):
        for name in sorted(names):
            if name.endswith(".json") and not name.endswith("schema.json"):
                yield os.path.join(dirpath, name)


# A small rule file the loader accepts; each probe below changes one thing in a copy of it.
BASE = {
    "$schema": "../schema.json",
    "document": {"number": "探〔2020〕1号", "title": "探针", "issuer": "探针厅", "date": "2020-01-01",
                 "gazette": "探针公报 2020年第1期", "seed": "probe.txt"},
    "citations": {"a": {"clause": "一", "line": 1, "text": "超过十的为大。"}},
    "decisions": [{
        "id": "probe.base",
        "title": {"zh": "探针", "en": "probe"},
        "source": "a",
        "inputs": [{"name": "n", "type": "integer", "min": 0, "required": True},
                   {"name": "level", "type": "enum", "values": [{"code": "high", "zh": "高", "aliases": ["高风险"]}]}],
        "outputs": [{"name": "band", "type": "string"}],
        "findings": [{"code": "BIG", "severity": "warning", "message": "{n} is big", "cite": ["a"]}],
        "versions": [{"id": "v1", "effective": {"from": "2020-01-01", "until": None}, "steps": [
            {"table": {"hitPolicy": "first", "inputs": ["n"], "outputs": ["band"], "rows": [
                {"when": [{"test": "> 10", "wording": "超过"}], "then": {"band": "big"}, "cite": "a"},
                {"when": ["-"], "then": {"band": "small"}}]}},
            {"finding": "BIG", "when": "n > 10"}]}],
        "examples": [{"name": "eleven is big", "input": {"n": 11},
                      "expect": {"outputs": {"band": "big"}, "findings": ["BIG"]}}],
        "notes": ["a note"],
    }],
    "notEncoded": [{"clause": "二", "summary": "exhortation", "reason": "exhortation: no checkable condition"}],
}

CALENDAR = {
    "calendar": "probe",
    "title": {"zh": "探针日历", "en": "probe calendar"},
    "years": [{"year": 2020, "notice": {"number": "国办发明电〔2019〕16号", "date": "2019-11-21"},
               "holidays": ["2020-01-01"], "workdays": ["2020-01-19"]}],
}


def variant(change, base=BASE):
    doc = copy.deepcopy(base)
    change(doc)
    return doc


def dec(doc):
    return doc["decisions"][0]


def steps(doc):
    return dec(doc)["versions"][0]["steps"]


def table(doc):
    return steps(doc)[0]["table"]


def richer(doc):
    """Shapes the base leaves out: other cell kinds, list items without a name, collect + aggregation, …"""
    d = dec(doc)
    d["title"] = {"en": "probe only in English"}
    d["source"] = ["a"]
    d["inputs"] += [
        {"name": "flag", "type": "boolean", "default": False},
        {"name": "ratio", "type": "decimal", "exclusiveMax": 1, "default": 0.5},
        {"name": "day", "type": "date", "min": "2000-01-01"},
        {"name": "q", "type": "quarter"},
        {"name": "scores", "type": "list", "maxItems": 3, "items": {"type": "integer", "min": 0}},
        {"name": "rows", "type": "list", "items": {"type": "object", "fields": [{"name": "x", "type": "integer"}]}},
    ]
    d["outputs"].append({"name": "total", "type": "integer"})
    d["constraints"] = [{"when": "n > 1000", "path": "n", "message": {"zh": "太大", "en": "too large"}}]
    d["gaps"] = [{"when": {"n": "7"}, "reason": "left open"}]
    steps(doc).insert(1, {"table": {"name": "sum", "hitPolicy": "collect", "aggregation": "sum",
                                    "inputs": ["flag", "n"], "outputs": ["total"],
                                    "rows": [{"when": [True, 5], "then": {"total": 1}},
                                             {"when": ["-", "-"], "then": {"total": "=n"}}]}})
    steps(doc).insert(2, {"set": "twice", "expr": "n * 2", "when": "n > 0", "cite": "a", "wording": "超过"})


# (name, document, schema accepts?, loader accepts?)
PROBES = [
    ("minimal rule file", BASE, True, True),
    ("richer rule file", variant(richer), True, True),
    ("calendar file", CALENDAR, True, True),
    ("unknown top-level member", variant(lambda d: d.update(extra=1)), False, False),
    ("unknown decision member", variant(lambda d: dec(d).update(colour="red")), False, False),
    ("bad hitPolicy", variant(lambda d: table(d).update(hitPolicy="single")), False, False),
    ("missing decision id", variant(lambda d: dec(d).pop("id")), False, False),
    ("decision id with upper case", variant(lambda d: dec(d).update(id="Probe.Base")), False, False),
    ("bad severity", variant(lambda d: dec(d)["findings"][0].update(severity="error")), False, False),
    ("unknown field type", variant(lambda d: dec(d)["inputs"][0].update(type="float")), False, False),
    ("enum without values", variant(lambda d: dec(d)["inputs"][1].pop("values")), False, False),
    ("field name with underscore", variant(lambda d: dec(d)["inputs"][0].update(name="n_1")), False, False),
    ("integer bound given as a string", variant(lambda d: dec(d)["inputs"][0].update(min="0")), False, False),
    ("aggregation without collect", variant(lambda d: table(d).update(aggregation="sum")), False, False),
    ("cell as a list", variant(lambda d: table(d)["rows"][1].update(when=[["-"]])), False, False),
    ("localized text in French", variant(lambda d: dec(d).update(title={"fr": "sonde"})), False, False),
    ("version date not ISO", variant(lambda d: dec(d)["versions"][0]["effective"].update({"from": "2020-1-1"})), False, False),
    ("no versions", variant(lambda d: dec(d).update(versions=[])), False, False),
    ("step with table and set", variant(lambda d: steps(d)[0].update(set="x", expr="1")), False, False),
    ("step of no kind", variant(lambda d: steps(d).append({"expr": "1"})), False, False),
    ("table without rows", variant(lambda d: table(d).update(rows=[])), False, False),
    ("document without seed", variant(lambda d: d["document"].pop("seed")), False, False),
    ("blank citation text", variant(lambda d: d["citations"]["a"].update(text="  ")), False, False),
    ("unknown member in expect", variant(lambda d: dec(d)["examples"][0]["expect"].update(output={})), False, False),
    ("example without expect", variant(lambda d: dec(d)["examples"][0].pop("expect")), False, False),
    ("notEncoded without reason", variant(lambda d: d["notEncoded"][0].pop("reason")), False, False),
    ("calendar without years", variant(lambda d: d.pop("years"), CALENDAR), False, False),
    ("calendar unknown member", variant(lambda d: d.update(region="cn"), CALENDAR), False, False),
    ("calendar holiday not a date", variant(lambda d: d["years"][0]["holidays"].append("1 Jan"), CALENDAR), False, False),
    # Beyond the schema: the loader rejects these, the schema cannot express why (docs/schema.md).
    ("cites an unknown key", variant(lambda d: dec(d).update(source="zz")), True, False),
    ("day that does not exist", variant(lambda d: dec(d)["versions"][0]["effective"].update({"from": "2018-02-30"})), True, False),
    ("row cells fewer than table inputs", variant(lambda d: table(d)["rows"][1].update(when=[])), True, False),
    ("calendar workday on a weekday", variant(lambda d: d["years"][0]["workdays"].append("2020-01-20"), CALENDAR), True, False),
]


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"{where}: {error.message[:200]}"


def loader_accepts(gazette, doc, workdir):
    path = os.path.join(workdir, "probe.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    run = subprocess.run([gazette, "list", "--rules", path], capture_output=True, text=True, check=False)
    return run.returncode == 0, run.stderr.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazette", help="path of a built gazette binary: also load every probe with it")
    parser.add_argument("--verbose", action="store_true", help="print every check, not only failures")
    args = parser.parse_args()

    with open(os.path.join(RULES, "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0

    def report(ok, label, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
        if not ok or args.verbose:
            print(f"{'ok  ' if ok else 'FAIL'} {label}{(': ' + detail) if detail else ''}")

    for path in rule_files():
        label = os.path.relpath(path, ROOT)
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            report(False, label, f"not JSON: {e}")
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        report(not errors, label, "; ".join(describe(e) for e in errors[:3]))

    with tempfile.TemporaryDirectory() as workdir:
        for name, doc, schema_ok, loader_ok in PROBES:
            error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
            accepted = error is None
            detail = f"schema {'accepts' if accepted else 'rejects'}" + ("" if accepted else f" ({describe(error)})")
            report(accepted == schema_ok, f"probe: {name}", "" if accepted == schema_ok and not args.verbose else detail)
            if args.gazette:
                ok, stderr = loader_accepts(args.gazette, doc, workdir)
                report(ok == loader_ok, f"probe (loader): {name}",
                       f"loader {'accepts' if ok else 'rejects'}" + (f" ({stderr[:200]})" if stderr else ""))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
