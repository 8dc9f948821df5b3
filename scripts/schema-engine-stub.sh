#!/bin/sh
# Stand-in for Prisma's native schema engine; see scripts/prisma.sh.
echo "schema engine not available offline" >&2
exit 1
