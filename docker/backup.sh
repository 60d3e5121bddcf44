#!/usr/bin/env bash
# Nightly backup of the compose set-up's PostgreSQL (or any external one), then a restore check: the dump is
# restored into a scratch database and every table's row count is compared with the live one. Exits non-zero
# if anything fails or differs. The dump is written to a temporary file (mode 600) and renamed only when
# pg_dump succeeded, so a failure never leaves an empty or partial dump looking like a backup.
#
# Compose (pg_dump runs inside the postgres container as the postgres user, with the password from the
# secret file docker/postgres.password, so it matches the server's major version and needs nothing on the host):
#   BACKUP_DIR=/var/backups/ijwi docker/backup.sh compose
# External PostgreSQL (password from ~/.pgpass or PGPASSFILE, never on the command line):
#   PGHOST=db.example.org PGUSER=ijwi PGDATABASE=ijwi BACKUP_DIR=/var/backups/ijwi docker/backup.sh
# Cron (02:30 every night, keep 14 days):
#   30 2 * * * cd /opt/ijwi && BACKUP_DIR=/var/backups/ijwi docker/backup.sh compose >> /var/log/ijwi-backup.log 2>&1
# The embedded database (no IJWI_DATABASE_URL) is backed up by `ijwi backup` instead: docker/ijwi-backup.timer.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-external}
DB=${PGDATABASE:-ijwi}
BACKUP_DIR=${BACKUP_DIR:-./backups}
KEEP_DAYS=${KEEP_DAYS:-14}
COMPOSE_FILE=${COMPOSE_FILE:-docker/compose.yaml}
umask 077

# pg TOOL ARGS...: a PostgreSQL client tool, inside the postgres container in compose mode.
pg() {
    if [ "$MODE" = compose ]; then
        docker compose -f "$COMPOSE_FILE" exec -T -u postgres postgres sh -c \
            'PGPASSWORD="$(cat /run/secrets/postgres_password)" PGUSER="$POSTGRES_USER" exec "$@"' sh "$@"
    else
        "$@"
    fi
}

mkdir -p "$BACKUP_DIR"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$BACKUP_DIR/ijwi-$stamp.dump"
tmp="$file.tmp"
scratch="ijwi_restore_check_$$"
cleanup() {
    rm -f "$tmp"
    pg psql --no-psqlrc -q --dbname=postgres -c "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg pg_dump --format=custom --no-owner --dbname="$DB" > "$tmp"
[ -s "$tmp" ] || { echo "backup: FAILED: pg_dump wrote nothing" >&2; exit 1; }
mv "$tmp" "$file"
echo "backup: wrote $file ($(du -h "$file" | cut -f1))"

counts() {
    pg psql --no-psqlrc -At --dbname="$1" -c "SELECT string_agg(format('%s=%s', t, (xpath('/row/c/text()',
        query_to_xml(format('SELECT count(*) AS c FROM %I', t), false, true, '')))[1]::text), ' ' ORDER BY t)
        FROM (SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public') tables"
}
pg psql --no-psqlrc -q --dbname=postgres -c "CREATE DATABASE $scratch"
pg pg_restore --no-owner --dbname="$scratch" < "$file"
live=$(counts "$DB")
restored=$(counts "$scratch")
if [ "$live" != "$restored" ]; then
    echo "backup: RESTORE CHECK FAILED"; echo "live:     $live"; echo "restored: $restored"; exit 1
fi
echo "backup: restore check passed ($(echo "$restored" | wc -w) tables, counts equal)"
find "$BACKUP_DIR" -name 'ijwi-*.dump' -mtime +"$KEEP_DAYS" -delete
