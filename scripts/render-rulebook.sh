#!/usr/bin/env bash
# Renders the HTML rulebook in a real browser: builds gazette, runs `gazette doc`, checks every
# internal link and id on disk, and screenshots every page with headless Chromium.
#
#   scripts/render-rulebook.sh [SITE_DIR] [SHOTS_DIR]      (defaults: site, site/screenshots; both ignored by git)
#   RULEBOOK_SHOT_SIZE=1280,2400  window size of each screenshot
#   RULEBOOK_SHOT_ONLY=geohazard  screenshot only pages whose path contains this text
#
# Chromium and a CJK font come from Debian when missing (apt-get, so run as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
SITE="${1:-site}"
SHOTS="${2:-$SITE/screenshots}"
SIZE="${RULEBOOK_SHOT_SIZE:-1280,2400}"
ONLY="${RULEBOOK_SHOT_ONLY:-}"

apt_install() {
  local runner=""
  [ "$(id -u)" -ne 0 ] && runner="sudo"
  $runner apt-get update
  DEBIAN_FRONTEND=noninteractive $runner apt-get install -y "$@"
}

if ! command -v chromium >/dev/null 2>&1; then apt_install chromium; fi
# Without a CJK font Chinese renders as boxes.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then apt_install fonts-noto-cjk; fi

swift build
rm -rf "$SITE"
.build/debug/gazette doc --out "$SITE"

# An independent link check on the files as written: every href/src must name a file of the site
# and, with a fragment, an id on that page; nothing may point outside; no id twice on a page.
python3 - "$SITE" <<'PY'
import os, sys
from html.parser import HTMLParser
from urllib.parse import unquote

root = sys.argv[1]
class Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.dups = set(), [], []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id":
                if v in self.ids: self.dups.append(v)
                self.ids.add(v)
            elif k in ("href", "src") and v is not None:
                self.links.append(v)

pages = {}
for d, _, files in os.walk(root):
    for f in files:
        if f.endswith(".html"):
            p = os.path.relpath(os.path.join(d, f), root)
            s = Scan()
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                s.feed(fh.read())
            pages[p] = s
problems = []
for p, s in pages.items():
    for dup in s.dups: problems.append(f"{p}: id {dup!r} defined twice")
    for link in s.links:
        if ":" in link.split("#")[0] or link.startswith("//"):
            problems.append(f"{p}: {link} points outside the site"); continue
        path, _, frag = link.partition("#")
        target = os.path.normpath(os.path.join(os.path.dirname(p), unquote(path))) if path else p
        if not os.path.exists(os.path.join(root, target)):
            problems.append(f"{p}: {link}: no file {target}"); continue
        if frag and (target not in pages or unquote(frag) not in pages[target].ids):
            problems.append(f"{p}: {link}: no id {frag!r} on {target}")
for x in problems: print("broken:", x)
print(f"links: {sum(len(s.links) for s in pages.values())} checked in {len(pages)} pages, {len(problems)} broken")
sys.exit(1 if problems else 0)
PY

rm -rf "$SHOTS"
mkdir -p "$SHOTS"
count=0
failed=0
while IFS= read -r page; do
  rel="${page#"$SITE"/}"
  [ -n "$ONLY" ] && [[ "$rel" != *"$ONLY"* ]] && continue
  out="$SHOTS/${rel%.html}.png"
  mkdir -p "$(dirname "$out")"
  # --no-sandbox: the sandbox cannot start as root in a container; the pages are our own static files.
  if ! timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
      --window-size="$SIZE" --screenshot="$out" "file://$(realpath "$page")" >/dev/null 2>&1 \
      || [ ! -s "$out" ]; then
    echo "screenshot failed: $page"
    failed=$((failed + 1))
  fi
  count=$((count + 1))
done < <(find "$SITE" -name '*.html' | sort)
echo "screenshots: $count pages rendered to $SHOTS, $failed failed"
[ "$failed" -eq 0 ]
