#!/usr/bin/env bash
# Vitest on Node 24 LTS (ensure_test_node in scripts/lib/ensure-deps.sh): the unit and integration tiers of npm test,
# and npm run test:unit / test:integration.   bash scripts/vitest.sh run --project unit [files…]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_test_node
echo "[keystone] vitest on Node $("$TEST_NODE" -v)" >&2
exec "$TEST_NODE" node_modules/vitest/vitest.mjs "$@"
