#!/usr/bin/env bash
# The docker-compose `backup` service (README "Backup and restore"): every day at KEYSTONE_BACKUP_AT (UTC, default
# 02:30) one consistent snapshot into /backups, checked by reading it back, then archives older than
# KEYSTONE_BACKUP_KEEP_DAYS (default 190: audit rows must be kept for at least 6 months) are removed.
# A failed night is logged and retried the next night; the service never stops on it.
set -uo pipefail
dir=${KEYSTONE_BACKUP_DIR:-/backups}
at=${KEYSTONE_BACKUP_AT:-02:30}
keep=${KEYSTONE_BACKUP_KEEP_DAYS:-190}
mkdir -p "$dir"
while true; do
  now=$(date -u +%s)
  next=$(date -u -d "today $at" +%s)
  (( next <= now )) && next=$(date -u -d "tomorrow $at" +%s)
  echo "backup: next run at $(date -u -d "@$next" '+%F %T') UTC"
  sleep $(( next - now ))
  file="$dir/keystone-$(date -u +%Y%m%d-%H%M%S).tar"
  if npm run -s db:backup -- "$file" && npm run -s db:restore -- --check "$file"; then
    find "$dir" -maxdepth 1 -name 'keystone-*.tar' -mtime +"$keep" -print -delete
  else
    echo "backup: FAILED at $(date -u '+%F %T') UTC; the previous archives are kept" >&2
    rm -f "$file"
  fi
done
