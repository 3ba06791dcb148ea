#!/usr/bin/env bash
# Restores a file written by scripts/sauvegarder.sh into the database named by PGDATABASE (libpq variables as for
# the backup). The database must exist and be EMPTY (a new one, or dropped and recreated): stop every instance
# first, restore, then start them; they apply any newer migration themselves (docs/exploitation.md).
#   createdb credentials_restauree && PGDATABASE=credentials_restauree scripts/restaurer.sh 2026-09-01.dump
set -euo pipefail
fichier=${1:?usage: scripts/restaurer.sh FICHIER.dump}
[[ -r $fichier ]] || { echo "Fichier de sauvegarde illisible : $fichier" >&2; exit 2; }
tables=$(psql -XAtc "select count(*) from pg_tables where schemaname = 'public'" "${PGDATABASE:?PGDATABASE is not set}")
if [[ $tables != 0 ]]; then
  echo "La base $PGDATABASE n'est pas vide ($tables tables) : restaurez dans une base neuve." >&2
  exit 3
fi
pg_restore --exit-on-error --no-owner --no-privileges --jobs=2 --dbname="$PGDATABASE" "$fichier"
comptes=$(psql -XAtc 'select count(*) from "Comptes"' "$PGDATABASE")
echo "Restauration terminée dans $PGDATABASE : $comptes comptes."
