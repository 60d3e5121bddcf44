#!/usr/bin/env bash
# Nightly backup of Ijwi's PostgreSQL, then a restore check: the dump is restored into a scratch database
# and every table's row count is compared with the live one. Exit status non-zero if anything differs.
#   PGHOST=... PGUSER=... PGPASSWORD=... PGDATABASE=ijwi BACKUP_DIR=/var/backups/ijwi docker/backup.sh
# With the compose deployment, run the PostgreSQL tools inside the postgres container (same major version):
#   PG="docker compose -f docker/compose.yaml exec -T postgres" docker/backup.sh
# Cron (02:30 every night, keep 14 days):
#   30 2 * * * cd /opt/ijwi && BACKUP_DIR=/var/backups/ijwi docker/backup.sh >> /var/log/ijwi-backup.log 2>&1
set -euo pipefail
PG=${PG:-}
DB=${PGDATABASE:-ijwi}
BACKUP_DIR=${BACKUP_DIR:-./backups}
KEEP_DAYS=${KEEP_DAYS:-14}
mkdir -p "$BACKUP_DIR"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$BACKUP_DIR/ijwi-$stamp.dump"

$PG pg_dump --format=custom --no-owner --dbname="$DB" > "$file"
echo "backup: wrote $file ($(du -h "$file" | cut -f1))"

scratch="ijwi_restore_check_$$"
counts() {
    $PG psql --no-psqlrc -At --dbname="$1" -c "SELECT string_agg(format('%s=%s', t, (xpath('/row/c/text()',
        query_to_xml(format('SELECT count(*) AS c FROM %I', t), false, true, '')))[1]::text), ' ' ORDER BY t)
        FROM (SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public') tables"
}
$PG psql --no-psqlrc -q --dbname=postgres -c "CREATE DATABASE $scratch"
trap '$PG psql --no-psqlrc -q --dbname=postgres -c "DROP DATABASE IF EXISTS $scratch"' EXIT
$PG pg_restore --no-owner --dbname="$scratch" < "$file"
live=$(counts "$DB")
restored=$(counts "$scratch")
if [ "$live" != "$restored" ]; then
    echo "backup: RESTORE CHECK FAILED"; echo "live:     $live"; echo "restored: $restored"; exit 1
fi
echo "backup: restore check passed ($(echo "$restored" | wc -w) tables, counts equal)"
find "$BACKUP_DIR" -name 'ijwi-*.dump' -mtime +"$KEEP_DAYS" -delete
