#!/usr/bin/env bash
# Runs the Prisma CLI offline.
# Prisma 7's CLI downloads a native schema engine from outside the npm registry on every command, which this
# project's machines cannot reach. `generate`, `validate` and `format` never use that engine, but the CLI still
# insists on resolving it: pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check.
# `migrate` does need the engine, so migrations are drafted with scripts/prisma-migrate-diff.sh and applied by
# scripts/db-migrate.ts instead (see README, "Migrations").
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/scripts/schema-engine-stub.sh"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
exec npx --no-install prisma "$@"
