#!/usr/bin/env bash
# npm start: install what is missing, then run scripts/start.ts (database, migrations, seed, build, serve).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_node_modules
npm run -s db:generate >/dev/null
# --dev (npm run dev): next dev with hot reload instead of a production build
if [[ ${1:-} == --dev ]]; then
  exec npx --no-install tsx --conditions=react-server scripts/dev.ts
fi
exec npx --no-install tsx --conditions=react-server scripts/start.ts
