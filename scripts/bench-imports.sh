#!/usr/bin/env bash
# Times the whole `credentials import siecle` process (start-up, migration check, read, preview, apply) on a
# generated SIECLE export: a first import into an empty database, then the same files again (nothing to change).
# Prints wall time and CPU time (user + system): on a machine shared with other jobs, the CPU time is the steadier figure.
# Usage: scripts/bench-imports.sh ELEVES RESPONSABLES [runs]
#   SQLite by default (a fresh file per run); PostgreSQL when PGHOST/PGPORT/PGUSER are set (a fresh database per run).
#   The CLI timed is the published one (`dotnet publish`: its own runtime, compiled ahead of time with it, as it is
#   deployed), in src/Credentials.Cli/bin/Release/publish. CREDENTIALS_CLI times another build on the same files: a
#   published program (path/to/credentials), or a framework-dependent assembly run by `dotnet` (path/to/credentials.dll:
#   an older commit's publish, or the plain build src/Credentials.Cli/bin/Release/net10.0/credentials.dll, JIT only).
#   CREDENTIALS_NO_BUILD=1 skips the publish and the build.
set -euo pipefail
cd "$(dirname "$0")/.."
eleves=${1:-400}; responsables=${2:-672}; runs=${3:-3}
if [[ -z ${CREDENTIALS_NO_BUILD:-} ]]; then
  dotnet publish src/Credentials.Cli -c Release -nologo -v quiet -o src/Credentials.Cli/bin/Release/publish >/dev/null
  dotnet build tests/Credentials.Benchmarks -c Release -nologo -v quiet >/dev/null
fi
work=$(mktemp -d /tmp/credentials-bench-imports.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet tests/Credentials.Benchmarks/bin/Release/net10.0/Credentials.Benchmarks.dll fichiers-siecle "$work/siecle" --eleves "$eleves" --responsables "$responsables"
cli=${CREDENTIALS_CLI:-src/Credentials.Cli/bin/Release/publish/credentials}
if [[ $cli == *.dll ]]; then lancer=(dotnet "$cli"); else lancer=("$cli"); fi
import=(import siecle --uai 0999999Z --annee-scolaire 2025 --eleves "$work/siecle/ElevesSansAdresses.xml" --responsables "$work/siecle/ResponsablesAvecAdresses.xml")
echo "$(date -u '+%F %T') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $eleves pupils + $responsables guardians, $([[ -n ${PGHOST:-} ]] && echo PostgreSQL || echo SQLite), $cli"
for run in $(seq "$runs"); do
  export DataDirectory="$work/data$run"
  if [[ -n ${PGHOST:-} ]]; then
    base="bench_imports_$run"
    psql -q -h "$PGHOST" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -c "DROP DATABASE IF EXISTS $base" -c "CREATE DATABASE $base" >/dev/null
    export Database__Provider=Postgres ConnectionStrings__Credentials="Host=$PGHOST;Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Database=$base"
  fi
  "${lancer[@]}" migrate >/dev/null
  for pass in premier second; do
    /usr/bin/time -f '%e %U %S' -o "$work/temps" "${lancer[@]}" "${import[@]}" >"$work/sortie-$pass.txt" 2>&1 || { cat "$work/sortie-$pass.txt"; exit 1; }
    read -r mur utilisateur systeme <"$work/temps"
    printf 'run %s  %-7s wall %5.2f s  cpu %5.2f s  load %s  %s\n' "$run" "$pass" "$mur" "$(echo "$utilisateur + $systeme" | bc)" \
      "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -m1 -o ' : [^,]*' "$work/sortie-$pass.txt" | head -1)"
  done
done
