#!/usr/bin/env bash
# npm test: every tier, in order of speed — types, lint (ESLint + Prettier), unit, integration (throwaway PostgreSQL), then end-to-end
# (production build + Playwright in Debian's Chromium). Unit and integration run on Node 24 LTS (scripts/vitest.sh); the
# build, the browser tests and the benchmark on the machine's Node, as the app does. Installs what it needs; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
set -e
ensure_node_modules
ensure_browser
ensure_compose
ensure_test_node
npm run -s db:generate >/dev/null
set +e

mkdir -p test-results
rm -f test-results/*.json
declare -A status
run_tier() {
  local name=$1; shift
  echo; echo "━━ $name ━━"
  "$@"; status[$name]=$?
}

run_tier types npx --no-install tsc --noEmit
run_tier lint npm run -s lint
run_tier unit bash scripts/vitest.sh run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json
run_tier integration bash scripts/vitest.sh run --project integration --reporter=default --reporter=json --outputFile.json=test-results/integration.json
run_tier build npm run -s build
if [[ ${status[build]} -eq 0 ]]; then
  run_tier e2e npx --no-install playwright test
else
  status[e2e]=1
  echo "e2e: skipped because the build failed"
fi
# The benchmark's smoke run: a tiny database, each measurement once, so `npm run bench` keeps working (no timings judged).
if [[ ${status[build]} -eq 0 ]]; then
  run_tier bench npm run -s bench -- --smoke --projects 50 --dist .next --out test-results/bench-smoke.json
else
  status[bench]=1
fi

npx --no-install tsx scripts/test-summary.ts types="${status[types]}" lint="${status[lint]}" build="${status[build]}" bench="${status[bench]}" \
  unit="${status[unit]}" integration="${status[integration]}" e2e="${status[e2e]}"
