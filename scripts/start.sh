#!/usr/bin/env bash
# npm start: install what is missing, then run scripts/start.ts (database, migrations, seed, build, serve).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_node_modules
npm run -s db:generate >/dev/null
exec npx --no-install tsx --conditions=react-server scripts/start.ts
