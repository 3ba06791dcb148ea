#!/usr/bin/env bash
# Console load figures for docs/performance.md: a SQLite database of many schools (default 100
# schools ≈ 510,000 accounts: 10 seeded by `seed-demo` with 2,000 pupils each, then copied with SQL
# under new UAIs to reach the volume), the built app in Production on 127.0.0.1, wrk on the search
# page, and "select all 2,000 pupils → notify (letters) → PDF downloaded" timed with curl.
# Usage: scripts/bench-console.sh [schools]
# With PGHOST/PGPORT/PGUSER/PGDATABASE set (an empty database), the same run on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
schools=${1:-100}
work=$(mktemp -d /tmp/credentials-bench.XXXXXX)
export DataDirectory="$work"
if [ -n "${PGDATABASE:-}" ]; then
  export Database__Provider=Postgres
  export ConnectionStrings__Credentials="Host=${PGHOST:-127.0.0.1};Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Database=$PGDATABASE"
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

dotnet build Credentials.sln -c Release -nologo -v quiet >/dev/null
cli="dotnet src/Credentials.Cli/bin/Release/net10.0/credentials.dll"
start=$(date +%s.%N)
$cli seed-demo --uai 0999999Z --eleves 2000 --etablissements 9 | tail -2
echo "seeded 10 schools in $(echo "$(date +%s.%N) - $start" | bc) s"
# Copies of schools 2..10 under new UAIs (accounts without classes) until there are $schools schools.
if [ -n "${PGDATABASE:-}" ]; then
psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$
DECLARE cols text; vals text; ecols text; copie int := 0; n int; src int; nouveau int;
BEGIN
  SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) INTO cols
    FROM information_schema.columns WHERE table_name = 'Comptes' AND column_name <> 'Id';
  SELECT string_agg(CASE WHEN column_name = 'EtablissementId' THEN '\$1' WHEN column_name = 'ClasseId' THEN 'NULL'
                         WHEN column_name IN ('Identifiant', 'IdentifiantRacine') THEN quote_ident(column_name) || ' || \$2'
                         ELSE quote_ident(column_name) END, ',' ORDER BY ordinal_position) INTO vals
    FROM information_schema.columns WHERE table_name = 'Comptes' AND column_name <> 'Id';
  SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) INTO ecols
    FROM information_schema.columns WHERE table_name = 'Etablissements' AND column_name NOT IN ('Id', 'Uai');
  SELECT count(*) INTO n FROM "Etablissements";
  WHILE n < $schools LOOP
    copie := copie + 1;
    FOR src IN 2..10 LOOP
      EXIT WHEN n >= $schools;
      EXECUTE format('INSERT INTO "Etablissements" ("Uai", %s) SELECT \$1, %s FROM "Etablissements" WHERE "Id" = \$2 RETURNING "Id"', ecols, ecols)
        INTO nouveau USING lpad((900000 + copie * 100 + src)::text, 7, '0') || 'C', src;
      EXECUTE format('INSERT INTO "Comptes" (%s) SELECT %s FROM "Comptes" WHERE "EtablissementId" = \$3', cols, vals)
        USING nouveau, '.c' || copie || 'e' || src, src;
      n := n + 1;
    END LOOP;
  END LOOP;
END \$\$;
ANALYZE;
SQL
else
/usr/bin/python3 - "$work/credentials.db" "$schools" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); cible = int(sys.argv[2])
cols = [r[1] for r in db.execute("pragma table_info(Comptes)") if r[1] != "Id"]
ecols = [r[1] for r in db.execute("pragma table_info(Etablissements)") if r[1] not in ("Id", "Uai")]
copie, n = 0, db.execute("select count(*) from Etablissements").fetchone()[0]
while n < cible:
    copie += 1
    for source in range(2, 11):
        if n >= cible: break
        uai = "%07d%s" % (900000 + copie * 100 + source, "C")
        db.execute(f"insert into Etablissements (Uai, {','.join(ecols)}) select ?, {','.join(ecols)} from Etablissements where Id = ?", (uai, source))
        nouveau = db.execute("select last_insert_rowid()").fetchone()[0]
        valeurs = [
            "?" if c == "EtablissementId" else "NULL" if c == "ClasseId"
            else f"Identifiant || '.c{copie}e{source}'" if c in ("Identifiant", "IdentifiantRacine") else c
            for c in cols]
        db.execute(f"insert into Comptes ({','.join(cols)}) select {','.join(valeurs)} from Comptes where EtablissementId = ?", (nouveau, source))
        n += 1
db.commit(); db.execute("analyze"); db.close()
PY
fi
echo "database ready in $(echo "$(date +%s.%N) - $start" | bc) s"
$cli create-user --email bench@test.fr --role Directeur --uai 0999999Z --password bench-password-42 >/dev/null

port=5099
ASPNETCORE_ENVIRONMENT=Production dotnet src/Credentials.Web/bin/Release/net10.0/Credentials.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/compte/connexion" | token)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Courriel=bench@test.fr" --data-urlencode "MotDePasse=bench-password-42" --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$port/compte/connexion"
cookie=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7}' "$jar"; grep -o '#HttpOnly_[^ ]*\s.*' "$jar" | awk '{printf "%s=%s; ", $6, $7}')
if [ -n "${PGDATABASE:-}" ]; then
  accounts=$(psql -tAc 'select count(*) from "Comptes"')
else
  accounts=$(sqlite3 "$work/credentials.db" 'select count(*) from Comptes' 2>/dev/null || echo "?")
fi
echo "accounts in database: $accounts"

for url in "/eleves?classes=6A" "/eleves?q=mar" "/eleves?etats=NotifieNonActive&page=3"; do
  echo "== wrk $url"
  wrk -t2 -c4 -d15s -H "Cookie: $cookie" "http://127.0.0.1:$port$url" | grep -E 'Latency|Requests/sec|Non-2xx'
done

echo "== select all 2,000 pupils -> notify (letters) -> PDF"
t=$(curl -s -b "$jar" -c "$jar" "http://127.0.0.1:$port/eleves" | token)
curl -s -b "$jar" -c "$jar" -o "$work/lettres.pdf" -w 'HTTP %{http_code}, %{size_download} bytes, total %{time_total} s\n' \
  --data-urlencode "tous=true" --data-urlencode "modele=Detaillee" --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$port/eleves/notifier"
pdfinfo "$work/lettres.pdf" | grep Pages
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"
