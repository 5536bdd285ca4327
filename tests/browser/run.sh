#!/bin/sh
# The browser test of the review desk (CTest: browser_serve). Builds a store
# from the Durrës fixtures plus a hostile document, starts `contra serve` on a
# free loopback port, drives Debian's Chromium against it with playwright-core
# (desk.test.mjs), then stops the server.
#   tests/browser/run.sh CONTRA_BINARY [SCREENSHOT_DIR]
# Installs what it needs: Chromium and Node from Debian (scripts/install-deps
# browser) when missing, playwright-core from package-lock.json when
# node_modules is missing. It fails loudly when it cannot; it never skips.
set -eu
contra=${1:?usage: run.sh CONTRA_BINARY [SCREENSHOT_DIR]}
shots=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  "$root/scripts/install-deps" browser
fi
[ -x /usr/bin/chromium ] || { echo "browser test: /usr/bin/chromium is missing and could not be installed" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "browser test: node is missing and could not be installed" >&2; exit 1; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund) >&2 || { echo "browser test: npm ci failed" >&2; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/contra-browser.XXXXXX")
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

db=$work/contra.db
export CONTRA_NOW=2026-01-15T10:00:00Z NO_COLOR=1
unset CONTRA_DB CONTRA_TOKEN CONTRA_RULES || true
cd "$work"
"$contra" --db "$db" import "$root/fixtures/durres-raid-2023/accounts.toml" >/dev/null
"$contra" --db "$db" ingest "$here/hostile-memo.txt" --event durres-raid-2023 \
  --title 'Leaked memo <script>alert("title")</script>' --published 2023-06-21 >/dev/null
"$contra" --db "$db" run >/dev/null

"$contra" --db "$db" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
address=""
for _ in $(seq 1 100); do
  address=$(sed -n 's/^contra: the review desk is at \(http[^ ]*\)$/\1/p' "$work/serve.out")
  [ -n "$address" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "browser test: contra serve did not start" >&2
  cat "$work/serve.out" "$work/serve.err" >&2
  exit 1
fi

[ -n "$shots" ] && mkdir -p "$shots"
node "$here/desk.test.mjs" "$address" $shots
