#!/usr/bin/env bash
# Backs up the Credentials database (PostgreSQL) into one custom-format file, which scripts/restaurer.sh reads back.
# The connection comes from the usual libpq variables: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or ~/.pgpass.
# The Data Protection keys are in the database (table "DataProtectionKeys"): the file is enough to read the
# provisional passwords again, so keep it as secret as the database itself (docs/exploitation.md).
#   PGHOST=127.0.0.1 PGUSER=credentials PGDATABASE=credentials scripts/sauvegarder.sh /var/backups/credentials/$(date +%F).dump
set -euo pipefail
fichier=${1:?usage: scripts/sauvegarder.sh FICHIER.dump}
umask 077
# --format=custom: compressed, restorable table by table, in parallel (pg_restore --jobs).
pg_dump --format=custom --no-owner --no-privileges --file="$fichier.partiel" "${PGDATABASE:?PGDATABASE is not set}"
mv "$fichier.partiel" "$fichier"   # a crash mid-dump never leaves a file that looks complete
echo "Sauvegarde écrite : $fichier ($(stat -c %s "$fichier") octets)"
