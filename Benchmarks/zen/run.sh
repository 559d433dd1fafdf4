#!/usr/bin/env bash
# Side-by-side benchmark: Gazette vs GoRules Zen on the geohazard prevention-zone table.
# A tool, not a test: .ci/run does not call it. Needs network access to PyPI for `pip install zen-engine`.
# Environment: CASES (default 100000), REPEAT (default 3), WORK (default a fresh /tmp dir),
#              ZEN_VERSION (pin, e.g. 2.1.3; default the newest), KEEP=1 to keep the venv and answers.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CASES="${CASES:-100000}"
REPEAT="${REPEAT:-3}"
WORK="${WORK:-$(mktemp -d /tmp/gazette-zen-bench.XXXXXX)}"
VENV="$WORK/venv"
mkdir -p "$WORK"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; fi

echo "== throwaway virtualenv in $VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "zen-engine${ZEN_VERSION:+==$ZEN_VERSION}"
"$VENV/bin/python" -c 'import importlib.metadata as m; print("zen-engine", m.version("zen-engine"))'

echo "== swift build -c release"
(cd "$REPO" && swift build -c release 2>&1 | tail -1)

echo "== $CASES cases"
"$VENV/bin/python" "$HERE/make_cases.py" --count "$CASES" --out "$WORK/cases.jsonl"
sha256sum "$WORK/cases.jsonl" | cut -c1-16

echo "== runs"
"$VENV/bin/python" "$HERE/bench.py" --repo "$REPO" --gazette "$REPO/.build/release/gazette" \
  --cases "$WORK/cases.jsonl" --work "$WORK" --repeat "$REPEAT"
